/**
 * Partner organisations of a municipality (issue 13): a coordinator adds one, it is linked to the
 * municipality and can take part in that municipality's discussion points; other municipalities
 * never see it.
 */
import { describe, expect, it } from 'vitest';
import { buildMunicipality, buildScenario, buildUser, getTestApp, login, problemOf } from './harness.ts';

describe('organisations', () => {
  it('creates an organisation linked to the coordinator’s municipality, usable as participant', async () => {
    const s = await buildScenario();
    const created = await s.coordinator.request('POST', '/api/v1/organisations', {
      name: 'Stichting Buurtwerk Noord',
      kind: 'care_welfare',
    });
    expect(created.statusCode, created.body).toBe(201);
    const organisation = created.json();
    expect(organisation).toMatchObject({
      name: 'Stichting Buurtwerk Noord',
      kind: 'care_welfare',
      isMunicipality: false,
      municipalityCode: s.municipality.code,
      domains: [],
      version: 1,
    });
    const listed = (await s.coordinator.request('GET', '/api/v1/organisations')).json() as { id: string }[];
    expect(listed.map((o) => o.id)).toContain(organisation.id);
    const participants = (
      await s.partner.request('GET', `/api/v1/approaches/${s.approach.id}/organisations`)
    ).json() as { id: string }[];
    expect(participants.map((o) => o.id)).toContain(organisation.id);
    const point = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.1.3`,
      {
        version: 0,
        status: 'in_discussion',
        answer: 'Coalitie in vorming.',
        skipReason: null,
        evidence: [],
        participantOrganisationIds: [organisation.id],
      },
    );
    expect(point.statusCode, point.body).toBe(200);
    expect(point.json().participants).toEqual([{ id: organisation.id, name: 'Stichting Buurtwerk Noord' }]);
  });

  it('refuses a second organisation with the same name at the municipality (409 naming the field)', async () => {
    const s = await buildScenario();
    const body = { name: 'Politie Basisteam Test', kind: 'police', domains: ['safety'] };
    expect((await s.coordinator.request('POST', '/api/v1/organisations', body)).statusCode).toBe(201);
    const again = await s.coordinator.request('POST', '/api/v1/organisations', {
      ...body,
      name: 'politie basisteam test',
    });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).errors!.map((e) => e.path.join('.'))).toEqual(['name']);
  });

  it('edits with optimistic versions and audits each change', async () => {
    const s = await buildScenario();
    const url = `/api/v1/organisations/${s.partnerOrg.id}`;
    const first = await s.coordinator.request('PATCH', url, {
      version: 1,
      kind: 'housing_corporation',
      domains: ['housing', 'housing'],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'housing_corporation', domains: ['housing'], version: 2 });
    const stale = await s.coordinator.request('PATCH', url, { version: 1, name: 'Oud' });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).current).toMatchObject({ version: 2 });
    const { database } = await getTestApp();
    const rows = await database.handle.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'organisation' AND entity_id = $1",
      [s.partnerOrg.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['update']);
  });

  it("hides another municipality's organisations (404) and refuses partners and viewers (403)", async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const url = `/api/v1/organisations/${s.partnerOrg.id}`;
    expect((await other.coordinator.request('GET', url)).statusCode).toBe(404);
    expect(
      (await other.coordinator.request('PATCH', url, { version: 1, name: 'Overgenomen' })).statusCode,
    ).toBe(404);
    const foreignList = await other.coordinator.request(
      'GET',
      `/api/v1/organisations?municipalityCode=${s.municipality.code}`,
    );
    expect(foreignList.statusCode).toBe(404);
    const foreignCreate = await other.coordinator.request('POST', '/api/v1/organisations', {
      name: 'Inbreker',
      kind: 'other',
      municipalityCode: s.municipality.code,
    });
    expect(foreignCreate.statusCode).toBe(404);
    expect(
      (await s.partner.request('POST', '/api/v1/organisations', { name: 'Eigen club', kind: 'other' }))
        .statusCode,
    ).toBe(403);
    expect((await s.viewer.request('GET', '/api/v1/organisations')).statusCode).toBe(403);
  });

  it('lets the administrator add to any municipality and link an organisation that has none', async () => {
    const municipality = await buildMunicipality();
    const adminHome = await buildMunicipality();
    const admin = await login((await buildUser({ organisationCode: adminHome.code, role: 'admin' })).email);
    const created = await admin.request('POST', '/api/v1/organisations', {
      name: 'Ministerie van BZK',
      kind: 'national_government',
      municipalityCode: municipality.code,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().municipalityCode).toBe(municipality.code);
    const { database } = await getTestApp();
    const [loose] = await database.handle.query<{ id: string }>(
      "INSERT INTO organisations (code, name, kind, partner_kind) VALUES ($1, 'Losse partner', 'partner', 'other') RETURNING id",
      [`LOOSE-${municipality.code}`],
    );
    const unlinked = (await admin.request('GET', '/api/v1/organisations?unlinked=true')).json() as {
      id: string;
    }[];
    expect(unlinked.map((o) => o.id)).toContain(loose!.id);
    const linked = await admin.request('PATCH', `/api/v1/organisations/${loose!.id}`, {
      version: 1,
      municipalityCode: municipality.code,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().municipalityCode).toBe(municipality.code);
    const coordinator = await login(
      (await buildUser({ organisationCode: municipality.code, role: 'coordinator' })).email,
    );
    const list = (await coordinator.request('GET', '/api/v1/organisations')).json() as { id: string }[];
    expect(list.map((o) => o.id)).toEqual(expect.arrayContaining([loose!.id, created.json().id]));
    expect((await coordinator.request('GET', '/api/v1/organisations?unlinked=true')).statusCode).toBe(403);
  });
});
