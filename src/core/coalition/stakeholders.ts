/**
 * The stakeholder map of step 1.4 (seed ch. 4, "Stakeholders en belangen in beeld"): formal and
 * informal parties, networks, initiatives, associations, businesses and key roles in and around the
 * area, never private persons. Each sits in an interest x influence grid (three levels each, after
 * Mendelow's power-interest grid), with an engagement level (the stakeholder engagement assessment
 * matrix: unaware, resistant, neutral, supportive, leading).
 */
import { DomainError, type FieldIssue } from '../errors.ts';

export const STAKEHOLDER_KINDS = [
  'formal_organisation',
  'informal_network',
  'initiative',
  'association',
  'business',
  'key_role',
  'government',
  'media',
  'other',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export const STAKEHOLDER_KIND_LABELS: Record<StakeholderKind, string> = {
  formal_organisation: 'Formele organisatie',
  informal_network: 'Informeel netwerk',
  initiative: 'Bewonersinitiatief',
  association: 'Vereniging (cultuur, religie, sport)',
  business: 'Ondernemer of bedrijf',
  key_role: 'Sleutelrol (functie, geen naam)',
  government: 'Overheid',
  media: 'Media',
  other: 'Anders',
};

export const GRID_LEVELS = [1, 2, 3] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];
export const GRID_LEVEL_LABELS: Record<GridLevel, string> = { 1: 'laag', 2: 'middel', 3: 'hoog' };

export interface GridCell {
  interest: GridLevel;
  influence: GridLevel;
}

export type GridDirection = 'left' | 'right' | 'up' | 'down';

/** Interest runs left to right, influence bottom to top; a move past the edge stays put. */
export function moveInGrid(cell: GridCell, direction: GridDirection): GridCell {
  const clamp = (n: number) => Math.min(3, Math.max(1, n)) as GridLevel;
  switch (direction) {
    case 'left':
      return { ...cell, interest: clamp(cell.interest - 1) };
    case 'right':
      return { ...cell, interest: clamp(cell.interest + 1) };
    case 'up':
      return { ...cell, influence: clamp(cell.influence + 1) };
    case 'down':
      return { ...cell, influence: clamp(cell.influence - 1) };
  }
}

export function describeCell(cell: GridCell): string {
  return `belang ${GRID_LEVEL_LABELS[cell.interest]}, invloed ${GRID_LEVEL_LABELS[cell.influence]}`;
}

/** Mendelow's four strategies; the middle level counts as high (someone to take seriously). */
export type EngagementStrategy = 'manage_closely' | 'keep_satisfied' | 'keep_informed' | 'monitor';

export const STRATEGY_LABELS: Record<EngagementStrategy, string> = {
  manage_closely: 'Nauw betrekken',
  keep_satisfied: 'Tevreden houden',
  keep_informed: 'Informeren',
  monitor: 'Volgen',
};

export function classifyStrategy(cell: GridCell): EngagementStrategy {
  const highInfluence = cell.influence >= 2;
  const highInterest = cell.interest >= 2;
  if (highInfluence && highInterest) return 'manage_closely';
  if (highInfluence) return 'keep_satisfied';
  if (highInterest) return 'keep_informed';
  return 'monitor';
}

export const ENGAGEMENT_LEVELS = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];
export const ENGAGEMENT_LABELS: Record<EngagementLevel, string> = {
  unaware: 'Onbekend met de aanpak',
  resistant: 'Terughoudend',
  neutral: 'Neutraal',
  supportive: 'Steunt',
  leading: 'Trekt mee',
};

/** Policy and money a stakeholder brings into the area (principle 6: bundling existing money flows). */
export const FLOW_KINDS = ['policy', 'money'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export interface StakeholderFlow {
  kind: FlowKind;
  description: string;
  /** Euros per year (money flows), null when unknown or not money. */
  amountPerYear: number | null;
}

export const MAX_FLOW_AMOUNT = 100_000_000_000;

/** Rules the schema cannot see: a money amount only on money flows. */
export function validateFlows(flows: StakeholderFlow[], path: (string | number)[] = ['flows']): void {
  const issues: FieldIssue[] = [];
  flows.forEach((flow, index) => {
    if (flow.kind === 'policy' && flow.amountPerYear !== null)
      issues.push({
        path: [...path, index, 'amountPerYear'],
        message: 'een bedrag hoort bij een geldstroom',
      });
    if (flow.amountPerYear !== null && !(flow.amountPerYear >= 0 && flow.amountPerYear <= MAX_FLOW_AMOUNT))
      issues.push({ path: [...path, index, 'amountPerYear'], message: 'tussen 0 en 100 miljard euro' });
  });
  if (issues.length > 0)
    throw new DomainError('invalid_input', 'Ongeldige beleids- of geldstroom.', { issues });
}

/** The media image (step 1.4.5): how the area is portrayed, per source. */
export const MEDIA_KINDS = ['online', 'offline', 'social'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  online: 'Online nieuws',
  offline: 'Krant, radio, tv',
  social: 'Sociale media',
};
export const MEDIA_TONES = ['positive', 'neutral', 'negative', 'mixed'] as const;
export type MediaTone = (typeof MEDIA_TONES)[number];
export const MEDIA_TONE_LABELS: Record<MediaTone, string> = {
  positive: 'Positief',
  neutral: 'Neutraal',
  negative: 'Negatief',
  mixed: 'Wisselend',
};

/** Counts per tone: the balance of the area's image. */
export function summariseMediaImage(items: { tone: MediaTone }[]): Record<MediaTone, number> {
  const counts: Record<MediaTone, number> = { positive: 0, neutral: 0, negative: 0, mixed: 0 };
  for (const item of items) counts[item.tone] += 1;
  return counts;
}
