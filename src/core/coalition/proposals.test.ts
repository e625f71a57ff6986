import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import type { Commitment } from './contract.ts';
import { applyProposal, assertMayPropose } from './proposals.ts';

const corp: Commitment = {
  id: 'c1',
  organisationId: 'corp',
  description: 'Renovatie',
  amounts: { '2026': 100 },
  money: 'additional',
  periodStart: null,
  periodEnd: null,
  goalIds: [],
  interventionIds: [],
};
const police: Commitment = { ...corp, id: 'c2', organisationId: 'police', description: 'Wijkagent' };
const proposed = {
  ...corp,
  description: 'Renovatie en groen',
  amounts: { '2026': 150 },
} as Partial<Commitment>;
delete proposed.id;
delete proposed.organisationId;

function codeOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('commitment proposals', () => {
  it("lets a partner propose only for its own organisation's commitments", () => {
    const actor = { organisationId: 'corp' };
    const body = proposed as Omit<Commitment, 'id' | 'organisationId'>;
    expect(
      codeOf(() =>
        assertMayPropose(actor, { commitmentId: 'c1', organisationId: 'corp', proposed: body }, [
          corp,
          police,
        ]),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        assertMayPropose(actor, { commitmentId: 'c2', organisationId: 'corp', proposed: body }, [
          corp,
          police,
        ]),
      ),
    ).toBe('forbidden');
    expect(
      codeOf(() =>
        assertMayPropose(actor, { commitmentId: null, organisationId: 'police', proposed: body }, [
          corp,
          police,
        ]),
      ),
    ).toBe('forbidden');
    expect(
      codeOf(() =>
        assertMayPropose(actor, { commitmentId: 'c9', organisationId: 'corp', proposed: body }, [corp]),
      ),
    ).toBe('invalid_input');
  });

  it('applies a change keeping the id, adds a new commitment, withdraws one', () => {
    const body = proposed as Omit<Commitment, 'id' | 'organisationId'>;
    const changed = applyProposal(
      [corp, police],
      { commitmentId: 'c1', organisationId: 'corp', proposed: body },
      'new',
    );
    expect(changed[0]).toEqual({ ...corp, description: 'Renovatie en groen', amounts: { '2026': 150 } });
    expect(changed[1]).toBe(police);
    const added = applyProposal([corp], { commitmentId: null, organisationId: 'corp', proposed: body }, 'c9');
    expect(added.map((c) => c.id)).toEqual(['c1', 'c9']);
    expect(
      applyProposal([corp, police], { commitmentId: 'c1', organisationId: 'corp', proposed: null }, 'x'),
    ).toEqual([police]);
    expect(
      codeOf(() =>
        applyProposal([police], { commitmentId: 'c1', organisationId: 'corp', proposed: body }, 'x'),
      ),
    ).toBe('conflict');
  });
});
