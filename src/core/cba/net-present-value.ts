/**
 * Present values of costs and benefits, net present value, benefit/cost ratio and the yearly
 * discounted cash flow of one set of items over the horizon (Algemene MKBA-leidraad, Romijn &
 * Renes, CPB/PBL 2013). Euros, real, prices of the price base year; no rounding.
 */
import type { ItemType } from './case-schema.ts';
import type { YearAmounts } from './patterns.ts';
import { findBreakEvenYear } from './break-even.ts';
import { computeDiscountFactor } from './present-value.ts';

export interface FlowItem {
  type: ItemType;
  amounts: YearAmounts;
}

export interface HorizonOptions {
  /** Real discount rate, fraction. */
  rate: number;
  discountBaseYear: number;
  /** First and last year of the horizon, inclusive; amounts outside it are not counted. */
  startYear: number;
  endYear: number;
}

/** One year of the cash flow, for the chart and for checking by hand. All in euros. */
export interface YearlyFlow {
  year: number;
  costs: number;
  benefits: number;
  /** (1 + r)^−(year − discountBaseYear) */
  discountFactor: number;
  discountedCosts: number;
  discountedBenefits: number;
  /** discountedBenefits − discountedCosts */
  discountedNetBenefit: number;
  /** Sum of discountedNetBenefit from the start year up to and including this year. */
  cumulativeDiscountedNetBenefit: number;
}

export interface PresentValueSummary {
  presentValueCosts: number;
  presentValueBenefits: number;
  /** presentValueBenefits − presentValueCosts */
  netPresentValue: number;
  /** presentValueBenefits ÷ presentValueCosts; null when the costs' present value is not positive. */
  benefitCostRatio: number | null;
  /** See break-even.ts; null if the cumulative balance ends below zero. */
  breakEvenYear: number | null;
}

/** Relative size under which a cumulative balance counts as zero for the break-even year. */
export const BREAK_EVEN_RELATIVE_TOLERANCE = 1e-9;

export function computeBenefitCostRatio(
  presentValueBenefits: number,
  presentValueCosts: number,
): number | null {
  return presentValueCosts > 0 ? presentValueBenefits / presentValueCosts : null;
}

/** The yearly flow over the horizon: undiscounted and discounted totals per year. */
export function computeYearlyFlows(items: readonly FlowItem[], options: HorizonOptions): YearlyFlow[] {
  const flows: YearlyFlow[] = [];
  let cumulative = 0;
  for (let year = options.startYear; year <= options.endYear; year += 1) {
    let costs = 0;
    let benefits = 0;
    for (const item of items) {
      const amount = item.amounts.get(year) ?? 0;
      if (item.type === 'cost') costs += amount;
      else benefits += amount;
    }
    const discountFactor = computeDiscountFactor(year, {
      rate: options.rate,
      baseYear: options.discountBaseYear,
    });
    const discountedCosts = costs * discountFactor;
    const discountedBenefits = benefits * discountFactor;
    const discountedNetBenefit = discountedBenefits - discountedCosts;
    cumulative += discountedNetBenefit;
    flows.push({
      year,
      costs,
      benefits,
      discountFactor,
      discountedCosts,
      discountedBenefits,
      discountedNetBenefit,
      cumulativeDiscountedNetBenefit: cumulative,
    });
  }
  return flows;
}

/** Present values, NPV, ratio and break-even year of the given yearly flow. */
export function summariseFlows(flows: readonly YearlyFlow[]): PresentValueSummary {
  let presentValueCosts = 0;
  let presentValueBenefits = 0;
  for (const flow of flows) {
    presentValueCosts += flow.discountedCosts;
    presentValueBenefits += flow.discountedBenefits;
  }
  const scale = Math.abs(presentValueCosts) + Math.abs(presentValueBenefits);
  const breakEvenYear = findBreakEvenYear(
    flows.map((flow) => ({ year: flow.year, cumulative: flow.cumulativeDiscountedNetBenefit })),
    scale * BREAK_EVEN_RELATIVE_TOLERANCE,
  );
  return {
    presentValueCosts,
    presentValueBenefits,
    netPresentValue: presentValueBenefits - presentValueCosts,
    benefitCostRatio: computeBenefitCostRatio(presentValueBenefits, presentValueCosts),
    breakEvenYear,
  };
}

/** Convenience: computeYearlyFlows followed by summariseFlows. */
export function computeNetPresentValue(
  items: readonly FlowItem[],
  options: HorizonOptions,
): PresentValueSummary & { yearly: YearlyFlow[] } {
  const yearly = computeYearlyFlows(items, options);
  return { ...summariseFlows(yearly), yearly };
}
