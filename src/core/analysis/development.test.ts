import { describe, expect, it } from 'vitest';
import { computeDevelopment } from './development.ts';
import { buildIndicatorCatalogue } from './indicator-catalogue.ts';
import { makeYearTable } from './test-fixtures.ts';

const catalogue = buildIndicatorCatalogue();

describe('development over the years', () => {
  const tables = [
    makeYearTable(2020, { BU00010001: { a_inw: 100, ind_wbi: 1 }, BU00010002: { a_inw: 50, ind_wbi: 1 } }),
    makeYearTable(2021, { BU00010001: { a_inw: 110, ind_wbi: 1 }, BU00010002: { a_inw: null, ind_wbi: 1 } }),
    makeYearTable(2022, { BU00010001: { a_inw: 300, ind_wbi: 3 }, BU00010002: { a_inw: 60, ind_wbi: 1 } }),
    makeYearTable(2023, { BU00010001: { a_inw: 310, ind_wbi: 1 }, BU00010002: { a_inw: 61, ind_wbi: 2 } }),
  ];

  it('aggregates every year, reports coverage and breaks where a region changed', () => {
    const development = computeDevelopment({
      tables: [...tables].reverse(),
      catalogue,
      indicatorKey: 'a_inw',
      area: ['BU00010001', 'BU00010002'],
    });
    expect(development.points.map((p) => [p.year, p.value, p.coverage])).toEqual([
      [2020, 150, 1],
      [2021, 110, 0.5],
      [2022, 360, 1],
      [2023, 371, 1],
    ]);
    expect(development.breaks).toEqual([
      { year: 2022, reason: 'boundary_changed', regionCodes: ['BU00010001'] },
      { year: 2023, reason: 'code_changed', regionCodes: ['BU00010002'] },
    ]);
    expect(development.segments).toEqual([
      { fromYear: 2020, toYear: 2021 },
      { fromYear: 2022, toYear: 2022 },
      { fromYear: 2023, toYear: 2023 },
    ]);
    expect(development.points[0]?.provenance[0]).toEqual({
      regionCode: 'BU00010001',
      indicatorKey: 'a_inw',
      fileName: 'test-2020.csv',
      row: 2,
      column: 'a_inw',
      year: 2020,
      status: 'ok',
    });
  });

  it('breaks when a part does not exist in a year, and follows per-year codes', () => {
    const development = computeDevelopment({
      tables: tables.slice(0, 2),
      catalogue,
      indicatorKey: 'a_inw',
      area: new Map([
        [2020, ['BU00010001']],
        [2021, ['BU00010001', 'BU00010002']],
      ]),
    });
    expect(development.breaks.map((b) => b.reason)).toEqual(['parts_changed']);
  });

  it('refuses an unknown indicator', () => {
    expect(() =>
      computeDevelopment({ tables, catalogue, indicatorKey: 'nope', area: ['BU00010001'] }),
    ).toThrow(/nope/);
  });
});
