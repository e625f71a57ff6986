/**
 * Development of an indicator for an area over the years, with breaks where the area's regions
 * changed: CBS marks a boundary change with Indelingswijziging (ind_wbi) 3 and a new code with 2
 * (85984NED, "IndelingswijzigingGemeenteWijkBuurt"); a part that does not exist in a year breaks
 * the series too. Values on either side of a break are not compared.
 */
import { DomainError } from '../errors.ts';
import type { AreaValue } from './area-value.ts';
import { computeAreaValue } from './area-value.ts';
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import type { YearTable } from './year-table.ts';
import { getTableValue } from './year-table.ts';

export type AreaCodes = readonly string[] | ReadonlyMap<number, readonly string[]>;

export interface DevelopmentPoint extends AreaValue {
  year: number;
}

export interface DevelopmentBreak {
  /** First year of the new, not comparable, segment. */
  year: number;
  reason: 'boundary_changed' | 'code_changed' | 'parts_changed';
  regionCodes: string[];
}

export interface Development {
  indicatorKey: string;
  points: DevelopmentPoint[];
  breaks: DevelopmentBreak[];
  /** Runs of years that can be compared with each other. */
  segments: { fromYear: number; toYear: number }[];
}

export function getAreaCodesForYear(area: AreaCodes, year: number): readonly string[] {
  if (Array.isArray(area)) return area as readonly string[];
  return (area as ReadonlyMap<number, readonly string[]>).get(year) ?? [];
}

/** Why the area is not comparable with the year before, or null when it is. */
export function detectBreak(
  table: YearTable,
  codes: readonly string[],
  previousCodes: readonly string[] | null,
): DevelopmentBreak | null {
  const missing = codes.filter((code) => !table.index.has(code));
  const isSameSet =
    previousCodes === null ||
    (previousCodes.length === codes.length && previousCodes.every((code) => codes.includes(code)));
  if (missing.length > 0 || !isSameSet) {
    return {
      year: table.year,
      reason: 'parts_changed',
      regionCodes: missing.length > 0 ? missing : [...codes],
    };
  }
  const boundary = codes.filter((code) => getTableValue(table, code, 'ind_wbi') === 3);
  if (boundary.length > 0) return { year: table.year, reason: 'boundary_changed', regionCodes: boundary };
  const recoded = codes.filter((code) => getTableValue(table, code, 'ind_wbi') === 2);
  if (recoded.length > 0) return { year: table.year, reason: 'code_changed', regionCodes: recoded };
  return null;
}

export function computeDevelopment(input: {
  tables: readonly YearTable[];
  catalogue: IndicatorCatalogue;
  indicatorKey: string;
  area: AreaCodes;
  /** Per-part provenance of every point (default true); comparisons over a country do without. */
  withProvenance?: boolean;
}): Development {
  const indicator = input.catalogue.get(input.indicatorKey);
  if (indicator === undefined) {
    throw new DomainError('not_found', `Indicator ${input.indicatorKey} staat niet in de catalogus.`, {
      issues: [{ path: ['indicatorKey'], message: 'onbekende indicator' }],
    });
  }
  const tables = [...input.tables].sort((a, b) => a.year - b.year);
  const points: DevelopmentPoint[] = [];
  const breaks: DevelopmentBreak[] = [];
  let previousCodes: readonly string[] | null = null;
  for (const table of tables) {
    const codes = getAreaCodesForYear(input.area, table.year);
    if (points.length > 0) {
      const found = detectBreak(table, codes, previousCodes);
      if (found !== null) breaks.push(found);
    }
    points.push({
      year: table.year,
      ...computeAreaValue(table, indicator, codes, { withProvenance: input.withProvenance ?? true }),
    });
    previousCodes = codes;
  }
  const segments: { fromYear: number; toYear: number }[] = [];
  let start = points[0]?.year;
  for (const point of points) {
    if (start === undefined) break;
    if (breaks.some((b) => b.year === point.year) && point.year !== start) {
      segments.push({ fromYear: start, toYear: points[points.indexOf(point) - 1]?.year ?? start });
      start = point.year;
    }
  }
  const last = points[points.length - 1];
  if (start !== undefined && last !== undefined) segments.push({ fromYear: start, toYear: last.year });
  return { indicatorKey: indicator.key, points, breaks, segments };
}
