/**
 * The editable state of one discussion point ("draft") and its checks before saving. The status
 * rules are the core's own (validatePointUpdate), so the browser says exactly what the server would.
 */
import { isDomainError } from '../../../core/errors.ts';
import {
  POINT_STATUS_LABELS,
  POINT_STATUS_TRANSITIONS,
  validatePointUpdate,
} from '../../../core/framework/index.ts';
import type { EvidenceLink, PointAnswer, PointStatus, PointUpdate } from '../../api/types.ts';

export interface PointDraft {
  status: PointStatus;
  answer: string;
  skipReason: string;
  evidence: EvidenceLink[];
  participantIds: string[];
}

export type DraftField = 'status' | 'answer' | 'skipReason' | 'evidence' | 'participants';

export interface DraftIssue {
  field: DraftField;
  message: string;
}

export function draftFromPoint(point: PointAnswer): PointDraft {
  return {
    status: point.status,
    answer: point.answer ?? '',
    skipReason: point.skipReason ?? '',
    evidence: point.evidence.map((e) => ({ ...e })),
    participantIds: point.participants.map((p) => p.id),
  };
}

export function updateFromDraft(draft: PointDraft, version: number): PointUpdate {
  return {
    version,
    status: draft.status,
    answer: draft.answer.trim() === '' ? null : draft.answer,
    // A reason belongs only to a skipped point; the text stays in the form when the status changes back.
    skipReason: draft.status === 'skipped' && draft.skipReason.trim() !== '' ? draft.skipReason : null,
    evidence: draft.evidence,
    participantOrganisationIds: draft.participantIds,
  };
}

export function isSameDraft(a: PointDraft, b: PointDraft): boolean {
  const sorted = (ids: string[]) => [...ids].sort().join(',');
  return (
    a.status === b.status &&
    a.answer === b.answer &&
    (a.status !== 'skipped' || a.skipReason === b.skipReason) &&
    JSON.stringify(a.evidence) === JSON.stringify(b.evidence) &&
    sorted(a.participantIds) === sorted(b.participantIds)
  );
}

/** Statuses reachable from the saved status, for this user (partners neither skip nor re-open). */
export function allowedStatuses(from: PointStatus, canSkip: boolean): Set<PointStatus> {
  const allowed = new Set<PointStatus>([from, ...POINT_STATUS_TRANSITIONS[from]]);
  if (!canSkip) {
    if (from === 'skipped') return new Set<PointStatus>(['skipped']);
    allowed.delete('skipped');
  }
  return allowed;
}

export function describeAllowedStatuses(from: PointStatus, canSkip: boolean): string {
  const others = [...allowedStatuses(from, canSkip)].filter((s) => s !== from);
  const base =
    others.length === 0
      ? `De status blijft ‘${POINT_STATUS_LABELS[from]}’.`
      : `Vanuit ‘${POINT_STATUS_LABELS[from]}’ kan de status naar ${others.map((s) => `‘${POINT_STATUS_LABELS[s]}’`).join(' of ')}.`;
  return canSkip
    ? base
    : `${base} Alleen een coördinator kan een gesprekspunt bewust overslaan of weer openen.`;
}

const FIELD_BY_PATH: Record<string, DraftField> = {
  status: 'status',
  answer: 'answer',
  skipReason: 'skipReason',
  evidence: 'evidence',
  participantOrganisationIds: 'participants',
};

export function fieldOfApiPath(first: string | number | undefined): DraftField {
  return FIELD_BY_PATH[String(first)] ?? 'answer';
}

/** The problems the server would report for saving this draft over a point with status `from`. */
export function checkDraft(from: PointStatus, draft: PointDraft): DraftIssue[] {
  try {
    const update = updateFromDraft(draft, 0);
    validatePointUpdate(from, {
      status: update.status,
      answer: update.answer,
      skipReason: update.skipReason,
    });
    return [];
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.issues.length === 0) return [{ field: 'status', message: error.message }];
    return error.issues.map((issue) => ({
      field: fieldOfApiPath(issue.path[0]),
      message: sentence(issue.message),
    }));
  }
}

/** "een beantwoord gesprekspunt ..." -> "Een beantwoord gesprekspunt ....". */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
