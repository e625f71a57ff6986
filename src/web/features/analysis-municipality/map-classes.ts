/**
 * Classes and colours of the choropleth map. Values are split into (at most) five classes of about
 * equal numbers of buurten (quantiles), so a few extreme buurten do not wash out the rest. The
 * palette is sequential and direction-aware: the darkest class is always the unfavourable end
 * (higher values for "higher is worse", lower values for "higher is better"); a neutral indicator
 * gets a blue scale where darker only means higher.
 *
 * Palettes: ColorBrewer 2.0 "OrRd" and "Blues", 5 classes (C. Brewer, M. Harrower, colorbrewer2.org;
 * Harrower & Brewer 2003, The Cartographic Journal 40(1)), chosen because they stay readable for
 * colour-blind readers and in grey-scale print.
 */
import type { IndicatorDirection } from '../../api/analysis-municipality.ts';

export const PROBLEM_PALETTE = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;
export const NEUTRAL_PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Buurten without a figure: grey, hatched on the map. */
export const MISSING_COLOR = '#d9d9d9';

export interface ColorClass {
  /** Inclusive lower bound. */
  lower: number;
  /** Upper bound: exclusive, except for the last class. */
  upper: number;
  color: string;
  /** Buurten in this class. */
  count: number;
}

export interface ClassScale {
  classes: ColorClass[];
  /** Which end is unfavourable ('high' or 'low'); null for neutral indicators. */
  worseEnd: 'high' | 'low' | null;
  colorOf: (value: number | null) => string;
}

/** Quantile breaks: the distinct values at positions 0, n/k, 2n/k, ... of the sorted values. */
export function computeBreaks(values: readonly number[], classCount = 5): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 0; i < classCount; i++) {
    const value = sorted[Math.floor((i * sorted.length) / classCount)] as number;
    if (breaks.at(-1) !== value) breaks.push(value);
  }
  // The lower bounds of the classes, then the maximum as the last class's (inclusive) upper bound.
  breaks.push(sorted.at(-1) as number);
  return breaks;
}

function indexOf(breaks: readonly number[], value: number): number {
  const last = breaks.length - 2;
  for (let i = 0; i < last; i++) if (value < (breaks[i + 1] as number)) return i;
  return last;
}

export function computeClassScale(
  values: readonly (number | null)[],
  direction: IndicatorDirection,
): ClassScale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const breaks = computeBreaks(present);
  const classCount = Math.max(0, breaks.length - 1);
  const palette = direction === 'neutral' ? NEUTRAL_PALETTE : PROBLEM_PALETTE;
  // Spread the used colours over the palette so two classes still read as light and dark.
  const colors = Array.from({ length: classCount }, (_, i) =>
    classCount === 1
      ? (palette[2] as string)
      : (palette[Math.round((i * (palette.length - 1)) / (classCount - 1))] as string),
  );
  if (direction === 'higher_is_better') colors.reverse();
  const classes: ColorClass[] = colors.map((color, i) => ({
    lower: breaks[i] as number,
    upper: breaks[i + 1] as number,
    color,
    count: 0,
  }));
  for (const value of present) {
    const at = indexOf(breaks, value);
    const target = classes[at];
    if (target) target.count++;
  }
  return {
    classes,
    worseEnd: direction === 'higher_is_worse' ? 'high' : direction === 'higher_is_better' ? 'low' : null,
    colorOf: (value) =>
      value === null || !Number.isFinite(value) || classes.length === 0
        ? MISSING_COLOR
        : (classes[indexOf(breaks, value)]?.color ?? MISSING_COLOR),
  };
}
