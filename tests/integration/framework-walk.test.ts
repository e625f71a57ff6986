import { describe, expect, it } from 'vitest';
import { FRAMEWORK } from '../../src/core/framework/index.ts';
import { buildScenario, countAudit, latestAudit, problemOf } from './harness.ts';

const url = (id: string, cycle: number, point: string) =>
  `/api/v1/approaches/${id}/cycles/${cycle}/points/${point}`;
const body = (over: Record<string, unknown>) => ({
  version: 0,
  status: 'answered',
  answer: 'Ja.',
  skipReason: null,
  evidence: [],
  participantOrganisationIds: [],
  ...over,
});

describe('walking the framework', () => {
  it('creates all 92 points, open, in the seed order, for cycle 1', async () => {
    const s = await buildScenario();
    const response = await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cycles/1/points`);
    expect(response.statusCode).toBe(200);
    const points = response.json().points as { pointId: string; status: string; text: string }[];
    const expected = FRAMEWORK.phases.flatMap((p) =>
      p.steps.flatMap((st) => st.discussionPoints.map((d) => d.id)),
    );
    expect(points.map((p) => p.pointId)).toEqual(expected);
    expect(expected).toHaveLength(92);
    expect(new Set(points.map((p) => p.status))).toEqual(new Set(['open']));
  });

  it('saves an answer with evidence and participants, records a revision and an audit row', async () => {
    const s = await buildScenario();
    const response = await s.partner.request(
      'PUT',
      url(s.approach.id, 1, '1.2.1'),
      body({
        answer: 'De CBS-cijfers tonen een stapeling van armoede en werkloosheid.',
        evidence: [
          { kind: 'url', title: 'Kerncijfers 2024', reference: 'https://www.cbs.nl/kwb' },
          { kind: 'document', title: 'Wijkanalyse', reference: 'D-2025-001' },
        ],
        participantOrganisationIds: [s.partnerOrg.id, s.municipality.id],
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const point = response.json();
    expect(point).toMatchObject({ status: 'answered', version: 1, updatedBy: { name: 'Partner' } });
    expect(point.participants.map((p: { name: string }) => p.name).sort()).toEqual(
      [s.municipality.name, s.partnerOrg.name].sort(),
    );
    const revisions = (await s.viewer.request('GET', `${url(s.approach.id, 1, '1.2.1')}/revisions`)).json();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, status: 'answered', editedBy: { name: 'Partner' } });
    const audit = await latestAudit('point_answer', `${await cycleId(s)}:1.2.1`);
    expect(audit).toMatchObject({ action: 'update', actor_user_id: s.partner.userId });
    expect((audit!.before as { status: string }).status).toBe('open');
    expect((audit!.after as { answer: string }).answer).toContain('stapeling');
  });

  it('refuses a stale save with 409 and returns the current version so nothing is lost', async () => {
    const s = await buildScenario();
    const first = await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.1.2'),
      body({ status: 'in_discussion', answer: 'Tekst van de coördinator' }),
    );
    expect(first.statusCode).toBe(200);
    const stale = await s.partner.request(
      'PUT',
      url(s.approach.id, 1, '1.1.2'),
      body({ version: 0, answer: 'Tekst van de partner' }),
    );
    expect(stale.statusCode).toBe(409);
    const problem = problemOf(stale);
    expect(problem.code).toBe('stale_version');
    expect(problem.current).toMatchObject({
      version: 1,
      answer: 'Tekst van de coördinator',
      status: 'in_discussion',
    });
    const stored = (await s.viewer.request('GET', url(s.approach.id, 1, '1.1.2'))).json();
    expect(stored.answer).toBe('Tekst van de coördinator');
    const retried = await s.partner.request(
      'PUT',
      url(s.approach.id, 1, '1.1.2'),
      body({ version: 1, answer: 'Tekst van de partner' }),
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json().version).toBe(2);
  });

  it('requires a reason to skip, and only a coordinator may skip', async () => {
    const s = await buildScenario();
    const noReason = await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.4.5'),
      body({ status: 'skipped', answer: null }),
    );
    expect(noReason.statusCode).toBe(400);
    expect(problemOf(noReason).errors!.map((e) => e.path.join('.'))).toContain('skipReason');
    const byPartner = await s.partner.request(
      'PUT',
      url(s.approach.id, 1, '1.4.5'),
      body({ status: 'skipped', answer: null, skipReason: 'Al onderzocht in 2023.' }),
    );
    expect(byPartner.statusCode).toBe(403);
    const skipped = await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.4.5'),
      body({ status: 'skipped', answer: null, skipReason: 'Al onderzocht in 2023.' }),
    );
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json()).toMatchObject({ status: 'skipped', skipReason: 'Al onderzocht in 2023.' });
    const filtered = (
      await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cycles/1/points?status=skipped`)
    ).json();
    expect(filtered.points.map((p: { pointId: string }) => p.pointId)).toEqual(['1.4.5']);
  });

  it('refuses an answered status without an answer, and a forbidden transition', async () => {
    const s = await buildScenario();
    const empty = await s.coordinator.request('PUT', url(s.approach.id, 1, '1.1.1'), body({ answer: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(problemOf(empty).errors!.map((e) => e.path.join('.'))).toEqual(['answer']);
    await s.coordinator.request('PUT', url(s.approach.id, 1, '1.1.1'), body({ answer: 'Ja' }));
    const backToOpen = await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.1.1'),
      body({ version: 1, status: 'open', answer: 'Ja' }),
    );
    expect(backToOpen.statusCode).toBe(409);
    expect(problemOf(backToOpen).code).toBe('invalid_transition');
  });

  it('rejects participants from outside the municipality', async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const response = await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.1.3'),
      body({ participantOrganisationIds: [other.partnerOrg.id] }),
    );
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors![0]!.path).toEqual(['participantOrganisationIds', 0]);
  });

  it('computes progress per phase and step', async () => {
    const s = await buildScenario();
    await s.coordinator.request('PUT', url(s.approach.id, 1, '1.1.1'), body({ answer: 'Ja' }));
    await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '1.1.2'),
      body({ status: 'skipped', answer: null, skipReason: 'Niet van toepassing hier.' }),
    );
    await s.coordinator.request(
      'PUT',
      url(s.approach.id, 1, '2.1.1'),
      body({ status: 'in_discussion', answer: null }),
    );
    const progress = (
      await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cycles/1/progress`)
    ).json();
    expect(progress).toMatchObject({
      total: 92,
      answered: 1,
      skipped: 1,
      inDiscussion: 1,
      open: 89,
      done: 2,
      percentDone: 2,
    });
    const orient = progress.phases[0];
    // Step 1.1 has 4 points (seed): 2 of 4 done = 50%.
    expect(orient.steps[0]).toMatchObject({ stepId: '1.1', total: 4, done: 2, percentDone: 50 });
    expect(orient).toMatchObject({
      phaseId: 'orienteren',
      total: 21,
      done: 2,
      percentDone: 10,
      isBeforeGo: false,
    });
    expect(progress.phases.slice(1).every((p: { isBeforeGo: boolean }) => p.isBeforeGo)).toBe(true);
  });

  it('writes an audit row for the approach creation, the invitation and every edit', async () => {
    const s = await buildScenario();
    expect(await countAudit('approach', s.approach.id)).toBe(1);
    expect(await countAudit('approach_member', s.users.partnerUser.id)).toBeGreaterThanOrEqual(1);
    const patched = await s.coordinator.request('PATCH', `/api/v1/approaches/${s.approach.id}`, {
      version: 1,
      title: 'Nieuwe titel',
    });
    expect(patched.statusCode).toBe(200);
    expect(await countAudit('approach', s.approach.id)).toBe(2);
    const audit = await latestAudit('approach', s.approach.id);
    expect((audit!.before as { title: string }).title).toBe('Wijkaanpak Testwijk');
    expect((audit!.after as { title: string }).title).toBe('Nieuwe titel');
    const history = (
      await s.coordinator.request('GET', `/api/v1/approaches/${s.approach.id}/audit-events`)
    ).json();
    expect(history[0]).toMatchObject({
      entityType: 'approach',
      action: 'update',
      actor: { name: 'Coördinator' },
    });
  });
});

async function cycleId(s: Awaited<ReturnType<typeof buildScenario>>) {
  const { getTestApp } = await import('./harness.ts');
  const { database } = await getTestApp();
  const rows = await database.handle.query<{ id: string }>(
    'SELECT id FROM cycles WHERE approach_id = $1 AND number = 1',
    [s.approach.id],
  );
  return rows[0]!.id;
}
