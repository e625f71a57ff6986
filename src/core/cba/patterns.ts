/**
 * Amount patterns: shorthand for a series of yearly amounts (euros, real, prices of the price
 * base year). Patterns and explicit yearly amounts of one item add up.
 */
import type { AmountPattern } from './case-schema.ts';

/** Year → euros. */
export type YearAmounts = ReadonlyMap<number, number>;

/**
 * The yearly amounts of one pattern:
 * - once: `amount` in `year`;
 * - yearly: `amount` in every year from `startYear` to `endYear` inclusive;
 * - growing: amount × (1 + growthRate)^(t − startYear) in year t, `startYear` ≤ t ≤ `endYear`
 *   (a real growth rate: growth on top of the price level of the price base year).
 */
export function expandPattern(pattern: AmountPattern): Map<number, number> {
  const amounts = new Map<number, number>();
  switch (pattern.kind) {
    case 'once':
      amounts.set(pattern.year, pattern.amount);
      break;
    case 'yearly':
      for (let year = pattern.startYear; year <= pattern.endYear; year += 1)
        amounts.set(year, pattern.amount);
      break;
    case 'growing':
      for (let year = pattern.startYear; year <= pattern.endYear; year += 1) {
        amounts.set(year, pattern.amount * Math.pow(1 + pattern.growthRate, year - pattern.startYear));
      }
      break;
  }
  return amounts;
}

/** Adds yearly amounts and patterns into one map year → euros (no rounding). */
export function mergeAmounts(
  explicit: Readonly<Record<string, number>> | undefined,
  patterns: readonly AmountPattern[] | undefined,
): Map<number, number> {
  const merged = new Map<number, number>();
  const add = (year: number, amount: number) => merged.set(year, (merged.get(year) ?? 0) + amount);
  for (const [key, amount] of Object.entries(explicit ?? {})) add(Number(key), amount);
  for (const pattern of patterns ?? []) {
    for (const [year, amount] of expandPattern(pattern)) add(year, amount);
  }
  return new Map([...merged].sort(([a], [b]) => a - b));
}

/** The amounts within the horizon `startYear`–`endYear` (the only ones an analysis counts). */
export function restrictToHorizon(
  amounts: YearAmounts,
  horizon: { startYear: number; endYear: number },
): Map<number, number> {
  return new Map([...amounts].filter(([year]) => year >= horizon.startYear && year <= horizon.endYear));
}
