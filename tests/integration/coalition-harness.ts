/**
 * Factories for the coalition, the contract and documents (issue 13): a scenario with a stakeholder,
 * a media item, a coalition member and board seat, an uploaded PDF, a draft contract with the
 * partner's commitment, a signed contract and an open proposal by the partner.
 */
import { buildScenario, type Client } from './harness.ts';

/** A small but real PDF (one empty page): file-type recognises it by its %PDF- header. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A 1x1 PNG (the 8-byte signature, IHDR, IDAT, IEND). */
export const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export function uploadHeaders(fileName: string, contentType = 'application/pdf', title?: string) {
  return {
    'content-type': contentType,
    'x-file-name': encodeURIComponent(fileName),
    ...(title ? { 'x-document-title': encodeURIComponent(title) } : {}),
  };
}

export async function upload(
  client: Client,
  approachId: string,
  fileName: string,
  content: Buffer,
  type?: string,
) {
  return client.request('POST', `/api/v1/approaches/${approachId}/documents`, content, {
    headers: uploadHeaders(fileName, type),
  });
}

async function ok<T>(
  response: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  status: number,
) {
  const r = await response;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json() as T;
}

export function contractBody(partnerOrgId: string, municipalityId: string) {
  return {
    title: 'Lokaal contract Testwijk',
    ambitions: 'Over tien jaar groeien kinderen in de Testwijk kansrijk op.',
    principles: 'Langjarig, integraal, samen met bewoners.',
    priorities: [{ text: 'Veilige portieken' }],
    periodStart: '2026-01-01',
    periodEnd: '2029-12-31',
    commitments: [
      {
        organisationId: partnerOrgId,
        description: 'Renovatie van 400 portiekwoningen',
        amounts: { '2026': 1_500_000, '2027': 2_000_000 },
        money: 'additional',
      },
      {
        organisationId: municipalityId,
        description: 'Wijkteam met twee extra wijkcoaches',
        amounts: { '2026': 180_000, '2027': 180_000 },
        money: 'regular',
      },
    ],
  };
}

export function signingBody(municipalityId: string, partnerOrgId: string) {
  return {
    signatories: [
      {
        name: 'Wethouder Test',
        function: 'Wethouder wonen',
        organisationId: municipalityId,
        signedOn: '2026-01-15',
      },
      {
        name: 'Directeur Test',
        function: 'Bestuurder',
        organisationId: partnerOrgId,
        signedOn: '2026-01-15',
      },
    ],
  };
}

type BaseScenario = Awaited<ReturnType<typeof buildScenario>>;

export async function buildCoalitionScenario() {
  return addCoalition(await buildScenario());
}

/** Adds the coalition's records to any scenario (the route matrix adds them to its shared one). */
export async function addCoalition<S extends BaseScenario>(s: S) {
  const A = `/api/v1/approaches/${s.approach.id}`;
  const municipalityId = s.municipality.id;
  const document = await ok<{ id: string }>(
    upload(s.coordinator, s.approach.id, 'verslag.pdf', SMALL_PDF),
    201,
  );
  const stakeholder = await ok<{ id: string; version: number }>(
    s.coordinator.request('POST', `${A}/stakeholders`, {
      name: 'Huurdersvereniging Testwijk',
      kind: 'association',
      interest: 3,
      influence: 2,
    }),
    201,
  );
  const mediaItem = await ok<{ id: string; version: number }>(
    s.coordinator.request('POST', `${A}/media-items`, {
      source: 'Stadsblad',
      medium: 'offline',
      tone: 'negative',
      summary: 'Berichten over overlast.',
      observedOn: '2025-10-01',
    }),
    201,
  );
  const member = await ok<{ id: string; version: number }>(
    s.coordinator.request('POST', `${A}/coalition/members`, {
      organisationId: s.partnerOrg.id,
      joinedOn: '2025-02-01',
      joinReason: 'Grootste verhuurder in de wijk',
    }),
    201,
  );
  await ok(
    s.coordinator.request('PUT', `${A}/coalition/board-seats/housing`, {
      version: 0,
      organisationId: s.partnerOrg.id,
      representativeName: 'A. Bestuurder',
      representativeFunction: 'Directeur-bestuurder',
    }),
    200,
  );
  const draft = await ok<{ id: string; revision: number; commitments: { id: string }[] }>(
    s.coordinator.request('POST', `${A}/contracts`, contractBody(s.partnerOrg.id, municipalityId)),
    201,
  );
  const signed = await ok<{ id: string; commitments: { id: string }[] }>(
    s.coordinator.request('POST', `${A}/contracts`, {
      ...contractBody(s.partnerOrg.id, municipalityId),
      title: 'Convenant Testwijk',
    }),
    201,
  );
  await ok(
    s.coordinator.request(
      'POST',
      `${A}/contracts/${signed.id}/signing`,
      signingBody(municipalityId, s.partnerOrg.id),
    ),
    200,
  );
  const proposal = await ok<{ id: string }>(
    s.partner.request('POST', `${A}/contracts/${draft.id}/proposals`, {
      commitmentId: draft.commitments[0]!.id,
      proposed: {
        description: 'Renovatie van 450 portiekwoningen',
        amounts: { '2026': 1_600_000, '2027': 2_100_000 },
        money: 'additional',
      },
      reason: 'Vijftig woningen extra in het plan van de corporatie.',
    }),
    201,
  );
  return {
    ...s,
    coalition: {
      documentId: document.id,
      stakeholder,
      mediaItem,
      member,
      draft,
      signed,
      proposalId: proposal.id,
    },
  };
}
