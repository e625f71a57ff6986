import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  assertCanAmend,
  assertEditable,
  computeEvaluationWindow,
  computeStatusesAfterSigning,
  validateCommitments,
  validateEvaluation,
  validateSigning,
} from './contract.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
  return undefined;
}

describe('contract version rules', () => {
  it('lets only a draft change: signed and superseded versions are read-only (409)', () => {
    expect(codeOf(() => assertEditable('draft', 1))).toBeUndefined();
    expect(codeOf(() => assertEditable('signed', 1))).toBe('read_only');
    expect(codeOf(() => assertEditable('superseded', 1))).toBe('read_only');
  });

  it('signs a draft and supersedes the version signed before it', () => {
    expect(
      computeStatusesAfterSigning(
        [
          { number: 1, status: 'superseded' },
          { number: 2, status: 'signed' },
          { number: 3, status: 'draft' },
        ],
        3,
      ),
    ).toEqual([
      { number: 1, status: 'superseded' },
      { number: 2, status: 'superseded' },
      { number: 3, status: 'signed' },
    ]);
    expect(computeStatusesAfterSigning([{ number: 1, status: 'draft' }], 1)).toEqual([
      { number: 1, status: 'signed' },
    ]);
  });

  it('refuses to sign a version twice or a missing one', () => {
    expect(codeOf(() => computeStatusesAfterSigning([{ number: 1, status: 'signed' }], 1))).toBe('read_only');
    expect(codeOf(() => computeStatusesAfterSigning([{ number: 1, status: 'draft' }], 2))).toBe('not_found');
  });

  it('amends only from a signed version and only when no draft is open', () => {
    expect(codeOf(() => assertCanAmend([{ number: 1, status: 'signed' }]))).toBeUndefined();
    expect(codeOf(() => assertCanAmend([{ number: 1, status: 'draft' }]))).toBe('conflict');
    expect(
      codeOf(() =>
        assertCanAmend([
          { number: 1, status: 'signed' },
          { number: 2, status: 'draft' },
        ]),
      ),
    ).toBe('conflict');
    expect(codeOf(() => assertCanAmend([]))).toBe('conflict');
  });
});

describe('evaluation every three to four years', () => {
  it('puts the window 3 and 4 years on, 29 February to 28 February in a common year', () => {
    expect(computeEvaluationWindow('2025-06-12')).toEqual({ earliest: '2028-06-12', latest: '2029-06-12' });
    expect(computeEvaluationWindow('2024-02-29')).toEqual({ earliest: '2027-02-28', latest: '2028-02-29' });
  });

  it('defaults the evaluation of a signed version to 4 years after the last signature', () => {
    const signatory = { name: 'A', function: 'Wethouder', organisationId: 'm' };
    const result = validateSigning(
      {
        signatories: [
          { ...signatory, signedOn: '2025-06-10' },
          { ...signatory, signedOn: '2025-06-12' },
        ],
        evaluationDue: null,
      },
      { today: '2025-07-01' },
    );
    expect(result.evaluationDue).toBe('2029-06-12');
  });

  it('refuses an evaluation date outside 3-4 years, a future signature and no signatories', () => {
    const signatory = { name: 'A', function: 'Wethouder', organisationId: 'm', signedOn: '2025-06-12' };
    const issues = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as DomainError).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(
      issues(() =>
        validateSigning({ signatories: [signatory], evaluationDue: '2027-06-12' }, { today: '2025-07-01' }),
      ),
    ).toEqual(['evaluationDue']);
    expect(
      issues(() =>
        validateSigning(
          { signatories: [{ ...signatory, signedOn: '2025-07-02', name: ' ' }], evaluationDue: null },
          { today: '2025-07-01' },
        ),
      ),
    ).toEqual(['signatories.0.name', 'signatories.0.signedOn']);
    expect(
      issues(() => validateSigning({ signatories: [], evaluationDue: null }, { today: '2025-07-01' })),
    ).toEqual(['signatories']);
    expect(
      issues(() =>
        validateEvaluation(
          {
            evaluatedOn: '2028-09-01',
            outcome: 'adjust',
            summary: 'Bijstellen',
            nextEvaluationDue: '2033-01-01',
          },
          { today: '2028-10-01' },
        ),
      ),
    ).toEqual(['nextEvaluationDue']);
    expect(
      issues(() =>
        validateEvaluation(
          { evaluatedOn: '2028-09-01', outcome: 'end', summary: 'Klaar', nextEvaluationDue: null },
          { today: '2028-10-01' },
        ),
      ),
    ).toEqual([]);
  });
});

describe('commitment rules', () => {
  const base = {
    organisationId: 'corp',
    description: 'Renovatie portiekflats',
    money: 'additional' as const,
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    goalIds: [],
    interventionIds: [],
  };
  it('accepts amounts within the period and names years outside it, bad years and amounts', () => {
    expect(validateCommitments([{ ...base, amounts: { '2026': 1, '2028': 2 } }])).toEqual([]);
    expect(
      validateCommitments([
        { ...base, amounts: { '2025': 1, '1999': 1, '2027': -5, '2026': Number.NaN } },
      ]).map((i) => i.path.join('.')),
    ).toEqual([
      'commitments.0.amounts.1999',
      'commitments.0.amounts.2025',
      'commitments.0.amounts.2026',
      'commitments.0.amounts.2027',
    ]);
  });
});
