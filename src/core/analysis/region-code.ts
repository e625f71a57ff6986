/**
 * CBS region codes (Kerncijfers wijken en buurten, table 85984NED, topic "Codering"):
 *   NL00            Nederland
 *   GM + 4 digits   gemeente
 *   WK + 6          gemeentecode (4) + wijkcode (2)
 *   BU + 8          gemeentecode (4) + wijkcode (2) + buurtcode (2)
 * Since 2023 a wijk or buurt part may contain capital letters (Amsterdam: WK0363AA, BU0363AA01),
 * so those parts are [0-9A-Z]; the gemeentecode stays numeric.
 * Codes are reused and reshuffled between years (mergers, re-divisions), so a code only identifies
 * a region together with its year: see `RegionRef`.
 */

export type RegionLevel = 'NL' | 'GM' | 'WK' | 'BU';

export const REGION_LEVELS: readonly RegionLevel[] = ['NL', 'GM', 'WK', 'BU'];

/** Dutch labels as CBS uses them in "Soort regio". */
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  NL: 'Land',
  GM: 'Gemeente',
  WK: 'Wijk',
  BU: 'Buurt',
};

/** A region code with the year it is valid in. */
export interface RegionRef {
  code: string;
  year: number;
}

const CODE_PATTERN = /^(?:NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;

/** Trims the padding CBS adds ("GM0344    ") and upper-cases; returns null when the result is no valid code. */
export function normalizeRegionCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

export function isRegionCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** Level of a (normalised) code, or null when it is no valid code. */
export function getRegionLevel(code: string): RegionLevel | null {
  if (!CODE_PATTERN.test(code)) return null;
  return code.slice(0, 2) as RegionLevel;
}

/**
 * The parent derived from the code itself: BU03440301 -> WK034403 -> GM0344 -> NL00 -> null.
 * CBS builds the codes hierarchically, so this is exact within one year.
 */
export function getParentCode(code: string): string | null {
  const level = getRegionLevel(code);
  switch (level) {
    case 'BU':
      return `WK${code.slice(2, 8)}`;
    case 'WK':
      return `GM${code.slice(2, 6)}`;
    case 'GM':
      return 'NL00';
    default:
      return null;
  }
}

/** All ancestors, nearest first: BU03440301 -> [WK034403, GM0344, NL00]. */
export function getAncestorCodes(code: string): string[] {
  const result: string[] = [];
  let parent = getParentCode(code);
  while (parent !== null) {
    result.push(parent);
    parent = getParentCode(parent);
  }
  return result;
}

/** The gemeente a wijk or buurt belongs to (GM itself for a GM code), null for NL00. */
export function getMunicipalityCode(code: string): string | null {
  const level = getRegionLevel(code);
  if (level === 'GM') return code;
  if (level === 'WK' || level === 'BU') return `GM${code.slice(2, 6)}`;
  return null;
}

/**
 * Pseudo-codes such as BU00000000 (misdrijven "niet in te delen", 47018NED) have gemeentecode 0000
 * and describe no real area.
 */
export function isPseudoRegionCode(code: string): boolean {
  return isRegionCode(code) && code !== 'NL00' && code.slice(2, 6) === '0000';
}

/** Whether `code` lies inside `ancestor` (or is it), judged from the codes alone. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || getAncestorCodes(code).includes(ancestor);
}
