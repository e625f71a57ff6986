import { describe, expect, it } from 'vitest';
import { computeDiscountFactor, computePresentValue, describeMethod, formatRate } from './present-value.ts';

describe('computeDiscountFactor', () => {
  it('is 1 in the base year and (1 + r)^−n n years later', () => {
    expect(computeDiscountFactor(2022, { rate: 0.0225, baseYear: 2022 })).toBe(1);
    // 1 / 1.0225² = 1 / 1.04550625 = 0.956474...
    expect(computeDiscountFactor(2024, { rate: 0.0225, baseYear: 2022 })).toBeCloseTo(1 / 1.04550625, 14);
  });

  it('compounds years before the base year forward (factor above 1)', () => {
    expect(computeDiscountFactor(2020, { rate: 0.1, baseYear: 2022 })).toBeCloseTo(1.21, 12);
  });
});

describe('computePresentValue: closed forms', () => {
  it('matches the annuity formula PV = A·(1 − (1+r)^−n)/r for payments one to n years after the base year', () => {
    const amount = 250_000; // euros a year
    const rate = 0.0225;
    const years = 30; // 2023 .. 2052, base year 2022
    const amounts = new Map(Array.from({ length: years }, (_, k) => [2023 + k, amount] as [number, number]));
    const closedForm = (amount * (1 - Math.pow(1 + rate, -years))) / rate;
    expect(computePresentValue(amounts, { rate, baseYear: 2022 })).toBeCloseTo(closedForm, 6);
    // sanity: 30 years of €250k at 2,25% is worth about €5,4 million today, less than the €7,5 million sum
    expect(closedForm).toBeGreaterThan(5.3e6);
    expect(closedForm).toBeLessThan(5.5e6);
  });

  it('matches the annuity-due form when the first payment falls in the base year', () => {
    const rate = 0.04;
    const amounts = new Map([2030, 2031, 2032, 2033, 2034].map((year) => [year, 100] as [number, number]));
    const closedForm = ((100 * (1 - Math.pow(1 + rate, -5))) / rate) * (1 + rate);
    expect(computePresentValue(amounts, { rate, baseYear: 2030 })).toBeCloseTo(closedForm, 9);
  });

  it('discounts a single amount in a later year: €1.000.000 in 2032 at 2,25% per 2022', () => {
    // 1.0225^10 = 1.24920...; 1e6 / 1.24920 = 800 511...
    const expected = 1_000_000 / Math.pow(1.0225, 10);
    const value = computePresentValue(new Map([[2032, 1_000_000]]), { rate: 0.0225, baseYear: 2022 });
    expect(value).toBeCloseTo(expected, 6);
    expect(value).toBeGreaterThan(800_000);
    expect(value).toBeLessThan(801_000);
  });

  it('equals the plain sum at 0%', () => {
    const amounts = new Map([
      [2022, 10],
      [2030, 20.5],
      [2049, -3],
    ]);
    expect(computePresentValue(amounts, { rate: 0, baseYear: 2022 })).toBe(27.5);
  });
});

describe('method text', () => {
  it('formats rates the Dutch way', () => {
    expect(formatRate(0.0225)).toBe('2,25%');
    expect(formatRate(0.016)).toBe('1,6%');
    expect(formatRate(0)).toBe('0%');
  });

  it('states the formula, rate, discount base year and price base year', () => {
    const text = describeMethod({ discountRate: 0.0225, discountBaseYear: 2022, priceBaseYear: 2021 });
    expect(text).toContain('(1 + 0,0225)^−(t − 2022)');
    expect(text).toContain('2,25%');
    expect(text).toContain('prijspeil 2021');
    expect(text).toContain('Werkgroep discontovoet 2020');
  });
});
