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
import { createDimensionSplit } from './dimension-split.ts';
import { iterateRecords } from './records.ts';
import { V3_REGION_KEYS } from './region-columns.ts';
import type { ValueColumn } from './wide-table.ts';
import { readWideRows } from './wide-table.ts';

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
  /** Keys of further dimensions (SoortMisdrijf, Leeftijd): keys without the _<n> of a topic. */
  dimensionColumns: number[];
}

function planColumns(
  header: readonly string[],
  catalogue: IndicatorCatalogue,
  newIndicators: NewIndicators,
  issues: ImportIssues,
  tableId: string | undefined,
  topicTitles: ReadV3Options['topicTitles'],
): ColumnPlan {
  const attributeStems: readonly string[] = REGION_ATTRIBUTE_COLUMNS.v3Stems;
  const valueColumns: ValueColumn[] = [];
  const ignoredColumns: { column: string; reason: string }[] = [];
  const dimensionColumns: number[] = [];
  const isMetadataTable = tableId !== undefined && catalogue.metadataTable?.tableId === tableId;
  header.forEach((column, index) => {
    const stem = getV3Stem(column);
    if (column === '') {
      ignoredColumns.push({ column: `kolom ${index + 1}`, reason: 'lege kolomkop' });
      return;
    }
    if (attributeStems.includes(stem) || V3_REGION_KEYS.includes(column)) {
      ignoredColumns.push({ column, reason: 'regio-aanduiding, geen indicator' });
      return;
    }
    if (!/_\d+$/.test(column)) {
      dimensionColumns.push(index);
      ignoredColumns.push({ column, reason: 'dimensie: elke waarde geeft eigen indicatoren' });
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
      const described = topicTitles?.[column];
      key = newIndicators.obtain({
        originName: column,
        key: deriveIndicatorKey(stem),
        title: described?.title ?? humanizeStem(stem),
        unit: described?.unit ?? '',
        aliases: { v3Stems: [stem] },
      }).key;
    }
    if (key !== undefined) valueColumns.push({ index, column, indicatorKey: key });
  });
  return { valueColumns, ignoredColumns, dimensionColumns };
}

export function readODataV3Typed(text: string, options: ReadOptions): ReadResult {
  const body = stripByteOrderMark(text);
  const records = parseDelimited(body, {
    delimiter: detectDelimiter(body.slice(0, 2000)),
    fileName: options.fileName,
  });
  return readODataV3Records(records, { ...options, format: 'odata-v3-typed' });
}

export interface ReadV3Options extends ReadOptions {
  format: 'odata-v3-typed' | 'odata-v3-json';
  /** Titles and units of the table's topics (from its DataProperties): key -> { title, unit }. */
  topicTitles?: Readonly<Record<string, { title: string; unit: string }>>;
}

/** The rows of a TypedDataSet (header first, as from a CSV or from OData JSON) as regions and observations. */
export function readODataV3Records(records: readonly string[][], options: ReadV3Options): ReadResult {
  const { fileName, catalogue } = options;
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || isBlankRecord(header))
    failImport(fileName, { row: 1, reason: 'het bestand is leeg' });
  const regionColumn = header.findIndex((h) => V3_REGION_KEYS.includes(h));
  if (regionColumn < 0)
    failImport(fileName, { row: 1, reason: `geen regiokolom (${V3_REGION_KEYS.join(', ')})` });

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
  const plan = planColumns(header, catalogue, newIndicators, issues, tableId, options.topicTitles);
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
      ...(plan.dimensionColumns.length > 0
        ? {
            dimensionColumns: plan.dimensionColumns,
            resolveIndicator: createDimensionSplit({
              catalogue,
              newIndicators,
              lookup: (key) => newIndicators.list().find((indicator) => indicator.key === key),
              ...(options.dimensionLabels !== undefined
                ? { labelTitles: new Map(Object.entries(options.dimensionLabels)) }
                : {}),
            }),
          }
        : {}),
    },
    iterateRecords(records),
    issues,
  );
  issues.throwIfAny();
  const observed = new Set(table.observations.map((o) => o.indicatorKey));
  const indicators = newIndicators.list().filter((indicator) => observed.has(indicator.key));
  return {
    format: options.format,
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    source: { fileName, format: options.format, ...(tableId !== undefined ? { tableId } : {}) },
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
