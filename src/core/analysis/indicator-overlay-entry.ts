/**
 * Shape and shared bases of the curated overlay entries (see indicator-overlay.ts).
 */
import type { Direction, Domain, IndicatorBase, IndicatorKind } from './indicator.ts';

export interface OverlayEntry {
  key: string;
  /** Dutch title; preferred over the metadata title, which is often context-poor ("Nederland"). */
  title: string;
  unit: string;
  domain: Domain | null;
  direction: Direction;
  kind: IndicatorKind;
  base?: IndicatorBase;
  notAggregatableReason?: string;
  rounding?: number;
  /** Used when the CBS metadata has no description for the topic. */
  definition?: string;
  /** Extra kwb column names (older or newer spellings); the key itself always counts. */
  kwb?: string[];
  v3?: string[];
  v3Group?: string;
  v4?: string[];
  statline?: string[];
  derivation?: { numerator: string; denominator: string[]; scale: number };
  source?: { tableId?: string; key?: string };
}

export function defineBase(keys: string | string[], isExact: boolean, note: string): IndicatorBase {
  return { keys: typeof keys === 'string' ? [keys] : keys, isExact, note };
}

/** Dwellings as base: CBS states these shares "als percentage van de totale woningvoorraad". */
export const DWELLINGS_BASE = defineBase(
  'a_woning',
  true,
  'CBS: percentage van de totale woningvoorraad (a_woning).',
);

export const INHABITANTS_BASE = defineBase('a_inw', true, 'CBS: per inwoner (a_inw).');

/**
 * A count: summed over buurten. Counts depend on the size of an area, so they are neutral by
 * default and ranked through derived rates instead (d_misdr, d_soz_wb ...).
 */
export function defineCount(
  key: string,
  title: string,
  domain: Domain | null,
  extra: Partial<OverlayEntry> = {},
): OverlayEntry {
  return { key, title, unit: 'aantal', domain, direction: 'neutral', kind: 'count', ...extra };
}
