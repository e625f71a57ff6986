/**
 * A table of figures whose columns sort with a button in the header (aria-sort says the order to
 * screen readers), with the CSV/XLSX export of exactly the rows and values on screen. Missing
 * figures sort last in both directions. The columns describe both what is shown and what is
 * exported, so the two never differ.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ExportButtons } from '../../components/export-buttons.tsx';
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

function compareValues(a: string | number | null, b: string | number | null, direction: SortState['direction']): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'nl');
  return direction === 'ascending' ? order : -order;
}

export function sortRows<Row>(rows: readonly Row[], columns: TableColumn<Row>[], sort: SortState | null): Row[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column) return [...rows];
  // Stable: equal values keep the server's order (e.g. by code).
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => compareValues(column.value(x.row), column.value(y.row), sort.direction) || x.index - y.index)
    .map((entry) => entry.row);
}

export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort = null,
  isRowMarked,
  exportTitle,
  exportFileName,
  source,
  testId,
}: {
  caption: ReactNode;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: SortState | null;
  /** Rows to emphasise (the focus area's buurten); the row itself must also say so in text. */
  isRowMarked?: (row: Row) => boolean;
  exportTitle: string;
  exportFileName: string;
  source?: string;
  testId?: string;
}) {
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const exportTable = useMemo(
    () => toExportTable({ title: exportTitle, columns, rows: sorted, ...(source ? { source } : {}) }),
    [exportTitle, columns, sorted, source],
  );
  const toggle = (key: string, kind: TableColumn<Row>['kind']) =>
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: kind === 'text' ? 'ascending' : 'descending' },
    );
  return (
    <div className="wk-muni-table">
      <ExportButtons table={exportTable} fileName={exportFileName} />
      <div className="wk-cba-scroll">
        <Table className="wk-cba-table" data-testid={testId}>
          <TableCaption className="wk-cba-table__caption">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((column) => {
                const isNumeric = column.kind !== 'text';
                const ariaSort = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <TableHeaderCell key={column.key} scope="col" numericColumn={isNumeric} aria-sort={ariaSort}>
                    {column.isSortable === false ? (
                      column.label
                    ) : (
                      <button
                        type="button"
                        className="wk-muni-sort"
                        onClick={() => toggle(column.key, column.kind)}
                      >
                        {column.label}
                        <span aria-hidden="true" className="wk-muni-sort__mark">
                          {ariaSort === 'ascending' ? ' ▲' : ariaSort === 'descending' ? ' ▼' : ' ↕'}
                        </span>
                      </button>
                    )}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((row) => (
              <TableRow key={rowKey(row)} className={isRowMarked?.(row) ? 'wk-cba-table__marked' : undefined}>
                {columns.map((column, i) => {
                  const content = column.render ? column.render(row) : (column.value(row) ?? '–');
                  return i === 0 ? (
                    <TableHeaderCell key={column.key} scope="row">
                      {content}
                    </TableHeaderCell>
                  ) : (
                    <TableCell key={column.key} numericColumn={column.kind !== 'text'}>
                      {content}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
