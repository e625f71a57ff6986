import { describe, expect, it } from 'vitest';
import { buildScenario, countAudit, getTestApp, problemOf } from './harness.ts';

const go = {
  outcome: 'go',
  decidedOn: '2025-06-01',
  decidedBy: 'College van B&W',
  rationale: 'De opstapeling is ernstig en breed herkend.',
};

describe('go/no-go decisions', () => {
  it('requires an alternative route and a follow-up date on no-go', async () => {
    const s = await buildScenario();
    const response = await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/decisions`, {
      ...go,
      outcome: 'no_go',
    });
    expect(response.statusCode).toBe(400);
    const fields = problemOf(response).errors!.map((e) => e.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['alternativeRoutes', 'followUpDate']));
  });

  it('refuses a decision dated in the future', async () => {
    const s = await buildScenario();
    const response = await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/decisions`, {
      ...go,
      decidedOn: '2999-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((e) => e.path.join('.'))).toContain('decidedOn');
  });

  it('records a no-go, then a go that supersedes it; both stay readable and unchanged', async () => {
    const s = await buildScenario();
    const noGo = await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/decisions`, {
      ...go,
      outcome: 'no_go',
      alternativeRoutes: ['strengthen_area_based_working', 'other'],
      alternativeOther: 'Extra inzet jongerenwerk',
      followUpDate: '2026-01-15',
    });
    expect(noGo.statusCode, noGo.body).toBe(201);
    const first = noGo.json();
    const before = (
      await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cycles/1/progress`)
    ).json();
    expect(before.phases[1].isBeforeGo).toBe(true);
    const second = (
      await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/decisions`, go)
    ).json();
    expect(second.supersedesId).toBe(first.id);
    const list = (await s.partner.request('GET', `/api/v1/approaches/${s.approach.id}/decisions`)).json();
    expect(list.map((d: { id: string; isCurrent: boolean }) => [d.id, d.isCurrent])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect(list[1]).toMatchObject({
      outcome: 'no_go',
      alternativeRoutes: ['strengthen_area_based_working', 'other'],
      followUpDate: '2026-01-15',
    });
    const after = (
      await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cycles/1/progress`)
    ).json();
    expect(after.currentDecision).toEqual({ outcome: 'go', decidedOn: '2025-06-01' });
    expect(after.phases.map((p: { isBeforeGo: boolean }) => p.isBeforeGo)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(await countAudit('decision', first.id)).toBe(1);
    // Immutable: there is no route to change or delete a decision.
    const put = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/decisions/${first.id}`,
      go,
    );
    const del = await s.coordinator.request(
      'DELETE',
      `/api/v1/approaches/${s.approach.id}/decisions/${first.id}`,
    );
    expect([put.statusCode, del.statusCode]).toEqual([404, 404]);
  });
});

describe('cycles', () => {
  it('starts a new cycle from the previous answers and keeps the old one unchanged and read-only', async () => {
    const s = await buildScenario();
    const base = `/api/v1/approaches/${s.approach.id}`;
    await s.coordinator.request('PUT', `${base}/cycles/1/points/1.1.1`, {
      version: 0,
      status: 'answered',
      answer: 'Antwoord in cyclus 1',
    });
    await s.coordinator.request('PUT', `${base}/cycles/1/points/1.1.2`, {
      version: 0,
      status: 'skipped',
      skipReason: 'Bewust overgeslagen: al bekend.',
    });
    const oldBefore = (await s.viewer.request('GET', `${base}/cycles/1/points`)).json();
    const started = await s.coordinator.request('POST', `${base}/cycles`, {
      title: 'Programmaperiode 2029–2032',
    });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      number: 2,
      status: 'active',
      title: 'Programmaperiode 2029–2032',
    });
    const cycles = (await s.viewer.request('GET', `${base}/cycles`)).json();
    expect(cycles.map((c: { number: number; status: string }) => [c.number, c.status])).toEqual([
      [1, 'closed'],
      [2, 'active'],
    ]);
    const carried = (await s.viewer.request('GET', `${base}/cycles/2/points/1.1.1`)).json();
    expect(carried).toMatchObject({ answer: 'Antwoord in cyclus 1', status: 'answered', version: 1 });
    const revisions = (await s.viewer.request('GET', `${base}/cycles/2/points/1.1.1/revisions`)).json();
    expect(revisions[0].note).toBe('Overgenomen uit cyclus 1');
    // Editing the new cycle leaves the old one as it was.
    const edit = await s.coordinator.request('PUT', `${base}/cycles/2/points/1.1.1`, {
      version: 1,
      status: 'answered',
      answer: 'Bijgesteld in cyclus 2',
    });
    expect(edit.statusCode).toBe(200);
    const frozen = await s.coordinator.request('PUT', `${base}/cycles/1/points/1.1.1`, {
      version: 1,
      status: 'answered',
      answer: 'Poging tot wijzigen',
    });
    expect(frozen.statusCode).toBe(409);
    expect(problemOf(frozen).code).toBe('read_only');
    const oldAfter = (await s.viewer.request('GET', `${base}/cycles/1/points`)).json();
    expect(oldAfter.points).toEqual(oldBefore.points);
    const detail = (await s.viewer.request('GET', base)).json();
    expect(detail.cycles.map((c: { number: number }) => c.number)).toEqual([1, 2]);
  });

  it('serialises concurrent cycle starts: exactly one active cycle remains', async () => {
    const s = await buildScenario();
    const base = `/api/v1/approaches/${s.approach.id}`;
    const results = await Promise.all([
      s.coordinator.request('POST', `${base}/cycles`, {}),
      s.coordinator.request('POST', `${base}/cycles`, {}),
    ]);
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const { database } = await getTestApp();
    const rows = await database.handle.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cycles WHERE approach_id = $1 AND status = 'active'",
      [s.approach.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('approaches', () => {
  it("lists only the own municipality's and invited approaches", async () => {
    const a = await buildScenario();
    const b = await buildScenario();
    const listA = (await a.coordinator.request('GET', '/api/v1/approaches'))
      .json()
      .map((x: { id: string }) => x.id);
    expect(listA).toContain(a.approach.id);
    expect(listA).not.toContain(b.approach.id);
    const partnerList = (await a.partner.request('GET', '/api/v1/approaches'))
      .json()
      .map((x: { id: string }) => x.id);
    expect(partnerList).toEqual([a.approach.id]);
  });

  it('archives with a version check and hides archived approaches unless asked', async () => {
    const s = await buildScenario();
    const archived = await s.coordinator.request('PATCH', `/api/v1/approaches/${s.approach.id}`, {
      version: 1,
      status: 'archived',
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ status: 'archived', version: 2 });
    const stale = await s.coordinator.request('PATCH', `/api/v1/approaches/${s.approach.id}`, {
      version: 1,
      status: 'active',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).current).toMatchObject({ status: 'archived', version: 2 });
    const active = (await s.coordinator.request('GET', '/api/v1/approaches'))
      .json()
      .map((x: { id: string }) => x.id);
    const all = (await s.coordinator.request('GET', '/api/v1/approaches?includeArchived=true'))
      .json()
      .map((x: { id: string }) => x.id);
    expect(active).not.toContain(s.approach.id);
    expect(all).toContain(s.approach.id);
  });

  it('lets only municipal coordinators create approaches', async () => {
    const s = await buildScenario();
    const input = {
      title: 'Aanpak door partner',
      focusArea: ['WK034403'],
      focusAreaYear: 2024,
      startDate: '2025-01-01',
    };
    expect((await s.partner.request('POST', '/api/v1/approaches', input)).statusCode).toBe(403);
    expect((await s.viewer.request('POST', '/api/v1/approaches', input)).statusCode).toBe(403);
  });
});
