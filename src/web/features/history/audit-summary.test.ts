import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types.ts';
import { summariseAuditEvent } from './audit-summary.ts';

const names = (id: string) => ({ o1: 'Gemeente Utrecht', o2: 'Politie' })[id] ?? 'onbekend';

function event(partial: Partial<AuditEvent>): AuditEvent {
  return {
    id: 1,
    at: '2025-01-01T10:00:00Z',
    actor: { id: 'u', name: 'Sanne' },
    entityType: 'x',
    entityId: 'y',
    action: 'update',
    before: null,
    after: null,
    ...partial,
  };
}

describe('summariseAuditEvent', () => {
  it('names the point and lists what changed, with Dutch labels and organisation names', () => {
    const summary = summariseAuditEvent(
      event({
        entityType: 'point_answer',
        entityId: 'c0ffee:1.4.5',
        before: {
          status: 'open',
          answer: null,
          skipReason: null,
          evidence: [],
          participantOrganisationIds: [],
          version: 0,
        },
        after: {
          status: 'skipped',
          answer: null,
          skipReason: 'Al onderzocht',
          evidence: [],
          participantOrganisationIds: ['o1', 'o2'],
          version: 1,
        },
      }),
      names,
    );
    expect(summary.what).toBe('Gesprekspunt 1.4.5 bijgewerkt');
    expect(summary.changes).toEqual([
      { field: 'Status', before: 'Open', after: 'Bewust overgeslagen' },
      { field: 'Reden om over te slaan', before: '(leeg)', after: 'Al onderzocht' },
      { field: 'Deelnemende organisaties', before: '(geen)', after: 'Gemeente Utrecht, Politie' },
    ]);
  });

  it('shows a created decision without "before" values and with Dutch dates', () => {
    const summary = summariseAuditEvent(
      event({
        entityType: 'decision',
        action: 'create',
        after: {
          outcome: 'no_go',
          decidedOn: '2025-03-01',
          alternativeRoutes: ['other'],
          alternativeOther: 'Buurtbemiddeling',
        },
      }),
      names,
    );
    expect(summary.what).toBe('Go/no-go-besluit vastgelegd: no-go');
    expect(summary.changes).toContainEqual({ field: 'Datum', before: null, after: '1 maart 2025' });
    expect(summary.changes).toContainEqual({ field: 'Alternatieve route', before: null, after: 'Anders' });
  });

  it('tells archiving and cycles apart', () => {
    expect(
      summariseAuditEvent(
        event({
          entityType: 'approach',
          action: 'archive',
          before: { status: 'active' },
          after: { status: 'archived' },
        }),
        names,
      ),
    ).toEqual({
      what: 'Wijkaanpak gearchiveerd',
      changes: [{ field: 'Status', before: 'actief', after: 'gearchiveerd' }],
    });
    expect(
      summariseAuditEvent(
        event({ entityType: 'cycle', action: 'create', after: { title: 'Cyclus 2' } }),
        names,
      ).what,
    ).toBe('Cyclus 2 gestart');
  });
});
