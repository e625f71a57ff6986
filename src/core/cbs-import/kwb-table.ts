/**
 * The CBS "kwb-YYYY" layout (xlsx or csv): one row per region with gwb_code_10 (NL00, GM0344,
 * WK034403, BU03440311), gwb_code_8, regio (name), gm_naam, recs (Land/Gemeente/Wijk/Buurt),
 * gwb_code, ind_wbi and then one column per variable under its kwb short name (a_inw, p_huurw ...).
 * Missing or secret is ".", and numbers are sometimes stored as text.
 */
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { deriveIndicatorKey } from '../analysis/indicator-catalogue.ts';
import { REGION_ATTRIBUTE_COLUMNS } from '../analysis/indicator-overlay.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { NewIndicators } from './new-indicators.ts';
import type { CbsFormat, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import type { Cell, ValueColumn } from './wide-table.ts';
import { readWideRows } from './wide-table.ts';

/** kwb naming convention: a_ aantal, p_ percentage (or per 1 000), g_ gemiddelde, m_ mediaan. */
function guessUnit(column: string): string {
  if (column.startsWith('a_')) return 'aantal';
  if (column.startsWith('p_')) return '%';
  return '';
}

export function findKwbHeader(header: readonly string[]): boolean {
  const lower = header.map((h) => h.trim().toLowerCase());
  return lower.includes('gwb_code_10') || lower.includes('gwb_code');
}

export function readKwbRows(input: {
  fileName: string;
  format: CbsFormat;
  year: number;
  tableId?: string;
  header: readonly string[];
  records: Iterable<readonly [number, readonly Cell[]]>;
  catalogue: IndicatorCatalogue;
  isRaggedAllowed: boolean;
}): ReadResult {
  const { fileName, header, catalogue } = input;
  const lower = header.map((h) => h.trim().toLowerCase());
  const codeIndex =
    lower.indexOf('gwb_code_10') >= 0 ? lower.indexOf('gwb_code_10') : lower.indexOf('gwb_code');
  if (codeIndex < 0)
    failImport(fileName, { row: 1, reason: 'geen kolom gwb_code_10 of gwb_code met regiocodes' });
  const issues = new ImportIssues(fileName);
  const newIndicators = new NewIndicators(catalogue, fileName);
  const valueColumns: ValueColumn[] = [];
  const ignoredColumns: { column: string; reason: string }[] = [];
  const attributeColumns: readonly string[] = REGION_ATTRIBUTE_COLUMNS.kwb;
  const seen = new Map<string, number>();

  lower.forEach((column, index) => {
    const shown = header[index]?.trim() ?? '';
    if (column === '') {
      ignoredColumns.push({ column: `kolom ${index + 1}`, reason: 'lege kolomkop' });
      return;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      issues.add({
        row: 1,
        column: shown,
        reason: `kolomnaam komt twee keer voor (ook kolom ${earlier + 1})`,
      });
      return;
    }
    seen.set(column, index);
    if (attributeColumns.includes(column)) {
      ignoredColumns.push({ column: shown, reason: 'regio-aanduiding, geen indicator' });
      return;
    }
    const known = catalogue.findByKwbColumn(column);
    const indicator =
      known ??
      newIndicators.obtain({
        originName: shown,
        key: /^[a-z][a-z0-9_]*$/.test(column) ? column : deriveIndicatorKey(shown),
        title: shown,
        unit: guessUnit(column),
        aliases: { kwbColumns: [column] },
      });
    valueColumns.push({ index, column: shown, indicatorKey: indicator.key });
  });
  issues.throwIfAny();

  const nameIndex = lower.indexOf('regio');
  const levelIndex = lower.indexOf('recs');
  const checkIndex = codeIndex === lower.indexOf('gwb_code_10') ? lower.indexOf('gwb_code') : -1;
  const table = readWideRows(
    {
      header,
      year: input.year,
      regionColumn: codeIndex,
      ...(nameIndex >= 0 ? { nameColumn: nameIndex } : {}),
      ...(levelIndex >= 0 ? { levelColumn: levelIndex } : {}),
      codeCheckColumns: checkIndex >= 0 ? [checkIndex] : [],
      valueColumns,
      isRaggedAllowed: input.isRaggedAllowed,
    },
    input.records,
    issues,
  );
  issues.throwIfAny();
  const indicators = newIndicators.list();
  return {
    format: input.format,
    year: input.year,
    ...(input.tableId !== undefined ? { tableId: input.tableId } : {}),
    source: {
      fileName,
      format: input.format,
      ...(input.tableId !== undefined ? { tableId: input.tableId } : {}),
    },
    regions: table.regions,
    observations: table.observations,
    indicators,
    report: summarizeRead({
      rows: table.rows,
      regions: table.regions,
      observations: table.observations,
      newIndicators: indicators,
      ignoredColumns,
      ignoredRows: table.ignoredRows,
    }),
  };
}
