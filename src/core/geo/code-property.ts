/**
 * Which property of a boundary layer holds the CBS code of each feature, when nobody said: CBS's
 * Wijk- en buurtkaart names it BU_CODE / WK_CODE / GM_CODE (shapefiles until 2021), buurtcode /
 * wijkcode / gemeentecode (GeoPackages since 2022), PDOK's services statcode. A buurt layer carries
 * its wijk's and gemeente's codes too, so the feature's own code is the property whose values are all
 * CBS codes and differ the most (ties: the most detailed level, then the name order below).
 */
import type { RegionLevel } from '../analysis/region-code.ts';
import { getRegionLevel, normalizeRegionCode } from '../analysis/region-code.ts';

const CODE_NAMES = [
  'buurtcode',
  'bu_code',
  'wijkcode',
  'wk_code',
  'gemeentecode',
  'gm_code',
  'statcode',
  'gwb_code',
  'cbs_code',
  'regiocode',
  'code',
];
const NAME_NAMES: Record<RegionLevel, string[]> = {
  BU: ['buurtnaam', 'bu_naam'],
  WK: ['wijknaam', 'wk_naam'],
  GM: ['gemeentenaam', 'gm_naam'],
  NL: [],
};
const GENERIC_NAMES = ['statnaam', 'naam', 'name', 'regionaam'];
const LEVEL_ORDER: Record<RegionLevel, number> = { BU: 0, WK: 1, GM: 2, NL: 3 };

/** Features looked at to recognise properties. */
const SAMPLE = 500;

export interface DetectedProperties {
  codeProperty: string;
  nameProperty: string | null;
}

function rankName(name: string): number {
  const index = CODE_NAMES.indexOf(name.toLowerCase());
  return index < 0 ? CODE_NAMES.length : index;
}

export function detectCodeProperty(
  features: readonly { properties: Readonly<Record<string, unknown>> }[],
): DetectedProperties | null {
  const sample = features.slice(0, SAMPLE);
  const keys = [...new Set(sample.flatMap((f) => Object.keys(f.properties)))];
  const candidates = keys.flatMap((key) => {
    const codes: string[] = [];
    for (const feature of sample) {
      const value = feature.properties[key];
      const code =
        typeof value === 'string' || typeof value === 'number' ? normalizeRegionCode(String(value)) : null;
      if (code === null) return [];
      codes.push(code);
    }
    const level = getRegionLevel(codes[0] ?? '') ?? 'NL';
    return [{ key, distinct: new Set(codes).size, level }];
  });
  candidates.sort(
    (a, b) =>
      b.distinct - a.distinct ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      rankName(a.key) - rankName(b.key),
  );
  const best = candidates[0];
  if (best === undefined) return null;
  const lower = new Map(keys.map((key) => [key.toLowerCase(), key]));
  const nameProperty =
    [...NAME_NAMES[best.level], ...GENERIC_NAMES]
      .map((name) => lower.get(name))
      .find((key) => key !== undefined) ?? null;
  return { codeProperty: best.key, nameProperty };
}
