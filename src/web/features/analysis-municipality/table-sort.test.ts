import { describe, expect, it } from 'vitest';
import { sortRows, toExportTable, type TableColumn } from './table-sort.ts';

interface Row {
  name: string;
  value: number | null;
}

const columns: TableColumn<Row>[] = [
  { key: 'name', label: 'Buurt', kind: 'text', value: (r) => r.name },
  { key: 'value', label: 'Waarde', kind: 'number', value: (r) => r.value },
];
const rows: Row[] = [
  { name: 'Ondiep', value: 12 },
  { name: 'Zuilen', value: null },
  { name: 'Écluse', value: 3 },
  { name: 'Lombok', value: 12 },
];

describe('sorting the municipality tables', () => {
  it('sorts numbers both ways with missing figures last, keeping ties in order', () => {
    expect(sortRows(rows, columns, { key: 'value', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'Écluse',
      'Ondiep',
      'Lombok',
      'Zuilen',
    ]);
    expect(sortRows(rows, columns, { key: 'value', direction: 'descending' }).map((r) => r.name)).toEqual([
      'Ondiep',
      'Lombok',
      'Écluse',
      'Zuilen',
    ]);
  });

  it('sorts text in Dutch order (É with E) and leaves the input alone', () => {
    expect(sortRows(rows, columns, { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'Écluse',
      'Lombok',
      'Ondiep',
      'Zuilen',
    ]);
    expect(rows[0]?.name).toBe('Ondiep');
    expect(sortRows(rows, columns, null)).toEqual(rows);
  });

  it('exports exactly the values the table sorts on, nulls as null', () => {
    const table = toExportTable({ title: 'T', columns, rows: rows.slice(0, 2), source: 'Bron: CBS' });
    expect(table).toEqual({
      title: 'T',
      columns: [
        { key: 'name', label: 'Buurt', kind: 'text' },
        { key: 'value', label: 'Waarde', kind: 'number' },
      ],
      rows: [
        { name: 'Ondiep', value: 12 },
        { name: 'Zuilen', value: null },
      ],
      source: 'Bron: CBS',
    });
  });
});
