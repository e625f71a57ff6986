import { describe, expect, it } from 'vitest';
import { computeAccumulation, computeAreaAccumulation } from './accumulation.ts';
import type { Indicator } from './indicator.ts';
import { emptyAliases } from './indicator.ts';
import { addIndicators, buildIndicatorCatalogue } from './indicator-catalogue.ts';
import { makeYearTable } from './test-fixtures.ts';
import type { TableRows } from './test-fixtures.ts';

const catalogue = buildIndicatorCatalogue();

// Two gemeenten of five buurten. Worst 20% of the ten buurten = the worst two per indicator.
//            p_hh_li (worse)  g_ink_pi (better)  p_jz_tn (worse)  g_wozbag (better)  a_inw, p_huurw (not counted)
const rows: TableRows = {
  BU00010001: { p_hh_li: 50, g_ink_pi: 15, p_jz_tn: 20, g_wozbag: null, a_hh: 100, a_inw: 200, p_huurw: 99 },
  BU00010002: { p_hh_li: 45, g_ink_pi: 30, p_jz_tn: 5, g_wozbag: 300, a_hh: 300, a_inw: 600, p_huurw: 98 },
  BU00010003: { p_hh_li: 10, g_ink_pi: 31, p_jz_tn: 5, g_wozbag: 150, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00010004: { p_hh_li: 11, g_ink_pi: 32, p_jz_tn: 5, g_wozbag: 310, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00010005: { p_hh_li: 12, g_ink_pi: 33, p_jz_tn: 5, g_wozbag: 320, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00020001: { p_hh_li: 13, g_ink_pi: 34, p_jz_tn: 19, g_wozbag: 330, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00020002: { p_hh_li: 14, g_ink_pi: 35, p_jz_tn: 5, g_wozbag: 160, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00020003: { p_hh_li: 15, g_ink_pi: 36, p_jz_tn: 5, g_wozbag: 340, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00020004: { p_hh_li: 16, g_ink_pi: 37, p_jz_tn: 5, g_wozbag: 350, a_hh: 100, a_inw: 200, p_huurw: 1 },
  BU00020005: { p_hh_li: 17, g_ink_pi: 16, p_jz_tn: 5, g_wozbag: 360, a_hh: 100, a_inw: 200, p_huurw: 1 },
};
const table = makeYearTable(2023, rows);

function summary(result: ReturnType<typeof computeAccumulation>) {
  return Object.fromEntries(
    result.regions
      .filter((region) => region.domainCount > 0)
      .map((region) => [region.regionCode, [region.domainCount, region.drivers.map((d) => d.key).sort()]]),
  );
}

describe('accumulation (opstapeling), by hand', () => {
  it('counts domains where a buurt is among the worst 20% of the country, with the indicators that drive it', () => {
    const result = computeAccumulation(table, catalogue);
    expect(new Set(result.indicatorKeys)).toEqual(new Set(['g_wozbag', 'p_hh_li', 'g_ink_pi', 'p_jz_tn']));
    expect(new Set(result.domainsConsidered)).toEqual(new Set(['housing', 'work_income', 'care_welfare']));
    expect(summary(result)).toEqual({
      BU00010001: [2, ['g_ink_pi', 'p_hh_li', 'p_jz_tn']], // two work_income indicators, one care domain
      BU00010002: [1, ['p_hh_li']],
      BU00010003: [1, ['g_wozbag']], // 9 buurten with a WOZ value: the worst two are within 20%
      BU00020001: [1, ['p_jz_tn']], // the eight tied 5s sit at 60% and stay out
      BU00020002: [1, ['g_wozbag']],
      BU00020005: [1, ['g_ink_pi']],
    });
    expect(result.regions[0]?.regionCode).toBe('BU00010001');
    const driver = result.regions[0]?.drivers.find((d) => d.key === 'p_hh_li');
    expect(driver).toEqual({
      key: 'p_hh_li',
      domain: 'work_income',
      value: 50,
      rank: 1,
      n: 10,
      worstPercentile: 5,
    });
  });

  it('is configurable: the worst 10% and comparison within the gemeente', () => {
    expect(summary(computeAccumulation(table, catalogue, { worstShare: 0.1 }))).toEqual({
      BU00010001: [2, ['g_ink_pi', 'p_hh_li', 'p_jz_tn']],
      BU00010003: [1, ['g_wozbag']],
    });
    // Within each gemeente of five buurten only the single worst one (10%) is within 20%.
    expect(summary(computeAccumulation(table, catalogue, { scope: 'municipality' }))).toEqual({
      BU00010001: [2, ['g_ink_pi', 'p_hh_li', 'p_jz_tn']],
      BU00010003: [1, ['g_wozbag']],
      BU00020001: [1, ['p_jz_tn']],
      BU00020002: [1, ['g_wozbag']],
      BU00020005: [1, ['g_ink_pi', 'p_hh_li']], // two indicators, one domain
    });
  });

  it('places a focus area by its weighted value', () => {
    // p_hh_li weighted by households: (50 x 100 + 45 x 300) / 400 = 46.25; only the 50 is worse.
    // g_ink_pi weighted by inhabitants: (15 x 200 + 30 x 600) / 800 = 26.25; two buurten are worse
    // (15, 16), so it sits at 2 / 10 = 20%, the edge of the worst 20%, which counts.
    // p_jz_tn and g_wozbag have no base in this table, so the area has no value and is not placed.
    const area = computeAreaAccumulation(table, catalogue, ['BU00010001', 'BU00010002']);
    expect(area.domains).toEqual(['work_income']);
    expect(area.drivers.map((d) => [d.key, d.value, d.rank, d.worstPercentile])).toEqual([
      ['g_ink_pi', 26.25, 3, 20],
      ['p_hh_li', 46.25, 2, 10],
    ]);
  });

  it('refuses a share outside (0, 1) and neutral indicators', () => {
    expect(() => computeAccumulation(table, catalogue, { worstShare: 1.5 })).toThrow(/tussen 0 en 1/);
    expect(() => computeAccumulation(table, catalogue, { indicatorKeys: ['p_huurw'] })).toThrow(/Niet alle/);
  });
});

describe('accumulation and a municipality’s own (local) indicator', () => {
  // Gemeente 0001's own wijkpeiling: only its five buurten have a figure; BU00010001 is its worst.
  const overlast: Indicator = {
    key: 'overlast_gm0001',
    title: 'Ervaren overlast',
    definition: '',
    unit: '%',
    domain: 'safety',
    direction: 'higher_is_worse',
    kind: 'percentage',
    base: { keys: ['a_inw'], isExact: true, note: '' },
    aliases: { ...emptyAliases(), kwbColumns: ['overlast_gm0001'] },
    origin: 'local',
  };
  const withOwn = makeYearTable(
    2023,
    Object.fromEntries(
      Object.entries(rows).map(([code, values], i) => [
        code,
        code.startsWith('BU0001') ? { ...values, overlast_gm0001: 40 - i } : values,
      ]),
    ),
  );

  it('leaves it out: among the country it would only rank the buurten of its own gemeente', () => {
    const result = computeAccumulation(withOwn, addIndicators(catalogue, [overlast]));
    expect(result.indicatorKeys).not.toContain('overlast_gm0001');
    expect(result.domainsConsidered).not.toContain('safety');
    expect(summary(result)).toEqual(summary(computeAccumulation(table, catalogue)));
    expect(
      computeAreaAccumulation(withOwn, addIndicators(catalogue, [overlast]), ['BU00010001']).drivers.map(
        (d) => d.key,
      ),
    ).not.toContain('overlast_gm0001');
  });

  it('would count the same figures under a CBS origin (the exclusion is the origin, not the figures)', () => {
    const result = computeAccumulation(withOwn, addIndicators(catalogue, [{ ...overlast, origin: 'file' }]));
    expect(result.indicatorKeys).toContain('overlast_gm0001');
    // 40 is the worst of the five figures: worst percentile 100 x (0 worse + 1 equal / 2) / 5 = 10%, within 20%.
    expect(result.regions.find((r) => r.regionCode === 'BU00010001')?.drivers.map((d) => d.key)).toContain(
      'overlast_gm0001',
    );
  });
});
