/**
 * Reader for StatLine "CSV met statistische symbolen": ";"-separated, every field quoted, UTF-8
 * with a byte order mark, right-padded codes ("GM0344    "), numbers padded on the left, "." for
 * missing and a decimal comma or point. Headers are the variable titles with their group path and
 * unit, e.g. "Gezondheid en welzijn/Huisartsenpraktijk/Afstand tot huisartsenpraktijk (km)".
 * The region code sits in "Regioaanduiding/Codering (code)"; the first column holds the name.
 */
import type { Indicator } from '../analysis/indicator.ts';
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { deriveIndicatorKey, normalizeTitle } from '../analysis/indicator-catalogue.ts';
import { REGION_ATTRIBUTE_COLUMNS } from '../analysis/indicator-overlay.ts';
import { normalizeRegionCode } from '../analysis/region-code.ts';
import { parsePeriodYear, resolveTableId, resolveYear } from './detect-year.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { NewIndicators } from './new-indicators.ts';
import { parseDelimited } from './parse-csv.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import { iterateRecords } from './records.ts';
import type { ValueColumn } from './wide-table.ts';
import { readWideRows } from './wide-table.ts';

export interface StatlineHeader {
  /** Group path and title without the unit, as in the file. */
  path: string;
  segments: string[];
  unit: string;
}

/** "Opleidingsniveau/Laag/Waarde (%)" -> { path: 'Opleidingsniveau/Laag/Waarde', unit: '%' }. */
export function parseStatlineHeader(header: string): StatlineHeader {
  const trimmed = header.trim();
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(trimmed);
  const path = match ? (match[1] ?? '') : trimmed;
  const unit = match ? (match[2] ?? '').trim() : '';
  return { path, segments: path.split('/').map((s) => s.trim()), unit };
}

function findIndicator(
  parsed: StatlineHeader,
  catalogue: IndicatorCatalogue,
  isLeafUnique: boolean,
): Indicator | undefined {
  const byPath = catalogue.findByStatlinePath(parsed.path);
  if (byPath !== undefined) return byPath;
  if (!isLeafUnique) return undefined;
  const leaf = parsed.segments[parsed.segments.length - 1] ?? '';
  const byTitle = catalogue
    .findByTitle(leaf)
    .filter((indicator) => normalizeTitle(indicator.unit) === normalizeTitle(parsed.unit));
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

export function readStatlineCsv(text: string, options: ReadOptions): ReadResult {
  const { fileName, catalogue } = options;
  const records = parseDelimited(text, { delimiter: ';', fileName });
  const header = (records[0] ?? []).map((h) => h.trim());
  const parsedHeaders = header.map(parseStatlineHeader);
  const lowerPaths = parsedHeaders.map((h) => normalizeTitle(h.path));
  const codeColumn = lowerPaths.indexOf('regioaanduiding/codering');
  const regionColumn = codeColumn >= 0 ? codeColumn : 0;
  if (header.length === 0) failImport(fileName, { row: 1, reason: 'het bestand is leeg' });

  const periodIndex = lowerPaths.indexOf('perioden');
  let periodYear: number | undefined;
  if (periodIndex >= 0) {
    for (const [row, fields] of iterateRecords(records)) {
      const year = parsePeriodYear(fields[periodIndex] ?? '');
      if (year === null || (periodYear !== undefined && periodYear !== year)) {
        failImport(fileName, { row, column: header[periodIndex], reason: 'één jaar per bestand verwacht' });
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
  const attributePaths: readonly string[] = REGION_ATTRIBUTE_COLUMNS.statlinePaths;
  const leafCounts = new Map<string, number>();
  for (const parsed of parsedHeaders) {
    const leaf = normalizeTitle(parsed.segments[parsed.segments.length - 1] ?? '');
    leafCounts.set(leaf, (leafCounts.get(leaf) ?? 0) + 1);
  }
  const valueColumns: ValueColumn[] = [];
  const ignoredColumns: { column: string; reason: string }[] = [];
  parsedHeaders.forEach((parsed, index) => {
    const column = header[index] ?? '';
    if (index === 0 || index === regionColumn || attributePaths.includes(lowerPaths[index] ?? '')) {
      ignoredColumns.push({ column, reason: 'regio-aanduiding, geen indicator' });
      return;
    }
    const leaf = parsed.segments[parsed.segments.length - 1] ?? parsed.path;
    const isLeafUnique = leafCounts.get(normalizeTitle(leaf)) === 1;
    const indicator =
      findIndicator(parsed, catalogue, isLeafUnique) ??
      newIndicators.obtain({
        originName: column,
        key: deriveIndicatorKey(parsed.path),
        title: isLeafUnique ? leaf : parsed.segments.join(' / '),
        leafTitle: leaf,
        unit: parsed.unit,
        groupPath: parsed.segments.slice(0, -1).map(normalizeTitle),
        aliases: { statlinePaths: [normalizeTitle(parsed.path)] },
      });
    valueColumns.push({ index, column, indicatorKey: indicator.key });
  });

  // Without a Codering column the first column must hold the codes themselves.
  if (codeColumn < 0) {
    const first = records[1]?.[0] ?? '';
    if (normalizeRegionCode(first) === null) {
      failImport(fileName, {
        row: 2,
        column: header[0],
        reason: 'geen kolom Regioaanduiding/Codering en geen regiocodes',
      });
    }
  }
  const levelColumn = lowerPaths.indexOf('regioaanduiding/soort regio');
  const table = readWideRows(
    {
      header,
      year,
      regionColumn,
      ...(codeColumn >= 0 ? { nameColumn: 0 } : {}),
      ...(levelColumn >= 0 ? { levelColumn } : {}),
      valueColumns,
    },
    iterateRecords(records),
    issues,
  );
  issues.throwIfAny();
  const indicators = newIndicators.list();
  return {
    format: 'statline-csv',
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    source: { fileName, format: 'statline-csv', ...(tableId !== undefined ? { tableId } : {}) },
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
