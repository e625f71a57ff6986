/**
 * Small statistics for trends: the least-squares slope and a robust spread (median absolute
 * deviation scaled by 1.4826, which equals the standard deviation for normally distributed data;
 * Rousseeuw & Croux 1993).
 */

/** Ordinary least-squares slope of y on x (units of y per unit of x); null with < 2 distinct x. */
export function computeLeastSquaresSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i] ?? 0;
    meanY += ys[i] ?? 0;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - meanX;
    sxy += dx * ((ys[i] ?? 0) - meanY);
    sxx += dx * dx;
  }
  return sxx === 0 ? null : sxy / sxx;
}

export function computeMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >>> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** 1.4826 x median(|x - median(x)|): a spread that a few extreme buurten cannot inflate. */
export function computeRobustSpread(values: readonly number[]): number | null {
  const median = computeMedian(values);
  if (median === null) return null;
  const deviations = values.map((value) => Math.abs(value - median));
  const mad = computeMedian(deviations);
  return mad === null ? null : 1.4826 * mad;
}
