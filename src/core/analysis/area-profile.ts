/**
 * The profile of an area in one year: per indicator the area's value (with coverage), the
 * gemeente's and the country's value, and the area's rank and percentile among the buurten of the
 * gemeente and of the country, each figure traced to its file and row.
 */
import { DomainError } from '../errors.ts';
import type { AreaValue } from './area-value.ts';
import { computeAreaValue } from './area-value.ts';
import type { Direction, Domain, Indicator, IndicatorKind } from './indicator.ts';
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import type { RegionRecord } from './observation.ts';
import type { Distribution, Position } from './rank.ts';
import { buildDistribution, locateValue } from './rank.ts';
import { getMunicipalityCode } from './region-code.ts';
import type { Provenance, YearTable } from './year-table.ts';

export interface ComparisonValue {
  value: number | null;
  coverage: number;
  /** observed: CBS's own row; otherwise aggregated from `parts` buurten of the table. */
  method: AreaValue['method'];
  parts: number;
}

export interface AreaProfileIndicator {
  key: string;
  title: string;
  unit: string;
  kind: IndicatorKind;
  domain: Domain | null;
  direction: Direction;
  value: number | null;
  /** Share of the area the value covers (1 = complete); see aggregate.ts. */
  coverage: number;
  method: AreaValue['method'];
  municipalityValue: number | null;
  countryValue: number | null;
  municipality: ComparisonValue | null;
  country: ComparisonValue;
  /** Mid-rank percentile among all buurten of the country (0-100, value based). */
  percentileInCountry: number | null;
  percentileInMunicipality: number | null;
  /** Rank (1 = worst), n and worst-end percentile among the buurten of the country / gemeente. */
  positionInCountry: Position | null;
  positionInMunicipality: Position | null;
  provenance: Provenance[];
}

export interface AreaProfile {
  name?: string;
  regions: RegionRecord[];
  year: number;
  municipalityCode: string | null;
  indicators: AreaProfileIndicator[];
}

/** Sorting the buurten once per (column, member set) is enough; the cache holds no I/O. */
const distributionCache = new WeakMap<Float64Array, WeakMap<Int32Array, Distribution>>();

export function getDistribution(values: Float64Array, members: Int32Array): Distribution {
  let byMembers = distributionCache.get(values);
  if (byMembers === undefined) {
    byMembers = new WeakMap();
    distributionCache.set(values, byMembers);
  }
  let distribution = byMembers.get(members);
  if (distribution === undefined) {
    distribution = buildDistribution(values, members);
    byMembers.set(members, distribution);
  }
  return distribution;
}

function toComparison(area: AreaValue): ComparisonValue {
  return { value: area.value, coverage: area.coverage, method: area.method, parts: area.parts.length };
}

export function buildAreaProfile(input: {
  table: YearTable;
  catalogue: IndicatorCatalogue;
  /** Region codes valid in the table's year: buurten, or one wijk or gemeente. */
  areaCodes: readonly string[];
  name?: string;
  indicatorKeys?: readonly string[];
}): AreaProfile {
  const { table, catalogue, areaCodes } = input;
  const unknown = areaCodes.filter((code) => !table.index.has(code));
  if (areaCodes.length === 0 || unknown.length > 0) {
    throw new DomainError('invalid_input', `Het gebied bevat codes die in ${table.year} niet bestaan.`, {
      issues: (unknown.length > 0 ? unknown : ['(leeg)']).map((code) => ({
        path: ['areaCodes', code],
        message: `geen regio in ${table.year}`,
      })),
    });
  }
  const municipalities = new Set(areaCodes.map((code) => getMunicipalityCode(code)));
  const municipalityCode = municipalities.size === 1 ? ([...municipalities][0] ?? null) : null;
  const municipalityMembers =
    municipalityCode === null ? undefined : table.buurtenByMunicipality.get(municipalityCode);
  const indicators = (input.indicatorKeys ?? catalogue.indicators.map((indicator) => indicator.key))
    .map((key) => catalogue.get(key))
    .filter((indicator): indicator is Indicator => indicator !== undefined && indicator.kind !== 'code')
    .filter((indicator) => table.columns.has(indicator.key));

  const profileIndicators = indicators.map((indicator): AreaProfileIndicator => {
    const column = table.columns.get(indicator.key);
    const area = computeAreaValue(table, indicator, areaCodes);
    const municipality =
      municipalityCode === null
        ? null
        : computeAreaValue(table, indicator, [municipalityCode], { withProvenance: false });
    const country = computeAreaValue(table, indicator, ['NL00'], { withProvenance: false });
    const countryPosition =
      column === undefined
        ? null
        : locateValue(getDistribution(column.values, table.buurten), area.value, indicator.direction);
    const municipalityPosition =
      column === undefined || municipalityMembers === undefined
        ? null
        : locateValue(getDistribution(column.values, municipalityMembers), area.value, indicator.direction);
    return {
      key: indicator.key,
      title: indicator.title,
      unit: indicator.unit,
      kind: indicator.kind,
      domain: indicator.domain,
      direction: indicator.direction,
      value: area.value,
      coverage: area.coverage,
      method: area.method,
      municipalityValue: municipality?.value ?? null,
      countryValue: country.value,
      municipality: municipality === null ? null : toComparison(municipality),
      country: toComparison(country),
      percentileInCountry: countryPosition?.percentile ?? null,
      percentileInMunicipality: municipalityPosition?.percentile ?? null,
      positionInCountry: countryPosition,
      positionInMunicipality: municipalityPosition,
      provenance: area.provenance,
    };
  });
  const regions: RegionRecord[] = areaCodes.map((code) => {
    const at = table.index.get(code) ?? 0;
    return { code, name: table.names[at] ?? null, level: table.levels[at] ?? 'BU', year: table.year };
  });
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    regions,
    year: table.year,
    municipalityCode,
    indicators: profileIndicators,
  };
}
