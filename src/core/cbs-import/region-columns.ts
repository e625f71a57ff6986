/**
 * Recognising the columns of a CBS regional table that say which region and period a row is about,
 * whatever the export calls them. CBS names the region code differently per table, year and download
 * option:
 *   StatLine "CSV met statistische symbolen" (labelled):  "Regioaanduiding/Codering (code)",
 *     "Codering (code)", "Regiocode (gemeente, wijk, buurt) (code)" beside a name column
 *     "Wijken en buurten" / "Regio's";
 *   the raw variant ("onbewerkte dataset") and OData v3:  WijkenEnBuurten, RegioS, Gemeenten, Codering_3;
 *   kwb files:  gwb_code_10, gwb_code.
 * Names are compared lower-case with runs of spaces collapsed, the group path ("Regioaanduiding/")
 * and the unit in parentheses left off.
 */
import { parseStatlineHeader } from './statline-header.ts';
import { normalizeRegionCode } from '../analysis/region-code.ts';

/** Region dimensions of OData v3 tables and StatLine's raw download (keys without a _<n> suffix). */
export const V3_REGION_KEYS: readonly string[] = [
  'WijkenEnBuurten',
  'RegioS',
  'Gemeenten',
  'Regio',
  'Wijken',
  'Buurten',
];

export type Cell = string | number | null | undefined;

/** Column names that hold a region code whatever their values look like (a bad code is then an error). */
const CODE_NAMES = new Set([
  'codering',
  'regiocode',
  'regio code',
  'gebiedscode',
  'gwb code',
  'gwb_code',
  'gwb_code_10',
  'wijkenenbuurten',
  'regios',
  'regio_s',
  'gemeentecode',
  'wijkcode',
  'buurtcode',
  'statcode',
]);

/** Dimension names that hold a code in the raw variant but a name in the labelled one. */
const DIMENSION_NAMES = new Set([
  'wijken en buurten',
  "regio's",
  'regio',
  'regios',
  'gemeenten',
  'gemeente',
  'wijken',
  'buurten',
  'gebied',
]);

const PERIOD_NAMES = new Set(['perioden', 'periode', 'jaar', 'verslagjaar']);

/** The name of a header as compared here: its last path segment, without the unit, lower case. */
export function normalizeColumnName(header: string): string {
  const parsed = parseStatlineHeader(header);
  const leaf = parsed.segments[parsed.segments.length - 1] ?? parsed.path;
  return leaf.trim().replace(/\s+/g, ' ').toLowerCase();
}

function isCodeName(header: string): boolean {
  const name = normalizeColumnName(header);
  // "Regiocode (gemeente, wijk, buurt)": the part before a parenthesis names it.
  const head = name.replace(/\s*\(.*$/, '');
  return CODE_NAMES.has(name) || CODE_NAMES.has(head) || CODE_NAMES.has(name.replace(/_\d+$/, ''));
}

export function isRegionDimensionName(header: string): boolean {
  return DIMENSION_NAMES.has(normalizeColumnName(header));
}

export function isPeriodName(header: string): boolean {
  return PERIOD_NAMES.has(normalizeColumnName(header));
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell;
}

/** The first non-blank value of a column in the first rows, or ''. */
function firstValue(rows: readonly (readonly Cell[])[], column: number): string {
  for (const row of rows) {
    const text = cellText(row[column]).trim();
    if (text !== '') return text;
  }
  return '';
}

/**
 * The column with the region codes: a column named as a code column; else a region dimension or a
 * column with unit "code" whose first value is a code; else the first column whose first value is
 * a code. -1 when there is none. `rows` are the first data rows (a few suffice).
 */
export function findRegionCodeColumn(header: readonly string[], rows: readonly (readonly Cell[])[]): number {
  const named = header.findIndex(isCodeName);
  if (named >= 0) return named;
  const isCode = (column: number) => normalizeRegionCode(firstValue(rows, column)) !== null;
  const dimension = header.findIndex(
    (h, column) =>
      (isRegionDimensionName(h) || parseStatlineHeader(h).unit.toLowerCase() === 'code') && isCode(column),
  );
  if (dimension >= 0) return dimension;
  return header.findIndex((_, column) => isCode(column));
}

/** The column with the region names beside a separate code column: the labelled region dimension. */
export function findRegionNameColumn(header: readonly string[], codeColumn: number): number {
  const named = header.findIndex((h, column) => column !== codeColumn && isRegionDimensionName(h));
  if (named >= 0) return named;
  // Not "Gemeentenaam": on a wijk or buurt row that names the gemeente, not the region.
  return header.findIndex(
    (h, column) => column !== codeColumn && /^(naam|regionaam|gebiedsnaam)$/.test(normalizeColumnName(h)),
  );
}

/** The column with the period ("Perioden", "Periode"), or -1. */
export function findPeriodColumn(header: readonly string[]): number {
  return header.findIndex(isPeriodName);
}
