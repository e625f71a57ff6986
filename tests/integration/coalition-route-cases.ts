/**
 * The route-matrix cases of people, organisations and the coalition (issue 13). Routes outside
 * /approaches/{approachId} (organisations, accounts) are hidden from other municipalities too; that
 * is tested in people.test.ts, as the matrix checks 404 only under an approach.
 */
import { contractBody, SMALL_PDF, signingBody, uploadHeaders } from './coalition-harness.ts';
import type { buildCoalitionScenario } from './coalition-harness.ts';
import { attach } from './coalition-route-helpers.ts';
import type { buildScenario } from './harness.ts';

type Scenario = Awaited<ReturnType<typeof buildScenario>> &
  Partial<Pick<Awaited<ReturnType<typeof buildCoalitionScenario>>, 'coalition'>>;

export interface CoalitionRouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url: (s: Scenario) => string;
  valid: (s: Scenario) => unknown;
  invalid: ((s: Scenario) => { url?: string; payload?: unknown; fields: string[] }) | null;
  forbiddenFor: 'viewer' | 'partner' | null;
  success: number;
  prepare?: (s: Scenario) => Promise<void>;
  needsCoalition?: boolean;
  headers?: (s: Scenario) => Record<string, string>;
  /** Its success changes what other cases rely on (see route-matrix.test.ts). */
  fresh?: boolean;
}

const A = (s: Scenario) => `/api/v1/approaches/${s.approach.id}`;
const C = (s: Scenario) => s.coalition!;
const DRAFT = (s: Scenario) => `${A(s)}/contracts/${C(s).draft.id}`;
const SIGNED = (s: Scenario) => `${A(s)}/contracts/${C(s).signed.id}`;
const commitment = (s: Scenario) => ({
  organisationId: s.partnerOrg.id,
  description: 'Huismeester in elke portiekflat',
  amounts: { '2026': 90_000 },
  money: 'regular',
});

/** Stakeholder map, coalition, documents and contract (each with buildCoalitionScenario). */
const WITH_COALITION: CoalitionRouteCase[] = (
  [
    {
      method: 'POST',
      path: '/approaches/{approachId}/documents',
      url: (s) => `${A(s)}/documents`,
      valid: () => SMALL_PDF,
      headers: () => uploadHeaders('besluit.pdf'),
      invalid: (s) => ({ url: `${A(s)}/documents`, fields: ['x-file-name'] }),
      forbiddenFor: 'viewer',
      success: 201,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/documents',
      url: (s) => `${A(s)}/documents`,
      valid: () => undefined,
      invalid: () => ({ url: '/api/v1/approaches/x/documents', fields: ['approachId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/documents/{documentId}/content',
      url: (s) => `${A(s)}/documents/${C(s).documentId}/content`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/documents/x/content`, fields: ['documentId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/documents/{documentId}',
      url: (s) => `${A(s)}/documents/${C(s).documentId}`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/documents/x`, fields: ['documentId'] }),
      forbiddenFor: 'partner',
      success: 204,
      // removes the document other cases download and attach
      fresh: true,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/stakeholders',
      url: (s) => `${A(s)}/stakeholders`,
      valid: () => undefined,
      invalid: () => ({ url: '/api/v1/approaches/x/stakeholders', fields: ['approachId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/stakeholders',
      url: (s) => `${A(s)}/stakeholders`,
      valid: () => ({ name: 'Moskeevereniging', kind: 'association', interest: 2, influence: 2 }),
      invalid: (s) => ({
        url: `${A(s)}/stakeholders`,
        payload: { name: '', kind: 'persoon', interest: 4, influence: 0, flows: [{ kind: 'geld' }] },
        fields: ['name', 'kind', 'interest', 'influence', 'flows.0.kind', 'flows.0.description'],
      }),
      forbiddenFor: 'viewer',
      success: 201,
    },
    {
      method: 'PATCH',
      path: '/approaches/{approachId}/stakeholders/{stakeholderId}',
      url: (s) => `${A(s)}/stakeholders/${C(s).stakeholder.id}`,
      valid: (s) => ({ version: C(s).stakeholder.version, interest: 1, influence: 3 }),
      invalid: (s) => ({
        url: `${A(s)}/stakeholders/${C(s).stakeholder.id}`,
        payload: { version: 0, engagement: 'boos' },
        fields: ['version', 'engagement'],
      }),
      forbiddenFor: 'viewer',
      success: 200,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/stakeholders/{stakeholderId}',
      url: (s) => `${A(s)}/stakeholders/${C(s).stakeholder.id}`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/stakeholders/x`, fields: ['stakeholderId'] }),
      forbiddenFor: 'viewer',
      success: 204,
      // removes the stakeholder the PATCH case edits
      fresh: true,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/media-items',
      url: (s) => `${A(s)}/media-items`,
      valid: () => ({
        source: 'Regionale omroep',
        medium: 'online',
        tone: 'mixed',
        summary: 'Reportage over de renovatie.',
        observedOn: '2025-11-02',
        url: 'https://example.org/reportage',
      }),
      invalid: (s) => ({
        url: `${A(s)}/media-items`,
        payload: {
          source: '',
          medium: 'tv',
          tone: 'boos',
          summary: '',
          observedOn: 'gisteren',
          url: 'ftp://x',
        },
        fields: ['source', 'medium', 'tone', 'summary', 'observedOn', 'url'],
      }),
      forbiddenFor: 'viewer',
      success: 201,
    },
    {
      method: 'PATCH',
      path: '/approaches/{approachId}/media-items/{mediaItemId}',
      url: (s) => `${A(s)}/media-items/${C(s).mediaItem.id}`,
      valid: (s) => ({ version: C(s).mediaItem.version, tone: 'neutral' }),
      invalid: (s) => ({
        url: `${A(s)}/media-items/${C(s).mediaItem.id}`,
        payload: { version: -1, tone: 'x' },
        fields: ['version', 'tone'],
      }),
      forbiddenFor: 'viewer',
      success: 200,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/media-items/{mediaItemId}',
      url: (s) => `${A(s)}/media-items/${C(s).mediaItem.id}`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/media-items/x`, fields: ['mediaItemId'] }),
      forbiddenFor: 'viewer',
      success: 204,
      // removes the media item the PATCH case edits
      fresh: true,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/coalition',
      url: (s) => `${A(s)}/coalition`,
      valid: () => undefined,
      invalid: () => ({ url: '/api/v1/approaches/x/coalition', fields: ['approachId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'PUT',
      path: '/approaches/{approachId}/coalition/settings',
      url: (s) => `${A(s)}/coalition/settings`,
      valid: () => ({
        version: 0,
        processDirectionHolder: 'independent_director',
        processDirectorName: 'P. Regisseur, onafhankelijk procesregisseur',
        programmeBureau: 'Drie mensen, gedetacheerd door gemeente en corporatie.',
      }),
      invalid: (s) => ({
        url: `${A(s)}/coalition/settings`,
        payload: { version: -1, processDirectionHolder: 'niemand', processDirectionOrganisationId: 'x' },
        fields: ['version', 'processDirectionHolder', 'processDirectionOrganisationId'],
      }),
      forbiddenFor: 'partner',
      success: 200,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/coalition/members',
      url: (s) => `${A(s)}/coalition/members`,
      valid: (s) => ({
        organisationId: s.municipality.id,
        joinedOn: '2025-01-06',
        joinReason: 'Initiatiefnemer',
      }),
      invalid: (s) => ({
        url: `${A(s)}/coalition/members`,
        payload: { organisationId: 'x', joinedOn: '1-1-2025', joinReason: '' },
        fields: ['organisationId', 'joinedOn', 'joinReason'],
      }),
      forbiddenFor: 'partner',
      success: 201,
    },
    {
      method: 'PATCH',
      path: '/approaches/{approachId}/coalition/members/{memberId}',
      url: (s) => `${A(s)}/coalition/members/${C(s).member.id}`,
      valid: (s) => ({
        version: C(s).member.version,
        leftOn: '2025-09-01',
        leaveReason: 'Fusie met een andere corporatie',
      }),
      invalid: (s) => ({
        url: `${A(s)}/coalition/members/${C(s).member.id}`,
        payload: { version: 'een', leftOn: 'morgen' },
        fields: ['version', 'leftOn'],
      }),
      forbiddenFor: 'partner',
      success: 200,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/coalition/members/{memberId}',
      url: (s) => `${A(s)}/coalition/members/${C(s).member.id}`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/coalition/members/x`, fields: ['memberId'] }),
      forbiddenFor: 'partner',
      success: 204,
      // removes the membership the PATCH case edits
      fresh: true,
    },
    {
      method: 'PUT',
      path: '/approaches/{approachId}/coalition/board-seats/{seat}',
      url: (s) => `${A(s)}/coalition/board-seats/municipality`,
      valid: (s) => ({
        version: 0,
        organisationId: s.municipality.id,
        representativeName: 'Burgemeester Test',
        representativeFunction: 'Burgemeester',
      }),
      invalid: (s) => ({
        url: `${A(s)}/coalition/board-seats/bakkers`,
        payload: { version: 0, organisationId: 'x', representativeName: '' },
        fields: ['seat', 'organisationId', 'representativeName', 'representativeFunction'],
      }),
      forbiddenFor: 'partner',
      success: 200,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/coalition/board-seats/{seat}',
      url: (s) => `${A(s)}/coalition/board-seats/housing`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/coalition/board-seats/bakkers`, fields: ['seat'] }),
      forbiddenFor: 'partner',
      success: 204,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/contracts',
      url: (s) => `${A(s)}/contracts`,
      valid: () => undefined,
      invalid: () => ({ url: '/api/v1/approaches/x/contracts', fields: ['approachId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts',
      url: (s) => `${A(s)}/contracts`,
      valid: (s) => contractBody(s.partnerOrg.id, s.municipality.id),
      invalid: (s) => ({
        url: `${A(s)}/contracts`,
        payload: {
          title: '',
          commitments: [
            { organisationId: 'x', description: '', amounts: { '20x6': 5, '2026': -1 }, money: 'veel' },
          ],
        },
        fields: [
          'title',
          'commitments.0.organisationId',
          'commitments.0.description',
          'commitments.0.amounts.20x6',
          'commitments.0.amounts.2026',
          'commitments.0.money',
        ],
      }),
      forbiddenFor: 'partner',
      success: 201,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/contracts/{contractId}',
      url: DRAFT,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/contracts/x`, fields: ['contractId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'PUT',
      path: '/approaches/{approachId}/contracts/{contractId}',
      url: DRAFT,
      valid: (s) => ({ ...contractBody(s.partnerOrg.id, s.municipality.id), revision: C(s).draft.revision }),
      invalid: (s) => ({
        url: DRAFT(s),
        payload: { revision: 0, commitments: 'geen' },
        fields: ['title', 'revision', 'commitments'],
      }),
      forbiddenFor: 'partner',
      success: 200,
      // changes the draft's revision
      fresh: true,
    },
    {
      method: 'PATCH',
      path: '/approaches/{approachId}/contracts/{contractId}',
      url: DRAFT,
      valid: (s) => ({ revision: C(s).draft.revision, ambitions: 'Scherper geformuleerd.' }),
      invalid: (s) => ({
        url: DRAFT(s),
        payload: { revision: 'een', kind: 'wet' },
        fields: ['revision', 'kind'],
      }),
      forbiddenFor: 'partner',
      success: 200,
      // changes the draft's revision
      fresh: true,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/signing',
      url: (s) => `${DRAFT(s)}/signing`,
      valid: (s) => signingBody(s.municipality.id, s.partnerOrg.id),
      invalid: (s) => ({
        url: `${DRAFT(s)}/signing`,
        payload: { signatories: [{ name: '', function: '', organisationId: 'x', signedOn: '15-1-2026' }] },
        fields: [
          'signatories.0.name',
          'signatories.0.function',
          'signatories.0.organisationId',
          'signatories.0.signedOn',
        ],
      }),
      forbiddenFor: 'partner',
      success: 200,
      // signs the draft other cases edit
      fresh: true,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/versions',
      url: (s) => `${SIGNED(s)}/versions`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/contracts/x/versions`, fields: ['contractId'] }),
      forbiddenFor: 'partner',
      success: 201,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/contracts/{contractId}/versions/{versionNumber}',
      url: (s) => `${SIGNED(s)}/versions/1`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${SIGNED(s)}/versions/0`, fields: ['versionNumber'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/versions/{versionNumber}/attachments',
      url: (s) => `${SIGNED(s)}/versions/1/attachments`,
      valid: (s) => ({ documentId: C(s).documentId }),
      invalid: (s) => ({
        url: `${SIGNED(s)}/versions/1/attachments`,
        payload: { documentId: 'x' },
        fields: ['documentId'],
      }),
      forbiddenFor: 'partner',
      success: 201,
    },
    {
      method: 'DELETE',
      path: '/approaches/{approachId}/contracts/{contractId}/versions/{versionNumber}/attachments/{documentId}',
      url: (s) => `${DRAFT(s)}/versions/1/attachments/${C(s).documentId}`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${DRAFT(s)}/versions/1/attachments/x`, fields: ['documentId'] }),
      forbiddenFor: 'partner',
      success: 204,
      prepare: (s) => attach(s.coordinator, `${DRAFT(s)}/versions/1/attachments`, C(s).documentId),
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/evaluations',
      url: (s) => `${SIGNED(s)}/evaluations`,
      valid: () => ({
        evaluatedOn: '2026-06-01',
        outcome: 'adjust',
        summary: 'Doelen aangescherpt na de eerste meting.',
        nextEvaluationDue: '2029-09-01',
      }),
      invalid: (s) => ({
        url: `${SIGNED(s)}/evaluations`,
        payload: { evaluatedOn: 'juni', outcome: 'prima', summary: '' },
        fields: ['evaluatedOn', 'outcome', 'summary'],
      }),
      forbiddenFor: 'partner',
      success: 201,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/contracts/{contractId}/commitments-export',
      url: (s) => `${SIGNED(s)}/commitments-export?version=1`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${SIGNED(s)}/commitments-export?version=nul`, fields: ['version'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'GET',
      path: '/approaches/{approachId}/contracts/{contractId}/proposals',
      url: (s) => `${DRAFT(s)}/proposals`,
      valid: () => undefined,
      invalid: (s) => ({ url: `${A(s)}/contracts/x/proposals`, fields: ['contractId'] }),
      forbiddenFor: null,
      success: 200,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/proposals',
      url: (s) => `${DRAFT(s)}/proposals`,
      valid: (s) => ({
        organisationId: s.municipality.id,
        proposed: commitment(s),
        reason: 'Extra inzet van de gemeente.',
      }),
      invalid: (s) => ({
        url: `${DRAFT(s)}/proposals`,
        payload: { commitmentId: 'x', proposed: { description: '', amounts: [], money: 'x' }, reason: '' },
        fields: ['commitmentId', 'proposed.description', 'proposed.amounts', 'proposed.money', 'reason'],
      }),
      forbiddenFor: 'viewer',
      success: 201,
    },
    {
      method: 'POST',
      path: '/approaches/{approachId}/contracts/{contractId}/proposals/{proposalId}/decision',
      url: (s) => `${DRAFT(s)}/proposals/${C(s).proposalId}/decision`,
      valid: () => ({ decision: 'accepted', note: 'Akkoord in het bestuurlijk overleg.' }),
      invalid: (s) => ({
        url: `${DRAFT(s)}/proposals/${C(s).proposalId}/decision`,
        payload: { decision: 'misschien' },
        fields: ['decision'],
      }),
      forbiddenFor: 'partner',
      success: 200,
      // changes the draft's revision
      fresh: true,
    },
  ] satisfies CoalitionRouteCase[]
).map((c) => ({ ...c, needsCoalition: true }));

/** The one-time-link routes need no login (tested in invitations.test.ts). */
export const COALITION_PUBLIC_PATHS = [
  'GET /invitations/{token}',
  'POST /invitations/{token}/acceptance',
  'POST /password-resets',
  'GET /password-resets/{token}',
  'POST /password-resets/{token}/completion',
];

export const COALITION_CASES: CoalitionRouteCase[] = [
  ...WITH_COALITION,
  {
    method: 'GET',
    path: '/organisations',
    url: () => '/api/v1/organisations',
    valid: () => undefined,
    invalid: () => ({
      url: '/api/v1/organisations?municipalityCode=Utrecht&unlinked=ja',
      fields: ['municipalityCode', 'unlinked'],
    }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'POST',
    path: '/organisations',
    url: () => '/api/v1/organisations',
    valid: () => ({ name: 'Stichting Openbaar Onderwijs Test', kind: 'school_board' }),
    invalid: () => ({
      payload: { name: '', kind: 'bakker', domains: ['weer'] },
      fields: ['name', 'kind', 'domains.0'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'GET',
    path: '/organisations/{organisationId}',
    url: (s) => `/api/v1/organisations/${s.partnerOrg.id}`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/organisations/x', fields: ['organisationId'] }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'PATCH',
    path: '/organisations/{organisationId}',
    url: (s) => `/api/v1/organisations/${s.partnerOrg.id}`,
    valid: () => ({ version: 1, name: 'Woningcorporatie Hernoemd', domains: ['housing'] }),
    invalid: (s) => ({
      url: `/api/v1/organisations/${s.partnerOrg.id}`,
      payload: { version: 0, kind: 'bakker' },
      fields: ['version', 'kind'],
    }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'GET',
    path: '/users',
    url: () => '/api/v1/users',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/users?municipalityCode=0344', fields: ['municipalityCode'] }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'PATCH',
    path: '/users/{userId}',
    url: (s) => `/api/v1/users/${s.users.partnerUser.id}`,
    valid: () => ({ version: 1, isDisabled: true }),
    invalid: (s) => ({
      url: `/api/v1/users/${s.users.partnerUser.id}`,
      payload: { version: 'een', role: 'baas', isDisabled: 'ja' },
      fields: ['version', 'role', 'isDisabled'],
    }),
    forbiddenFor: 'viewer',
    success: 200,
    // disables the partner, whom the 403 checks use
    fresh: true,
  },
  {
    method: 'POST',
    path: '/users/{userId}/password-resets',
    url: (s) => `/api/v1/users/${s.users.partnerUser.id}/password-resets`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/users/x/password-resets', fields: ['userId'] }),
    forbiddenFor: 'viewer',
    success: 201,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/invitations',
    url: (s) => `${A(s)}/invitations`,
    valid: (s) => ({
      email: 'nieuwe.partner@test.example',
      role: 'partner',
      organisationId: s.partnerOrg.id,
    }),
    invalid: (s) => ({
      url: `${A(s)}/invitations`,
      payload: { email: 'geen-mail', role: 'baas', organisationId: 'x' },
      fields: ['email', 'role', 'organisationId'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/invitations',
    url: (s) => `${A(s)}/invitations`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/x/invitations', fields: ['approachId'] }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'DELETE',
    path: '/approaches/{approachId}/invitations/{invitationId}',
    url: (s) => `${A(s)}/invitations/${s.invitation.id}`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/invitations/x`, fields: ['invitationId'] }),
    forbiddenFor: 'viewer',
    success: 204,
  },
];
