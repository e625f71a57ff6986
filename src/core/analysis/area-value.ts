/**
 * The value of an indicator for an area in one year table: CBS's own figure when the area is one
 * region with a published value (a wijk, a gemeente), otherwise the aggregate of its buurten.
 */
import type { AggregateResult, AggregationPart } from './aggregate.ts';
import { aggregateParts } from './aggregate.ts';
import type { Indicator } from './indicator.ts';
import { getRegionLevel } from './region-code.ts';
import type { Provenance, YearTable } from './year-table.ts';
import { getProvenance, getTableValue } from './year-table.ts';

export interface AreaValue {
  value: number | null;
  coverage: number;
  /** observed: the region's own published figure; otherwise how the parts were combined. */
  method: 'observed' | AggregateResult['method'];
  /** Region codes whose figures make up the value. */
  parts: string[];
  aggregate?: AggregateResult;
  provenance: Provenance[];
}

/** The base of a part: the sum of the base keys, null when one of them is unknown. */
export function getPartBase(table: YearTable, indicator: Indicator, code: string): number | null {
  if (indicator.base === null) return null;
  let sum = 0;
  for (const key of indicator.base.keys) {
    const value = getTableValue(table, code, key);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** The buurten of a region in this table: itself for a buurt, its buurten for a wijk, gemeente or NL00. */
export function expandToBuurten(table: YearTable, code: string): string[] {
  const level = getRegionLevel(code);
  if (level === 'BU') return table.index.has(code) ? [code] : [];
  if (level === 'NL') return Array.from(table.buurten, (i) => table.codes[i] ?? '');
  if (level === 'GM')
    return Array.from(table.buurtenByMunicipality.get(code) ?? [], (i) => table.codes[i] ?? '');
  if (level === 'WK') {
    const prefix = `BU${code.slice(2)}`;
    const municipality = table.buurtenByMunicipality.get(`GM${code.slice(2, 6)}`) ?? new Int32Array();
    return Array.from(municipality, (i) => table.codes[i] ?? '').filter((c) => c.startsWith(prefix));
  }
  return [];
}

export function aggregateInTable(
  table: YearTable,
  indicator: Indicator,
  codes: readonly string[],
): AggregateResult {
  const parts: AggregationPart[] = codes.map((code) => ({
    regionCode: code,
    value: getTableValue(table, code, indicator.key),
    base: getPartBase(table, indicator, code),
  }));
  return aggregateParts(indicator, parts);
}

/**
 * An area is a list of region codes valid in the table's year: usually buurten (a focus area),
 * or a single wijk/gemeente code whose own row is used when published, else its buurten.
 */
export function computeAreaValue(
  table: YearTable,
  indicator: Indicator,
  codes: readonly string[],
  /**
   * withProvenance false: keep the provenance of a region's own published figure (one row) but not
   * of an aggregate, whose per-buurt provenance over a whole country is the costly part.
   */
  options: { withProvenance?: boolean } = {},
): AreaValue {
  const withProvenance = options.withProvenance ?? true;
  const only = codes.length === 1 ? codes[0] : undefined;
  if (only !== undefined) {
    const own = getTableValue(table, only, indicator.key);
    if (own !== null) {
      return {
        value: own,
        coverage: 1,
        method: 'observed',
        parts: [only],
        provenance: getProvenance(table, only, indicator.key),
      };
    }
  }
  const parts =
    only !== undefined && getRegionLevel(only) !== 'BU' ? expandToBuurten(table, only) : [...codes];
  const aggregate = aggregateInTable(table, indicator, parts);
  const provenance = withProvenance ? parts.flatMap((code) => getProvenance(table, code, indicator.key)) : [];
  return {
    value: aggregate.value,
    coverage: aggregate.coverage,
    method: aggregate.method,
    parts,
    aggregate,
    provenance,
  };
}
