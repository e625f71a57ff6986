import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCommitmentTotals } from './commitment-totals.ts';

describe('computeCommitmentTotals', () => {
  it('adds up per partner and year, per year, and regular against additional money (hand calculation)', () => {
    const totals = computeCommitmentTotals([
      { organisationId: 'corp', money: 'additional', amounts: { '2026': 1_500_000, '2027': 2_000_000 } },
      { organisationId: 'corp', money: 'regular', amounts: { '2026': 250_000.5 } },
      { organisationId: 'police', money: 'regular', amounts: { '2027': 180_000, '2028': 180_000 } },
      { organisationId: 'school', money: 'additional', amounts: {} },
    ]);
    expect(totals.years).toEqual(['2026', '2027', '2028']);
    // corp: 2026 = 1 500 000 + 250 000.50 = 1 750 000.50; 2027 = 2 000 000; regular 250 000.50; additional 3 500 000.
    expect(totals.byOrganisation).toEqual([
      {
        organisationId: 'corp',
        byYear: { '2026': 1_750_000.5, '2027': 2_000_000 },
        split: { regular: 250_000.5, additional: 3_500_000, total: 3_750_000.5 },
      },
      {
        organisationId: 'police',
        byYear: { '2027': 180_000, '2028': 180_000 },
        split: { regular: 360_000, additional: 0, total: 360_000 },
      },
      { organisationId: 'school', byYear: {}, split: { regular: 0, additional: 0, total: 0 } },
    ]);
    // 2027: 2 000 000 additional + 180 000 regular.
    expect(totals.byYear['2027']).toEqual({ regular: 180_000, additional: 2_000_000, total: 2_180_000 });
    // all: 3 750 000.50 + 360 000 = 4 110 000.50.
    expect(totals.split).toEqual({ regular: 610_000.5, additional: 3_500_000, total: 4_110_000.5 });
  });

  it('sums in cents: 0.10 + 0.20 is exactly 0.30', () => {
    const totals = computeCommitmentTotals([
      { organisationId: 'a', money: 'regular', amounts: { '2026': 0.1 } },
      { organisationId: 'a', money: 'regular', amounts: { '2026': 0.2 } },
    ]);
    expect(totals.split.total).toBe(0.3);
  });

  it('keeps the grand total equal to the sum of partners and to the sum of years (property)', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_00 }).map((cents) => cents / 100);
    const commitment = fc.record({
      organisationId: fc.constantFrom('a', 'b', 'c'),
      money: fc.constantFrom('regular' as const, 'additional' as const),
      amounts: fc.dictionary(fc.integer({ min: 2020, max: 2035 }).map(String), amount, { maxKeys: 5 }),
    });
    fc.assert(
      fc.property(fc.array(commitment, { maxLength: 12 }), (commitments) => {
        const totals = computeCommitmentTotals(commitments);
        const cents = (n: number) => Math.round(n * 100);
        const byPartners = totals.byOrganisation.reduce((sum, o) => sum + cents(o.split.total), 0);
        const byYears = Object.values(totals.byYear).reduce((sum, y) => sum + cents(y.total), 0);
        expect(byPartners).toBe(cents(totals.split.total));
        expect(byYears).toBe(cents(totals.split.total));
        expect(cents(totals.split.regular) + cents(totals.split.additional)).toBe(cents(totals.split.total));
      }),
    );
  });
});
