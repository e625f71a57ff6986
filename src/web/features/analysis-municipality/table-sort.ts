/**
 * Columns, sorting and export of the municipality tables: one description of a column serves the
 * screen (render), the sort and the CSV/XLSX export, so they never differ. Missing figures (null)
 * sort last in both directions; equal values keep their order.
 */
import type { ReactNode } from 'react';
import type { ExportTable } from '../../components/table-export.ts';

export interface TableColumn<Row> {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'percent';
  /** The value exported and sorted on (a number for numeric columns; null when missing). */
  value: (row: Row) => string | number | null;
  /** What the cell shows; the value when omitted. */
  render?: (row: Row) => ReactNode;
  isSortable?: boolean;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export function toExportTable<Row>(options: {
  title: string;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  source?: string;
}): ExportTable {
  return {
    title: options.title,
    columns: options.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind })),
    rows: options.rows.map((row) => Object.fromEntries(options.columns.map((c) => [c.key, c.value(row)]))),
    ...(options.source ? { source: options.source } : {}),
  };
}

function compareValues(
  a: string | number | null,
  b: string | number | null,
  direction: SortState['direction'],
): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order =
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'nl');
  return direction === 'ascending' ? order : -order;
}

export function sortRows<Row>(
  rows: readonly Row[],
  columns: TableColumn<Row>[],
  sort: SortState | null,
): Row[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column) return [...rows];
  // Stable: equal values keep the server's order (e.g. by code).
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (x, y) => compareValues(column.value(x.row), column.value(y.row), sort.direction) || x.index - y.index,
    )
    .map((entry) => entry.row);
}
