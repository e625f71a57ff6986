/**
 * Discounting. An amount A in year t has present value A × (1 + r)^−(t − b), with r the real
 * discount rate (a fraction) and b the discount base year. Years before b are compounded forward
 * (factor above 1). Source of the formula and of the standard rate r = 2,25%: Algemene
 * MKBA-leidraad (Romijn & Renes, CPB/PBL 2013) and Rapport Werkgroep discontovoet 2020.
 * Amounts are real euros in prices of the price base year, so r is a real rate.
 */
import type { YearAmounts } from './patterns.ts';

export interface DiscountOptions {
  /** Real discount rate as a fraction (0.0225 = 2,25%); must be above −1. */
  rate: number;
  /** The year whose euros count at face value. */
  baseYear: number;
}

/** The factor (1 + r)^−(t − b). */
export function computeDiscountFactor(year: number, options: DiscountOptions): number {
  return Math.pow(1 + options.rate, -(year - options.baseYear));
}

/** Σ_t A_t × (1 + r)^−(t − b) over the given years (euros, no rounding). */
export function computePresentValue(amounts: YearAmounts, options: DiscountOptions): number {
  let total = 0;
  for (const [year, amount] of amounts) total += amount * computeDiscountFactor(year, options);
  return total;
}

/** A rate as Dutch percent text: 0.0225 → "2,25%". Only for the method text, never for maths. */
export function formatRate(rate: number): string {
  const percent = Number((rate * 100).toPrecision(12));
  return `${String(percent).replace('.', ',')}%`;
}

/**
 * The method text shown with every result, so that a reader can redo the sums:
 * the discount formula, rate, base years and the meaning of ratio and break-even year.
 */
export function describeMethod(options: {
  discountRate: number;
  discountBaseYear: number;
  priceBaseYear: number;
}): string {
  const { discountRate, discountBaseYear, priceBaseYear } = options;
  const rateText = String(Number(discountRate.toPrecision(12))).replace('.', ',');
  return [
    `Bedragen in euro's, prijspeil ${priceBaseYear} (reëel, zonder inflatie).`,
    `Contante waarde per ${discountBaseYear} met een reële discontovoet van ${formatRate(discountRate)}:`,
    `een bedrag B in jaar t telt mee als B × (1 + ${rateText})^−(t − ${discountBaseYear}).`,
    'Netto contante waarde = contante waarde baten − contante waarde kosten;',
    'baten/kostenverhouding = contante waarde baten ÷ contante waarde kosten;',
    'break-evenjaar = eerste jaar vanaf wanneer het gecumuleerde verdisconteerde saldo niet meer negatief is.',
    'Bedragen van een projectalternatief zijn verschillen ten opzichte van het nulalternatief.',
    'Niet in geld uitgedrukte effecten (+/0/−) staan ernaast en zijn niet opgeteld.',
    'Bronnen: Algemene MKBA-leidraad (Romijn & Renes, CPB/PBL 2013); Rapport Werkgroep discontovoet 2020.',
  ].join(' ');
}
