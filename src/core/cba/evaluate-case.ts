/**
 * Evaluates a cost-benefit case: per project alternative (each relative to the zero alternative)
 * the present values, net present value, benefit/cost ratio, break-even year, the split per party
 * and per category, the yearly discounted flow and the sensitivity analysis. Euros, real, prices
 * of the price base year, discounted to the discount base year; nothing is rounded.
 */
import type { CbaAlternative, CbaCase, CbaEffect, ItemCategory, ItemType, Party } from './case-schema.ts';
import { ITEM_CATEGORIES, PARTIES } from './case-schema.ts';
import { parseCase } from './case-validation.ts';
import type { HorizonOptions, PresentValueSummary, YearlyFlow } from './net-present-value.ts';
import { computeNetPresentValue } from './net-present-value.ts';
import { restrictToHorizon } from './patterns.ts';
import { computePresentValue, describeMethod } from './present-value.ts';
import type { SensitivityEntry } from './sensitivity.ts';
import { computeDiscountRateSensitivity, computeItemSensitivity } from './sensitivity.ts';

export interface ItemResult {
  /** Index of the item in its alternative (as in the case file). */
  itemIndex: number;
  label: string;
  type: ItemType;
  category: ItemCategory;
  party: Party;
  /** Present value at the case's rate, euros. */
  presentValue: number;
  /** Plain sum of the item's amounts over the horizon, euros. */
  undiscountedTotal: number;
  note: string | undefined;
}

export interface PartyResult {
  party: Party;
  presentValueCosts: number;
  presentValueBenefits: number;
  netPresentValue: number;
}

export interface CategoryResult {
  type: ItemType;
  category: ItemCategory;
  presentValue: number;
}

export interface AlternativeMetrics extends PresentValueSummary {
  items: ItemResult[];
  /** Parties in the fixed order of PARTIES, only those with an item. */
  byParty: PartyResult[];
  /** Costs first, then benefits; categories in the order of ITEM_CATEGORIES. */
  byCategory: CategoryResult[];
  /** Non-monetised effects (+/0/−), listed and never summed. */
  effects: CbaEffect[];
  /** Discount-rate entries (ascending rate), then item entries (tornado, largest swing first). */
  sensitivity: SensitivityEntry[];
  /** Every year of the horizon: the data for a chart of the cumulative discounted net benefit. */
  yearly: YearlyFlow[];
}

export interface AlternativeResult extends AlternativeMetrics {
  id: string;
  name: string;
  description: string | undefined;
  /** How the figures were computed (discount formula, rate, base years, sources). */
  method: string;
}

/**
 * The result of a case. The fields of AlternativeMetrics are repeated at the top level only when
 * the case has exactly one project alternative (always so for the simple file shape of issue 5);
 * with several, read `alternatives`.
 */
export interface CaseResult extends Partial<AlternativeMetrics> {
  name: string;
  description: string | undefined;
  method: string;
  currency: 'EUR';
  priceBaseYear: number;
  discountBaseYear: number;
  discountRate: number;
  startYear: number;
  endYear: number;
  zeroAlternative: { name: string; description: string | undefined };
  alternatives: AlternativeResult[];
  assumptions: string[];
  sources: string[];
}

/** Parses (throws DomainError 'invalid_input' on bad input) and evaluates a case file. */
export function evaluateCase(input: unknown): CaseResult {
  return computeCaseResult(parseCase(input));
}

export function computeCaseResult(cbaCase: CbaCase): CaseResult {
  const method = describeMethod(cbaCase);
  const alternatives = cbaCase.alternatives.map((alternative) =>
    computeAlternativeResult(alternative, cbaCase),
  );
  const header = {
    name: cbaCase.name,
    description: cbaCase.description,
    method,
    currency: 'EUR' as const,
    priceBaseYear: cbaCase.priceBaseYear,
    discountBaseYear: cbaCase.discountBaseYear,
    discountRate: cbaCase.discountRate,
    startYear: cbaCase.startYear,
    endYear: cbaCase.endYear,
  };
  const footer = {
    zeroAlternative: cbaCase.zeroAlternative,
    alternatives,
    assumptions: cbaCase.assumptions,
    sources: cbaCase.sources,
  };
  const [only, ...others] = alternatives;
  if (only === undefined || others.length > 0) return { ...header, ...footer };
  const { id: _id, name: _name, description: _description, method: _method, ...metrics } = only;
  return { ...header, ...metrics, ...footer };
}

export function computeAlternativeResult(alternative: CbaAlternative, cbaCase: CbaCase): AlternativeResult {
  const options: HorizonOptions = {
    rate: cbaCase.discountRate,
    discountBaseYear: cbaCase.discountBaseYear,
    startYear: cbaCase.startYear,
    endYear: cbaCase.endYear,
  };
  const { yearly, ...summary } = computeNetPresentValue(alternative.items, options);
  const items = alternative.items.map((item, itemIndex): ItemResult => {
    const amounts = restrictToHorizon(item.amounts, options);
    return {
      itemIndex,
      label: item.label,
      type: item.type,
      category: item.category,
      party: item.party,
      presentValue: computePresentValue(amounts, { rate: options.rate, baseYear: options.discountBaseYear }),
      undiscountedTotal: [...amounts.values()].reduce((sum, amount) => sum + amount, 0),
      note: item.note,
    };
  });
  return {
    id: alternative.id,
    name: alternative.name,
    description: alternative.description,
    method: describeMethod(cbaCase),
    ...summary,
    items,
    byParty: splitByParty(items),
    byCategory: splitByCategory(items),
    effects: alternative.effects,
    sensitivity: [
      ...computeDiscountRateSensitivity(alternative.items, {
        ...options,
        rates: cbaCase.sensitivity.discountRates,
      }),
      ...computeItemSensitivity(alternative.items, {
        ...options,
        variation: cbaCase.sensitivity.itemVariation,
      }),
    ],
    yearly,
  };
}

/** Present values per party: who pays and who gains (the distribution table of an MKBA). */
export function splitByParty(items: readonly ItemResult[]): PartyResult[] {
  const results: PartyResult[] = [];
  for (const party of PARTIES) {
    const own = items.filter((item) => item.party === party);
    if (own.length === 0) continue;
    const presentValueCosts = sumPresentValues(own.filter((item) => item.type === 'cost'));
    const presentValueBenefits = sumPresentValues(own.filter((item) => item.type === 'benefit'));
    results.push({
      party,
      presentValueCosts,
      presentValueBenefits,
      netPresentValue: presentValueBenefits - presentValueCosts,
    });
  }
  return results;
}

/** Present values per type and category. */
export function splitByCategory(items: readonly ItemResult[]): CategoryResult[] {
  const results: CategoryResult[] = [];
  for (const type of ['cost', 'benefit'] as const) {
    for (const category of ITEM_CATEGORIES) {
      const own = items.filter((item) => item.type === type && item.category === category);
      if (own.length > 0) results.push({ type, category, presentValue: sumPresentValues(own) });
    }
  }
  return results;
}

function sumPresentValues(items: readonly ItemResult[]): number {
  return items.reduce((sum, item) => sum + item.presentValue, 0);
}
