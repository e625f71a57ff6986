import { describe, expect, it } from 'vitest';
import { compareTrends, computeEarlySignals, EARLY_SIGNAL_METHOD_NL } from './early-signals.ts';
import { buildIndicatorCatalogue } from './indicator-catalogue.ts';
import { makeYearTable } from './test-fixtures.ts';

const YEARS = [2019, 2020, 2021, 2022, 2023];
const line = (start: number, slope: number) => YEARS.map((_, i) => start + slope * i);
// Five buurten of the gemeente with slopes 0, 0.1, 0.2, 0.3, 0.4: median 0.2, absolute deviations
// 0.2, 0.1, 0, 0.1, 0.2 -> median 0.1 -> robust spread 1.4826 x 0.1 = 0.14826 per year.
const BUURTEN = [0, 0.1, 0.2, 0.3, 0.4].map((slope) => line(5, slope));
const MUNICIPALITY = line(10, 0.2);

describe('trend comparison, by hand', () => {
  it('signals a share of low incomes rising 1 point a year where the gemeente rises 0.2', () => {
    const result = compareTrends({
      direction: 'higher_is_worse',
      years: YEARS,
      area: line(10, 1),
      municipality: MUNICIPALITY,
      buurten: BUURTEN,
    });
    expect(result.areaSlope).toBeCloseTo(1, 12);
    expect(result.municipalitySlope).toBeCloseTo(0.2, 12);
    expect(result.excess).toBeCloseTo(0.8, 12);
    expect(result.spread).toBeCloseTo(0.14826, 12);
    expect(result.score).toBeCloseTo(0.8 / 0.14826, 9);
    expect(result).toMatchObject({ isSignal: true, fromYear: 2019, toYear: 2023, comparisonBuurten: 5 });
  });

  it('turns the sign for indicators where higher is better', () => {
    const result = compareTrends({
      direction: 'higher_is_better',
      years: YEARS,
      area: line(30, -1),
      municipality: MUNICIPALITY,
      buurten: BUURTEN,
    });
    expect(result.excess).toBeCloseTo(1.2, 12);
    expect(result.isSignal).toBe(true);
  });

  it('does not signal a worsening within the usual spread', () => {
    const result = compareTrends({
      direction: 'higher_is_worse',
      years: YEARS,
      area: line(10, 0.3),
      municipality: MUNICIPALITY,
      buurten: BUURTEN,
    });
    expect(result.excess).toBeCloseTo(0.1, 12);
    expect(result.isSignal).toBe(false);
  });

  it('needs the area itself to get worse, unless relative decline is asked for', () => {
    const input = {
      direction: 'higher_is_better' as const,
      years: YEARS,
      area: line(30, 0.0),
      municipality: line(10, 1),
      buurten: BUURTEN,
    };
    expect(compareTrends(input).isSignal).toBe(false);
    expect(compareTrends(input, { requireOwnWorsening: false }).isSignal).toBe(true);
  });

  it('uses the years that have a figure and says why it cannot judge', () => {
    const gappy = [10, null, null, 13, 14];
    const three = compareTrends({
      direction: 'higher_is_worse',
      years: YEARS,
      area: gappy,
      municipality: MUNICIPALITY,
      buurten: BUURTEN,
    });
    expect(three.areaSlope).toBeCloseTo(1, 12);
    expect(
      compareTrends(
        {
          direction: 'higher_is_worse',
          years: YEARS,
          area: gappy,
          municipality: MUNICIPALITY,
          buurten: BUURTEN,
        },
        { minPoints: 4 },
      ).reason,
    ).toBe('minder dan 4 jaarcijfers voor gebied of gemeente');
    expect(
      compareTrends({
        direction: 'higher_is_worse',
        years: YEARS,
        area: line(10, 1),
        municipality: MUNICIPALITY,
        buurten: BUURTEN.slice(0, 4),
      }).reason,
    ).toBe('minder dan 5 buurten om mee te vergelijken');
    expect(
      compareTrends({
        direction: 'neutral',
        years: YEARS,
        area: line(10, 1),
        municipality: MUNICIPALITY,
        buurten: BUURTEN,
      }).isSignal,
    ).toBe(false);
  });

  it('explains the method in Dutch for the UI', () => {
    expect(EARLY_SIGNAL_METHOD_NL).toMatch(/kleinste kwadraten/);
    expect(EARLY_SIGNAL_METHOD_NL).toMatch(/spreiding/);
  });
});

describe('early signals over year tables', () => {
  const catalogue = buildIndicatorCatalogue();
  const slopes = [0, 0.1, 0.2, 0.3, 0.4, 0.2];
  const tables = YEARS.map((year, i) => {
    const rows: Record<string, Record<string, number | null>> = {
      GM0001: { p_hh_li: 10 + 0.2 * i },
      BU00010001: { p_hh_li: 10 + 1 * i, ind_wbi: year === 2021 ? 3 : 1 },
    };
    slopes.forEach((slope, k) => {
      rows[`BU0001010${k}`] = { p_hh_li: 5 + slope * i, ind_wbi: 1 };
    });
    return makeYearTable(year, rows);
  });

  it('signals the buurt and starts its window after its boundary change', () => {
    const result = computeEarlySignals({ tables, catalogue, area: ['BU00010001'] });
    expect(result.municipalityCode).toBe('GM0001');
    expect(result.signals.map((s) => [s.indicatorKey, s.fromYear, s.toYear])).toEqual([
      ['p_hh_li', 2021, 2023],
    ]);
    expect(result.signals[0]?.areaSlope).toBeCloseTo(1, 12);
  });

  it('finds nothing in a buurt that follows the gemeente', () => {
    const result = computeEarlySignals({ tables, catalogue, area: ['BU00010102'] });
    expect(result.signals).toEqual([]);
    expect(result.evaluated.map((s) => s.indicatorKey)).toEqual(['p_hh_li']);
  });
});
