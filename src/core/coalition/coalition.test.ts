import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { listMembersOn, validateMembership, type MembershipPeriod } from './membership.ts';
import {
  classifyStrategy,
  describeCell,
  moveInGrid,
  summariseMediaImage,
  validateFlows,
} from './stakeholders.ts';

const period = (over: Partial<MembershipPeriod>): MembershipPeriod => ({
  id: 'm1',
  organisationId: 'corp',
  joinedOn: '2025-01-01',
  joinReason: 'Eigenaar van de meeste woningen',
  leftOn: null,
  leaveReason: null,
  ...over,
});

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).issues.map((i) => i.path.join('.'));
  }
  return [];
}

describe('coalition membership', () => {
  const today = { today: '2026-03-01' };
  it('needs a reason to leave, a leave date after joining, nothing in the future', () => {
    expect(issuesOf(() => validateMembership(period({ leftOn: '2025-06-01' }), [], today))).toEqual([
      'leaveReason',
    ]);
    expect(
      issuesOf(() => validateMembership(period({ leftOn: '2024-06-01', leaveReason: 'Fusie' }), [], today)),
    ).toEqual(['leftOn']);
    expect(issuesOf(() => validateMembership(period({ joinedOn: '2026-03-02' }), [], today))).toEqual([
      'joinedOn',
    ]);
  });

  it('allows leaving and joining again, never two periods at once', () => {
    const first = period({ leftOn: '2025-06-01', leaveReason: 'Reorganisatie' });
    expect(
      issuesOf(() => validateMembership(period({ id: 'm2', joinedOn: '2025-06-01' }), [first], today)),
    ).toEqual([]);
    expect(
      issuesOf(() => validateMembership(period({ id: 'm2', joinedOn: '2025-05-01' }), [first], today)),
    ).toEqual(['joinedOn']);
    expect(
      issuesOf(() => validateMembership(period({ id: 'm2', organisationId: 'police' }), [period({})], today)),
    ).toEqual([]);
  });

  it('lists the members on a date (leaving on a date means not a member from that date)', () => {
    const periods = [
      period({}),
      period({ id: 'm2', organisationId: 'police', leftOn: '2025-06-01', leaveReason: 'x' }),
      period({ id: 'm3', organisationId: 'school', joinedOn: '2025-09-01' }),
    ];
    expect(listMembersOn(periods, '2025-05-31').map((p) => p.id)).toEqual(['m1', 'm2']);
    expect(listMembersOn(periods, '2025-06-01').map((p) => p.id)).toEqual(['m1']);
    expect(listMembersOn(periods, '2025-09-01').map((p) => p.id)).toEqual(['m1', 'm3']);
  });
});

describe('stakeholder grid', () => {
  it('moves with the arrow keys and stays inside the 3 x 3 grid', () => {
    expect(moveInGrid({ interest: 1, influence: 1 }, 'right')).toEqual({ interest: 2, influence: 1 });
    expect(moveInGrid({ interest: 2, influence: 1 }, 'up')).toEqual({ interest: 2, influence: 2 });
    expect(moveInGrid({ interest: 3, influence: 3 }, 'right')).toEqual({ interest: 3, influence: 3 });
    expect(moveInGrid({ interest: 1, influence: 1 }, 'down')).toEqual({ interest: 1, influence: 1 });
    expect(describeCell({ interest: 3, influence: 1 })).toBe('belang hoog, invloed laag');
  });

  it("gives Mendelow's strategy per cell", () => {
    expect(classifyStrategy({ interest: 3, influence: 3 })).toBe('manage_closely');
    expect(classifyStrategy({ interest: 1, influence: 3 })).toBe('keep_satisfied');
    expect(classifyStrategy({ interest: 2, influence: 1 })).toBe('keep_informed');
    expect(classifyStrategy({ interest: 1, influence: 1 })).toBe('monitor');
  });

  it('allows an amount only on a money flow', () => {
    expect(
      issuesOf(() =>
        validateFlows([
          { kind: 'money', description: 'Onderhoudsbudget', amountPerYear: 2_000_000 },
          { kind: 'policy', description: 'Woonvisie', amountPerYear: 5 },
        ]),
      ),
    ).toEqual(['flows.1.amountPerYear']);
  });

  it('counts the media image per tone', () => {
    expect(summariseMediaImage([{ tone: 'negative' }, { tone: 'negative' }, { tone: 'mixed' }])).toEqual({
      positive: 0,
      neutral: 0,
      negative: 2,
      mixed: 1,
    });
  });
});
