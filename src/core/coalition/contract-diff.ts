/**
 * What an amendment changes: the version is compared with the one it was drafted from. Texts are
 * compared word by word (jsdiff's diffWords, Myers' O(ND) algorithm), commitments by their stable id.
 */
import { diffWords } from 'diff';
import type { Commitment, ContractContent } from './contract.ts';

export interface TextPart {
  value: string;
  change: 'added' | 'removed' | 'same';
}

export interface FieldChange {
  field: 'title' | 'kind' | 'ambitions' | 'principles' | 'periodStart' | 'periodEnd';
  before: string | null;
  after: string | null;
  parts: TextPart[];
}

export interface CommitmentChange {
  id: string;
  organisationId: string;
  fields: { field: keyof Commitment; before: unknown; after: unknown }[];
}

export interface ContractDiff {
  fields: FieldChange[];
  priorities: { added: string[]; removed: string[] };
  commitments: { added: Commitment[]; removed: Commitment[]; changed: CommitmentChange[] };
  hasChanges: boolean;
}

export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((part) => ({
    value: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}

const COMPARED_FIELDS: (keyof Commitment)[] = [
  'organisationId',
  'description',
  'amounts',
  'money',
  'periodStart',
  'periodEnd',
  'goalIds',
  'interventionIds',
];

/** Order-independent comparison of JSON values (amounts are objects whose key order may differ). */
function sameValue(a: unknown, b: unknown): boolean {
  const normalise = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v;
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

export function diffContractVersions(before: ContractContent, after: ContractContent): ContractDiff {
  const fields: FieldChange[] = [];
  for (const field of ['title', 'kind', 'ambitions', 'principles', 'periodStart', 'periodEnd'] as const) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a === b) continue;
    fields.push({ field, before: a, after: b, parts: diffText(a ?? '', b ?? '') });
  }
  const beforeTexts = new Set(before.priorities.map((p) => p.text));
  const afterTexts = new Set(after.priorities.map((p) => p.text));
  const priorities = {
    added: [...afterTexts].filter((t) => !beforeTexts.has(t)),
    removed: [...beforeTexts].filter((t) => !afterTexts.has(t)),
  };
  const previous = new Map(before.commitments.map((c) => [c.id, c]));
  const next = new Map(after.commitments.map((c) => [c.id, c]));
  const changed: CommitmentChange[] = [];
  for (const c of after.commitments) {
    const old = previous.get(c.id);
    if (!old) continue;
    const differences = COMPARED_FIELDS.filter((f) => !sameValue(old[f], c[f])).map((f) => ({
      field: f,
      before: old[f],
      after: c[f],
    }));
    if (differences.length > 0)
      changed.push({ id: c.id, organisationId: c.organisationId, fields: differences });
  }
  const commitments = {
    added: after.commitments.filter((c) => !previous.has(c.id)),
    removed: before.commitments.filter((c) => !next.has(c.id)),
    changed,
  };
  return {
    fields,
    priorities,
    commitments,
    hasChanges:
      fields.length +
        priorities.added.length +
        priorities.removed.length +
        commitments.added.length +
        commitments.removed.length +
        changed.length >
      0,
  };
}
