/** A table of figures: the first column names the row, the other columns are numbers (right-aligned). */
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export function NumberTable({
  caption,
  columns,
  rows,
  className,
  markedRow,
  textColumns = 1,
  isCaptionHidden = false,
}: {
  caption: ReactNode;
  columns: string[];
  rows: ReactNode[][];
  className?: string;
  /** Index of a row to emphasise (e.g. the case's own discount rate). */
  markedRow?: number;
  /** How many columns from the left hold text (the rest are numbers). */
  textColumns?: number;
  /** When a heading right above already names the table. */
  isCaptionHidden?: boolean;
}) {
  return (
    <div className={['wk-cba-scroll', className].filter(Boolean).join(' ')}>
      <Table className="wk-cba-table">
        <TableCaption className={isCaptionHidden ? 'wk-visually-hidden' : 'wk-cba-table__caption'}>
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column, i) => (
              <TableHeaderCell key={column} scope="col" numericColumn={i >= textColumns}>
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r} className={r === markedRow ? 'wk-cba-table__marked' : undefined}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <TableHeaderCell key={i} scope="row">
                    {cell}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={i} numericColumn={i >= textColumns}>
                    {cell}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
