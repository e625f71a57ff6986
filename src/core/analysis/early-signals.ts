/**
 * Early signals of decline: indicators whose trend over the last years worsens clearly faster in
 * the area than in its gemeente.
 *
 * Method (deliberately simple, so a council can follow it):
 * 1. Window: the last `window` report years (default 5), cut at the area's last break in the
 *    series (see development.ts); at least `minPoints` years with a figure (default 3).
 * 2. Trend: the ordinary least-squares slope, in the indicator's unit per year, for the area, for
 *    the gemeente and for every buurt of the gemeente with enough figures in the window.
 * 3. Worsening relative to the gemeente: excess = s x (area slope - gemeente slope), with s = +1
 *    when higher is worse and -1 when higher is better, so a positive excess is "worse".
 * 4. Yardstick: the usual spread of trends within the gemeente, the median absolute deviation of
 *    the buurt slopes x 1.4826 (a robust standard deviation; at least `minComparisonBuurten`, 5).
 * 5. Signal when the area itself worsens (s x area slope > 0; optional) and excess > threshold x
 *    spread (threshold 1 by default): a gap larger than about five in six buurten show.
 */
import { DomainError } from '../errors.ts';
import { computeAreaValue } from './area-value.ts';
import { detectBreak, getAreaCodesForYear } from './development.ts';
import type { AreaCodes } from './development.ts';
import type { Direction, Indicator } from './indicator.ts';
import { getBadnessSign } from './indicator.ts';
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import { getMunicipalityCode } from './region-code.ts';
import { computeLeastSquaresSlope, computeRobustSpread } from './trend.ts';
import type { YearTable } from './year-table.ts';
import { getTableValue } from './year-table.ts';

/** Dutch explanation of the method, for the UI. */
export const EARLY_SIGNAL_METHOD_NL = [
  'Hoe vroege signalen worden bepaald',
  'Voor elke indicator waarvan vaststaat wat beter is (hoger is beter of hoger is slechter) berekenen we de trend ' +
    'over de laatste vijf jaar: de helling van de rechte lijn die het best door de jaarcijfers past (kleinste ' +
    'kwadraten), uitgedrukt als verandering per jaar. Jaren van vóór een wijziging in de buurtindeling tellen niet ' +
    'mee, en er zijn minstens drie jaarcijfers nodig.',
  'Die trend vergelijken we met de trend van de hele gemeente. Een signaal ontstaat als het gebied zelf de slechte ' +
    'kant op gaat én dat duidelijk sneller doet dan de gemeente: het verschil is groter dan de gewone spreiding van ' +
    'de trends van alle buurten in de gemeente (de mediane absolute afwijking, omgerekend naar een ' +
    'standaardafwijking, zodat een paar uitschieters de maat niet bepalen).',
  'Een signaal is een aanwijzing om samen met professionals en bewoners te duiden, geen oordeel. Kleine buurten ' +
    'schommelen meer, en CBS rondt aantallen af; kijk daarom ook naar de cijfers zelf.',
].join('\n\n');

export interface EarlySignalOptions {
  window?: number;
  minPoints?: number;
  threshold?: number;
  minComparisonBuurten?: number;
  /**
   * Whether the area must itself get worse (default true). With false, falling behind an improving
   * gemeente counts too (relative decline, e.g. WOZ values that rise slower than elsewhere).
   */
  requireOwnWorsening?: boolean;
}

export interface TrendComparisonInput {
  direction: Direction;
  years: readonly number[];
  area: readonly (number | null)[];
  municipality: readonly (number | null)[];
  /** Per buurt of the gemeente: its values in the same years. */
  buurten: readonly (readonly (number | null)[])[];
}

export interface TrendComparison {
  fromYear: number | null;
  toYear: number | null;
  areaSlope: number | null;
  municipalitySlope: number | null;
  /** Positive = the area worsens faster than the gemeente, in the indicator's unit per year. */
  excess: number | null;
  spread: number | null;
  /** excess / spread. */
  score: number | null;
  comparisonBuurten: number;
  isSignal: boolean;
  /** Why no verdict could be reached, in Dutch. */
  reason?: string;
}

function slopeOf(
  years: readonly number[],
  values: readonly (number | null)[],
  minPoints: number,
): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((value, i) => {
    if (value !== null && Number.isFinite(value)) {
      xs.push(years[i] ?? 0);
      ys.push(value);
    }
  });
  return xs.length >= minPoints ? computeLeastSquaresSlope(xs, ys) : null;
}

/** The comparison itself, on plain series: unit-testable by hand. */
export function compareTrends(
  input: TrendComparisonInput,
  options: EarlySignalOptions = {},
): TrendComparison {
  const minPoints = options.minPoints ?? 3;
  const threshold = options.threshold ?? 1;
  const minBuurten = options.minComparisonBuurten ?? 5;
  const sign = getBadnessSign(input.direction);
  const areaSlope = slopeOf(input.years, input.area, minPoints);
  const municipalitySlope = slopeOf(input.years, input.municipality, minPoints);
  const buurtSlopes = input.buurten
    .map((series) => slopeOf(input.years, series, minPoints))
    .filter((slope): slope is number => slope !== null);
  const spread = buurtSlopes.length >= minBuurten ? computeRobustSpread(buurtSlopes) : null;
  const base: TrendComparison = {
    fromYear: input.years[0] ?? null,
    toYear: input.years[input.years.length - 1] ?? null,
    areaSlope,
    municipalitySlope,
    excess: null,
    spread,
    score: null,
    comparisonBuurten: buurtSlopes.length,
    isSignal: false,
  };
  if (sign === 0) return { ...base, reason: 'neutrale indicator: geen goede of slechte richting' };
  if (areaSlope === null || municipalitySlope === null) {
    return { ...base, reason: `minder dan ${minPoints} jaarcijfers voor gebied of gemeente` };
  }
  const excess = sign * (areaSlope - municipalitySlope);
  if (spread === null)
    return { ...base, excess, reason: `minder dan ${minBuurten} buurten om mee te vergelijken` };
  if (spread === 0)
    return { ...base, excess, reason: 'de trends van de buurten verschillen niet; geen maatstaf' };
  const score = excess / spread;
  const isWorsening = options.requireOwnWorsening === false || sign * areaSlope > 0;
  return { ...base, excess, score, isSignal: isWorsening && excess > threshold * spread };
}

export interface EarlySignal extends TrendComparison {
  indicatorKey: string;
}

export interface EarlySignalsResult {
  municipalityCode: string;
  /** Every indicator evaluated, signal or not. */
  evaluated: EarlySignal[];
  /** Only the signals, strongest first. */
  signals: EarlySignal[];
  method: string;
}

/** Early signals for an area over the given year tables (one per report year). */
export function computeEarlySignals(input: {
  tables: readonly YearTable[];
  catalogue: IndicatorCatalogue;
  area: AreaCodes;
  indicatorKeys?: readonly string[];
  options?: EarlySignalOptions;
}): EarlySignalsResult {
  const options = input.options ?? {};
  const windowSize = options.window ?? 5;
  const all = [...input.tables].sort((a, b) => a.year - b.year);
  let window = all.slice(-windowSize);
  // Cut the window at the area's last break: years before it are not comparable.
  for (let i = window.length - 1; i > 0; i--) {
    const table = window[i] as YearTable;
    const previous = window[i - 1] as YearTable;
    const found = detectBreak(
      table,
      getAreaCodesForYear(input.area, table.year),
      getAreaCodesForYear(input.area, previous.year),
    );
    if (found !== null) {
      window = window.slice(i);
      break;
    }
  }
  const last = window[window.length - 1];
  if (last === undefined) {
    throw new DomainError('invalid_input', 'Er zijn geen jaren om een trend over te berekenen.', {
      issues: [{ path: ['tables'], message: 'leeg' }],
    });
  }
  const lastCodes = getAreaCodesForYear(input.area, last.year);
  const municipalities = new Set(lastCodes.map((code) => getMunicipalityCode(code)));
  const municipalityCode = municipalities.size === 1 ? [...municipalities][0] : null;
  if (municipalityCode === null || municipalityCode === undefined) {
    throw new DomainError('invalid_input', 'Het gebied ligt niet in één gemeente.', {
      issues: [{ path: ['area'], message: 'vroege signalen vergelijken met één gemeente' }],
    });
  }
  const years = window.map((table) => table.year);
  const buurtCodes = Array.from(
    last.buurtenByMunicipality.get(municipalityCode) ?? [],
    (i) => last.codes[i] ?? '',
  );
  const indicators = (input.indicatorKeys ?? input.catalogue.indicators.map((i) => i.key))
    .map((key) => input.catalogue.get(key))
    .filter(
      (indicator): indicator is Indicator => indicator !== undefined && indicator.direction !== 'neutral',
    )
    .filter(
      (indicator) => indicator.kind !== 'code' && window.some((table) => table.columns.has(indicator.key)),
    );

  const evaluated = indicators.map((indicator): EarlySignal => {
    const comparison = compareTrends(
      {
        direction: indicator.direction,
        years,
        area: window.map(
          (table) =>
            computeAreaValue(table, indicator, getAreaCodesForYear(input.area, table.year), {
              withProvenance: false,
            }).value,
        ),
        municipality: window.map(
          (table) => computeAreaValue(table, indicator, [municipalityCode], { withProvenance: false }).value,
        ),
        buurten: buurtCodes
          .filter((code) =>
            window.every(
              (table, i) => table.index.has(code) && (i === 0 || getTableValue(table, code, 'ind_wbi') !== 3),
            ),
          )
          .map((code) => window.map((table) => getTableValue(table, code, indicator.key))),
      },
      options,
    );
    return { indicatorKey: indicator.key, ...comparison };
  });
  const signals = evaluated
    .filter((signal) => signal.isSignal)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return { municipalityCode, evaluated, signals, method: EARLY_SIGNAL_METHOD_NL };
}
