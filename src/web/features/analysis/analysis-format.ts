/**
 * Dutch wording of the focus area's figures: numbers with a decimal comma and their unit, the
 * comparison with the municipality in words that know which way is good (direction), the position
 * among buurten, and CBS's missing/secret markers said in words (never as 0).
 */
import { DOMAIN_LABELS, type Domain } from '../../../core/analysis/indicator.ts';
import type { AnalysisIndicator, FigureProvenance, IndicatorDirection } from '../../api/analysis.ts';

type Kind = AnalysisIndicator['kind'];

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const twoDecimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/**
 * Counts without decimals; other figures with one decimal (as CBS publishes percentages and
 * averages), or two below 10 so that 0,54 km or 1,97 persons per household keep their meaning.
 */
export function formatNumber(value: number, kind: Kind = 'average'): string {
  if (kind === 'count') return integerFormat.format(value);
  return (Math.abs(value) < 10 ? twoDecimalFormat : oneDecimalFormat).format(value);
}

/** The figure with its unit: "79,5%", "35.255", "114,8 per 1 000 inwoners"; "–" for no figure. */
export function formatFigure(value: number | null, indicator: { kind: Kind; unit: string }): string {
  if (value === null) return '–';
  const text = formatNumber(value, indicator.kind);
  if (indicator.unit === '%') return `${text}%`;
  if (indicator.unit === '' || indicator.unit === 'aantal') return text;
  return `${text} ${indicator.unit}`;
}

/** "78%" for a coverage of 0.78. */
export function formatShare(share: number): string {
  return `${integerFormat.format(share * 100)}%`;
}

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher_is_better: 'hoger is gunstiger',
  higher_is_worse: 'hoger is ongunstiger',
  neutral: 'neutraal (beschrijvend: hoger is niet beter of slechter)',
};

export const KIND_LABELS: Record<Kind, string> = {
  count: 'aantal (wordt opgeteld over de buurten)',
  percentage: 'percentage van een basis (gewogen met die basis)',
  average: 'gemiddelde per eenheid (gewogen met het aantal eenheden)',
  code: 'code (wordt niet samengevoegd)',
};

export function domainLabel(domain: string | null): string {
  if (domain === null) return 'Overig';
  return DOMAIN_LABELS[domain as Domain] ?? domain;
}

export type Comparison = 'better' | 'worse' | 'higher' | 'lower' | 'equal';

/**
 * How the area compares with a reference (the municipality). Equal when both round to the same
 * shown figure: a difference the reader cannot see is not reported as better or worse.
 */
export function compareWith(
  value: number | null,
  reference: number | null,
  indicator: { kind: Kind; direction: IndicatorDirection },
): Comparison | null {
  if (value === null || reference === null) return null;
  if (formatNumber(value, indicator.kind) === formatNumber(reference, indicator.kind)) return 'equal';
  const isHigher = value > reference;
  if (indicator.direction === 'neutral') return isHigher ? 'higher' : 'lower';
  return isHigher === (indicator.direction === 'higher_is_better') ? 'better' : 'worse';
}

const COMPARISON_WORDS: Record<Comparison, string> = {
  better: 'gunstiger dan',
  worse: 'ongunstiger dan',
  higher: 'hoger dan',
  lower: 'lager dan',
  equal: 'gelijk aan',
};

/** "gunstiger dan de gemeente", or null when one of the figures is missing. */
export function describeComparison(comparison: Comparison | null, reference = 'de gemeente'): string | null {
  return comparison === null ? null : `${COMPARISON_WORDS[comparison]} ${reference}`;
}

/**
 * The position among buurten in words. `percentile` is "higher than p% of the buurten" (Hazen, see
 * core/analysis/rank.ts); `worstPercentile` measures from the worst end (null when neutral).
 */
export function describePosition(
  position: { percentile: number; worstPercentile: number | null; n: number } | null,
  where: string,
): string | null {
  if (position === null) return null;
  const higher = `hoger dan ${integerFormat.format(position.percentile)}% van de ${integerFormat.format(position.n)} buurten ${where}`;
  if (position.worstPercentile === null) return higher;
  const worst = position.worstPercentile;
  const side =
    worst <= 50
      ? `bij de ${integerFormat.format(Math.max(1, Math.round(worst)))}% ongunstigste`
      : `bij de ${integerFormat.format(Math.max(1, Math.round(100 - worst)))}% gunstigste`;
  return `${higher}; daarmee ${side}`;
}

export const STATUS_LABELS: Record<FigureProvenance['status'], string> = {
  ok: 'cijfer',
  missing: 'geen cijfer (CBS: onbekend of te klein)',
  secret: 'geheim (CBS: x)',
  absent: 'niet in het bestand',
};

/** "kwb-2024-utrecht.xlsx, tabel 85984NED, rij 30, kolom a_man". */
export function describeProvenance(p: FigureProvenance): string {
  const parts = [
    p.fileName ?? 'bestand onbekend',
    p.tableId ? `tabel ${p.tableId}` : null,
    p.row !== null ? `rij ${p.row}` : null,
    p.column ? `kolom ${p.column}` : null,
  ].filter((part): part is string => part !== null);
  return parts.join(', ');
}
