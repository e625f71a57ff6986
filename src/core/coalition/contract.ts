/**
 * The local contract (seed 3.2, step 2.3): a multi-year covenant in which the partners sign for the
 * effort they will deliver, evaluated every three to four years and revised where needed. Versions go
 * draft -> signed -> superseded: a signed version never changes; an amendment is a new version,
 * drafted from the signed one and signed in its turn, which supersedes its predecessor.
 */
import { DomainError, type FieldIssue } from '../errors.ts';

export const CONTRACT_KINDS = ['contract', 'covenant', 'pact', 'declaration_of_intent'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Record<ContractKind, string> = {
  contract: 'Lokaal contract',
  covenant: 'Convenant',
  pact: 'Pact',
  declaration_of_intent: 'Intentieverklaring',
};

export const CONTRACT_STATUSES = ['draft', 'signed', 'superseded'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Concept',
  signed: 'Ondertekend',
  superseded: 'Vervangen',
};

export const MONEY_KINDS = ['regular', 'additional'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];
export const MONEY_LABELS: Record<MoneyKind, string> = { regular: 'Regulier', additional: 'Additioneel' };

/** One partner's commitment: effort, budget per year, period, regular or additional money. */
export interface Commitment {
  /** Stable across versions: the same commitment in an amendment keeps its id (for the diff). */
  id: string;
  organisationId: string;
  description: string;
  /** Euros per calendar year, keyed "YYYY". */
  amounts: Record<string, number>;
  money: MoneyKind;
  periodStart: string | null;
  periodEnd: string | null;
  goalIds: string[];
  interventionIds: string[];
}

export interface Priority {
  text: string;
  goalIds: string[];
}

export interface Signatory {
  name: string;
  function: string;
  organisationId: string;
  signedOn: string;
}

/** Everything in a version that the parties agree on (what a diff compares). */
export interface ContractContent {
  title: string;
  kind: ContractKind;
  ambitions: string;
  principles: string;
  priorities: Priority[];
  periodStart: string | null;
  periodEnd: string | null;
  commitments: Commitment[];
}

export const MAX_AMOUNT = 100_000_000_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A signed or superseded version is the record of what was agreed: any change is refused (409). */
export function assertEditable(status: ContractStatus, number: number): void {
  if (status !== 'draft') {
    throw new DomainError(
      'read_only',
      `Versie ${number} is ${status === 'signed' ? 'ondertekend' : 'vervangen'} en verandert niet meer. Wijzig het contract met een nieuwe versie (wijziging).`,
    );
  }
}

/** An amendment starts from the latest signed version, and only when no draft is open. */
export function assertCanAmend(versions: { status: ContractStatus; number: number }[]): void {
  const draft = versions.find((v) => v.status === 'draft');
  if (draft)
    throw new DomainError(
      'conflict',
      `Versie ${draft.number} is nog een concept: werk die bij of onderteken haar eerst.`,
    );
  if (!versions.some((v) => v.status === 'signed'))
    throw new DomainError('conflict', 'Er is nog geen ondertekende versie om te wijzigen.');
}

/** The statuses after signing `number`: it becomes signed; the version signed before is superseded. */
export function computeStatusesAfterSigning(
  versions: { number: number; status: ContractStatus }[],
  number: number,
): { number: number; status: ContractStatus }[] {
  const target = versions.find((v) => v.number === number);
  if (!target) throw new DomainError('not_found', `Versie ${number} bestaat niet.`);
  assertEditable(target.status, number);
  return versions.map((v) =>
    v.number === number
      ? { number, status: 'signed' }
      : v.status === 'signed'
        ? { ...v, status: 'superseded' }
        : v,
  );
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February plus whole years falls on 28 February in a common year.
  const day = m === 2 && d === 29 && !isLeapYear(y + years) ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** "elke drie à vier jaar wordt geëvalueerd" (seed 3.2): the window for the next evaluation. */
export function computeEvaluationWindow(from: string): { earliest: string; latest: string } {
  return { earliest: addYears(from, 3), latest: addYears(from, 4) };
}

export function validateEvaluationDue(from: string, due: string, path: (string | number)[]): FieldIssue[] {
  const { earliest, latest } = computeEvaluationWindow(from);
  return due < earliest || due > latest
    ? [{ path, message: `de evaluatie hoort 3 tot 4 jaar later: tussen ${earliest} en ${latest}` }]
    : [];
}

/** The rules of commitments beyond their shape: years within the period, amounts in range. */
export function validateCommitments(
  commitments: Omit<Commitment, 'id'>[],
  path: (string | number)[] = ['commitments'],
) {
  const issues: FieldIssue[] = [];
  commitments.forEach((c, index) => {
    const at = [...path, index];
    if (c.description.trim() === '')
      issues.push({ path: [...at, 'description'], message: 'beschrijf de inzet' });
    if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart)
      issues.push({ path: [...at, 'periodEnd'], message: 'ligt vóór het begin van de periode' });
    for (const [year, amount] of Object.entries(c.amounts)) {
      const y = Number(year);
      if (!/^\d{4}$/.test(year) || y < MIN_YEAR || y > MAX_YEAR) {
        issues.push({
          path: [...at, 'amounts', year],
          message: `een jaar tussen ${MIN_YEAR} en ${MAX_YEAR}`,
        });
        continue;
      }
      if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT)
        issues.push({ path: [...at, 'amounts', year], message: 'tussen 0 en 100 miljard euro' });
      const startYear = c.periodStart ? Number(c.periodStart.slice(0, 4)) : null;
      const endYear = c.periodEnd ? Number(c.periodEnd.slice(0, 4)) : null;
      if ((startYear !== null && y < startYear) || (endYear !== null && y > endYear))
        issues.push({ path: [...at, 'amounts', year], message: 'valt buiten de periode van de toezegging' });
    }
  });
  return issues;
}

export function validateContractContent(
  content: Omit<ContractContent, 'commitments'> & { commitments: Omit<Commitment, 'id'>[] },
) {
  const issues: FieldIssue[] = [];
  if (content.title.trim() === '') issues.push({ path: ['title'], message: 'geef het contract een titel' });
  if (content.periodStart && content.periodEnd && content.periodEnd < content.periodStart)
    issues.push({ path: ['periodEnd'], message: 'ligt vóór het begin van de looptijd' });
  content.priorities.forEach((p, i) => {
    if (p.text.trim() === '')
      issues.push({ path: ['priorities', i, 'text'], message: 'beschrijf de prioriteit' });
  });
  issues.push(...validateCommitments(content.commitments));
  if (issues.length > 0) throw new DomainError('invalid_input', 'Het contract klopt niet.', { issues });
}

/** Signatories: at least one, every one with name, function and a date not in the future. */
export function validateSigning(
  input: { signatories: Signatory[]; evaluationDue: string | null },
  context: { today: string },
): { evaluationDue: string } {
  const issues: FieldIssue[] = [];
  if (input.signatories.length === 0)
    issues.push({ path: ['signatories'], message: 'minstens één ondertekenaar' });
  input.signatories.forEach((s, i) => {
    if (s.name.trim() === '') issues.push({ path: ['signatories', i, 'name'], message: 'naam is verplicht' });
    if (s.function.trim() === '')
      issues.push({ path: ['signatories', i, 'function'], message: 'functie is verplicht' });
    if (s.signedOn > context.today)
      issues.push({ path: ['signatories', i, 'signedOn'], message: 'mag niet in de toekomst liggen' });
  });
  const signedOn =
    input.signatories
      .map((s) => s.signedOn)
      .sort()
      .at(-1) ?? context.today;
  const evaluationDue = input.evaluationDue ?? computeEvaluationWindow(signedOn).latest;
  if (input.evaluationDue)
    issues.push(...validateEvaluationDue(signedOn, input.evaluationDue, ['evaluationDue']));
  if (issues.length > 0) throw new DomainError('invalid_input', 'De ondertekening klopt niet.', { issues });
  return { evaluationDue };
}

export const EVALUATION_OUTCOMES = ['continue', 'adjust', 'renew', 'end'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
export const EVALUATION_OUTCOME_LABELS: Record<EvaluationOutcome, string> = {
  continue: 'Voortzetten zoals afgesproken',
  adjust: 'Bijstellen of aanscherpen',
  renew: 'Herzien: nieuw contract',
  end: 'Beëindigen',
};

/** An evaluation names the next one 3-4 years on, unless the contract ends. */
export function validateEvaluation(
  input: {
    evaluatedOn: string;
    outcome: EvaluationOutcome;
    summary: string;
    nextEvaluationDue: string | null;
  },
  context: { today: string },
): void {
  const issues: FieldIssue[] = [];
  if (input.evaluatedOn > context.today)
    issues.push({ path: ['evaluatedOn'], message: 'mag niet in de toekomst liggen' });
  if (input.summary.trim() === '') issues.push({ path: ['summary'], message: 'vat de uitkomst samen' });
  if (input.outcome === 'end') {
    if (input.nextEvaluationDue)
      issues.push({
        path: ['nextEvaluationDue'],
        message: 'geen volgende evaluatie als het contract eindigt',
      });
  } else if (!input.nextEvaluationDue) {
    issues.push({ path: ['nextEvaluationDue'], message: 'plan de volgende evaluatie (3 tot 4 jaar later)' });
  } else {
    issues.push(...validateEvaluationDue(input.evaluatedOn, input.nextEvaluationDue, ['nextEvaluationDue']));
  }
  if (issues.length > 0) throw new DomainError('invalid_input', 'De evaluatie klopt niet.', { issues });
}
