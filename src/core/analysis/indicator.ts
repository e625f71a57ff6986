/**
 * The shape of an indicator in the catalogue. The catalogue itself (seeded from the CBS metadata
 * plus a curated overlay) lives in indicator-catalogue.ts.
 */

/** The nine policy domains of the wijkaanpak (PRODUCT.md, capability 1). */
export const DOMAINS = [
  'demography',
  'housing',
  'work_income',
  'education',
  'safety',
  'care_welfare',
  'social',
  'amenities',
  'physical_environment',
] as const;

export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain, string> = {
  demography: 'Demografie',
  housing: 'Wonen',
  work_income: 'Werk en inkomen',
  education: 'Onderwijs',
  safety: 'Veiligheid',
  care_welfare: 'Zorg en welzijn',
  social: 'Sociaal',
  amenities: 'Voorzieningen',
  physical_environment: 'Fysieke omgeving',
};

/** Which way is good. `neutral` indicators describe an area and are never called "worst". */
export type Direction = 'higher_is_better' | 'higher_is_worse' | 'neutral';

/**
 * How an indicator aggregates over buurten:
 * - count: summed (inhabitants, dwellings, benefit recipients);
 * - percentage: a share of a base (per 100 or per 1 000), weighted by that base;
 * - average: a mean per unit of a base (WOZ per dwelling, persons per household), weighted by that base;
 * - code: a class or label (stedelijkheid 1-5, postcode, indelingswijziging): not aggregated, not ranked.
 */
export type IndicatorKind = 'count' | 'percentage' | 'average' | 'code';

/**
 * The base (denominator) that weights a percentage or average. `keys` are summed, so a base
 * may be "0 to 25 year olds" = a_00_14 + a_15_24. `isExact` is false when CBS's real denominator
 * is not published per buurt and the closest published one stands in; `note` says which.
 */
export interface IndicatorBase {
  keys: string[];
  isExact: boolean;
  note: string;
}

/** Names the same indicator carries in the different CBS formats. */
export interface IndicatorAliases {
  /** Column names of the kwb-YYYY.xlsx/.csv layout (the first is the current one). */
  kwbColumns: string[];
  /** OData v3 key stems without the numeric suffix that shifts between years (AantalInwoners). */
  v3Stems: string[];
  /** For a stem used by several topics (Nederland, Appartement): title of the TopicGroup it sits in. */
  v3Group?: string;
  /** OData v4 measure codes (M000297). */
  v4Measures: string[];
  /** StatLine CSV header paths, lower case, without the unit: "onderwijs/basisonderwijs/afstand tot school". */
  statlinePaths: string[];
}

export type IndicatorOrigin = 'cbs_metadata' | 'curated' | 'derived' | 'file' | 'local';

/** The key of a municipality's own indicator: 2-64 lower-case letters, digits and _, starting with a letter. */
export const LOCAL_INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export interface Indicator {
  /** Stable key: the CBS kwb short name where there is one (a_inw, p_huurw, g_wozbag). */
  key: string;
  title: string;
  definition: string;
  /** Unit as CBS states it: "aantal", "%", "x 1 000 euro", "per 1 000 inwoners", "km". */
  unit: string;
  /** null for an indicator found in a file that nobody has classified yet. */
  domain: Domain | null;
  direction: Direction;
  kind: IndicatorKind;
  /** Required to aggregate a percentage or average; null means it cannot be aggregated. */
  base: IndicatorBase | null;
  /** Why it cannot be aggregated when kind is percentage/average and base is null (medians, ...). */
  notAggregatableReason?: string;
  /** Rounding CBS applies to published counts per wijk/buurt (5 for persons), for precision notes. */
  rounding?: number;
  /** For derived indicators: value = sum(numerator) / sum(denominator) * scale. */
  derivation?: { numerator: string; denominator: string[]; scale: number };
  aliases: IndicatorAliases;
  origin: IndicatorOrigin;
  /** CBS table and key it was seeded from, e.g. { tableId: '85984NED', key: 'AantalInwoners_5' }. */
  source?: { tableId?: string; key?: string };
}

/** Sign that turns a value into "badness": +1 when higher is worse, -1 when higher is better, 0 neutral. */
export function getBadnessSign(direction: Direction): 1 | -1 | 0 {
  if (direction === 'higher_is_worse') return 1;
  if (direction === 'higher_is_better') return -1;
  return 0;
}

/** How values of this indicator combine over parts. */
export function getAggregationMethod(indicator: Indicator): 'sum' | 'weighted_mean' | 'none' {
  if (indicator.kind === 'count') return 'sum';
  if ((indicator.kind === 'percentage' || indicator.kind === 'average') && indicator.base !== null) {
    return 'weighted_mean';
  }
  return 'none';
}

export function emptyAliases(): IndicatorAliases {
  return { kwbColumns: [], v3Stems: [], v4Measures: [], statlinePaths: [] };
}
