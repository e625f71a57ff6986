import { describe, expect, it } from 'vitest';
import { computeGini } from './gini.ts';

describe('computeGini', () => {
  it('is 0 when everyone is equally likely', () => {
    expect(computeGini([0.1, 0.1, 0.1, 0.1])).toBe(0);
  });

  it('matches the mean-absolute-difference definition (hand calculation)', () => {
    // Σ_i Σ_j |x_i − x_j| = 2 · (0.1 + 0.3 + 0.2) = 1.2; 2 n² mean = 2 · 9 · (0.7/3) = 4.2; G = 2/7.
    expect(computeGini([0.1, 0.2, 0.4])).toBeCloseTo(2 / 7, 12);
    // One of n has everything: G = (n − 1)/n.
    expect(computeGini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
  });

  it('is 0 for an empty or all-zero list', () => {
    expect(computeGini([])).toBe(0);
    expect(computeGini([0, 0])).toBe(0);
  });
});
