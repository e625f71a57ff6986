/**
 * Small hand-made year tables for the analysis tests: rows of region code -> indicator -> value
 * (null = a "." in the file). Row numbers start at 2, as under a header row.
 */
import type { Observation, RegionRecord } from './observation.ts';
import { getRegionLevel } from './region-code.ts';
import type { RegionLevel } from './region-code.ts';
import { buildYearTable } from './year-table.ts';
import type { YearTable } from './year-table.ts';

export type TableRows = Record<string, Record<string, number | null>>;

export function makeYearTable(year: number, rows: TableRows, fileName = `test-${year}.csv`): YearTable {
  const regions: RegionRecord[] = [];
  const observations: Observation[] = [];
  Object.entries(rows).forEach(([code, values], index) => {
    regions.push({ code, name: `Regio ${code}`, level: getRegionLevel(code) as RegionLevel, year });
    for (const [key, value] of Object.entries(values)) {
      observations.push({
        regionCode: code,
        indicatorKey: key,
        year,
        value,
        status: value === null ? 'missing' : 'ok',
        sourceRow: index + 2,
        sourceColumn: key,
      });
    }
  });
  return buildYearTable(year, [{ source: { fileName, format: 'test' }, regions, observations }]);
}
