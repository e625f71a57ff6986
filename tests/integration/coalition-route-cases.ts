/**
 * The route-matrix cases of people, organisations and the coalition (issue 13). Routes outside
 * /approaches/{approachId} (organisations, accounts) are hidden from other municipalities too; that
 * is tested in people.test.ts, as the matrix checks 404 only under an approach.
 */
import type { buildScenario } from './harness.ts';

type Scenario = Awaited<ReturnType<typeof buildScenario>>;

export interface CoalitionRouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  url: (s: Scenario) => string;
  valid: (s: Scenario) => unknown;
  invalid: ((s: Scenario) => { url?: string; payload?: unknown; fields: string[] }) | null;
  forbiddenFor: 'viewer' | 'partner' | null;
  success: number;
  prepare?: (s: Scenario) => Promise<void>;
  /** Its success changes what other cases rely on (see route-matrix.test.ts). */
  fresh?: boolean;
}

const A = (s: Scenario) => `/api/v1/approaches/${s.approach.id}`;

/** The one-time-link routes need no login (tested in invitations.test.ts). */
export const COALITION_PUBLIC_PATHS = [
  'GET /invitations/{token}',
  'POST /invitations/{token}/acceptance',
  'POST /password-resets',
  'GET /password-resets/{token}',
  'POST /password-resets/{token}/completion',
];

export const COALITION_CASES: CoalitionRouteCase[] = [
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
