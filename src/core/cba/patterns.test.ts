import { describe, expect, it } from 'vitest';
import { expandPattern, mergeAmounts, restrictToHorizon } from './patterns.ts';

describe('expandPattern', () => {
  it('once: one amount in one year', () => {
    expect([...expandPattern({ kind: 'once', year: 2030, amount: 5 })]).toEqual([[2030, 5]]);
  });

  it('yearly: the same amount in every year of the range, both ends included', () => {
    expect([...expandPattern({ kind: 'yearly', startYear: 2024, endYear: 2026, amount: 7 })]).toEqual([
      [2024, 7],
      [2025, 7],
      [2026, 7],
    ]);
  });

  it('growing: amount × (1 + g)^(t − start)', () => {
    const amounts = expandPattern({
      kind: 'growing',
      startYear: 2024,
      endYear: 2026,
      amount: 100,
      growthRate: 0.1,
    });
    expect(amounts.get(2024)).toBe(100);
    expect(amounts.get(2025)).toBeCloseTo(110, 10);
    expect(amounts.get(2026)).toBeCloseTo(121, 10);
    expect(amounts.size).toBe(3);
  });

  it('growing with a negative rate shrinks', () => {
    const amounts = expandPattern({
      kind: 'growing',
      startYear: 2024,
      endYear: 2025,
      amount: 100,
      growthRate: -0.5,
    });
    expect(amounts.get(2025)).toBe(50);
  });
});

describe('mergeAmounts', () => {
  it('adds explicit amounts and patterns per year, sorted by year', () => {
    const merged = mergeAmounts({ '2026': 1, '2024': 2 }, [
      { kind: 'yearly', startYear: 2024, endYear: 2025, amount: 10 },
      { kind: 'once', year: 2024, amount: 100 },
    ]);
    expect([...merged]).toEqual([
      [2024, 112],
      [2025, 10],
      [2026, 1],
    ]);
  });

  it('is empty without amounts and patterns', () => {
    expect(mergeAmounts(undefined, undefined).size).toBe(0);
  });
});

describe('restrictToHorizon', () => {
  it('keeps only years inside the horizon', () => {
    const amounts = new Map([
      [2020, 1],
      [2025, 2],
      [2031, 3],
    ]);
    expect([...restrictToHorizon(amounts, { startYear: 2021, endYear: 2030 })]).toEqual([[2025, 2]]);
  });
});
