/**
 * A first classification of an indicator nobody curated yet (a new CBS variable, a column of a
 * StatLine export). It is a guess from the unit and the title, marked by its origin, so a user can
 * correct it; it never drops a variable.
 */
import type { Indicator, IndicatorOrigin } from './indicator.ts';
import { emptyAliases } from './indicator.ts';
import { normalizeTitle } from './indicator-key.ts';

export interface InferIndicatorInput {
  key: string;
  title: string;
  /** The variable's own name when `title` carries its groups too ("Afstand tot school"). */
  leafTitle?: string;
  unit: string;
  /** Lower-case titles of the groups above the variable, outermost first. */
  groupPath?: readonly string[];
  origin: IndicatorOrigin;
  definition?: string;
}

const INHABITANT_AVERAGE_NOTE =
  'CBS Nabijheid voorzieningen: gemiddelde over alle inwoners van het gebied (a_inw).';

export function inferIndicator(input: InferIndicatorInput): Indicator {
  const unit = input.unit.trim();
  const title = normalizeTitle(input.leafTitle ?? input.title);
  const indicator: Indicator = {
    key: input.key,
    title: input.title.trim(),
    definition: input.definition ?? '',
    unit,
    domain: null,
    direction: 'neutral',
    kind: 'average',
    base: null,
    aliases: emptyAliases(),
    origin: input.origin,
  };
  // CBS Nabijheid voorzieningen: "de gemiddelde afstand van alle inwoners in een gebied tot ..."
  // and "het gemiddeld aantal ... binnen x km voor alle inwoners": inhabitant-weighted averages.
  if (title.startsWith('afstand tot') && unit === 'km') {
    return {
      ...indicator,
      domain: 'amenities',
      direction: 'higher_is_worse',
      base: { keys: ['a_inw'], isExact: true, note: INHABITANT_AVERAGE_NOTE },
    };
  }
  if (/^binnen \d+\s*km$/.test(title) && unit === 'aantal') {
    return {
      ...indicator,
      domain: 'amenities',
      direction: 'higher_is_better',
      base: { keys: ['a_inw'], isExact: true, note: INHABITANT_AVERAGE_NOTE },
    };
  }
  if (unit === 'code' || unit === 'naam' || unit === 'omschrijving') return { ...indicator, kind: 'code' };
  if (unit === 'per 1 000 inwoners') {
    return {
      ...indicator,
      kind: 'percentage',
      base: { keys: ['a_inw'], isExact: true, note: 'Eenheid: per 1 000 inwoners (a_inw).' },
    };
  }
  if (unit === '%') return { ...indicator, kind: 'percentage' };
  if (unit === 'aantal') return { ...indicator, kind: 'count' };
  return indicator;
}
