/**
 * Reader for region name lists (OData v3/v4 dimension exports "Identifier,Title", e.g.
 * buurtnamen-2024.csv: BU16800000,Annen). Produces regions only, no observations.
 */
import type { RegionRecord } from '../analysis/observation.ts';
import type { RegionLevel } from '../analysis/region-code.ts';
import { getRegionLevel, isPseudoRegionCode, normalizeRegionCode } from '../analysis/region-code.ts';
import { resolveTableId, resolveYear } from './detect-year.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { parseDelimited } from './parse-csv.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import { iterateRecords } from './records.ts';

export function readRegionNames(text: string, options: ReadOptions): ReadResult {
  const { fileName } = options;
  const records = parseDelimited(text, { delimiter: ',', fileName });
  const header = (records[0] ?? []).map((h) => h.trim());
  const codeIndex = header.indexOf('Identifier');
  const nameIndex = header.indexOf('Title');
  if (codeIndex < 0 || nameIndex < 0) {
    failImport(fileName, { row: 1, reason: 'kolommen Identifier en Title verwacht' });
  }
  const tableId = resolveTableId(fileName, options.tableId);
  const year = resolveYear(fileName, {
    ...(options.year !== undefined ? { explicitYear: options.year } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
  });
  const issues = new ImportIssues(fileName);
  const regions: RegionRecord[] = [];
  const seen = new Map<string, number>();
  const ignoredRows: { row: number; reason: string }[] = [];
  let rows = 0;
  for (const [row, fields] of iterateRecords(records)) {
    rows++;
    if (fields.length !== header.length) {
      issues.add({ row, reason: `afgebroken rij: ${fields.length} van de ${header.length} kolommen` });
      continue;
    }
    const raw = fields[codeIndex] ?? '';
    const code = normalizeRegionCode(raw);
    if (code === null) {
      issues.add({ row, column: 'Identifier', reason: `'${raw.trim()}' is geen geldige CBS-regiocode` });
      continue;
    }
    if (isPseudoRegionCode(code)) {
      ignoredRows.push({ row, reason: `${code} is een pseudo-code (niet in te delen), geen gebied` });
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      issues.add({ row, column: 'Identifier', reason: `${code} stond al in rij ${earlier}` });
      continue;
    }
    seen.set(code, row);
    const name = (fields[nameIndex] ?? '').trim();
    regions.push({ code, name: name === '' ? null : name, level: getRegionLevel(code) as RegionLevel, year });
  }
  issues.throwIfAny();
  return {
    format: 'region-names',
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    source: { fileName, format: 'region-names', ...(tableId !== undefined ? { tableId } : {}) },
    regions,
    observations: [],
    indicators: [],
    report: summarizeRead({ rows, regions, observations: [], newIndicators: [], ignoredRows }),
  };
}
