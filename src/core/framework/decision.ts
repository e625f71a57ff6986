/**
 * The go/no-go decision at the end of the orientation phase (seed figure 4.2, lines 1571–1605, and the
 * step "Besluitvorming: go/no go"). On "no" the seed names lighter routes to keep the area from
 * sliding down: "Intensiveren sociaal beheer, Intensiveren fysiek beheer, Versterken wijkgericht werken,
 * Additioneel sectoraal beleid, Stimuleren gemeenschapskracht, Etc." and asks how the municipality
 * keeps "de vinger aan de pols" (point 1.5.5) — hence a mandatory follow-up date.
 */
import { DomainError, type FieldIssue } from '../errors.ts';
import type { PhaseId } from './types.ts';

export const DECISION_OUTCOMES = ['go', 'no_go'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  go: 'Go: integrale gebiedsgerichte aanpak',
  no_go: 'No-go: andere inzet',
};

export const ALTERNATIVE_ROUTES = [
  'intensify_social_management',
  'intensify_physical_management',
  'strengthen_area_based_working',
  'additional_sectoral_policy',
  'stimulate_community_strength',
  'other',
] as const;
export type AlternativeRoute = (typeof ALTERNATIVE_ROUTES)[number];

/** Labels as printed in seed figure 4.2; 'other' stands for the figure's "Etc. ...". */
export const ALTERNATIVE_ROUTE_LABELS: Readonly<Record<AlternativeRoute, string>> = {
  intensify_social_management: 'Intensiveren sociaal beheer',
  intensify_physical_management: 'Intensiveren fysiek beheer',
  strengthen_area_based_working: 'Versterken wijkgericht werken',
  additional_sectoral_policy: 'Additioneel sectoraal beleid',
  stimulate_community_strength: 'Stimuleren gemeenschapskracht',
  other: 'Anders',
};

export interface DecisionInput {
  outcome: DecisionOutcome;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** Who decided: the body or person, e.g. "College van B&W". */
  decidedBy: string;
  rationale: string;
  alternativeRoutes: AlternativeRoute[];
  alternativeOther: string | null;
  /** YYYY-MM-DD; required on no_go. */
  followUpDate: string | null;
}

export interface DecisionContext {
  /** Today's date (YYYY-MM-DD) in the municipality's time zone, passed in: the core has no clock. */
  today: string;
}

/** Minimum rationale length, counted in non-whitespace characters. */
export const MIN_RATIONALE_CHARACTERS = 10;

/** Throws `invalid_input` listing every problem with the decision. */
export function validateDecision(input: DecisionInput, context: DecisionContext): void {
  if (!isIsoDate(context.today)) {
    throw new DomainError('invalid_input', `Ongeldige datum van vandaag: ${context.today}.`, {
      issues: [{ path: ['today'], message: 'geen geldige datum (JJJJ-MM-DD)' }],
    });
  }
  const issues: FieldIssue[] = [];
  const add = (path: FieldIssue['path'], message: string) => issues.push({ path, message });

  if (!(DECISION_OUTCOMES as readonly string[]).includes(input.outcome)) {
    add(['outcome'], "kies 'go' of 'no_go'");
  }
  const isDecidedOnValid = isIsoDate(input.decidedOn);
  if (!isDecidedOnValid) add(['decidedOn'], 'geen geldige datum (JJJJ-MM-DD)');
  else if (input.decidedOn > context.today)
    add(['decidedOn'], 'de besluitdatum mag niet in de toekomst liggen');
  if (isBlank(input.decidedBy)) add(['decidedBy'], 'vermeld wie het besluit heeft genomen');
  if (countNonBlank(input.rationale) < MIN_RATIONALE_CHARACTERS) {
    add(['rationale'], `onderbouw het besluit in ten minste ${MIN_RATIONALE_CHARACTERS} tekens`);
  }
  const seen = new Set<string>();
  input.alternativeRoutes.forEach((route, index) => {
    if (!(ALTERNATIVE_ROUTES as readonly string[]).includes(route)) {
      add(['alternativeRoutes', index], `onbekende route: ${String(route)}`);
    } else if (seen.has(route)) {
      add(['alternativeRoutes', index], `route ${ALTERNATIVE_ROUTE_LABELS[route]} staat er dubbel in`);
    }
    seen.add(route);
  });

  if (input.outcome === 'go') {
    if (input.alternativeRoutes.length > 0)
      add(['alternativeRoutes'], 'bij een go horen geen alternatieve routes');
    if (!isBlank(input.alternativeOther)) add(['alternativeOther'], 'bij een go hoort geen andere route');
    if (input.followUpDate !== null) add(['followUpDate'], 'bij een go hoort geen vervolgdatum');
  } else if (input.outcome === 'no_go') {
    if (input.alternativeRoutes.length === 0) {
      add(['alternativeRoutes'], 'kies bij een no-go ten minste één alternatieve route');
    }
    const hasOther = input.alternativeRoutes.includes('other');
    if (hasOther && isBlank(input.alternativeOther)) add(['alternativeOther'], "beschrijf de route 'Anders'");
    if (!hasOther && !isBlank(input.alternativeOther)) {
      add(['alternativeOther'], "een beschrijving hoort alleen bij de route 'Anders'");
    }
    if (input.followUpDate === null) {
      add(['followUpDate'], 'kies bij een no-go een datum om de wijk opnieuw te bekijken');
    } else if (!isIsoDate(input.followUpDate)) {
      add(['followUpDate'], 'geen geldige datum (JJJJ-MM-DD)');
    } else if (isDecidedOnValid && input.followUpDate <= input.decidedOn) {
      add(['followUpDate'], 'de vervolgdatum moet na de besluitdatum liggen');
    }
  }
  if (issues.length > 0) {
    throw new DomainError('invalid_input', 'Het go/no-go-besluit is niet volledig of niet consistent.', {
      issues,
    });
  }
}

export interface RecordedDecision {
  id: string;
  /** ISO 8601 timestamp of recording. */
  recordedAt: string;
  supersedesId: string | null;
}

/**
 * The decision in force: decisions are immutable and a later one supersedes an earlier one, so this is
 * the latest by `recordedAt`. Equal timestamps: the one that supersedes the other, else the larger id
 * (deterministic whatever the input order).
 */
export function selectCurrentDecision<T extends RecordedDecision>(decisions: readonly T[]): T | undefined {
  let current: { decision: T; time: number } | undefined;
  for (const decision of decisions) {
    const time = Date.parse(decision.recordedAt);
    if (Number.isNaN(time)) {
      throw new DomainError(
        'invalid_input',
        `Besluit ${decision.id} heeft een ongeldig registratietijdstip.`,
        {
          issues: [{ path: ['recordedAt'], message: 'geen geldig tijdstip' }],
        },
      );
    }
    if (
      current === undefined ||
      time > current.time ||
      (time === current.time && isLaterTie(decision, current.decision))
    ) {
      current = { decision, time };
    }
  }
  return current?.decision;
}

function isLaterTie(candidate: RecordedDecision, incumbent: RecordedDecision): boolean {
  if (candidate.supersedesId === incumbent.id) return true;
  if (incumbent.supersedesId === candidate.id) return false;
  return candidate.id > incumbent.id;
}

/**
 * Whether a phase still waits for a "go": every phase after orientation does until the decision in
 * force is a go (seed line 1715: "Als in de oriëntatiefase groen licht is gegeven ...").
 */
export function isPhaseBeforeGo(
  phaseId: PhaseId,
  current: { outcome: DecisionOutcome } | undefined,
): boolean {
  return phaseId !== 'orienteren' && current?.outcome !== 'go';
}

/** A real calendar date written as YYYY-MM-DD (proleptic Gregorian). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}

function countNonBlank(text: string): number {
  return text.replace(/\s/g, '').length;
}
