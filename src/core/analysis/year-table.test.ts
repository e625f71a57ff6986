import { describe, expect, it } from 'vitest';
import { addDerivedIndicators } from './derived-indicators.ts';
import { buildIndicatorCatalogue } from './indicator-catalogue.ts';
import type { Observation } from './observation.ts';
import { makeYearTable } from './test-fixtures.ts';
import { buildYearTable, getProvenance, getTableValue, STATUS_MISSING } from './year-table.ts';

const observation = (regionCode: string, value: number | null, row: number): Observation => ({
  regionCode,
  indicatorKey: 'a_inw',
  year: 2024,
  value,
  status: value === null ? 'missing' : 'ok',
  sourceRow: row,
  sourceColumn: 'a_inw',
});

describe('year tables', () => {
  it('merges files: names fill in, a published value beats a missing one, later files win among values', () => {
    const table = buildYearTable(2024, [
      {
        source: { fileName: 'a.csv', format: 'test' },
        regions: [{ code: 'BU00010001', name: null, level: 'BU', year: 2024 }],
        observations: [observation('BU00010001', 10, 2), observation('BU00010002', 20, 3)],
      },
      {
        source: { fileName: 'b.csv', format: 'test' },
        regions: [{ code: 'BU00010001', name: 'Centrum', level: 'BU', year: 2024 }],
        observations: [observation('BU00010001', null, 7), observation('BU00010002', 21, 8)],
      },
    ]);
    expect(table.names[table.index.get('BU00010001') ?? -1]).toBe('Centrum');
    expect(getTableValue(table, 'BU00010001', 'a_inw')).toBe(10);
    expect(getTableValue(table, 'BU00010002', 'a_inw')).toBe(21);
    expect(getProvenance(table, 'BU00010002', 'a_inw')[0]).toMatchObject({
      fileName: 'b.csv',
      row: 8,
      column: 'a_inw',
      year: 2024,
    });
    expect(Array.from(table.buurtenByMunicipality.get('GM0001') ?? [])).toHaveLength(2);
  });

  it('derives crime per 1 000 inhabitants and leaves it missing without both inputs', () => {
    const catalogue = buildIndicatorCatalogue();
    const table = addDerivedIndicators(
      makeYearTable(2024, {
        BU00010001: { geregistreerde_misdrijven: 50, a_inw: 2000 },
        BU00010002: { geregistreerde_misdrijven: 5, a_inw: null },
        BU00010003: { geregistreerde_misdrijven: 5, a_inw: 0 },
      }),
      catalogue,
    );
    expect(getTableValue(table, 'BU00010001', 'd_misdr')).toBe(25);
    expect(getTableValue(table, 'BU00010002', 'd_misdr')).toBeNull();
    expect(table.columns.get('d_misdr')?.status[table.index.get('BU00010003') ?? 0]).toBe(STATUS_MISSING);
    expect(getProvenance(table, 'BU00010001', 'd_misdr').map((p) => p.indicatorKey)).toEqual([
      'geregistreerde_misdrijven',
      'a_inw',
    ]);
  });
});
