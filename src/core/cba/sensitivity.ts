/**
 * Sensitivity analysis (Algemene MKBA-leidraad, Romijn & Renes, CPB/PBL 2013: show how the
 * balance depends on the discount rate and on the most uncertain effects):
 * - the whole analysis at other discount rates;
 * - each item in turn multiplied by (1 − x) and (1 + x), all else equal: the data of a tornado
 *   chart, sorted by swing (largest first).
 */
import type { ItemCategory, ItemType, Party } from './case-schema.ts';
import type { FlowItem, HorizonOptions, PresentValueSummary } from './net-present-value.ts';
import { computeYearlyFlows, summariseFlows } from './net-present-value.ts';
import { restrictToHorizon, scaleAmounts } from './patterns.ts';
import { computePresentValue } from './present-value.ts';

export interface DiscountRateSensitivity extends PresentValueSummary {
  kind: 'discount_rate';
  /** Fraction. */
  discountRate: number;
  /** True for the case's own discount rate. */
  isBaseRate: boolean;
}

export interface ItemSensitivity {
  kind: 'item';
  /** Index of the item in its alternative's `items`. */
  itemIndex: number;
  label: string;
  type: ItemType;
  category: ItemCategory;
  party: Party;
  /** x as a fraction (0.2 = ±20%). */
  variation: number;
  /** Present value of the item itself at the case's rate, euros. */
  presentValue: number;
  /** The whole alternative with this item × (1 − x). */
  minus: PresentValueSummary;
  /** The whole alternative with this item × (1 + x). */
  plus: PresentValueSummary;
  /** |plus.netPresentValue − minus.netPresentValue| = 2x × |presentValue|, euros. */
  swing: number;
}

export type SensitivityEntry = DiscountRateSensitivity | ItemSensitivity;

export interface SensitivityItem extends FlowItem {
  label: string;
  category: ItemCategory;
  party: Party;
}

function summarise(items: readonly FlowItem[], options: HorizonOptions): PresentValueSummary {
  return summariseFlows(computeYearlyFlows(items, options));
}

/** The analysis at each rate (the base rate added when missing), in ascending order of rate. */
export function computeDiscountRateSensitivity(
  items: readonly FlowItem[],
  options: HorizonOptions & { rates: readonly number[] },
): DiscountRateSensitivity[] {
  const rates = [...new Set([...options.rates, options.rate])].sort((a, b) => a - b);
  return rates.map((discountRate) => ({
    kind: 'discount_rate',
    discountRate,
    isBaseRate: discountRate === options.rate,
    ...summarise(items, { ...options, rate: discountRate }),
  }));
}

/** Tornado data: each item varied by ±variation, sorted by swing (largest first, ties by index). */
export function computeItemSensitivity(
  items: readonly SensitivityItem[],
  options: HorizonOptions & { variation: number },
): ItemSensitivity[] {
  const { variation } = options;
  const withItemScaled = (index: number, factor: number) =>
    items.map((item, i) => (i === index ? { ...item, amounts: scaleAmounts(item.amounts, factor) } : item));
  const entries = items.map((item, itemIndex): ItemSensitivity => {
    const minus = summarise(withItemScaled(itemIndex, 1 - variation), options);
    const plus = summarise(withItemScaled(itemIndex, 1 + variation), options);
    return {
      kind: 'item',
      itemIndex,
      label: item.label,
      type: item.type,
      category: item.category,
      party: item.party,
      variation,
      presentValue: computePresentValue(restrictToHorizon(item.amounts, options), {
        rate: options.rate,
        baseYear: options.discountBaseYear,
      }),
      minus,
      plus,
      swing: Math.abs(plus.netPresentValue - minus.netPresentValue),
    };
  });
  return entries.sort((a, b) => b.swing - a.swing || a.itemIndex - b.itemIndex);
}
