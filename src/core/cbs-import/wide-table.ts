/**
 * The shared core of the wide formats (kwb xlsx/csv, OData v3 TypedDataSet, StatLine CSV): one row
 * per region, one column per variable. Turns rows of cells into regions and observations, checking
 * every cell, and reports problems with file, row and column.
 */
import type { Observation, RegionRecord } from '../analysis/observation.ts';
import type { RegionLevel } from '../analysis/region-code.ts';
import { getRegionLevel, isPseudoRegionCode, normalizeRegionCode } from '../analysis/region-code.ts';
import type { ImportIssues } from './import-issues.ts';
import type { SECRET } from './parse-cell.ts';
import { describeBadCell, parseCbsValue } from './parse-cell.ts';

export type Cell = string | number | null | undefined;

export interface ValueColumn {
  index: number;
  /** Header as found in the file, used in messages and provenance. */
  column: string;
  indicatorKey: string;
}

export interface WideTableSpec {
  header: readonly string[];
  year: number;
  regionColumn: number;
  nameColumn?: number;
  /** A column naming the level ("Gemeente", "Wijk  ", "Buurt") to check against the code. */
  levelColumn?: number;
  /** Columns that must repeat the region code (OData v3 Codering_3). */
  codeCheckColumns?: readonly number[];
  valueColumns: readonly ValueColumn[];
  /** Whether a row may be shorter or longer than the header (xlsx drops trailing blanks). */
  isRaggedAllowed?: boolean;
  /**
   * Columns of further dimensions (Soort misdrijf, Leeftijd ...): a region then has one row per
   * combination of their values, and each (variable, combination) is an indicator of its own.
   */
  dimensionColumns?: readonly number[];
  /** The indicator of a value column for one combination of dimension values (required with dimensionColumns). */
  resolveIndicator?: (column: ValueColumn, labels: readonly string[]) => string;
}

export interface WideTableResult {
  rows: number;
  regions: RegionRecord[];
  observations: Observation[];
  ignoredRows: { row: number; reason: string }[];
}

const LEVEL_WORDS: Record<string, RegionLevel> = {
  land: 'NL',
  nederland: 'NL',
  gemeente: 'GM',
  wijk: 'WK',
  buurt: 'BU',
};

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell;
}

/** A number, null (missing), SECRET or undefined (not a number); numbers from xlsx pass through. */
function parseCell(cell: Cell): number | null | typeof SECRET | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  return parseCbsValue(cell ?? '');
}

/** Reads the rows; `records` yields [row number, cells] with rows 1-based as a spreadsheet shows them. */
export function readWideRows(
  spec: WideTableSpec,
  records: Iterable<readonly [number, readonly Cell[]]>,
  issues: ImportIssues,
): WideTableResult {
  const regions: RegionRecord[] = [];
  const observations: Observation[] = [];
  const ignoredRows: { row: number; reason: string }[] = [];
  const seenRow = new Map<string, number>();
  const seenRegion = new Set<string>();
  const dimensions = spec.dimensionColumns ?? [];
  const regionHeader = spec.header[spec.regionColumn] ?? 'regio';
  const width = spec.header.length;
  let rows = 0;

  for (const [row, cells] of records) {
    rows++;
    if (!spec.isRaggedAllowed && cells.length !== width) {
      issues.add({
        row,
        reason:
          cells.length < width
            ? `afgebroken rij: ${cells.length} van de ${width} kolommen`
            : `rij heeft ${cells.length} kolommen, de kop ${width}`,
      });
      continue;
    }
    const rawCode = cellText(cells[spec.regionColumn]);
    const code = normalizeRegionCode(rawCode);
    if (code === null) {
      issues.add({ row, column: regionHeader, reason: `'${rawCode.trim()}' is geen geldige CBS-regiocode` });
      continue;
    }
    if (isPseudoRegionCode(code)) {
      ignoredRows.push({ row, reason: `${code} is een pseudo-code (niet in te delen), geen gebied` });
      continue;
    }
    const level = getRegionLevel(code) as RegionLevel;
    if (!checkRow(spec, cells, row, code, level, issues)) continue;
    const labels = dimensions.map((index) => cellText(cells[index]).trim());
    const rowKey = labels.length === 0 ? code : `${code}\u0000${labels.join('\u0000')}`;
    const earlier = seenRow.get(rowKey);
    if (earlier !== undefined) {
      const what = labels.length === 0 ? code : `${code} (${labels.join(', ')})`;
      issues.add({ row, column: regionHeader, reason: `${what} stond al in rij ${earlier}` });
      continue;
    }
    seenRow.set(rowKey, row);
    if (!seenRegion.has(code)) {
      seenRegion.add(code);
      const name = spec.nameColumn === undefined ? '' : cellText(cells[spec.nameColumn]).trim();
      regions.push({ code, name: name === '' ? null : name, level, year: spec.year });
    }

    for (const column of spec.valueColumns) {
      const cell = cells[column.index];
      const parsed = parseCell(cell);
      if (parsed === undefined) {
        issues.add({ row, column: column.column, reason: describeBadCell(cellText(cell)) });
        continue;
      }
      const isNumber = typeof parsed === 'number';
      const isSplit = labels.length > 0 && spec.resolveIndicator !== undefined;
      observations.push({
        regionCode: code,
        indicatorKey: isSplit ? spec.resolveIndicator!(column, labels) : column.indicatorKey,
        year: spec.year,
        value: isNumber ? parsed : null,
        status: isNumber ? 'ok' : parsed === null ? 'missing' : 'secret',
        sourceRow: row,
        sourceColumn: isSplit ? `${column.column} [${labels.join(', ')}]` : column.column,
      });
    }
  }
  return { rows, regions, observations, ignoredRows };
}

function checkRow(
  spec: WideTableSpec,
  cells: readonly Cell[],
  row: number,
  code: string,
  level: RegionLevel,
  issues: ImportIssues,
): boolean {
  if (spec.levelColumn !== undefined) {
    const word = cellText(cells[spec.levelColumn]).trim().toLowerCase();
    const stated = LEVEL_WORDS[word];
    if (word !== '' && stated !== level) {
      issues.add({
        row,
        column: spec.header[spec.levelColumn] ?? 'soort regio',
        reason: `'${word}' past niet bij regiocode ${code}`,
      });
      return false;
    }
  }
  for (const index of spec.codeCheckColumns ?? []) {
    const other = cellText(cells[index]).trim();
    if (other !== '' && normalizeRegionCode(other) !== code) {
      issues.add({
        row,
        column: spec.header[index] ?? 'codering',
        reason: `'${other}' wijkt af van regiocode ${code}`,
      });
      return false;
    }
  }
  return true;
}
