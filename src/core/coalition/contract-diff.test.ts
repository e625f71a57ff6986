import { describe, expect, it } from 'vitest';
import type { Commitment, ContractContent } from './contract.ts';
import { diffContractVersions } from './contract-diff.ts';

const commitment = (over: Partial<Commitment>): Commitment => ({
  id: 'c1',
  organisationId: 'corp',
  description: 'Renovatie van 400 portiekwoningen',
  amounts: { '2026': 1_000_000 },
  money: 'additional',
  periodStart: null,
  periodEnd: null,
  goalIds: [],
  interventionIds: [],
  ...over,
});

const content = (over: Partial<ContractContent>): ContractContent => ({
  title: 'Lokaal contract Overvecht',
  kind: 'contract',
  ambitions: 'Overvecht is in 2040 een wijk waar kinderen kansrijk opgroeien.',
  principles: 'Samen, langjarig.',
  priorities: [{ text: 'Veilige portieken', goalIds: [] }],
  periodStart: '2026-01-01',
  periodEnd: '2029-12-31',
  commitments: [commitment({})],
  ...over,
});

describe('diffContractVersions', () => {
  it('finds nothing between equal versions, even with amounts in another key order', () => {
    const a = content({ commitments: [commitment({ amounts: { '2026': 1, '2027': 2 } })] });
    const b = content({ commitments: [commitment({ amounts: { '2027': 2, '2026': 1 } })] });
    expect(diffContractVersions(a, b).hasChanges).toBe(false);
  });

  it('shows text changes word by word, priorities and commitments added, removed and changed', () => {
    const before = content({
      commitments: [
        commitment({}),
        commitment({ id: 'c2', organisationId: 'police', description: 'Wijkagent' }),
      ],
    });
    const after = content({
      ambitions: 'Overvecht is in 2040 een wijk waar alle kinderen kansrijk opgroeien.',
      priorities: [
        { text: 'Veilige portieken', goalIds: [] },
        { text: 'Meer werk', goalIds: [] },
      ],
      commitments: [
        commitment({ amounts: { '2026': 1_200_000 } }),
        commitment({ id: 'c3', organisationId: 'school', description: 'Verlengde schooldag' }),
      ],
    });
    const diff = diffContractVersions(before, after);
    expect(diff.hasChanges).toBe(true);
    expect(diff.fields.map((f) => f.field)).toEqual(['ambitions']);
    expect(diff.fields[0]!.parts.filter((p) => p.change === 'added').map((p) => p.value.trim())).toEqual([
      'alle',
    ]);
    expect(diff.fields[0]!.parts.filter((p) => p.change === 'removed')).toEqual([]);
    expect(diff.priorities).toEqual({ added: ['Meer werk'], removed: [] });
    expect(diff.commitments.added.map((c) => c.id)).toEqual(['c3']);
    expect(diff.commitments.removed.map((c) => c.id)).toEqual(['c2']);
    expect(diff.commitments.changed).toEqual([
      {
        id: 'c1',
        organisationId: 'corp',
        fields: [{ field: 'amounts', before: { '2026': 1_000_000 }, after: { '2026': 1_200_000 } }],
      },
    ]);
  });
});
