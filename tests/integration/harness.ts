/**
 * One app and one database for the whole integration run (PGlite opens slowly; the integration
 * project runs with isolate: false so this module is shared by all files). Factories build the
 * records a test needs with unique codes, so tests never depend on each other's data.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AccountRole } from '../../src/core/access/actor.ts';
import highsLoader from 'highs';
import { createHighsSolver } from '../../src/core/sortition/highs-solver.ts';
import { parsePoolCsv, parseQuotasCsv } from '../../src/core/sortition/read-sortition-csv.ts';
import { createRandom } from '../../src/core/random.ts';
import { formatSettings, type SelectionSettings } from '../../src/core/sortition/record.ts';
import { selectPanelDistribution } from '../../src/core/sortition/select-distribution.ts';
import { computeSha256 } from '../../src/core/sortition/sha256.ts';
import type { PanelDistribution } from '../../src/core/sortition/types.ts';
import { insertOrganisation } from '../../src/db/accounts.repository.ts';
import { findPanel, insertRun, listPoolMembers } from '../../src/db/panels.repository.ts';
import { summarizeDistribution } from '../../src/server/services/panel-summaries.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/services/auth.service.ts';
import { systemClock } from '../../src/server/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

export const PASSWORD = 'correct-horse-battery';

let shared: Promise<{ app: FastifyInstance; database: TestDatabase }> | undefined;

export function getTestApp() {
  shared ??= (async () => {
    const database = await createTestDatabase('integration');
    const app = await buildApp({
      database: database.handle,
      webRoot: null,
      loginRateLimit: { max: 10_000, timeWindow: 60_000 },
    });
    await app.ready();
    return { app, database };
  })();
  return shared;
}

let counter = 0;
function unique(prefix: string) {
  counter += 1;
  return `${prefix}${counter}${randomBytes(3).toString('hex')}`;
}

/** A municipality with a random GM code that no other test uses. */
export async function buildMunicipality(overrides: { name?: string } = {}) {
  const { database } = await getTestApp();
  for (;;) {
    const code = `GM${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const exists = await database.handle.query('SELECT 1 FROM organisations WHERE code = $1', [code]);
    if (exists.length > 0) continue;
    return insertOrganisation(database.handle.db, {
      code,
      name: overrides.name ?? `Gemeente ${code}`,
      kind: 'municipality',
    });
  }
}

export async function buildPartnerOrganisation(
  municipalityCode: string,
  overrides: { name?: string; sector?: string } = {},
) {
  const { database } = await getTestApp();
  return insertOrganisation(database.handle.db, {
    code: unique('PARTNER-'),
    name: overrides.name ?? 'Woningcorporatie Test',
    kind: 'partner',
    municipalityCode,
    sector: overrides.sector ?? 'wonen',
  });
}

export async function buildUser(input: { organisationCode: string; role: AccountRole; name?: string }) {
  const { database } = await getTestApp();
  const email = `${unique('user')}@test.example`;
  const { user } = await createUser(
    { db: database.handle.db, clock: systemClock },
    {
      email,
      name: input.name ?? `Test ${input.role}`,
      password: PASSWORD,
      organisationCode: input.organisationCode,
      role: input.role,
    },
  );
  return { ...user, email };
}

export interface Client {
  userId: string;
  csrfToken: string;
  /** The Cookie header of the session. */
  cookie: string;
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    options?: { csrf?: boolean },
  ) => Promise<LightMyRequestResponse>;
}

export async function login(email: string, password = PASSWORD): Promise<Client> {
  const { app } = await getTestApp();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password },
  });
  if (response.statusCode !== 201) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'wk_session')!;
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return {
    userId: body.user.id,
    csrfToken: body.csrfToken,
    cookie: `wk_session=${cookie.value}`,
    request: (method, url, payload, options = {}) =>
      app.inject({
        method,
        url,
        headers: {
          cookie: `wk_session=${cookie.value}`,
          ...(options.csrf === false ? {} : { 'x-csrf-token': body.csrfToken }),
        },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}

/** An anonymous request (no cookie). */
export async function anonymous(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const { app } = await getTestApp();
  return app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** A municipality with a coordinator, partner, viewer, a partner organisation, and one approach. */
export async function buildScenario() {
  const municipality = await buildMunicipality();
  const partnerOrg = await buildPartnerOrganisation(municipality.code);
  const coordinatorUser = await buildUser({
    organisationCode: municipality.code,
    role: 'coordinator',
    name: 'Coördinator',
  });
  const viewerUser = await buildUser({ organisationCode: municipality.code, role: 'viewer', name: 'Kijker' });
  const partnerUser = await buildUser({
    organisationCode: partnerOrg.code,
    role: 'partner',
    name: 'Partner',
  });
  const coordinator = await login(coordinatorUser.email);
  const created = await coordinator.request('POST', '/api/v1/approaches', buildApproachInput());
  if (created.statusCode !== 201) throw new Error(`approach not created: ${created.body}`);
  const approach = created.json() as { id: string; version: number };
  const invited = await coordinator.request('POST', `/api/v1/approaches/${approach.id}/members`, {
    email: partnerUser.email,
    role: 'partner',
  });
  if (invited.statusCode !== 201) throw new Error(`partner not invited: ${invited.body}`);
  const invitation = await coordinator.request('POST', `/api/v1/approaches/${approach.id}/invitations`, {
    email: `${unique('invitee')}@test.example`,
    role: 'partner',
    organisationId: partnerOrg.id,
  });
  if (invitation.statusCode !== 201) throw new Error(`invitation not created: ${invitation.body}`);
  const cbaCase = await coordinator.request('POST', `/api/v1/approaches/${approach.id}/cba-cases`, {
    template: 'sixteen-areas',
  });
  if (cbaCase.statusCode !== 201) throw new Error(`cba case not created: ${cbaCase.body}`);
  return {
    municipality,
    partnerOrg,
    approach,
    cbaCase: cbaCase.json() as { id: string; version: number; caseFile: Record<string, unknown> },
    invitation: invitation.json() as { id: string; acceptUrl: string; email: string },
    coordinator,
    viewer: await login(viewerUser.email),
    partner: await login(partnerUser.email),
    users: { coordinatorUser, viewerUser, partnerUser },
  };
}

export function buildApproachInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Wijkaanpak Testwijk',
    description: 'Een aanpak voor de tests.',
    focusArea: ['BU03440311', 'BU03440312'],
    focusAreaYear: 2024,
    startDate: '2025-01-06',
    ...overrides,
  };
}

/** The problem+json body, asserting the content type on the way. */
export function problemOf(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
  return response.json() as {
    type: string;
    title: string;
    status: number;
    code: string;
    detail: string;
    errors?: { path: (string | number)[]; message: string }[];
    current?: Record<string, unknown>;
  };
}

export async function countAudit(entityType: string, entityId: string) {
  const { database } = await getTestApp();
  const rows = await database.handle.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events WHERE entity_type = $1 AND entity_id = $2',
    [entityType, entityId],
  );
  return rows[0]!.n;
}

export async function latestAudit(entityType: string, entityId: string) {
  const { database } = await getTestApp();
  const rows = await database.handle.query<{
    action: string;
    before: unknown;
    after: unknown;
    actor_user_id: string | null;
  }>(
    'SELECT action, before, after, actor_user_id FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1',
    [entityType, entityId],
  );
  return rows[0];
}

/** The published sortition examples (Flanigan et al. 2021), read as an upload: file name and base64. */
export const SORTITION_DATA = '../shared/data/sortition';

export function readUpload(path: string, fileName = path.split('/').pop()!) {
  return { fileName, content: readFileSync(path).toString('base64') };
}

/** A citizens' panel in the scenario's approach; optionally with the example_small_20 pool and quotas. */
export async function buildPanel(
  s: { approach: { id: string }; coordinator: Client },
  options: { pool?: boolean; quotas?: boolean; panelSize?: number; retentionUntil?: string } = {},
) {
  const base = `/api/v1/approaches/${s.approach.id}/panels`;
  const created = await s.coordinator.request('POST', base, {
    name: 'Burgerpanel Testwijk',
    purpose: 'Advies over de inrichting van het wijkpark.',
    panelSize: options.panelSize ?? 20,
    retentionUntil: options.retentionUntil ?? inDays(180),
  });
  if (created.statusCode !== 201) throw new Error(`panel not created: ${created.body}`);
  let panel = created.json() as { id: string; version: number; quotasVersion: number };
  const url = `${base}/${panel.id}`;
  if (options.pool ?? true) {
    const uploaded = await s.coordinator.request('PUT', `${url}/pool`, {
      version: panel.version,
      ...readUpload(`${SORTITION_DATA}/example_small_20/respondents.csv`),
      idColumn: null,
      featureColumns: ['gender', 'leaning'],
      householdColumns: [],
    });
    if (uploaded.statusCode !== 200) throw new Error(`pool not uploaded: ${uploaded.body}`);
    panel = (uploaded.json() as { panel: typeof panel }).panel;
  }
  if ((options.pool ?? true) && (options.quotas ?? true)) {
    const quotas = await s.coordinator.request('PUT', `${url}/quotas`, {
      version: panel.quotasVersion,
      file: readUpload(`${SORTITION_DATA}/example_small_20/categories.csv`),
    });
    if (quotas.statusCode !== 200) throw new Error(`quotas not set: ${quotas.body}`);
    panel = quotas.json() as typeof panel;
  }
  return { ...panel, url };
}

/** Today plus `days` in the Netherlands, as YYYY-MM-DD. */
export function inDays(days: number, from = new Date()) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(from.getTime() + days * 86_400_000),
  );
}

/** Polls a selection run until it has finished (completed, failed or cancelled) and returns it. */
export async function waitForRun(client: Client, runUrl: string, timeout = 90_000) {
  let run: { status: string } & Record<string, unknown> = { status: 'queued' };
  await vi.waitFor(
    async () => {
      const response = await client.request('GET', runUrl);
      if (response.statusCode !== 200)
        throw new Error(`poll failed: ${response.statusCode} ${response.body}`);
      run = response.json();
      if (run.status === 'queued' || run.status === 'running') throw new Error(`still ${run.status}`);
    },
    { timeout, interval: 100 },
  );
  return run;
}

let exampleDistribution: Promise<PanelDistribution> | undefined;

const EXAMPLE_SETTINGS: SelectionSettings = {
  algorithm: 'leximin',
  panelSize: 20,
  householdColumns: [],
  idColumn: null,
};

/** The LEXIMIN distribution of example_small_20, computed once per run (route tests need a finished run fast). */
function computeExampleDistribution(inputHashes: string[]) {
  exampleDistribution ??= (async () => {
    const pool = parsePoolCsv(
      readFileSync(`${SORTITION_DATA}/example_small_20/respondents.csv`, 'utf8'),
      'respondents.csv',
    );
    const quotas = parseQuotasCsv(
      readFileSync(`${SORTITION_DATA}/example_small_20/categories.csv`, 'utf8'),
      'categories.csv',
    );
    const random = createRandom(`panel-select:${inputHashes.join(':')}`);
    return selectPanelDistribution({
      pool,
      quotas,
      panelSize: 20,
      solver: createHighsSolver(await highsLoader()),
      random,
    });
  })();
  return exampleDistribution;
}

/**
 * A scenario with citizens' panels: `panel` with the example pool and quotas, a completed LEXIMIN
 * run (stored directly, computed once per run) and a draw; `empty` without a pool; `queued` holding
 * a run that waits (for the cancel route).
 */
export async function buildPanelScenario() {
  const s = await buildScenario();
  const { database } = await getTestApp();
  const db = database.handle.db;
  const panel = await buildPanel(s);
  const empty = await buildPanel(s, { pool: false });
  const queued = await buildPanel(s, { pool: false });
  const stored = await findPanel(db, s.approach.id, panel.id);
  const settingsSha256 = computeSha256(formatSettings(EXAMPLE_SETTINGS));
  const distribution = await computeExampleDistribution([
    stored!.quotasSha256!,
    stored!.poolSha256!,
    settingsSha256,
  ]);
  const features = stored!.poolColumns!.featureColumns;
  const pool = await listPoolMembers(db, panel.id);
  const run = await insertRun(db, {
    panelId: panel.id,
    approachId: s.approach.id,
    algorithm: 'leximin',
    status: 'completed',
    poolSha256: stored!.poolSha256!,
    quotasSha256: stored!.quotasSha256!,
    quotas: stored!.quotas,
    panelSize: 20,
    householdColumns: [],
    settings: EXAMPLE_SETTINGS,
    settingsSha256,
    summary: summarizeDistribution(distribution, pool, features),
    panelProbabilities: distribution.panels.map((p) => p.probability),
    panelMembers: distribution.panels.map((p) => p.members),
    personProbabilities: distribution.probabilities,
    startedBy: s.coordinator.userId,
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  const waiting = await insertRun(db, {
    panelId: queued.id,
    approachId: s.approach.id,
    algorithm: 'leximin',
    status: 'queued',
    poolSha256: '0'.repeat(64),
    quotasSha256: '0'.repeat(64),
    quotas: [],
    panelSize: 20,
    householdColumns: [],
    settings: EXAMPLE_SETTINGS,
    settingsSha256: '0'.repeat(64),
    startedBy: s.coordinator.userId,
  });
  const drawn = await s.coordinator.request('POST', `${panel.url}/draws`, {
    runId: run.id,
    publicValue: 'route-matrix',
  });
  if (drawn.statusCode !== 201) throw new Error(`draw failed: ${drawn.body}`);
  const draw = drawn.json() as { id: string };
  const members = (await s.coordinator.request('GET', `${panel.url}/draws/${draw.id}/members`)).json() as {
    members: { reference: string }[];
  };
  return {
    ...s,
    panels: {
      panel: { ...panel, ...(await s.coordinator.request('GET', panel.url)).json() } as typeof panel,
      empty,
      queued,
      runId: run.id,
      queuedRunId: waiting.id,
      drawId: draw.id,
      memberReference: members.members[0]!.reference,
    },
  };
}

/**
 * A pool of 1000 with six skewed features and 207 types, and quotas of ±1 around each share of a
 * panel of `panelSize`: LEXIMIN works on it for a while (long enough to watch and cancel).
 */
export function buildLongRunPool(panelSize: number) {
  const random = createRandom('wijkkompas-cancel-test');
  const values: Record<string, string[]> = {
    a: ['1', '2', '3'],
    b: ['1', '2', '3', '4'],
    c: ['1', '2'],
    d: ['1', '2', '3'],
    e: ['1', '2', '3', '4', '5'],
    f: ['1', '2'],
  };
  const rows = Array.from({ length: 1000 }, () =>
    Object.values(values).map((choices) => choices[Math.floor(random() * random() * choices.length)]!),
  );
  const csv = [Object.keys(values).join(','), ...rows.map((row) => row.join(','))].join('\n');
  const quotas = Object.entries(values).flatMap(([category, choices], f) =>
    choices.map((value) => {
      const share = rows.filter((row) => row[f] === value).length / rows.length;
      return {
        category,
        value,
        min: Math.max(0, Math.floor(share * panelSize) - 1),
        max: Math.ceil(share * panelSize) + 1,
      };
    }),
  );
  return { csv, features: Object.keys(values), quotas };
}
