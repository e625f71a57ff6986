/**
 * Every authenticated route, four ways (STYLE.md): 401 without login, 400 problem with all field
 * errors on bad input, 403/404 for the wrong role and for another municipality's user, and success.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { getOpenApiDocument } from '../../src/server/app.ts';
import { ensureUtrechtData } from './analysis-harness.ts';
import { ANALYSIS_CASES } from './analysis-route-cases.ts';
import { anonymous, buildMunicipality, buildScenario, buildUser, getTestApp, login, problemOf, type Client } from './harness.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Scenario = Awaited<ReturnType<typeof buildScenario>>;
interface RouteCase {
  method: Method;
  /** OpenAPI path (relative to /api/v1), to prove the matrix covers every route. */
  path: string;
  url: (s: Scenario) => string;
  valid: (s: Scenario) => unknown;
  /** Bad input and the field paths the 400 must name (null: the route takes no input to break). */
  invalid: ((s: Scenario) => { url?: string; payload?: unknown; fields: string[] }) | null;
  /** A role on the approach that may not do this (403), or null when every role may. */
  forbiddenFor: 'viewer' | 'partner' | null;
  success: number;
  /** Data the success path needs, made before the request. */
  prepare?: (s: Scenario) => Promise<void>;
}

const A = (s: Scenario) => `/api/v1/approaches/${s.approach.id}`;
const pointBody = { version: 0, status: 'in_discussion', answer: 'Concept', skipReason: null, evidence: [], participantOrganisationIds: [] };

const CASES: RouteCase[] = [
  { method: 'GET', path: '/approaches', url: () => '/api/v1/approaches', valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches?includeArchived=misschien', fields: ['includeArchived'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/approaches', url: () => '/api/v1/approaches', valid: () => ({ title: 'Nieuwe aanpak', focusArea: ['WK034403'], focusAreaYear: 2024, startDate: '2026-01-01' }), invalid: () => ({ payload: { title: 'x', focusArea: ['Overvecht'], focusAreaYear: 1800, startDate: '2026-13-45' }, fields: ['title', 'focusArea.0', 'focusAreaYear', 'startDate'] }), forbiddenFor: 'viewer', success: 201 },
  { method: 'GET', path: '/approaches/{approachId}', url: A, valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches/not-a-uuid', fields: ['approachId'] }), forbiddenFor: null, success: 200 },
  { method: 'PATCH', path: '/approaches/{approachId}', url: A, valid: (s) => ({ version: s.approach.version, description: 'Bijgewerkt' }), invalid: (s) => ({ url: A(s), payload: { version: 'een', title: '', status: 'weg' }, fields: ['version', 'title', 'status'] }), forbiddenFor: 'partner', success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/members', url: (s) => `${A(s)}/members`, valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches/123/members', fields: ['approachId'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/approaches/{approachId}/members', url: (s) => `${A(s)}/members`, valid: (s) => ({ email: s.users.viewerUser.email, role: 'viewer' }), invalid: (s) => ({ url: `${A(s)}/members`, payload: { email: 'geen-mail', role: 'baas' }, fields: ['email', 'role'] }), forbiddenFor: 'partner', success: 201 },
  { method: 'DELETE', path: '/approaches/{approachId}/members/{userId}', url: (s) => `${A(s)}/members/${s.users.partnerUser.id}`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/members/x`, fields: ['userId'] }), forbiddenFor: 'viewer', success: 204 },
  { method: 'GET', path: '/approaches/{approachId}/organisations', url: (s) => `${A(s)}/organisations`, valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches/x/organisations', fields: ['approachId'] }), forbiddenFor: null, success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/cycles', url: (s) => `${A(s)}/cycles`, valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches/x/cycles', fields: ['approachId'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/approaches/{approachId}/cycles', url: (s) => `${A(s)}/cycles`, valid: () => ({ title: 'Programmaperiode 2029-2032' }), invalid: (s) => ({ url: `${A(s)}/cycles`, payload: { title: 42 }, fields: ['title'] }), forbiddenFor: 'partner', success: 201 },
  { method: 'GET', path: '/approaches/{approachId}/cycles/{cycleNumber}/points', url: (s) => `${A(s)}/cycles/1/points`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cycles/0/points?status=klaar&phaseId=x`, fields: ['cycleNumber', 'status', 'phaseId'] }), forbiddenFor: null, success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}', url: (s) => `${A(s)}/cycles/1/points/1.1.1`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cycles/1/points/abc`, fields: ['pointId'] }), forbiddenFor: null, success: 200 },
  { method: 'PUT', path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}', url: (s) => `${A(s)}/cycles/1/points/1.1.2`, valid: () => pointBody, invalid: (s) => ({ url: `${A(s)}/cycles/1/points/1.1.2`, payload: { version: -1, status: 'klaar', evidence: [{ kind: 'url', title: '', reference: 'geen-url' }], participantOrganisationIds: ['x'] }, fields: ['version', 'status', 'evidence.0.title', 'evidence.0.reference', 'participantOrganisationIds.0'] }), forbiddenFor: 'viewer', success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}/revisions', url: (s) => `${A(s)}/cycles/1/points/1.1.1/revisions`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cycles/x/points/1.1.1/revisions`, fields: ['cycleNumber'] }), forbiddenFor: null, success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/cycles/{cycleNumber}/progress', url: (s) => `${A(s)}/cycles/1/progress`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cycles/-1/progress`, fields: ['cycleNumber'] }), forbiddenFor: null, success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/decisions', url: (s) => `${A(s)}/decisions`, valid: () => undefined, invalid: () => ({ url: '/api/v1/approaches/x/decisions', fields: ['approachId'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/approaches/{approachId}/decisions', url: (s) => `${A(s)}/decisions`, valid: () => ({ outcome: 'go', decidedOn: '2025-06-01', decidedBy: 'College van B&W', rationale: 'Opstapeling is ernstig en breed herkend.' }), invalid: (s) => ({ url: `${A(s)}/decisions`, payload: { outcome: 'misschien', decidedOn: 'gisteren', alternativeRoutes: ['niets'] }, fields: ['outcome', 'decidedOn', 'decidedBy', 'rationale', 'alternativeRoutes.0'] }), forbiddenFor: 'partner', success: 201 },
  { method: 'GET', path: '/approaches/{approachId}/audit-events', url: (s) => `${A(s)}/audit-events`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/audit-events?limit=0`, fields: ['limit'] }), forbiddenFor: 'partner', success: 200 },
  { method: 'GET', path: '/cba-templates/{templateId}', url: () => '/api/v1/cba-templates/sixteen-areas', valid: () => undefined, invalid: () => ({ url: '/api/v1/cba-templates/onbekend', fields: ['templateId'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/cba-evaluations', url: () => '/api/v1/cba-evaluations', valid: (s) => ({ caseFile: s.cbaCase.caseFile }), invalid: () => ({ payload: { caseFile: 'tekst' }, fields: ['caseFile'] }), forbiddenFor: null, success: 200 },
  { method: 'GET', path: '/approaches/{approachId}/cba-cases', url: (s) => `${A(s)}/cba-cases`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cba-cases?includeArchived=ja`, fields: ['includeArchived'] }), forbiddenFor: null, success: 200 },
  { method: 'POST', path: '/approaches/{approachId}/cba-cases', url: (s) => `${A(s)}/cba-cases`, valid: () => ({ template: 'sixteen-areas' }), invalid: (s) => ({ url: `${A(s)}/cba-cases`, payload: { template: 'x', caseFile: 5 }, fields: ['caseFile', 'template'] }), forbiddenFor: 'viewer', success: 201 },
  { method: 'GET', path: '/approaches/{approachId}/cba-cases/{caseId}', url: (s) => `${A(s)}/cba-cases/${s.cbaCase.id}`, valid: () => undefined, invalid: (s) => ({ url: `${A(s)}/cba-cases/x`, fields: ['caseId'] }), forbiddenFor: null, success: 200 },
  { method: 'PUT', path: '/approaches/{approachId}/cba-cases/{caseId}', url: (s) => `${A(s)}/cba-cases/${s.cbaCase.id}`, valid: (s) => ({ version: 1, caseFile: s.cbaCase.caseFile }), invalid: (s) => ({ url: `${A(s)}/cba-cases/${s.cbaCase.id}`, payload: { version: 0, caseFile: [] }, fields: ['version', 'caseFile'] }), forbiddenFor: 'viewer', success: 200 },
  { method: 'GET', path: '/sessions/current', url: () => '/api/v1/sessions/current', valid: () => undefined, invalid: null, forbiddenFor: null, success: 200 },
  { method: 'DELETE', path: '/sessions/current', url: () => '/api/v1/sessions/current', valid: () => undefined, invalid: null, forbiddenFor: null, success: 204 },
  ...ANALYSIS_CASES,
];

const PUBLIC_PATHS = ['GET /health', 'GET /framework', 'GET /openapi.json', 'POST /sessions'];

describe('route matrix', () => {
  let outsider: Client;
  beforeAll(async () => {
    await ensureUtrechtData();
    const other = await buildMunicipality();
    outsider = await login((await buildUser({ organisationCode: other.code, role: 'coordinator' })).email);
  });

  it('covers every operation in the OpenAPI document', async () => {
    const { app } = await getTestApp();
    const doc = getOpenApiDocument(app) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = [...CASES.map((c) => `${c.method} ${c.path}`), ...PUBLIC_PATHS];
    expect(operations.filter((op) => !covered.includes(op))).toEqual([]);
  });

  for (const c of CASES) {
    describe(`${c.method} ${c.path}`, () => {
      it('answers 401 problem without login', async () => {
        const s = await buildScenario();
        const response = await anonymous(c.method, c.url(s), c.valid(s));
        expect(response.statusCode).toBe(401);
        expect(problemOf(response).code).toBe('unauthenticated');
      });

      if (c.invalid) {
        const invalid = c.invalid;
        it('answers 400 problem naming every bad field', async () => {
          const s = await buildScenario();
          const bad = invalid(s);
          const response = await s.coordinator.request(c.method, bad.url ?? c.url(s), bad.payload);
          expect(response.statusCode).toBe(400);
          const problem = problemOf(response);
          expect(problem.code).toBe('invalid_input');
          const named = problem.errors!.map((e) => e.path.join('.'));
          for (const field of bad.fields) expect(named).toContain(field);
        });
      }

      if (c.path.startsWith('/approaches/{approachId}')) {
        it("hides another municipality's approach (404)", async () => {
          const s = await buildScenario();
          const response = await outsider.request(c.method, c.url(s), c.valid(s));
          expect(response.statusCode).toBe(404);
          expect(problemOf(response).code).toBe('not_found');
        });
      }

      if (c.forbiddenFor) {
        const role = c.forbiddenFor;
        it(`refuses the ${role} role (403)`, async () => {
          const s = await buildScenario();
          const response = await s[role].request(c.method, c.url(s), c.valid(s));
          expect(response.statusCode).toBe(403);
          expect(problemOf(response).code).toBe('forbidden');
        });
      }

      it(`succeeds with ${c.success}`, async () => {
        const s = await buildScenario();
        await c.prepare?.(s);
        const response = await s.coordinator.request(c.method, c.url(s), c.valid(s));
        expect(response.statusCode, response.body).toBe(c.success);
        expect(response.headers['api-version']).toBe('1.0.0');
      });
    });
  }
});
