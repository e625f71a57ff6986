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
import { sortRows, toExportTable, type SortState, type TableColumn } from './table-sort.ts';

export type { SortState, TableColumn };

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
                  <TableHeaderCell
                    key={column.key}
                    scope="col"
                    numericColumn={isNumeric}
                    aria-sort={ariaSort}
                  >
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
