import { describe, expect, it } from 'vitest';
import {
  computeDiscountRateSensitivity,
  computeItemSensitivity,
  type SensitivityItem,
} from './sensitivity.ts';

const horizon = { rate: 0.1, discountBaseYear: 2020, startYear: 2020, endYear: 2021 };

// Cost 100 in 2020; benefit 220 in 2021 (PV 220 / 1.1 = 200 at 10%); a negative benefit −11 in 2021 (PV −10).
const items: SensitivityItem[] = [
  {
    label: 'Kosten',
    type: 'cost',
    category: 'investment',
    party: 'gemeente',
    amounts: new Map([[2020, 100]]),
  },
  {
    label: 'Baat',
    type: 'benefit',
    category: 'care',
    party: 'zorgverzekeraar',
    amounts: new Map([[2021, 220]]),
  },
  {
    label: 'Overlast',
    type: 'benefit',
    category: 'liveability',
    party: 'bewoners',
    amounts: new Map([[2021, -11]]),
  },
];

describe('computeDiscountRateSensitivity', () => {
  it('adds the base rate once, sorts ascending and recomputes at each rate', () => {
    const entries = computeDiscountRateSensitivity(items, { ...horizon, rates: [0.2, 0, 0.1] });
    expect(entries.map((e) => [e.discountRate, e.isBaseRate])).toEqual([
      [0, false],
      [0.1, true],
      [0.2, false],
    ]);
    // 0%: 209 − 100 = 109; 10%: 190 − 100 = 90; 20%: 209/1.2 − 100 = 74.1666...
    expect(entries.map((e) => e.netPresentValue)).toEqual([
      109,
      expect.closeTo(90, 10),
      expect.closeTo(74.1666667, 6),
    ]);
  });
});

describe('computeItemSensitivity', () => {
  it('varies one item at a time by ±x and sorts by swing', () => {
    const entries = computeItemSensitivity(items, { ...horizon, variation: 0.5 });
    expect(entries.map((e) => e.label)).toEqual(['Baat', 'Kosten', 'Overlast']);
    const [benefit, cost, nuisance] = entries;
    // NPV 90; Baat ±50% of 200 → −10 and 190
    expect(benefit?.minus.netPresentValue).toBeCloseTo(-10, 10);
    expect(benefit?.plus.netPresentValue).toBeCloseTo(190, 10);
    expect(benefit?.minus.breakEvenYear).toBeNull();
    // Kosten ±50% of 100 → NPV 140 and 40; ratio 190/50 and 190/150
    expect(cost?.minus.benefitCostRatio).toBeCloseTo(3.8, 12);
    expect(cost?.plus.benefitCostRatio).toBeCloseTo(190 / 150, 12);
    // A negative benefit: +50% makes it worse
    expect(nuisance?.presentValue).toBeCloseTo(-10, 10);
    expect(nuisance?.plus.netPresentValue).toBeCloseTo(85, 10);
    expect(nuisance?.swing).toBeCloseTo(10, 10);
  });
});

/** A Map that counts how often its amounts are read (get, iteration), to measure the work done. */
class CountingMap extends Map<number, number> {
  static reads = 0;
  override get(key: number) {
    CountingMap.reads += 1;
    return super.get(key);
  }
  override [Symbol.iterator]() {
    CountingMap.reads += this.size;
    return super[Symbol.iterator]();
  }
  override entries() {
    CountingMap.reads += this.size;
    return super.entries();
  }
}

describe('computeItemSensitivity: work grows linearly with the number of items (issue 10, finding 1)', () => {
  // With n items over y years, re-summing every item for each of the 2n variants reads 2·n·n·y
  // amounts; a linear method reads each item's amounts a fixed number of times (here at most 8·n·y).
  it('reads each item’s amounts a bounded number of times, however many items there are', () => {
    const years = 10;
    const manyItems = (n: number): SensitivityItem[] =>
      Array.from({ length: n }, (_, i) => ({
        label: `Item ${i}`,
        type: i % 2 === 0 ? 'cost' : 'benefit',
        category: 'other',
        party: 'gemeente',
        amounts: new CountingMap(Array.from({ length: years }, (_, k) => [2020 + k, 1000 + i] as const)),
      }));
    for (const n of [50, 200]) {
      const items = manyItems(n);
      CountingMap.reads = 0;
      computeItemSensitivity(items, {
        rate: 0.0225,
        discountBaseYear: 2020,
        startYear: 2020,
        endYear: 2020 + years - 1,
        variation: 0.2,
      });
      expect(CountingMap.reads, `${n} items`).toBeLessThanOrEqual(8 * n * years);
    }
  });

  it('gives the same figures as re-evaluating the whole alternative with the item scaled', () => {
    // The reference: scale one item's amounts by hand and sum the discounted flows again.
    const options = { rate: 0.1, discountBaseYear: 2020, startYear: 2020, endYear: 2021 };
    const entries = computeItemSensitivity(items, { ...options, variation: 0.5 });
    const pv = (amount: number, year: number) => amount * 1.1 ** -(year - 2020);
    const reference = (scaled: number, factor: number) => {
      const costs = (scaled === 0 ? factor : 1) * pv(100, 2020);
      const benefits =
        (scaled === 1 ? factor : 1) * pv(220, 2021) + (scaled === 2 ? factor : 1) * pv(-11, 2021);
      return benefits - costs;
    };
    for (const entry of entries) {
      expect(entry.minus.netPresentValue).toBeCloseTo(reference(entry.itemIndex, 0.5), 9);
      expect(entry.plus.netPresentValue).toBeCloseTo(reference(entry.itemIndex, 1.5), 9);
    }
  });
});
