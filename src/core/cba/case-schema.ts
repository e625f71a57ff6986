/**
 * The boundary schema of a social cost-benefit analysis (MKBA) case file, in zod 4.
 *
 * The HTTP API reuses `cbaCaseSchema` as its body schema; `parseCase` (case-validation.ts) adds
 * the checks that need more than one field (years inside the horizon, category fits the type) and
 * turns everything into one `DomainError` with Dutch messages and field paths.
 *
 * Conventions (see docs/decisions/0102-cba-conventions-and-template.md):
 * - Amounts are real euros in prices of `priceBaseYear` (no inflation inside the horizon).
 * - Rates are fractions: 2,25% is written 0.0225.
 * - Costs and benefits are written as positive amounts; a negative amount is an effect with the
 *   opposite sign (a negative benefit such as nuisance, a cost that falls).
 * - The items of a project alternative are effects *relative to the zero alternative* (the
 *   difference "with project" minus "without project", Algemene MKBA-leidraad, Romijn & Renes,
 *   CPB/PBL 2013). The zero alternative itself therefore carries no amounts; it is only
 *   named and described.
 * - A file either has `items` (the simple shape of issue 5: one project alternative against an
 *   empty zero alternative) or `alternatives` (one or more project alternatives), never both.
 */
import { z } from 'zod';

/**
 * The Dutch standard real discount rate for MKBA since 1 January 2021: 2,25% (−1% risk-free
 * plus a 3,25% risk premium). Source: Rapport Werkgroep discontovoet 2020, adopted by the cabinet.
 */
export const STANDARD_DISCOUNT_RATE = 0.0225;

/**
 * Default discount rates for the sensitivity analysis (fractions), chosen so that a reader can
 * compare with the plain sum and with MKBAs made under earlier rules:
 * - 0%: no discounting, the plain sum of the amounts (a check on the arithmetic);
 * - 1,6%: the lower rate of the Werkgroep discontovoet 2020 for fixed, sunk costs (−1% + 0,8 × 3,25%);
 * - 2,25%: the standard rate since 2021 (Werkgroep discontovoet 2020);
 * - 3%: the standard rate 2015–2020 (Werkgroep discontovoet 2015), for comparison with older studies;
 * - 5,5%: the standard rate 2007–2015 (2,5% risk-free + 3% risk premium), used in the MKBAs of the
 *   earlier wijkaanpak (krachtwijken).
 * The base rate of the case is always added if it is not in the list.
 */
export const DEFAULT_SENSITIVITY_DISCOUNT_RATES: readonly number[] = [0, 0.016, 0.0225, 0.03, 0.055];

/** Default variation of each item for the tornado chart: ±20%. */
export const DEFAULT_ITEM_VARIATION = 0.2;

export const ITEM_TYPES = ['cost', 'benefit'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const COST_CATEGORIES = ['investment', 'operation', 'other'] as const;
export const BENEFIT_CATEGORIES = [
  'benefits_savings', // lower social-security payments (uitkeringen)
  'care',
  'safety_crime',
  'education',
  'property_value',
  'liveability',
  'other',
] as const;
export const ITEM_CATEGORIES = ['investment', 'operation', ...BENEFIT_CATEGORIES] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];
export type ItemCategory = CostCategory | BenefitCategory;

export const PARTIES = [
  'rijk',
  'gemeente',
  'corporatie',
  'zorgverzekeraar',
  'bewoners',
  'bedrijfsleven',
  'other',
] as const;
export type Party = (typeof PARTIES)[number];

/** Scores of a non-monetised effect; '−' (U+2212) is accepted and read as '-'. */
export const EFFECT_SCORES = ['+', '0', '-'] as const;
export type EffectScore = (typeof EFFECT_SCORES)[number];

/** Years are whole numbers in a sane range, so a typo (20300) cannot blow up the horizon. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2300;

const yearSchema = z
  .number({ error: 'moet een jaartal zijn (een geheel getal, bijv. 2030)' })
  .int({ error: 'moet een jaartal zijn (een geheel getal, bijv. 2030)' })
  .min(MIN_YEAR, { error: `jaartal moet ${MIN_YEAR} of later zijn` })
  .max(MAX_YEAR, { error: `jaartal moet ${MAX_YEAR} of eerder zijn` });

/**
 * Bounds of a case (issue 10): every list has a maximum and every number a finite range, so that
 * one saved case can neither overflow to Infinity nor take the server long to evaluate. With these
 * bounds every result is finite: |amount| ≤ 1e12, at most 21 amounts per item and year (explicit
 * plus patterns), at most 500 items, discount factors at most 2^400 (|t − b| ≤ 400 years, rate in
 * [−0,5; 1]): 1e12 × 21 × 500 × 100 × 2^400 ≈ 2.7e137, far below Number.MAX_VALUE (1.8e308).
 * A case at these limits evaluates in milliseconds (see docs/benchmarks.md, "MKBA").
 */
/** Largest amount in euros, either sign: one trillion, more than the whole Dutch state budget of a year. */
export const MAX_AMOUNT = 1e12;
export const MAX_HORIZON_YEARS = 100;
export const MAX_ALTERNATIVES = 10;
export const MAX_ITEMS_PER_ALTERNATIVE = 300;
/** Items of all alternatives together. */
export const MAX_CASE_ITEMS = 500;
export const MAX_PATTERNS_PER_ITEM = 20;
export const MAX_EFFECTS = 100;
export const MAX_SENSITIVITY_RATES = 10;
export const MAX_NOTES = 100;
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 4000;
/** The lowest discount rate: −50%. Lower rates are not used in any MKBA and overflow over centuries. */
export const MIN_DISCOUNT_RATE = -0.5;

const AMOUNT_RANGE_TEXT = '1.000.000.000.000 (duizend miljard euro)';

/** Euros (real, prices of the price base year). A finite number within ±MAX_AMOUNT, never text. */
const amountSchema = z
  .number({ error: 'bedrag moet een getal zijn (euro’s), geen tekst' })
  .min(-MAX_AMOUNT, { error: `bedrag moet minstens −${AMOUNT_RANGE_TEXT} zijn` })
  .max(MAX_AMOUNT, { error: `bedrag mag hoogstens ${AMOUNT_RANGE_TEXT} zijn` });

function fractionSchema(what: string) {
  return z.number({ error: `${what} moet een getal zijn (een fractie: 2,25% schrijf je als 0.0225)` });
}

const TOO_HIGH_RATE = 'van meer dan 100% is onwaarschijnlijk: schrijf een fractie (2,25% is 0.0225)';

/** A real growth rate as a fraction; below −100% the factor (1 + r) is zero or negative and meaningless. */
function rateSchema(what: string) {
  return fractionSchema(what)
    .gt(-1, { error: `${what} moet groter zijn dan −100% (−1)` })
    .lte(1, { error: `${what} ${TOO_HIGH_RATE}` });
}

/** A discount rate: not below −50% (see MIN_DISCOUNT_RATE), not above 100%. */
function discountRateSchema() {
  return fractionSchema('discontovoet')
    .min(MIN_DISCOUNT_RATE, { error: 'discontovoet moet minstens −50% (−0.5) zijn' })
    .lte(1, { error: `discontovoet ${TOO_HIGH_RATE}` });
}

function maxItems(max: number, what: string) {
  return { error: `hoogstens ${max} ${what}` };
}

const textSchema = z
  .string({ error: 'moet een tekst zijn' })
  .trim()
  .min(1, { error: 'mag niet leeg zijn' })
  .max(MAX_NAME_LENGTH, { error: `hoogstens ${MAX_NAME_LENGTH} tekens` });
const longTextSchema = z
  .string({ error: 'moet een tekst zijn' })
  .max(MAX_TEXT_LENGTH, { error: `hoogstens ${MAX_TEXT_LENGTH} tekens` });

export const oncePatternSchema = z.strictObject({
  kind: z.literal('once'),
  year: yearSchema,
  amount: amountSchema,
});

export const yearlyPatternSchema = z.strictObject({
  kind: z.literal('yearly'),
  startYear: yearSchema,
  endYear: yearSchema,
  amount: amountSchema,
});

export const growingPatternSchema = z.strictObject({
  kind: z.literal('growing'),
  startYear: yearSchema,
  endYear: yearSchema,
  /** The amount in `startYear`; year t gets amount × (1 + growthRate)^(t − startYear). */
  amount: amountSchema,
  growthRate: rateSchema('groeivoet'),
});

export const amountPatternSchema = z.discriminatedUnion(
  'kind',
  [oncePatternSchema, yearlyPatternSchema, growingPatternSchema],
  { error: 'onbekend patroon: kind moet "once", "yearly" of "growing" zijn' },
);
export type AmountPattern = z.output<typeof amountPatternSchema>;

export const cbaItemSchema = z.strictObject({
  id: textSchema.optional(),
  label: textSchema,
  type: z.enum(ITEM_TYPES, { error: 'type moet "cost" of "benefit" zijn' }),
  category: z.enum(ITEM_CATEGORIES, {
    error: `categorie moet een van ${ITEM_CATEGORIES.join(', ')} zijn`,
  }),
  party: z.enum(PARTIES, { error: `partij moet een van ${PARTIES.join(', ')} zijn` }),
  /** Amounts per year: keys are four-digit years ("2031"), values euros. */
  amounts: z.record(z.string(), amountSchema).optional(),
  patterns: z
    .array(amountPatternSchema, { error: 'patterns moet een lijst zijn' })
    .max(MAX_PATTERNS_PER_ITEM, maxItems(MAX_PATTERNS_PER_ITEM, 'patronen per post'))
    .optional(),
  note: longTextSchema.optional(),
});
export type CbaItemInput = z.input<typeof cbaItemSchema>;

export const cbaEffectSchema = z.strictObject({
  label: textSchema,
  score: z
    .string({ error: 'score moet "+", "0" of "-" zijn' })
    .transform((score) => (score === '\u2212' ? '-' : score))
    .pipe(z.enum(EFFECT_SCORES, { error: 'score moet "+", "0" of "-" zijn' })),
  party: z.enum(PARTIES, { error: `partij moet een van ${PARTIES.join(', ')} zijn` }).optional(),
  note: longTextSchema.optional(),
});
export type CbaEffect = z.output<typeof cbaEffectSchema>;

function itemsSchema() {
  return z
    .array(cbaItemSchema, { error: 'items moet een lijst zijn' })
    .max(
      MAX_ITEMS_PER_ALTERNATIVE,
      maxItems(MAX_ITEMS_PER_ALTERNATIVE, 'kosten- en batenposten per alternatief'),
    );
}

function effectsSchema() {
  return z
    .array(cbaEffectSchema, { error: 'effects moet een lijst zijn' })
    .max(MAX_EFFECTS, maxItems(MAX_EFFECTS, 'niet in geld uitgedrukte effecten'))
    .optional();
}

function notesSchema(what: string) {
  return z.array(longTextSchema).max(MAX_NOTES, maxItems(MAX_NOTES, what)).optional();
}

export const cbaAlternativeSchema = z.strictObject({
  id: textSchema.optional(),
  name: textSchema,
  description: longTextSchema.optional(),
  items: itemsSchema(),
  effects: effectsSchema(),
});

export const cbaCaseSchema = z.strictObject({
  name: textSchema,
  description: longTextSchema.optional(),
  /** Amounts are real euros in prices of this year. */
  priceBaseYear: yearSchema,
  /** Year to which amounts are discounted: factor (1 + r)^−(t − discountBaseYear). */
  discountBaseYear: yearSchema,
  discountRate: discountRateSchema().default(STANDARD_DISCOUNT_RATE),
  /** First and last year of the horizon, both included. */
  startYear: yearSchema,
  endYear: yearSchema,
  zeroAlternative: z
    .strictObject({ name: textSchema.default('Nulalternatief'), description: longTextSchema.optional() })
    .optional(),
  /** Simple shape: the items of the one project alternative. */
  items: itemsSchema().optional(),
  effects: effectsSchema(),
  /** Full shape: one or more project alternatives. */
  alternatives: z
    .array(cbaAlternativeSchema, { error: 'alternatives moet een lijst zijn' })
    .min(1, { error: 'geef minstens één projectalternatief' })
    .max(MAX_ALTERNATIVES, maxItems(MAX_ALTERNATIVES, 'projectalternatieven'))
    .optional(),
  sensitivity: z
    .strictObject({
      discountRates: z
        .array(discountRateSchema())
        .min(1, { error: 'geef minstens één discontovoet' })
        .max(MAX_SENSITIVITY_RATES, maxItems(MAX_SENSITIVITY_RATES, 'discontovoeten'))
        .optional(),
      /** ±variation on each item for the tornado chart, a fraction (0.2 = ±20%). */
      itemVariation: z
        .number({ error: 'variatie moet een getal zijn (0.2 = ±20%)' })
        .gt(0, { error: 'variatie moet groter zijn dan 0' })
        .lte(1, { error: 'variatie moet hoogstens 1 (±100%) zijn' })
        .optional(),
    })
    .optional(),
  /** Assumptions behind the figures, shown with the results. */
  assumptions: notesSchema('aannames'),
  sources: notesSchema('bronnen'),
});

/** What a case file may contain (before defaults). */
export type CbaCaseInput = z.input<typeof cbaCaseSchema>;
/** A case file after the schema (defaults filled), before normalisation. */
export type CbaCaseFile = z.output<typeof cbaCaseSchema>;

/** One item after normalisation: patterns and yearly amounts merged into one map year → euros. */
export interface CbaItem {
  label: string;
  type: ItemType;
  category: ItemCategory;
  party: Party;
  /** Euros per year (real, prices of the price base year); years without an amount are absent. */
  amounts: ReadonlyMap<number, number>;
  note: string | undefined;
}

export interface CbaAlternative {
  id: string;
  name: string;
  description: string | undefined;
  items: CbaItem[];
  effects: CbaEffect[];
}

/** A validated case in one shape, whatever the file looked like. */
export interface CbaCase {
  name: string;
  description: string | undefined;
  priceBaseYear: number;
  discountBaseYear: number;
  discountRate: number;
  startYear: number;
  endYear: number;
  zeroAlternative: { name: string; description: string | undefined };
  /** The project alternatives; their items are differences from the zero alternative. */
  alternatives: CbaAlternative[];
  sensitivity: { discountRates: number[]; itemVariation: number };
  assumptions: string[];
  sources: string[];
}
