/**
 * Sensitivity analysis (Algemene MKBA-leidraad, Romijn & Renes, CPB/PBL 2013: show how the
 * balance depends on the discount rate and on the most uncertain effects):
 * - the whole analysis at other discount rates;
 * - each item in turn multiplied by (1 − x) and (1 + x), all else equal: the data of a tornado
 *   chart, sorted by swing (largest first).
 */
import type { ItemCategory, ItemType, Party } from './case-schema.ts';
import type { FlowItem, HorizonOptions, PresentValueSummary } from './net-present-value.ts';
import { findBreakEvenYear } from './break-even.ts';
import {
  BREAK_EVEN_RELATIVE_TOLERANCE,
  computeBenefitCostRatio,
  computeYearlyFlows,
  summariseFlows,
} from './net-present-value.ts';

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

/**
 * Tornado data: each item varied by ±variation, sorted by swing (largest first, ties by index).
 *
 * Linear in the size of the case: scaling item i by f changes only its own contribution, so the
 * varied alternative is the base plus (f − 1) × the item's discounted amounts. Per item that is one
 * pass over its amounts and one over the horizon (for the break-even year), instead of re-summing
 * every item for each of the 2n variants (quadratic: 4,000 items took 19 s, issue 10 finding 1).
 */
export function computeItemSensitivity(
  items: readonly SensitivityItem[],
  options: HorizonOptions & { variation: number },
): ItemSensitivity[] {
  const { variation } = options;
  const base = computeYearlyFlows(items, options);
  const { presentValueCosts, presentValueBenefits } = summariseFlows(base);
  const discounted = new Float64Array(base.length);
  const entries = items.map((item, itemIndex): ItemSensitivity => {
    discounted.fill(0);
    let presentValue = 0;
    for (const [year, amount] of item.amounts) {
      const k = year - options.startYear;
      const flow = base[k];
      if (flow === undefined || flow.year !== year) continue;
      const value = amount * flow.discountFactor;
      discounted[k] = discounted[k]! + value;
      presentValue += value;
    }
    const vary = (factor: number): PresentValueSummary => {
      const delta = (factor - 1) * presentValue;
      const costs = item.type === 'cost' ? presentValueCosts + delta : presentValueCosts;
      const benefits = item.type === 'cost' ? presentValueBenefits : presentValueBenefits + delta;
      // The cumulative net benefit of the variant: the base plus ± (f − 1) × the item's cumulative.
      const sign = item.type === 'cost' ? -(factor - 1) : factor - 1;
      let itemCumulative = 0;
      const points = base.map((flow, k) => {
        itemCumulative += discounted[k]!;
        return { year: flow.year, cumulative: flow.cumulativeDiscountedNetBenefit + sign * itemCumulative };
      });
      return {
        presentValueCosts: costs,
        presentValueBenefits: benefits,
        netPresentValue: benefits - costs,
        benefitCostRatio: computeBenefitCostRatio(benefits, costs),
        breakEvenYear: findBreakEvenYear(
          points,
          (Math.abs(costs) + Math.abs(benefits)) * BREAK_EVEN_RELATIVE_TOLERANCE,
        ),
      };
    };
    const minus = vary(1 - variation);
    const plus = vary(1 + variation);
    return {
      kind: 'item',
      itemIndex,
      label: item.label,
      type: item.type,
      category: item.category,
      party: item.party,
      variation,
      presentValue,
      minus,
      plus,
      swing: Math.abs(plus.netPresentValue - minus.netPresentValue),
    };
  });
  return entries.sort((a, b) => b.swing - a.swing || a.itemIndex - b.itemIndex);
}
