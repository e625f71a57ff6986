/**
 * Reader for StatLine CSV downloads of any CBS regional table: the labelled "CSV met statistische
 * symbolen" (";"-separated, every field quoted, UTF-8 with a byte order mark, right-padded codes
 * "GM0344    ", numbers padded on the left, "." for missing, a decimal comma or point; headers are
 * the variable titles with their group path and unit, e.g. "Gezondheid en welzijn/Huisartsenpraktijk/
 * Afstand tot huisartsenpraktijk (km)"), also ","-separated and quoted. The region code sits in a
 * column region-columns.ts recognises ("Regioaanduiding/Codering (code)", "Codering (code)",
 * "Regiocode (gemeente, wijk, buurt) (code)", a region dimension holding codes); the names in the
 * region dimension ("Wijken en buurten", "Regio's"). Periods are "2019", "2019JJ00" or "2019*".
 * Further dimensions (text columns without a unit) split each variable (dimension-split.ts).
 */
import type { Indicator } from '../analysis/indicator.ts';
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { deriveIndicatorKey, normalizeTitle } from '../analysis/indicator-catalogue.ts';
import { REGION_ATTRIBUTE_COLUMNS } from '../analysis/indicator-overlay.ts';
import { parsePeriodYear, resolveTableId, resolveYear } from './detect-year.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { NewIndicators } from './new-indicators.ts';
import { createDimensionSplit } from './dimension-split.ts';
import { parseCbsValue } from './parse-cell.ts';
import { parseDelimited, stripByteOrderMark } from './parse-csv.ts';
import {
  findPeriodColumn,
  findRegionCodeColumn,
  findRegionNameColumn,
  normalizeColumnName,
} from './region-columns.ts';
import { parseStatlineHeader, type StatlineHeader } from './statline-header.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import { iterateRecords } from './records.ts';
import type { ValueColumn } from './wide-table.ts';
import { readWideRows } from './wide-table.ts';

export { parseStatlineHeader, type StatlineHeader };

/** Units of text columns: never figures, so a column with text in them is left out rather than refused. */
const TEXT_UNITS = new Set(['naam', 'omschrijving', 'code', 'tekst', 'label']);
/** Rows looked at to recognise columns by their values. */
const SAMPLE_ROWS = 50;

function isFigure(text: string): boolean {
  return parseCbsValue(text) !== undefined;
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

/** The delimiter of a StatLine CSV: the one that splits the (quoted) header into more fields. */
function chooseDelimiter(text: string, fileName: string): ';' | ',' {
  const body = stripByteOrderMark(text);
  const end = body.search(/\r?\n/);
  const line = end === -1 ? body : body.slice(0, end);
  const count = (delimiter: string) => {
    try {
      return parseDelimited(line, { delimiter, fileName })[0]?.length ?? 0;
    } catch {
      return 0; // the quotes do not line up with this delimiter
    }
  };
  return count(',') > count(';') ? ',' : ';';
}

interface ColumnRoles {
  codeColumn: number;
  nameColumn: number;
  periodColumn: number;
  levelColumn: number;
  dimensionColumns: number[];
  /** Region attributes and text columns: never indicators. */
  ignored: Map<number, string>;
}

/** Which column is which: code, name, period, level, other dimensions, ignored text. */
function assignRoles(
  header: readonly string[],
  parsedHeaders: readonly StatlineHeader[],
  sample: readonly (readonly string[])[],
  fileName: string,
): ColumnRoles {
  const codeColumn = findRegionCodeColumn(header, sample);
  if (codeColumn < 0) {
    failImport(fileName, {
      row: 1,
      reason:
        'geen kolom met CBS-regiocodes gevonden (zoals "Regioaanduiding/Codering (code)", "Codering (code)", ' +
        '"Regiocode (gemeente, wijk, buurt) (code)" of een regiokolom met codes als GM0344, WK034403, BU03440311); ' +
        "kies bij het downloaden van StatLine ook de codes van de regio's",
    });
  }
  const nameColumn = findRegionNameColumn(header, codeColumn);
  const periodColumn = findPeriodColumn(header);
  const lowerPaths = parsedHeaders.map((h) => normalizeTitle(h.path));
  const levelColumn = lowerPaths.findIndex(
    (path) => path === 'regioaanduiding/soort regio' || path === 'soort regio',
  );
  const attributePaths: readonly string[] = REGION_ATTRIBUTE_COLUMNS.statlinePaths;
  const ignored = new Map<number, string>();
  const dimensionColumns: number[] = [];
  header.forEach((_, index) => {
    const leaf = normalizeColumnName(header[index] ?? '');
    if ([codeColumn, nameColumn, periodColumn, levelColumn].includes(index)) {
      ignored.set(index, index === periodColumn ? 'periode' : 'regio-aanduiding, geen indicator');
      return;
    }
    if (attributePaths.includes(lowerPaths[index] ?? '') || leaf === 'gemeentenaam' || leaf === 'id') {
      ignored.set(index, 'regio-aanduiding, geen indicator');
      return;
    }
    const unit = (parsedHeaders[index]?.unit ?? '').toLowerCase();
    const values = sample.map((row) => (row[index] ?? '').trim()).filter((v) => v !== '');
    const hasText = values.some((value) => !isFigure(value));
    if (hasText && TEXT_UNITS.has(unit)) {
      ignored.set(index, `tekst (${unit}), geen cijfer`);
      return;
    }
    // A column without a unit whose values are words is a dimension (Soort misdrijf, Leeftijd ...).
    if (unit === '' && values.length > 0 && values.every((value) => !isFigure(value))) {
      dimensionColumns.push(index);
      ignored.set(index, 'dimensie: elke waarde geeft eigen indicatoren');
    }
  });
  return { codeColumn, nameColumn, periodColumn, levelColumn, dimensionColumns, ignored };
}

export function readStatlineCsv(text: string, options: ReadOptions): ReadResult {
  const { fileName, catalogue } = options;
  const records = parseDelimited(text, { delimiter: chooseDelimiter(text, fileName), fileName });
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || (header.length === 1 && header[0] === ''))
    failImport(fileName, { row: 1, reason: 'het bestand is leeg' });
  const parsedHeaders = header.map(parseStatlineHeader);
  const sample = [...iterateRecords(records)].slice(0, SAMPLE_ROWS).map(([, fields]) => fields);
  const roles = assignRoles(header, parsedHeaders, sample, fileName);

  let periodYear: number | undefined;
  if (roles.periodColumn >= 0) {
    for (const [row, fields] of iterateRecords(records)) {
      const year = parsePeriodYear(fields[roles.periodColumn] ?? '');
      if (year === null || (periodYear !== undefined && periodYear !== year)) {
        failImport(fileName, {
          row,
          column: header[roles.periodColumn],
          reason: `'${(fields[roles.periodColumn] ?? '').trim()}' is geen jaar of wijkt af van eerdere rijen (één jaar per bestand; filter de tabel op één periode)`,
        });
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
  const leafCounts = new Map<string, number>();
  for (const parsed of parsedHeaders) {
    const leaf = normalizeTitle(parsed.segments[parsed.segments.length - 1] ?? '');
    leafCounts.set(leaf, (leafCounts.get(leaf) ?? 0) + 1);
  }
  const valueColumns: ValueColumn[] = [];
  const ignoredColumns: { column: string; reason: string }[] = [];
  parsedHeaders.forEach((parsed, index) => {
    const column = header[index] ?? '';
    const reason = roles.ignored.get(index);
    if (reason !== undefined) {
      ignoredColumns.push({ column, reason });
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

  const created = new Map<string, Indicator>();
  const lookup = (key: string) => {
    if (created.size === 0)
      for (const indicator of newIndicators.list()) created.set(indicator.key, indicator);
    return created.get(key);
  };
  const table = readWideRows(
    {
      header,
      year,
      regionColumn: roles.codeColumn,
      ...(roles.nameColumn >= 0 ? { nameColumn: roles.nameColumn } : {}),
      ...(roles.levelColumn >= 0 ? { levelColumn: roles.levelColumn } : {}),
      valueColumns,
      ...(roles.dimensionColumns.length > 0
        ? {
            dimensionColumns: roles.dimensionColumns,
            resolveIndicator: createDimensionSplit({ catalogue, newIndicators, lookup }),
          }
        : {}),
    },
    iterateRecords(records),
    issues,
  );
  issues.throwIfAny();
  // With dimensions, a variable without a row of totals has only its split indicators.
  const observed = new Set(table.observations.map((o) => o.indicatorKey));
  const indicators = newIndicators.list().filter((indicator) => observed.has(indicator.key));
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
