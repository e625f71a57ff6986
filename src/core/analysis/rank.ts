/**
 * Rank and percentile of a value among buurten, direction-aware and tie-aware, in O(n log n):
 * the values are sorted once (typed-array sort) and every position is found by binary search.
 *
 * Definitions (n = buurten with a figure; missing figures are left out of n):
 * - percentile: 100 x (lower + equal / 2) / n, the mid-rank percentile of the value, so ties share
 *   one percentile and the scale is symmetric (Hazen). "Higher than p% of the buurten".
 * - rank: 1 = worst (for neutral indicators: 1 = highest value); tied values share the best rank of
 *   their group (competition ranking 1, 2, 2, 4).
 * - worstPercentile: 100 x (worse + equal / 2) / n, the position measured from the worst end;
 *   "among the worst 20%" means worstPercentile <= 20. Null for neutral indicators.
 */
import type { Direction } from './indicator.ts';

export interface Distribution {
  /** Ascending values without NaN. */
  sorted: Float64Array;
}

export interface Position {
  n: number;
  rank: number;
  percentile: number;
  worstPercentile: number | null;
}

export function buildDistribution(values: Float64Array, members?: Int32Array): Distribution {
  const source = members ?? null;
  const size = source === null ? values.length : source.length;
  const buffer = new Float64Array(size);
  let n = 0;
  for (let k = 0; k < size; k++) {
    const value = values[source === null ? k : (source[k] ?? 0)] ?? Number.NaN;
    if (!Number.isNaN(value)) buffer[n++] = value;
  }
  const sorted = buffer.subarray(0, n);
  sorted.sort();
  return { sorted };
}

/** Number of sorted values strictly below `value`. */
export function countBelow(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Number of sorted values at or below `value`. */
export function countAtOrBelow(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where `value` stands in the distribution; null when the value or the distribution is empty. */
export function locateValue(
  distribution: Distribution,
  value: number | null,
  direction: Direction,
): Position | null {
  const { sorted } = distribution;
  const n = sorted.length;
  if (value === null || Number.isNaN(value) || n === 0) return null;
  const lower = countBelow(sorted, value);
  const atOrBelow = countAtOrBelow(sorted, value);
  const equal = atOrBelow - lower;
  const higher = n - atOrBelow;
  const worse = direction === 'higher_is_better' ? lower : higher;
  return {
    n,
    rank: worse + 1,
    percentile: (100 * (lower + equal / 2)) / n,
    worstPercentile: direction === 'neutral' ? null : (100 * (worse + equal / 2)) / n,
  };
}

export interface ColumnRanking {
  n: number;
  /** Per member (same order as `members`); NaN / 0 for members without a figure. */
  rank: Int32Array;
  percentile: Float64Array;
  worstPercentile: Float64Array;
}

/**
 * Ranks every member at once: one sort, then per member one binary search; the end of each run of
 * tied values is precomputed, so ties cost nothing extra (O(n log n) overall).
 */
export function rankMembers(values: Float64Array, members: Int32Array, direction: Direction): ColumnRanking {
  const { sorted } = buildDistribution(values, members);
  const n = sorted.length;
  // runEnd[j]: index just after the last value equal to sorted[j].
  const runEnd = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    runEnd[j] = j + 1 < n && sorted[j + 1] === sorted[j] ? (runEnd[j + 1] ?? n) : j + 1;
  }
  const rank = new Int32Array(members.length);
  const percentile = new Float64Array(members.length).fill(Number.NaN);
  const worstPercentile = new Float64Array(members.length).fill(Number.NaN);
  const isNeutral = direction === 'neutral';
  const isHigherBetter = direction === 'higher_is_better';
  for (let k = 0; k < members.length; k++) {
    const value = values[members[k] ?? 0] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    const lower = countBelow(sorted, value);
    const atOrBelow = runEnd[lower] ?? n;
    const equal = atOrBelow - lower;
    const worse = isHigherBetter ? lower : n - atOrBelow;
    rank[k] = worse + 1;
    percentile[k] = (100 * (lower + equal / 2)) / n;
    if (!isNeutral) worstPercentile[k] = (100 * (worse + equal / 2)) / n;
  }
  return { n, rank, percentile, worstPercentile };
}
