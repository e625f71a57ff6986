import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  POINT_STATUSES,
  POINT_STATUS_LABELS,
  isPointTransitionAllowed,
  validatePointUpdate,
  type PointUpdate,
} from './point-status.ts';
import type { PointStatus } from './types.ts';

// The full 4 x 4 table, written out by hand from the rules (true = allowed).
const TABLE: [PointStatus, PointStatus, boolean][] = [
  ['open', 'open', true],
  ['open', 'in_discussion', true],
  ['open', 'answered', true],
  ['open', 'skipped', true],
  ['in_discussion', 'open', true],
  ['in_discussion', 'in_discussion', true],
  ['in_discussion', 'answered', true],
  ['in_discussion', 'skipped', true],
  ['answered', 'open', false],
  ['answered', 'in_discussion', true],
  ['answered', 'answered', true],
  ['answered', 'skipped', true],
  ['skipped', 'open', true],
  ['skipped', 'in_discussion', true],
  ['skipped', 'answered', false],
  ['skipped', 'skipped', true],
];

/** A complete, valid update for the target status. */
function buildUpdate(status: PointStatus, overrides: Partial<PointUpdate> = {}): PointUpdate {
  return {
    status,
    answer: status === 'answered' ? 'Ja, de wijkanalyse van 2023 laat dat zien.' : null,
    skipReason: status === 'skipped' ? 'Al behandeld in het vorige programma.' : null,
    ...overrides,
  };
}

function catchError(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('point statuses', () => {
  it('has four statuses with Dutch labels', () => {
    expect(POINT_STATUSES).toEqual(['open', 'in_discussion', 'answered', 'skipped']);
    expect(POINT_STATUS_LABELS).toEqual({
      open: 'Open',
      in_discussion: 'In bespreking',
      answered: 'Beantwoord',
      skipped: 'Bewust overgeslagen',
    });
  });

  it('covers every pair of statuses in the table', () => {
    expect(TABLE).toHaveLength(POINT_STATUSES.length ** 2);
  });
});

describe('validatePointUpdate transitions', () => {
  it.each(TABLE)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(isPointTransitionAllowed(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => validatePointUpdate(from, buildUpdate(to))).not.toThrow();
    } else {
      const error = catchError(() => validatePointUpdate(from, buildUpdate(to)));
      expect(error.code).toBe('invalid_transition');
      expect(error.data).toMatchObject({ from, to });
    }
  });

  it('reports a forbidden transition before any field problem', () => {
    const error = catchError(() =>
      validatePointUpdate('skipped', { status: 'answered', answer: null, skipReason: 'x' }),
    );
    expect(error.code).toBe('invalid_transition');
  });

  it('rejects an unknown status as invalid input', () => {
    const error = catchError(() =>
      validatePointUpdate('open', { status: 'done' as PointStatus, answer: null, skipReason: null }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([['status']]);
  });
});

describe('validatePointUpdate fields', () => {
  it.each([null, '', '   \n\t'])('requires an answer when answered (answer %j)', (answer) => {
    const error = catchError(() => validatePointUpdate('in_discussion', buildUpdate('answered', { answer })));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([['answer']]);
  });

  it('also requires the answer when an answered point is edited in place', () => {
    const error = catchError(() => validatePointUpdate('answered', buildUpdate('answered', { answer: ' ' })));
    expect(error.issues.map((i) => i.path)).toEqual([['answer']]);
  });

  it.each([null, '', '  '])('requires a reason to skip (reason %j)', (skipReason) => {
    const error = catchError(() => validatePointUpdate('open', buildUpdate('skipped', { skipReason })));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path)).toEqual([['skipReason']]);
  });

  it.each(['open', 'in_discussion', 'answered'] as const)('refuses a skip reason on status %s', (status) => {
    const error = catchError(() =>
      validatePointUpdate('in_discussion', buildUpdate(status, { skipReason: 'toch maar niet' })),
    );
    expect(error.issues.map((i) => i.path)).toEqual([['skipReason']]);
  });

  it('collects every field issue before throwing', () => {
    const error = catchError(() =>
      validatePointUpdate('open', { status: 'answered', answer: '', skipReason: 'reden zonder overslaan' }),
    );
    expect(error.issues.map((i) => i.path)).toEqual([['answer'], ['skipReason']]);
    for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('allows a draft answer while in discussion and keeps an answer when skipping', () => {
    expect(() =>
      validatePointUpdate('open', { status: 'in_discussion', answer: 'concept', skipReason: null }),
    ).not.toThrow();
    expect(() =>
      validatePointUpdate('answered', {
        status: 'skipped',
        answer: 'oud antwoord',
        skipReason: 'niet relevant',
      }),
    ).not.toThrow();
    expect(() => validatePointUpdate('open', { status: 'open', answer: null, skipReason: '' })).not.toThrow();
  });
});
