/**
 * Reader for CBS OData v3 TypedDataSet exports: one row per region, the region key in
 * WijkenEnBuurten (or RegioS), text columns right-padded with spaces, and one column per topic named
 * <Stem>_<n>. The numeric suffix shifts between years and table revisions (MateVanStedelijkheid_104
 * in 2017, _122 or _127 in 2024), so columns map to indicators by their stem; a stem CBS uses for
 * several topics (Nederland, Appartement) is resolved by the order of its columns, which CBS keeps.
 */
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { deriveIndicatorKey, getV3Stem } from '../analysis/indicator-catalogue.ts';
import { REGION_ATTRIBUTE_COLUMNS } from '../analysis/indicator-overlay.ts';
import { parsePeriodYear, resolveTableId, resolveYear } from './detect-year.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { NewIndicators } from './new-indicators.ts';
import { isBlankRecord, parseDelimited, stripByteOrderMark } from './parse-csv.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import { detectDelimiter } from './read-kwb-csv.ts';
import { iterateRecords } from './records.ts';
import type { ValueColumn } from './wide-table.ts';
import { readWideRows } from './wide-table.ts';

const REGION_KEYS = ['WijkenEnBuurten', 'RegioS'];

/** "GeregistreerdeMisdrijven" -> "Geregistreerde misdrijven". */
export function humanizeStem(stem: string): string {
  const words = stem
    .replace(/^k_/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function getSuffix(column: string): number {
  const match = /_(\d+)$/.exec(column);
  return match ? Number(match[1]) : 0;
}

interface ColumnPlan {
  valueColumns: ValueColumn[];
  ignoredColumns: { column: string; reason: string }[];
}

function planColumns(
  header: readonly string[],
  catalogue: IndicatorCatalogue,
  newIndicators: NewIndicators,
  issues: ImportIssues,
  tableId: string | undefined,
): ColumnPlan {
  const attributeStems: readonly string[] = REGION_ATTRIBUTE_COLUMNS.v3Stems;
  const valueColumns: ValueColumn[] = [];
  const ignoredColumns: { column: string; reason: string }[] = [];
  const isMetadataTable = tableId !== undefined && catalogue.metadataTable?.tableId === tableId;
  header.forEach((column, index) => {
    const stem = getV3Stem(column);
    if (column === '') {
      ignoredColumns.push({ column: `kolom ${index + 1}`, reason: 'lege kolomkop' });
      return;
    }
    if (attributeStems.includes(stem)) {
      ignoredColumns.push({ column, reason: 'regio-aanduiding, geen indicator' });
      return;
    }
    const candidates = catalogue.findByV3Stem(stem);
    let key: string | undefined;
    if (candidates.length === 1) key = candidates[0]?.key;
    else if (candidates.length > 1) {
      const siblings = header.filter((other) => getV3Stem(other) === stem);
      siblings.sort((a, b) => getSuffix(a) - getSuffix(b));
      const exact = isMetadataTable ? catalogue.findByV3Key(column) : undefined;
      if (siblings.length === candidates.length) key = candidates[siblings.indexOf(column)]?.key;
      else if (exact !== undefined && candidates.includes(exact)) key = exact.key;
      else {
        issues.add({
          row: 1,
          column,
          reason:
            `niet eenduidig: ${stem} is de naam van ${candidates.map((c) => c.key).join(', ')}; ` +
            'lever de DataProperties van deze tabel mee of neem alle kolommen met deze naam op',
        });
        return;
      }
    } else {
      key = newIndicators.obtain({
        originName: column,
        key: deriveIndicatorKey(stem),
        title: humanizeStem(stem),
        unit: '',
        aliases: { v3Stems: [stem] },
      }).key;
    }
    if (key !== undefined) valueColumns.push({ index, column, indicatorKey: key });
  });
  return { valueColumns, ignoredColumns };
}

export function readODataV3Typed(text: string, options: ReadOptions): ReadResult {
  const { fileName, catalogue } = options;
  const body = stripByteOrderMark(text);
  const records = parseDelimited(body, { delimiter: detectDelimiter(body.slice(0, 2000)), fileName });
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || isBlankRecord(header))
    failImport(fileName, { row: 1, reason: 'het bestand is leeg' });
  const regionColumn = header.findIndex((h) => REGION_KEYS.includes(h));
  if (regionColumn < 0) failImport(fileName, { row: 1, reason: 'geen kolom WijkenEnBuurten of RegioS' });

  const periodIndex = header.indexOf('Perioden');
  let periodYear: number | undefined;
  if (periodIndex >= 0) {
    for (const [row, fields] of iterateRecords(records)) {
      const year = parsePeriodYear(fields[periodIndex] ?? '');
      if (year === null || (periodYear !== undefined && periodYear !== year)) {
        failImport(fileName, { row, column: 'Perioden', reason: 'één jaar per bestand verwacht' });
      }
      periodYear = year;
    }
  }
  const tableId = resolveTableId(fileName, options.tableId);
  const year = resolveYear(fileName, {
    ...(options.year !== undefined ? { explicitYear: options.year } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    ...(periodYear !== undefined ? { periodYear } : {}),
  });

  const issues = new ImportIssues(fileName);
  const newIndicators = new NewIndicators(catalogue, fileName);
  const plan = planColumns(header, catalogue, newIndicators, issues, tableId);
  issues.throwIfAny();
  const levelColumn = header.findIndex((h) => getV3Stem(h) === 'SoortRegio');
  const codeColumn = header.findIndex((h) => getV3Stem(h) === 'Codering');
  const table = readWideRows(
    {
      header,
      year,
      regionColumn,
      ...(levelColumn >= 0 ? { levelColumn } : {}),
      codeCheckColumns: codeColumn >= 0 ? [codeColumn] : [],
      valueColumns: plan.valueColumns,
    },
    iterateRecords(records),
    issues,
  );
  issues.throwIfAny();
  const indicators = newIndicators.list();
  return {
    format: 'odata-v3-typed',
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    source: { fileName, format: 'odata-v3-typed', ...(tableId !== undefined ? { tableId } : {}) },
    regions: table.regions,
    observations: table.observations,
    indicators,
    report: summarizeRead({
      rows: table.rows,
      regions: table.regions,
      observations: table.observations,
      newIndicators: indicators,
      ignoredColumns: plan.ignoredColumns,
      ignoredRows: table.ignoredRows,
    }),
  };
}
