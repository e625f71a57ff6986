/**
 * Dutch names of the codes in an MKBA case file (src/core/cba/case-schema.ts) and the reverse
 * lookup used when rows are pasted from a spreadsheet. The records are typed with the core's
 * unions, so a code added there fails to compile here until it has a name.
 */
import type { CbaAmountPattern, CbaItemCategory, CbaItemType, CbaParty } from '../../api/types.ts';
import { formatEuro, formatPercent } from './cba-format.ts';

export const TYPE_LABELS: Record<CbaItemType, string> = { cost: 'Kosten', benefit: 'Baten' };

export const COST_CATEGORY_LABELS = {
  investment: 'Investering',
  operation: 'Exploitatie en beheer',
  other: 'Overige kosten',
} as const satisfies Partial<Record<CbaItemCategory, string>>;

export const BENEFIT_CATEGORY_LABELS = {
  benefits_savings: 'Besparing op uitkeringen',
  care: 'Zorg en welzijn',
  safety_crime: 'Veiligheid en criminaliteit',
  education: 'Onderwijs',
  property_value: 'Vastgoedwaarde en woonkwaliteit',
  liveability: 'Leefbaarheid',
  other: 'Overige baten',
} as const satisfies Partial<Record<CbaItemCategory, string>>;

export const PARTY_LABELS: Record<CbaParty, string> = {
  rijk: 'Rijk',
  gemeente: 'Gemeente',
  corporatie: 'Woningcorporatie',
  zorgverzekeraar: 'Zorgverzekeraar',
  bewoners: 'Bewoners',
  bedrijfsleven: 'Bedrijfsleven',
  other: 'Overige partij',
};

export const PARTIES = Object.keys(PARTY_LABELS) as CbaParty[];

export function categoriesOf(type: CbaItemType): CbaItemCategory[] {
  return Object.keys(type === 'cost' ? COST_CATEGORY_LABELS : BENEFIT_CATEGORY_LABELS) as CbaItemCategory[];
}

export function categoryLabel(type: CbaItemType, category: CbaItemCategory): string {
  const labels: Partial<Record<CbaItemCategory, string>> =
    type === 'cost' ? COST_CATEGORY_LABELS : BENEFIT_CATEGORY_LABELS;
  return labels[category] ?? category;
}

export const EFFECT_SCORE_LABELS = {
  '+': 'positief',
  '0': 'neutraal',
  '-': 'negatief',
} as const;
export type EffectScore = keyof typeof EFFECT_SCORE_LABELS;

/** The score as printed: "+", "0" or "−" (a real minus sign). */
export function effectSymbol(score: EffectScore): string {
  return score === '-' ? '\u2212' : score;
}

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Kosten", "kost", "cost", "K" → cost; "Baten", "baat", "benefit", "B" → benefit. */
export function readType(text: string): CbaItemType | null {
  const value = normalise(text);
  if (['kosten', 'kost', 'cost', 'costs', 'k', 'c'].includes(value)) return 'cost';
  if (['baten', 'baat', 'benefit', 'benefits', 'b'].includes(value)) return 'benefit';
  return null;
}

/** A category by its code or Dutch name (or its first word), within the categories of the type. */
export function readCategory(type: CbaItemType, text: string): CbaItemCategory | null {
  const value = normalise(text);
  if (value === '') return null;
  if (value === 'overig' || value === 'overige') return 'other';
  const labels: Partial<Record<CbaItemCategory, string>> =
    type === 'cost' ? COST_CATEGORY_LABELS : BENEFIT_CATEGORY_LABELS;
  for (const [code, label] of Object.entries(labels) as [CbaItemCategory, string][]) {
    const name = normalise(label);
    if (value === normalise(code) || value === name || name.split(' ')[0] === value) return code;
  }
  return null;
}

/** A party by its code or Dutch name ("Corporatie" and "Woningcorporatie" both work). */
export function readParty(text: string): CbaParty | null {
  const value = normalise(text);
  if (value === '') return null;
  for (const party of PARTIES) {
    const name = normalise(PARTY_LABELS[party]);
    if (value === party || value === name || name.split(' ')[0] === value) return party;
  }
  if (value === 'overig' || value === 'overige') return 'other';
  return null;
}

/** One pattern in words: "€ 335.000.000 per jaar 2022–2027". */
export function describePattern(pattern: CbaAmountPattern): string {
  switch (pattern.kind) {
    case 'once':
      return `eenmalig ${formatEuro(pattern.amount)} in ${pattern.year}`;
    case 'yearly':
      return `${formatEuro(pattern.amount)} per jaar ${pattern.startYear}–${pattern.endYear}`;
    case 'growing':
      return `${formatEuro(pattern.amount)} in ${pattern.startYear}, daarna ${formatPercent(pattern.growthRate)} groei per jaar tot en met ${pattern.endYear}`;
  }
}
