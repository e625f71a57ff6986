/**
 * Every authenticated route, four ways (STYLE.md): 401 without login, 400 problem with all field
 * errors on bad input, 403/404 for the wrong role and for another municipality's user, and success.
 *
 * Adding a route: add one case to CASES below (or to its group's list, e.g. PANEL_CASES or
 * analysis-route-cases.ts):
 *
 *   { method: 'POST', path: '/approaches/{approachId}/things',      // as in the OpenAPI document
 *     url: (s) => `${A(s)}/things`, valid: (s) => ({ name: 'Iets' }),
 *     invalid: (s) => ({ url: `${A(s)}/things`, payload: { name: '' }, fields: ['name'] }),
 *     forbiddenFor: 'viewer', success: 201 }
 *
 * Every case runs against one shared scenario, built once for the file on first use (buildPanelScenario:
 * a municipality with coordinator, partner and viewer, one approach, a CBA case and citizens' panels).
 * The refusals (401, 400, 403, 404) write nothing, so they can share it, and so can success paths
 * that only add or change their own records. A case whose success changes what other cases rely on
 * (it logs the coordinator out, removes the partner, closes the cycle) sets `fresh: true` and gets a
 * scenario of its own for the success path. Tests run in shuffled order (vitest.config.ts), so a
 * missing `fresh` shows as a failure in some order.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { getOpenApiDocument } from '../../src/server/app.ts';
import { ensureUtrechtData } from './analysis-harness.ts';
import { ANALYSIS_CASES } from './analysis-route-cases.ts';
import { COALITION_CASES, COALITION_PUBLIC_PATHS } from './coalition-route-cases.ts';
import {
  anonymous,
  buildMunicipality,
  buildPanelScenario,
  buildScenario,
  buildUser,
  getTestApp,
  inDays,
  login,
  problemOf,
  readUpload,
  SORTITION_DATA,
  type Client,
} from './harness.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Scenario = Awaited<ReturnType<typeof buildScenario>> &
  Partial<Pick<Awaited<ReturnType<typeof buildPanelScenario>>, 'panels'>>;
interface RouteCase {
  /** Its success changes what other cases rely on: the success path gets a scenario of its own. */
  fresh?: boolean;
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
const pointBody = {
  version: 0,
  status: 'in_discussion',
  answer: 'Concept',
  skipReason: null,
  evidence: [],
  participantOrganisationIds: [],
};

/** Citizens' panels: `panel` has a pool, quotas, a completed run and a draw; `empty` has no pool. */
const P = (s: Scenario) => s.panels!;
const PANEL = (s: Scenario) => P(s).panel.url;
const respondents = () => readUpload(`${SORTITION_DATA}/example_small_20/respondents.csv`);
const categories = () => readUpload(`${SORTITION_DATA}/example_small_20/categories.csv`);
const PANEL_CASES: RouteCase[] = [
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels',
    url: (s) => `${A(s)}/panels`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/x/panels', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels',
    url: (s) => `${A(s)}/panels`,
    valid: () => ({ name: 'Burgerpanel Park', panelSize: 20, retentionUntil: inDays(100) }),
    invalid: (s) => ({
      url: `${A(s)}/panels`,
      payload: { name: 'x', panelSize: 0, retentionUntil: 'morgen' },
      fields: ['name', 'panelSize', 'retentionUntil'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}',
    url: PANEL,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/panels/x`, fields: ['panelId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'PATCH',
    path: '/approaches/{approachId}/panels/{panelId}',
    url: PANEL,
    valid: (s) => ({ version: P(s).panel.version, purpose: 'Nieuw doel' }),
    invalid: (s) => ({
      url: PANEL(s),
      payload: { version: 0, panelSize: -1 },
      fields: ['version', 'panelSize'],
    }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/pool-inspections',
    url: (s) => `${P(s).empty.url}/pool-inspections`,
    valid: () => respondents(),
    invalid: (s) => ({
      url: `${P(s).empty.url}/pool-inspections`,
      payload: { fileName: '', content: '%%%' },
      fields: ['fileName', 'content'],
    }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'PUT',
    path: '/approaches/{approachId}/panels/{panelId}/pool',
    url: (s) => `${P(s).empty.url}/pool`,
    valid: (s) => ({
      version: P(s).empty.version,
      ...respondents(),
      idColumn: null,
      featureColumns: ['gender', 'leaning'],
      householdColumns: [],
    }),
    invalid: (s) => ({
      url: `${P(s).empty.url}/pool`,
      payload: { version: 'een', featureColumns: [] },
      fields: ['version', 'fileName', 'content', 'idColumn', 'featureColumns'],
    }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/pool',
    url: (s) => `${PANEL(s)}/pool`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${PANEL(s)}/pool?limit=0&offset=-1`, fields: ['limit', 'offset'] }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'PUT',
    path: '/approaches/{approachId}/panels/{panelId}/quotas',
    url: (s) => `${PANEL(s)}/quotas`,
    valid: (s) => ({ version: P(s).panel.quotasVersion, file: categories() }),
    invalid: (s) => ({
      url: `${PANEL(s)}/quotas`,
      payload: { version: -1, quotas: [{ category: '', value: 'x', min: -1, max: 1 }] },
      fields: ['version', 'quotas.0.category', 'quotas.0.min'],
    }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/feasibility',
    url: (s) => `${PANEL(s)}/feasibility`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/panels/x/feasibility`, fields: ['panelId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/runs',
    url: (s) => `${PANEL(s)}/runs`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/panels/x/runs`, fields: ['panelId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/runs',
    url: (s) => `${PANEL(s)}/runs`,
    valid: () => ({ algorithm: 'maximin' }),
    invalid: (s) => ({ url: `${PANEL(s)}/runs`, payload: { algorithm: 'zufall' }, fields: ['algorithm'] }),
    forbiddenFor: 'partner',
    success: 202,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/runs/{runId}',
    url: (s) => `${PANEL(s)}/runs/${P(s).runId}`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${PANEL(s)}/runs/x`, fields: ['runId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/runs/{runId}/cancellation',
    url: (s) => `${P(s).queued.url}/runs/${P(s).queuedRunId}/cancellation`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${P(s).queued.url}/runs/x/cancellation`, fields: ['runId'] }),
    forbiddenFor: 'partner',
    success: 202,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/draws',
    url: (s) => `${PANEL(s)}/draws`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/panels/x/draws`, fields: ['panelId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/draws',
    url: (s) => `${PANEL(s)}/draws`,
    valid: (s) => ({ runId: P(s).runId, publicValue: '1 2 3 4 5 6' }),
    invalid: (s) => ({
      url: `${PANEL(s)}/draws`,
      payload: { runId: 'x', publicValue: ' ' },
      fields: ['runId', 'publicValue'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/draw-replays',
    url: (s) => `${PANEL(s)}/draw-replays`,
    valid: (s) => ({ runId: P(s).runId, publicValue: 'route-matrix' }),
    invalid: (s) => ({
      url: `${PANEL(s)}/draw-replays`,
      payload: { publicValue: 5 },
      fields: ['runId', 'publicValue'],
    }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/draws/{drawId}',
    url: (s) => `${PANEL(s)}/draws/${P(s).drawId}`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${PANEL(s)}/draws/x`, fields: ['drawId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/draws/{drawId}/members',
    url: (s) => `${PANEL(s)}/draws/${P(s).drawId}/members`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${PANEL(s)}/draws/x/members`, fields: ['drawId'] }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/panels/{panelId}/draws/{drawId}/alternates',
    url: (s) => `${PANEL(s)}/draws/${P(s).drawId}/alternates`,
    valid: (s) => ({ publicValue: 'beacon 42', droppedOut: [P(s).memberReference] }),
    invalid: (s) => ({
      url: `${PANEL(s)}/draws/${P(s).drawId}/alternates`,
      payload: { publicValue: '', droppedOut: [] },
      fields: ['publicValue', 'droppedOut'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/panels/{panelId}/draws/{drawId}/export',
    url: (s) => `${PANEL(s)}/draws/${P(s).drawId}/export?format=xlsx`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${PANEL(s)}/draws/${P(s).drawId}/export?format=pdf`, fields: ['format'] }),
    forbiddenFor: 'partner',
    success: 200,
  },
];

const CASES: RouteCase[] = [
  ...PANEL_CASES,
  {
    method: 'GET',
    path: '/approaches',
    url: () => '/api/v1/approaches',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches?includeArchived=misschien', fields: ['includeArchived'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches',
    url: () => '/api/v1/approaches',
    valid: () => ({
      title: 'Nieuwe aanpak',
      focusArea: ['WK034403'],
      focusAreaYear: 2024,
      startDate: '2026-01-01',
    }),
    invalid: () => ({
      payload: { title: 'x', focusArea: ['Overvecht'], focusAreaYear: 1800, startDate: '2026-13-45' },
      fields: ['title', 'focusArea.0', 'focusAreaYear', 'startDate'],
    }),
    forbiddenFor: 'viewer',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}',
    url: A,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/not-a-uuid', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'PATCH',
    path: '/approaches/{approachId}',
    url: A,
    valid: (s) => ({ version: s.approach.version, description: 'Bijgewerkt' }),
    invalid: (s) => ({
      url: A(s),
      payload: { version: 'een', title: '', status: 'weg' },
      fields: ['version', 'title', 'status'],
    }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/members',
    url: (s) => `${A(s)}/members`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/123/members', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/members',
    url: (s) => `${A(s)}/members`,
    valid: (s) => ({ email: s.users.viewerUser.email, role: 'viewer' }),
    invalid: (s) => ({
      url: `${A(s)}/members`,
      payload: { email: 'geen-mail', role: 'baas' },
      fields: ['email', 'role'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'DELETE',
    path: '/approaches/{approachId}/members/{userId}',
    url: (s) => `${A(s)}/members/${s.users.partnerUser.id}`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/members/x`, fields: ['userId'] }),
    forbiddenFor: 'viewer',
    success: 204,
    // removes the partner that the 403 checks use
    fresh: true,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/organisations',
    url: (s) => `${A(s)}/organisations`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/x/organisations', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cycles',
    url: (s) => `${A(s)}/cycles`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/x/cycles', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/cycles',
    url: (s) => `${A(s)}/cycles`,
    valid: () => ({ title: 'Programmaperiode 2029-2032' }),
    invalid: (s) => ({ url: `${A(s)}/cycles`, payload: { title: 42 }, fields: ['title'] }),
    forbiddenFor: 'partner',
    success: 201,
    // closes cycle 1, whose points other cases edit
    fresh: true,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cycles/{cycleNumber}/points',
    url: (s) => `${A(s)}/cycles/1/points`,
    valid: () => undefined,
    invalid: (s) => ({
      url: `${A(s)}/cycles/0/points?status=klaar&phaseId=x`,
      fields: ['cycleNumber', 'status', 'phaseId'],
    }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}',
    url: (s) => `${A(s)}/cycles/1/points/1.1.1`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/cycles/1/points/abc`, fields: ['pointId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'PUT',
    path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}',
    url: (s) => `${A(s)}/cycles/1/points/1.1.2`,
    valid: () => pointBody,
    invalid: (s) => ({
      url: `${A(s)}/cycles/1/points/1.1.2`,
      payload: {
        version: -1,
        status: 'klaar',
        evidence: [{ kind: 'url', title: '', reference: 'geen-url' }],
        participantOrganisationIds: ['x'],
      },
      fields: [
        'version',
        'status',
        'evidence.0.title',
        'evidence.0.reference',
        'participantOrganisationIds.0',
      ],
    }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cycles/{cycleNumber}/points/{pointId}/revisions',
    url: (s) => `${A(s)}/cycles/1/points/1.1.1/revisions`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/cycles/x/points/1.1.1/revisions`, fields: ['cycleNumber'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cycles/{cycleNumber}/progress',
    url: (s) => `${A(s)}/cycles/1/progress`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/cycles/-1/progress`, fields: ['cycleNumber'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/decisions',
    url: (s) => `${A(s)}/decisions`,
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/approaches/x/decisions', fields: ['approachId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/decisions',
    url: (s) => `${A(s)}/decisions`,
    valid: () => ({
      outcome: 'go',
      decidedOn: '2025-06-01',
      decidedBy: 'College van B&W',
      rationale: 'Opstapeling is ernstig en breed herkend.',
    }),
    invalid: (s) => ({
      url: `${A(s)}/decisions`,
      payload: { outcome: 'misschien', decidedOn: 'gisteren', alternativeRoutes: ['niets'] },
      fields: ['outcome', 'decidedOn', 'decidedBy', 'rationale', 'alternativeRoutes.0'],
    }),
    forbiddenFor: 'partner',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/audit-events',
    url: (s) => `${A(s)}/audit-events`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/audit-events?limit=0`, fields: ['limit'] }),
    forbiddenFor: 'partner',
    success: 200,
  },
  {
    method: 'GET',
    path: '/cba-templates/{templateId}',
    url: () => '/api/v1/cba-templates/sixteen-areas',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/cba-templates/onbekend', fields: ['templateId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/cba-evaluations',
    url: () => '/api/v1/cba-evaluations',
    valid: (s) => ({ caseFile: s.cbaCase.caseFile }),
    invalid: () => ({ payload: { caseFile: 'tekst' }, fields: ['caseFile'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cba-cases',
    url: (s) => `${A(s)}/cba-cases`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/cba-cases?includeArchived=ja`, fields: ['includeArchived'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/cba-cases',
    url: (s) => `${A(s)}/cba-cases`,
    valid: () => ({ template: 'sixteen-areas' }),
    invalid: (s) => ({
      url: `${A(s)}/cba-cases`,
      payload: { template: 'x', caseFile: 5 },
      fields: ['caseFile', 'template'],
    }),
    forbiddenFor: 'viewer',
    success: 201,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/cba-cases/{caseId}',
    url: (s) => `${A(s)}/cba-cases/${s.cbaCase.id}`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/cba-cases/x`, fields: ['caseId'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'PUT',
    path: '/approaches/{approachId}/cba-cases/{caseId}',
    url: (s) => `${A(s)}/cba-cases/${s.cbaCase.id}`,
    valid: (s) => ({ version: 1, caseFile: s.cbaCase.caseFile }),
    invalid: (s) => ({
      url: `${A(s)}/cba-cases/${s.cbaCase.id}`,
      payload: { version: 0, caseFile: [] },
      fields: ['version', 'caseFile'],
    }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'GET',
    path: '/sessions/current',
    url: () => '/api/v1/sessions/current',
    valid: () => undefined,
    invalid: null,
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'DELETE',
    path: '/sessions/current',
    url: () => '/api/v1/sessions/current',
    valid: () => undefined,
    invalid: null,
    forbiddenFor: null,
    success: 204,
    // logs the coordinator out
    fresh: true,
  },
  ...ANALYSIS_CASES,
  ...COALITION_CASES,
];

const PUBLIC_PATHS = [
  'GET /health',
  'GET /framework',
  'GET /openapi.json',
  'POST /sessions',
  ...COALITION_PUBLIC_PATHS,
  // Login through the identity provider: tests/integration/oidc.test.ts.
  'GET /login-methods',
  'GET /oidc/authorization',
  'GET /oidc/callback',
];

describe('route matrix', () => {
  let outsider: Client;
  let shared: Promise<Scenario> | undefined;
  const sharedScenario = () => (shared ??= buildPanelScenario());
  beforeAll(async () => {
    await ensureUtrechtData();
    const other = await buildMunicipality();
    outsider = await login((await buildUser({ organisationCode: other.code, role: 'coordinator' })).email);
  });

  it('covers every operation in the OpenAPI document', async () => {
    const { app } = await getTestApp();
    const doc = getOpenApiDocument(app) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = [...CASES.map((c) => `${c.method} ${c.path}`), ...PUBLIC_PATHS];
    expect(operations.filter((op) => !covered.includes(op))).toEqual([]);
  });

  for (const c of CASES) {
    describe(`${c.method} ${c.path}`, () => {
      it('answers 401 problem without login', async () => {
        const s = await sharedScenario();
        const response = await anonymous(c.method, c.url(s), c.valid(s));
        expect(response.statusCode).toBe(401);
        expect(problemOf(response).code).toBe('unauthenticated');
      });

      if (c.invalid) {
        const invalid = c.invalid;
        it('answers 400 problem naming every bad field', async () => {
          const s = await sharedScenario();
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
          const s = await sharedScenario();
          const response = await outsider.request(c.method, c.url(s), c.valid(s));
          expect(response.statusCode).toBe(404);
          expect(problemOf(response).code).toBe('not_found');
        });
      }

      if (c.forbiddenFor) {
        const role = c.forbiddenFor;
        it(`refuses the ${role} role (403)`, async () => {
          const s = await sharedScenario();
          const response = await s[role].request(c.method, c.url(s), c.valid(s));
          expect(response.statusCode).toBe(403);
          expect(problemOf(response).code).toBe('forbidden');
        });
      }

      it(`succeeds with ${c.success}`, async () => {
        const s = c.fresh ? await buildScenario() : await sharedScenario();
        await c.prepare?.(s);
        const response = await s.coordinator.request(c.method, c.url(s), c.valid(s));
        expect(response.statusCode, response.body).toBe(c.success);
        expect(response.headers['api-version']).toBe('1.0.0');
      });
    });
  }
});
