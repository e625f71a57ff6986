import { describe, expect, it } from 'vitest';
import type { PointAnswer } from '../../api/types.ts';
import { allowedStatuses, checkDraft, draftFromPoint, isSameDraft, updateFromDraft } from './point-draft.ts';

const point: PointAnswer = {
  pointId: '1.1.1',
  phaseId: 'orienteren',
  stepId: '1.1',
  text: 'Vraag',
  status: 'answered',
  answer: 'Ja',
  skipReason: null,
  evidence: [{ kind: 'url', title: 'CBS', reference: 'https://www.cbs.nl' }],
  participants: [{ id: 'a', name: 'Gemeente' }],
  version: 3,
  updatedAt: '2025-01-01T10:00:00.000Z',
  updatedBy: { id: 'u', name: 'Sanne' },
};

describe('point drafts', () => {
  it('round-trips a saved point into an update with its version', () => {
    expect(updateFromDraft(draftFromPoint(point), 3)).toEqual({
      version: 3,
      status: 'answered',
      answer: 'Ja',
      skipReason: null,
      evidence: point.evidence,
      participantOrganisationIds: ['a'],
    });
  });

  it('sends a skip reason only with the status skipped, and blank text as null', () => {
    const draft = {
      ...draftFromPoint(point),
      status: 'in_discussion' as const,
      answer: '   ',
      skipReason: 'oude reden',
    };
    const update = updateFromDraft(draft, 3);
    expect(update.answer).toBeNull();
    expect(update.skipReason).toBeNull();
  });

  it('sees no change when only the order of participants differs', () => {
    const a = { ...draftFromPoint(point), participantIds: ['a', 'b'] };
    expect(isSameDraft(a, { ...a, participantIds: ['b', 'a'] })).toBe(true);
    expect(isSameDraft(a, { ...a, answer: 'Nee' })).toBe(false);
  });

  it('reports the core rules as field problems', () => {
    expect(checkDraft('open', { ...draftFromPoint(point), status: 'answered', answer: '' })).toEqual([
      { field: 'answer', message: 'Een beantwoord gesprekspunt heeft een antwoord nodig.' },
    ]);
    expect(
      checkDraft('open', { ...draftFromPoint(point), status: 'skipped', skipReason: ' ' }).map(
        (i) => i.field,
      ),
    ).toEqual(['skipReason']);
    expect(checkDraft('answered', { ...draftFromPoint(point), status: 'open' })).toHaveLength(1);
    expect(checkDraft('open', { ...draftFromPoint(point), status: 'answered', answer: 'Ja' })).toEqual([]);
  });

  it('never offers skipping (or re-opening a skipped point) to someone who may not skip', () => {
    expect([...allowedStatuses('open', true)].sort()).toEqual([
      'answered',
      'in_discussion',
      'open',
      'skipped',
    ]);
    expect([...allowedStatuses('open', false)].sort()).toEqual(['answered', 'in_discussion', 'open']);
    expect([...allowedStatuses('skipped', false)]).toEqual(['skipped']);
    expect([...allowedStatuses('answered', true)].sort()).toEqual(['answered', 'in_discussion', 'skipped']);
  });
});
