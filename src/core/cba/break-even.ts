/**
 * Break-even year: the first year from which the cumulative discounted net benefit (benefits minus
 * costs, each discounted to the discount base year) is non-negative and stays so until the end of
 * the horizon. A project that dips below zero again later (a reinvestment) breaks even only after
 * that last dip. Null when the cumulative balance ends below zero.
 */

export interface CumulativePoint {
  year: number;
  /** Cumulative discounted net benefit up to and including `year`, euros. */
  cumulative: number;
}

/**
 * @param points  cumulative balances in year order
 * @param tolerance  euros; a balance above −tolerance counts as zero, so that floating-point
 *   noise on an exact break-even (e.g. 100 spent, 100 gained at 0%) does not hide it
 */
export function findBreakEvenYear(points: readonly CumulativePoint[], tolerance = 0): number | null {
  let breakEven: number | null = null;
  for (const { year, cumulative } of points) {
    if (cumulative < -tolerance) breakEven = null;
    else if (breakEven === null) breakEven = year;
  }
  return breakEven;
}
