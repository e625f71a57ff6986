import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction } from './indicator.ts';
import { buildDistribution, locateValue, rankMembers } from './rank.ts';

const VALUES = Float64Array.from([10, 20, 20, 30, Number.NaN]);
const ALL = Int32Array.from([0, 1, 2, 3, 4]);

describe('rank and percentile, by hand', () => {
  // Four buurten with a figure (10, 20, 20, 30) and one without.
  it('higher is worse: 30 is the worst, the tied 20s share rank 2', () => {
    const ranking = rankMembers(VALUES, ALL, 'higher_is_worse');
    expect(ranking.n).toBe(4);
    expect(Array.from(ranking.rank)).toEqual([4, 2, 2, 1, 0]);
    // percentile = 100 x (lower + equal / 2) / n
    expect(Array.from(ranking.percentile)).toEqual([12.5, 50, 50, 87.5, Number.NaN]);
    // worstPercentile = 100 x (worse + equal / 2) / n
    expect(Array.from(ranking.worstPercentile)).toEqual([87.5, 50, 50, 12.5, Number.NaN]);
  });

  it('higher is better: 10 is the worst', () => {
    const ranking = rankMembers(VALUES, ALL, 'higher_is_better');
    expect(Array.from(ranking.rank)).toEqual([1, 2, 2, 4, 0]);
    expect(Array.from(ranking.worstPercentile)).toEqual([12.5, 50, 50, 87.5, Number.NaN]);
  });

  it('neutral: ranked from the highest value, no worst percentile', () => {
    const ranking = rankMembers(VALUES, ALL, 'neutral');
    expect(Array.from(ranking.rank)).toEqual([4, 2, 2, 1, 0]);
    expect(Array.from(ranking.worstPercentile).every(Number.isNaN)).toBe(true);
  });

  it('places a value that is not a member (an aggregated focus area) in the distribution', () => {
    const distribution = buildDistribution(VALUES, ALL);
    expect(locateValue(distribution, 25, 'higher_is_worse')).toEqual({
      n: 4,
      rank: 2,
      percentile: 75,
      worstPercentile: 25,
    });
    expect(locateValue(distribution, 20, 'higher_is_worse')).toEqual({
      n: 4,
      rank: 2,
      percentile: 50,
      worstPercentile: 50,
    });
    expect(locateValue(distribution, null, 'higher_is_worse')).toBeNull();
  });

  it('ranks within a subset (the buurten of one gemeente)', () => {
    const ranking = rankMembers(VALUES, Int32Array.from([0, 3]), 'higher_is_worse');
    expect(ranking.n).toBe(2);
    expect(Array.from(ranking.rank)).toEqual([2, 1]);
  });
});

describe('rank and percentile, against a brute-force count', () => {
  it('equals counting better, equal and worse values one by one', () => {
    const valueArbitrary = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        fc.array(valueArbitrary, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<Direction>('higher_is_worse', 'higher_is_better'),
        (raw, direction) => {
          const values = Float64Array.from(raw);
          const members = Int32Array.from(raw.map((_, i) => i));
          const ranking = rankMembers(values, members, direction);
          const present = raw.filter((v) => !Number.isNaN(v));
          raw.forEach((value, k) => {
            if (Number.isNaN(value)) return;
            const worse = present.filter((other) =>
              direction === 'higher_is_worse' ? other > value : other < value,
            ).length;
            const lower = present.filter((other) => other < value).length;
            const equal = present.filter((other) => other === value).length;
            expect(ranking.rank[k]).toBe(worse + 1);
            expect(ranking.percentile[k]).toBeCloseTo((100 * (lower + equal / 2)) / present.length, 10);
            expect(ranking.worstPercentile[k]).toBeCloseTo((100 * (worse + equal / 2)) / present.length, 10);
          });
        },
      ),
    );
  });
});
