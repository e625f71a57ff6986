/**
 * The coalition and the stakeholder map (issue 13): members join and leave with dates and reasons,
 * one board seat per domain, the process direction; stakeholders move in the interest x influence
 * grid with optimistic versions; everything audited and hidden from other municipalities.
 */
import { describe, expect, it } from 'vitest';
import { buildCoalitionScenario } from './coalition-harness.ts';
import { buildScenario, getTestApp, problemOf } from './harness.ts';

describe('coalition', () => {
  it('records joining, leaving with a reason and joining again, never overlapping', async () => {
    const s = await buildScenario();
    const A = `/api/v1/approaches/${s.approach.id}/coalition`;
    const joined = await s.coordinator.request('POST', `${A}/members`, {
      organisationId: s.partnerOrg.id,
      joinedOn: '2025-01-10',
      joinReason: 'Eigenaar van de portiekflats',
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const member = joined.json();
    expect(member.isActive).toBe(true);
    const overlap = await s.coordinator.request('POST', `${A}/members`, {
      organisationId: s.partnerOrg.id,
      joinedOn: '2025-06-01',
      joinReason: 'Dubbel',
    });
    expect(overlap.statusCode).toBe(400);
    expect(problemOf(overlap).errors!.map((e) => e.path.join('.'))).toEqual(['joinedOn']);
    const noReason = await s.coordinator.request('PATCH', `${A}/members/${member.id}`, {
      version: 1,
      leftOn: '2025-08-01',
    });
    expect(noReason.statusCode).toBe(400);
    expect(problemOf(noReason).errors!.map((e) => e.path.join('.'))).toEqual(['leaveReason']);
    const left = await s.coordinator.request('PATCH', `${A}/members/${member.id}`, {
      version: 1,
      leftOn: '2025-08-01',
      leaveReason: 'Herijking van de portefeuille',
    });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ isActive: false, version: 2 });
    const again = await s.coordinator.request('POST', `${A}/members`, {
      organisationId: s.partnerOrg.id,
      joinedOn: '2025-11-01',
      joinReason: 'Nieuwe renovatieopgave',
    });
    expect(again.statusCode).toBe(201);
    const coalition = (await s.partner.request('GET', A)).json();
    expect(
      coalition.members.map((m: { joinedOn: string; isActive: boolean }) => [m.joinedOn, m.isActive]),
    ).toEqual([
      ['2025-01-10', false],
      ['2025-11-01', true],
    ]);
    const future = await s.coordinator.request('POST', `${A}/members`, {
      organisationId: s.municipality.id,
      joinedOn: '2099-01-01',
      joinReason: 'Later',
    });
    expect(future.statusCode).toBe(400);
    const { database } = await getTestApp();
    const actions = await database.handle.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'coalition_member' AND entity_id = $1 ORDER BY id",
      [member.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['join', 'leave']);
  });

  it('keeps one seat per domain with its representative, and names the process direction', async () => {
    const s = await buildCoalitionScenario();
    const A = `/api/v1/approaches/${s.approach.id}/coalition`;
    const second = await s.coordinator.request('PUT', `${A}/board-seats/housing`, {
      version: 0,
      organisationId: s.partnerOrg.id,
      representativeName: 'Tweede bestuurder',
      representativeFunction: 'Directeur',
    });
    expect(second.statusCode).toBe(409);
    const changed = await s.coordinator.request('PUT', `${A}/board-seats/housing`, {
      version: 1,
      organisationId: s.partnerOrg.id,
      representativeName: 'B. Opvolger',
      representativeFunction: 'Directeur-bestuurder',
    });
    expect(changed.statusCode).toBe(200);
    const other = await buildScenario();
    const foreign = await s.coordinator.request('PUT', `${A}/board-seats/safety`, {
      version: 0,
      organisationId: other.partnerOrg.id,
      representativeName: 'Iemand',
      representativeFunction: 'Teamchef',
    });
    expect(foreign.statusCode).toBe(400);
    const incomplete = await s.coordinator.request('PUT', `${A}/settings`, {
      version: 0,
      processDirectionHolder: 'independent_director',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(problemOf(incomplete).errors!.map((e) => e.path.join('.'))).toEqual(['processDirectorName']);
    const settings = await s.coordinator.request('PUT', `${A}/settings`, {
      version: 0,
      boardRhythm: 'Vier keer per jaar',
      processDirectionHolder: 'independent_director',
      processDirectorName: 'P. Regisseur, procesregisseur',
      processDirectionMandate: 'Spreekt partners aan op hun toezeggingen.',
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(
      (
        await s.coordinator.request('PUT', `${A}/settings`, {
          version: 0,
          processDirectionHolder: 'municipality',
        })
      ).statusCode,
    ).toBe(409);
    const coalition = (await s.viewer.request('GET', A)).json();
    expect(coalition.processDirection).toMatchObject({
      holder: 'independent_director',
      isIndependent: true,
      directorName: 'P. Regisseur, procesregisseur',
    });
    expect(coalition.board).toEqual([
      {
        seat: 'housing',
        organisation: { id: s.partnerOrg.id, name: s.partnerOrg.name },
        representativeName: 'B. Opvolger',
        representativeFunction: 'Directeur-bestuurder',
        version: 2,
      },
    ]);
    expect(coalition.vacantSeats).toContain('municipality');
    expect(coalition.vacantSeats).not.toContain('housing');
  });
});

describe('stakeholder map', () => {
  it('moves a stakeholder in the grid with optimistic versions and gives its strategy', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/stakeholders/${s.coalition.stakeholder.id}`;
    const moved = await s.partner.request('PATCH', url, { version: 1, interest: 1, influence: 3 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ interest: 1, influence: 3, strategy: 'keep_satisfied', version: 2 });
    const stale = await s.coordinator.request('PATCH', url, { version: 1, interest: 3 });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).current).toMatchObject({ interest: 1, influence: 3 });
    expect((await s.viewer.request('PATCH', url, { version: 2, interest: 2 })).statusCode).toBe(403);
  });

  it('records flows, channels and the organisation it is, and refuses an amount on a policy flow', async () => {
    const s = await buildScenario();
    const A = `/api/v1/approaches/${s.approach.id}`;
    const created = await s.coordinator.request('POST', `${A}/stakeholders`, {
      name: s.partnerOrg.name,
      kind: 'formal_organisation',
      organisationId: s.partnerOrg.id,
      domains: ['housing'],
      interest: 3,
      influence: 3,
      engagement: 'leading',
      channels: ['Huurdersoverleg', 'Bewonersavond'],
      relationNotes: 'Goede samenwerking sinds 2019.',
      flows: [
        { kind: 'money', description: 'Onderhoudsbudget portiekflats', amountPerYear: 2_500_000 },
        { kind: 'policy', description: 'Prestatieafspraken met de gemeente' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      organisation: { id: s.partnerOrg.id },
      strategy: 'manage_closely',
      flows: [
        { kind: 'money', amountPerYear: 2_500_000 },
        { kind: 'policy', amountPerYear: null },
      ],
    });
    const bad = await s.coordinator.request('POST', `${A}/stakeholders`, {
      name: 'Buurtnetwerk',
      kind: 'informal_network',
      interest: 2,
      influence: 1,
      flows: [{ kind: 'policy', description: 'Beleid', amountPerYear: 10 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors!.map((e) => e.path.join('.'))).toEqual(['flows.0.amountPerYear']);
    const media = await s.partner.request('POST', `${A}/media-items`, {
      source: 'Buurtkrant',
      medium: 'offline',
      tone: 'positive',
      summary: 'Verhalen van bewoners over de nieuwe speeltuin.',
      observedOn: '2025-09-12',
    });
    expect(media.statusCode).toBe(201);
    const map = (await s.viewer.request('GET', `${A}/stakeholders`)).json();
    expect(map.mediaTones).toEqual({ positive: 1, neutral: 0, negative: 0, mixed: 0 });
    expect(map.stakeholders).toHaveLength(1);
  });
});
