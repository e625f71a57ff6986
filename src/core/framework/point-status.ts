/**
 * Status rules for editing one discussion point. The seed lets a municipality skip steps on purpose:
 * "evengoed ook om moverende redenen kan worden besloten bepaalde stappen over te slaan" (seed lines
 * 1540–1542), so skipping is allowed but the reason is mandatory.
 */
import { DomainError, type FieldIssue } from '../errors.ts';
import type { PointStatus } from './types.ts';

export const POINT_STATUSES = [
  'open',
  'in_discussion',
  'answered',
  'skipped',
] as const satisfies readonly PointStatus[];

export const POINT_STATUS_LABELS: Readonly<Record<PointStatus, string>> = {
  open: 'Open',
  in_discussion: 'In bespreking',
  answered: 'Beantwoord',
  skipped: 'Bewust overgeslagen',
};

/**
 * Transitions to a different status. Staying in the same status (editing the text) is always allowed.
 * An answered point goes back to discussion (or is skipped), never straight back to open; a skipped
 * point is re-opened into open or discussion, never straight to answered.
 */
export const POINT_STATUS_TRANSITIONS: Readonly<Record<PointStatus, readonly PointStatus[]>> = {
  open: ['in_discussion', 'answered', 'skipped'],
  in_discussion: ['open', 'answered', 'skipped'],
  answered: ['in_discussion', 'skipped'],
  skipped: ['open', 'in_discussion'],
};

export interface PointUpdate {
  status: PointStatus;
  answer: string | null;
  skipReason: string | null;
}

export function isPointStatus(value: unknown): value is PointStatus {
  return typeof value === 'string' && (POINT_STATUSES as readonly string[]).includes(value);
}

export function isPointTransitionAllowed(from: PointStatus, to: PointStatus): boolean {
  return from === to || POINT_STATUS_TRANSITIONS[from].includes(to);
}

/**
 * Checks an edit of a point whose current status is `from`. Throws `invalid_transition` for a
 * forbidden status change, otherwise `invalid_input` with every field issue at once. Blank text
 * (only whitespace) counts as no text.
 */
export function validatePointUpdate(from: PointStatus, next: PointUpdate): void {
  if (!isPointStatus(from)) {
    throw new DomainError('invalid_input', `Onbekende huidige status: ${String(from)}.`);
  }
  if (!isPointStatus(next.status)) {
    throw new DomainError('invalid_input', 'Onbekende status.', {
      issues: [{ path: ['status'], message: `kies een van: ${POINT_STATUSES.join(', ')}` }],
    });
  }
  if (!isPointTransitionAllowed(from, next.status)) {
    throw new DomainError(
      'invalid_transition',
      `Een gesprekspunt met status '${POINT_STATUS_LABELS[from]}' kan niet naar '${POINT_STATUS_LABELS[next.status]}'.`,
      { data: { from, to: next.status, allowed: [from, ...POINT_STATUS_TRANSITIONS[from]] } },
    );
  }
  const issues: FieldIssue[] = [];
  if (next.status === 'answered' && isBlank(next.answer)) {
    issues.push({ path: ['answer'], message: 'een beantwoord gesprekspunt heeft een antwoord nodig' });
  }
  if (next.status === 'skipped' && isBlank(next.skipReason)) {
    issues.push({
      path: ['skipReason'],
      message: 'geef de reden waarom dit gesprekspunt bewust wordt overgeslagen',
    });
  }
  if (next.status !== 'skipped' && !isBlank(next.skipReason)) {
    issues.push({
      path: ['skipReason'],
      message: 'een reden om over te slaan hoort alleen bij de status overgeslagen',
    });
  }
  if (issues.length > 0) {
    throw new DomainError('invalid_input', 'Het gesprekspunt is niet volledig ingevuld.', { issues });
  }
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}
