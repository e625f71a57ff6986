/**
 * The local contract (issue 13): the outside contract (create -> draft, signing -> signed, any change
 * to a signed version -> 409), amendments as new versions with a diff, totals per partner and year,
 * partners' proposals limited to their own commitments, evaluations, XLSX, evidence and audit.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCoalitionScenario, contractBody, signingBody, SMALL_PDF, upload } from './coalition-harness.ts';
import { buildScenario, getTestApp, problemOf } from './harness.ts';

type Contract = {
  id: string;
  version: number;
  status: string;
  revision: number;
  commitments: {
    id: string;
    organisation: { id: string };
    description: string;
    amounts: Record<string, number>;
  }[];
  totals: {
    years: string[];
    byOrganisation: { organisation: { id: string }; byYear: Record<string, number>; total: number }[];
    total: number;
    regular: number;
    additional: number;
  };
  changes: {
    commitments: { changed: { id: string; fields: { field: string }[] }[] };
    hasChanges: boolean;
  } | null;
  versions: { number: number; status: string }[];
  evaluationDue: string | null;
  nextEvaluationDue: string | null;
};

describe('local contract', () => {
  it('follows the outside contract: create 201 draft, sign 200 signed, any change after that 409', async () => {
    const s = await buildScenario();
    const A = `/api/v1/approaches/${s.approach.id}`;
    const created = await s.coordinator.request('POST', `${A}/contracts`, {
      title: 'Lokaal contract Testwijk',
      commitments: [
        {
          organisationId: s.partnerOrg.id,
          description: 'Renovatie',
          amounts: { '2026': 100_000 },
          money: 'additional',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const contract = created.json() as Contract;
    expect(contract).toMatchObject({ version: 1, status: 'draft' });
    expect(typeof contract.id).toBe('string');
    const url = `${A}/contracts/${contract.id}`;
    const signed = await s.coordinator.request('POST', `${url}/signing`, {
      signatories: [
        {
          name: 'Wethouder',
          function: 'Wethouder wonen',
          organisationId: s.municipality.id,
          signedOn: '2026-02-01',
        },
      ],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', version: 1, evaluationDue: '2030-02-01' });
    const attempts = [
      await s.coordinator.request('PATCH', url, { title: 'Anders' }),
      await s.coordinator.request('PATCH', url, { revision: 2, title: 'Anders' }),
      await s.coordinator.request('PUT', url, { title: 'Anders', commitments: [], revision: 2 }),
      await s.coordinator.request('POST', `${url}/signing`, signingBody(s.municipality.id, s.partnerOrg.id)),
      await s.coordinator.request('DELETE', `${url}/versions/1/attachments/${s.partnerOrg.id}`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([409, 409, 409, 409, 409]);
    expect(problemOf(attempts[0]!).code).toBe('read_only');
    const after = (await s.coordinator.request('GET', url)).json() as Contract;
    expect(after.commitments.map((c) => c.description)).toEqual(['Renovatie']);
  });

  it('adds up the commitments per partner and year (hand calculation)', async () => {
    const s = await buildScenario();
    const created = (
      await s.coordinator.request(
        'POST',
        `/api/v1/approaches/${s.approach.id}/contracts`,
        contractBody(s.partnerOrg.id, s.municipality.id),
      )
    ).json() as Contract;
    // Partner: 1 500 000 (2026) + 2 000 000 (2027) additional; municipality: 180 000 + 180 000 regular.
    expect(created.totals.years).toEqual(['2026', '2027']);
    const partner = created.totals.byOrganisation.find((o) => o.organisation.id === s.partnerOrg.id)!;
    expect(partner.byYear).toEqual({ '2026': 1_500_000, '2027': 2_000_000 });
    expect(partner.total).toBe(3_500_000);
    expect(created.totals).toMatchObject({ regular: 360_000, additional: 3_500_000, total: 3_860_000 });
  });

  it('amends a signed contract as a new version, shows the diff and supersedes the old one on signing', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.signed.id}`;
    const amended = await s.coordinator.request('POST', `${url}/versions`);
    expect(amended.statusCode, amended.body).toBe(201);
    const v2 = amended.json() as Contract;
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.changes?.hasChanges).toBe(false);
    expect((await s.coordinator.request('POST', `${url}/versions`)).statusCode).toBe(409);
    const commitments = v2.commitments.map((c) => ({
      id: c.id,
      organisationId: c.organisation.id,
      description: c.description,
      amounts: c.id === v2.commitments[0]!.id ? { ...c.amounts, '2028': 500_000 } : c.amounts,
      money: c.id === v2.commitments[0]!.id ? 'additional' : 'regular',
    }));
    const stale = await s.coordinator.request('PATCH', url, { revision: v2.revision + 5, commitments });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('stale_version');
    const saved = await s.coordinator.request('PATCH', url, { revision: v2.revision, commitments });
    expect(saved.statusCode, saved.body).toBe(200);
    const changed = (saved.json() as Contract).changes!.commitments.changed;
    expect(changed).toHaveLength(1);
    expect(changed[0]!.id).toBe(v2.commitments[0]!.id);
    expect(changed[0]!.fields.map((f) => f.field)).toEqual(['amounts']);
    const signed = await s.coordinator.request(
      'POST',
      `${url}/signing`,
      signingBody(s.municipality.id, s.partnerOrg.id),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as Contract).versions.map((v) => `${v.number}:${v.status}`)).toEqual([
      '1:superseded',
      '2:signed',
    ]);
    const v1 = (await s.coordinator.request('GET', `${url}/versions/1`)).json() as Contract;
    expect(v1.status).toBe('superseded');
    expect(v1.commitments[0]!.amounts).toEqual({ '2026': 1_500_000, '2027': 2_000_000 });
  });

  it('lets a partner propose only for its own commitments; a coordinator accepts into the draft', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.draft.id}`;
    const [own, municipality] = s.coalition.draft.commitments;
    const proposed = { description: 'Inzet verdubbeld', amounts: { '2026': 1 }, money: 'regular' };
    const foreign = await s.partner.request('POST', `${url}/proposals`, {
      commitmentId: municipality!.id,
      proposed,
      reason: 'Graag meer inzet van de gemeente.',
    });
    expect(foreign.statusCode).toBe(403);
    const otherOrg = await s.partner.request('POST', `${url}/proposals`, {
      organisationId: s.municipality.id,
      proposed,
      reason: 'Een nieuwe toezegging namens de gemeente.',
    });
    expect(otherOrg.statusCode).toBe(403);
    expect(
      (await s.viewer.request('POST', `${url}/proposals`, { commitmentId: own!.id, proposed, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    // The partner sees the whole contract, every partner's commitments included.
    const seen = (await s.partner.request('GET', url)).json() as Contract;
    expect(seen.commitments.map((c) => c.id)).toEqual([own!.id, municipality!.id]);
    const accepted = await s.coordinator.request(
      'POST',
      `${url}/proposals/${s.coalition.proposalId}/decision`,
      {
        decision: 'accepted',
      },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', appliedToVersion: 1 });
    const after = (await s.coordinator.request('GET', url)).json() as Contract;
    expect(after.commitments[0]).toMatchObject({
      id: own!.id,
      description: 'Renovatie van 450 portiekwoningen',
      amounts: { '2026': 1_600_000, '2027': 2_100_000 },
    });
    const again = await s.coordinator.request('POST', `${url}/proposals/${s.coalition.proposalId}/decision`, {
      decision: 'declined',
    });
    expect(again.statusCode).toBe(409);
  });

  it('puts an accepted proposal on a signed contract into a new amendment, leaving the signed version as it was', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.signed.id}`;
    const own = s.coalition.signed.commitments[0]!;
    const proposal = await s.partner.request('POST', `${url}/proposals`, {
      commitmentId: own.id,
      proposed: null,
      reason: 'De renovatie is uitgesteld tot na de looptijd.',
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const accepted = await s.coordinator.request('POST', `${url}/proposals/${proposal.json().id}/decision`, {
      decision: 'accepted',
      note: 'Besproken in het bestuurlijk overleg.',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', appliedToVersion: 2 });
    const latest = (await s.coordinator.request('GET', url)).json() as Contract;
    expect(latest).toMatchObject({ version: 2, status: 'draft' });
    expect(latest.commitments.map((c) => c.id)).not.toContain(own.id);
    expect(latest.changes!.hasChanges).toBe(true);
    const signed = (await s.coordinator.request('GET', `${url}/versions/1`)).json() as Contract;
    expect(signed.status).toBe('signed');
    expect(signed.commitments.map((c) => c.id)).toContain(own.id);
  });

  it('records evaluations 3-4 years apart and refuses other dates', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.signed.id}`;
    const before = (await s.coordinator.request('GET', url)).json() as Contract;
    expect(before.nextEvaluationDue).toBe('2030-01-15');
    const wrong = await s.coordinator.request('POST', `${url}/evaluations`, {
      evaluatedOn: '2026-06-01',
      outcome: 'continue',
      summary: 'Op koers.',
      nextEvaluationDue: '2028-06-01',
    });
    expect(wrong.statusCode).toBe(400);
    expect(problemOf(wrong).errors!.map((e) => e.path.join('.'))).toEqual(['nextEvaluationDue']);
    const right = await s.coordinator.request('POST', `${url}/evaluations`, {
      evaluatedOn: '2026-06-01',
      outcome: 'continue',
      summary: 'Op koers.',
      nextEvaluationDue: '2030-06-01',
    });
    expect(right.statusCode, right.body).toBe(201);
    expect((right.json() as Contract).nextEvaluationDue).toBe('2030-06-01');
    const draftUrl = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.draft.id}`;
    const unsigned = await s.coordinator.request('POST', `${draftUrl}/evaluations`, {
      evaluatedOn: '2026-06-01',
      outcome: 'end',
      summary: 'Gestopt.',
    });
    expect(unsigned.statusCode).toBe(409);
  });

  it('exports the commitments as XLSX with the amounts per year and the totals per partner', async () => {
    const s = await buildCoalitionScenario();
    const response = await s.viewer.request(
      'GET',
      `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.signed.id}/commitments-export`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="toezeggingen-convenant-testwijk-v1.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Toezeggingen')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Partner',
      'Inzet',
      'Geld',
      'Vanaf',
      'Tot en met',
      '2026',
      '2027',
      'Totaal',
    ]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      s.partnerOrg.name,
      'Renovatie van 400 portiekwoningen',
      'Additioneel',
      '',
      '',
      1_500_000,
      2_000_000,
      3_500_000,
    ]);
    // Totals row: 1 500 000 + 180 000 = 1 680 000 (2026); 2 000 000 + 180 000 = 2 180 000 (2027).
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Totaal',
      '',
      '',
      '',
      '',
      1_680_000,
      2_180_000,
      3_860_000,
    ]);
    const totals = workbook.getWorksheet('Totalen per partner')!;
    expect(totals.getRow(1).values).toEqual([
      undefined,
      'Partner',
      '2026',
      '2027',
      'Regulier',
      'Additioneel',
      'Totaal',
    ]);
  });

  it('lets discussion points 2.1 and 2.3 cite the coalition, a contract version and a document; not another approach’s', async () => {
    const s = await buildCoalitionScenario();
    const other = await buildCoalitionScenario();
    const point = `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.3.3`;
    const body = (evidence: { kind: string; title: string; reference: string }[]) => ({
      version: 0,
      status: 'answered',
      answer: 'Ondertekend door de bestuurders.',
      skipReason: null,
      evidence,
      participantOrganisationIds: [],
    });
    const good = await s.coordinator.request(
      'PUT',
      point,
      body([
        { kind: 'contract', title: 'Convenant, versie 1', reference: `${s.coalition.signed.id}@1` },
        { kind: 'coalition', title: 'Bestuurlijk overleg', reference: 'board' },
        { kind: 'upload', title: 'Verslag', reference: s.coalition.documentId },
      ]),
    );
    expect(good.statusCode, good.body).toBe(200);
    const bad = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.1.3`,
      body([
        { kind: 'contract', title: 'Ander contract', reference: other.coalition.signed.id },
        { kind: 'contract', title: 'Versie 9', reference: `${s.coalition.signed.id}@9` },
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors!.map((e) => e.path.join('.'))).toEqual(['evidence.0.reference']);
    const badVersion = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.1.3`,
      body([{ kind: 'contract', title: 'Versie 9', reference: `${s.coalition.signed.id}@9` }]),
    );
    expect(problemOf(badVersion).errors!.map((e) => e.path.join('.'))).toEqual(['evidence.0.reference']);
    const badPart = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.1.3`,
      body([{ kind: 'coalition', title: 'x', reference: 'kantine' }]),
    );
    expect(badPart.statusCode).toBe(400);
  });

  it('attaches the signed PDF to the signed version and keeps it there', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.signed.id}`;
    const pdf = (await upload(s.coordinator, s.approach.id, 'getekend-convenant.pdf', SMALL_PDF)).json() as {
      id: string;
    };
    const attached = await s.coordinator.request('POST', `${url}/versions/1/attachments`, {
      documentId: pdf.id,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect((attached.json() as { attachments: { id: string }[] }).attachments.map((a) => a.id)).toEqual([
      pdf.id,
    ]);
    expect(
      (await s.coordinator.request('DELETE', `${url}/versions/1/attachments/${pdf.id}`)).statusCode,
    ).toBe(409);
    const removed = await s.coordinator.request(
      'DELETE',
      `/api/v1/approaches/${s.approach.id}/documents/${pdf.id}`,
    );
    expect(removed.statusCode).toBe(409);
  });

  it('audits creating, signing, amending and deciding on proposals', async () => {
    const s = await buildCoalitionScenario();
    const url = `/api/v1/approaches/${s.approach.id}/contracts/${s.coalition.draft.id}`;
    await s.coordinator.request('POST', `${url}/proposals/${s.coalition.proposalId}/decision`, {
      decision: 'declined',
      note: 'Past niet in het budget.',
    });
    const { database } = await getTestApp();
    const rows = await database.handle.query<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_events WHERE approach_id = $1
       AND entity_type IN ('contract', 'contract_version', 'commitment_proposal') ORDER BY id`,
      [s.approach.id],
    );
    expect(rows.map((r) => `${r.entity_type}:${r.action}`)).toEqual([
      'contract:create',
      'contract:create',
      'contract_version:sign',
      'commitment_proposal:propose',
      'commitment_proposal:decline',
    ]);
  });
});
