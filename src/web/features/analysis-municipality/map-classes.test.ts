import { describe, expect, it } from 'vitest';
import {
  computeBreaks,
  computeClassScale,
  MISSING_COLOR,
  NEUTRAL_PALETTE,
  PROBLEM_PALETTE,
} from './map-classes.ts';

describe('choropleth classes', () => {
  it('splits ten values into five classes of two (quantiles by hand)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // Positions 0, 2, 4, 6, 8 of the sorted values, then the maximum.
    expect(computeBreaks(values)).toEqual([1, 3, 5, 7, 9, 10]);
    const scale = computeClassScale(values, 'higher_is_worse');
    expect(scale.classes.map((c) => c.count)).toEqual([2, 2, 2, 2, 2]);
    expect(scale.classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
  });

  it('makes the unfavourable end the darkest, whichever way the indicator points', () => {
    const values = [10, 20, 30, 40, 50];
    const worse = computeClassScale(values, 'higher_is_worse');
    expect(worse.colorOf(50)).toBe(PROBLEM_PALETTE[4]);
    expect(worse.colorOf(10)).toBe(PROBLEM_PALETTE[0]);
    expect(worse.worseEnd).toBe('high');
    const better = computeClassScale(values, 'higher_is_better');
    expect(better.colorOf(10)).toBe(PROBLEM_PALETTE[4]);
    expect(better.colorOf(50)).toBe(PROBLEM_PALETTE[0]);
    expect(better.worseEnd).toBe('low');
    const neutral = computeClassScale(values, 'neutral');
    expect(neutral.colorOf(50)).toBe(NEUTRAL_PALETTE[4]);
    expect(neutral.worseEnd).toBeNull();
  });

  it('keeps missing figures out of the classes and grey', () => {
    const scale = computeClassScale([null, 3, null, 7], 'higher_is_worse');
    expect(scale.colorOf(null)).toBe(MISSING_COLOR);
    expect(scale.classes.reduce((sum, c) => sum + c.count, 0)).toBe(2);
  });

  it('merges tied breaks and still colours one distinct value', () => {
    // Lower bounds 5 and 9 (the quantile positions 0..3 all hold 5), upper bound 9: classes [5, 9) and [9, 9].
    expect(computeBreaks([5, 5, 5, 5, 9])).toEqual([5, 9, 9]);
    expect(computeClassScale([5, 5, 5, 5, 9], 'higher_is_worse').classes.map((c) => c.count)).toEqual([4, 1]);
    const single = computeClassScale([4, 4, 4], 'higher_is_worse');
    expect(single.classes).toHaveLength(1);
    expect(single.colorOf(4)).toBe(PROBLEM_PALETTE[2]);
    expect(computeClassScale([], 'neutral').classes).toEqual([]);
  });
});
