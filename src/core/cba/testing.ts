/**
 * Test and benchmark support: a case file at every limit of case-schema.ts (the largest case the
 * API accepts), with the extreme values that make discounting grow fastest. Used by the tests beside
 * it and by bench/mkba.ts; never by the application.
 */
import {
  MAX_AMOUNT,
  MAX_CASE_ITEMS,
  MAX_HORIZON_YEARS,
  MAX_ITEMS_PER_ALTERNATIVE,
  MAX_SENSITIVITY_RATES,
  MIN_DISCOUNT_RATE,
  MAX_YEAR,
  type CbaCaseInput,
  type CbaItemInput,
} from './case-schema.ts';

/**
 * @param shape  'one': one alternative with MAX_ITEMS_PER_ALTERNATIVE items; 'many': the
 *   MAX_CASE_ITEMS items spread over two alternatives (items × years is what evaluation costs)
 * @param extreme  amounts of ±MAX_AMOUNT, the lowest discount rate and the discount base year 400
 *   years before the horizon (the largest discount factors the schema allows)
 */
export function buildCaseAtLimits(options: { shape: 'one' | 'many'; extreme?: boolean }): CbaCaseInput {
  const endYear = MAX_YEAR;
  const startYear = endYear - MAX_HORIZON_YEARS + 1;
  const item = (i: number): CbaItemInput => {
    const amounts: Record<string, number> = {};
    for (let year = startYear; year <= endYear; year += 1) {
      amounts[String(year)] = options.extreme ? MAX_AMOUNT : 1000 + ((i * 7919 + year) % 5000);
    }
    return {
      label: `Post ${i + 1}`,
      type: i % 3 === 0 ? 'cost' : 'benefit',
      category: 'other',
      party: 'gemeente',
      amounts,
    };
  };
  const items = (count: number, offset: number) => Array.from({ length: count }, (_, i) => item(offset + i));
  const header = {
    name: 'Case op alle grenzen',
    priceBaseYear: 2024,
    discountBaseYear: options.extreme ? 1900 : startYear,
    discountRate: options.extreme ? MIN_DISCOUNT_RATE : 0.0225,
    startYear,
    endYear,
    sensitivity: {
      discountRates: Array.from({ length: MAX_SENSITIVITY_RATES }, (_, k) =>
        options.extreme ? MIN_DISCOUNT_RATE + k * 0.01 : k * 0.01,
      ),
    },
  };
  if (options.shape === 'one') return { ...header, items: items(MAX_ITEMS_PER_ALTERNATIVE, 0) };
  const half = MAX_CASE_ITEMS / 2;
  return {
    ...header,
    alternatives: [
      { name: 'A', items: items(half, 0) },
      { name: 'B', items: items(MAX_CASE_ITEMS - half, half) },
    ],
  };
}
