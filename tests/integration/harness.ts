/**
 * One app and one database for the whole integration run (PGlite opens slowly; the integration
 * project runs with isolate: false so this module is shared by all files). Factories build the
 * records a test needs with unique codes, so tests never depend on each other's data.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AccountRole } from '../../src/core/access/actor.ts';
import { insertOrganisation } from '../../src/db/accounts.repository.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/services/auth.service.ts';
import { systemClock } from '../../src/server/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

export const PASSWORD = 'correct-horse-battery';

let shared: Promise<{ app: FastifyInstance; database: TestDatabase }> | undefined;

export function getTestApp() {
  shared ??= (async () => {
    const database = await createTestDatabase('integration');
    const app = await buildApp({ database: database.handle, webRoot: null, loginRateLimit: { max: 10_000, timeWindow: 60_000 } });
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
    return insertOrganisation(database.handle.db, { code, name: overrides.name ?? `Gemeente ${code}`, kind: 'municipality' });
  }
}

export async function buildPartnerOrganisation(municipalityCode: string, overrides: { name?: string; sector?: string } = {}) {
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
    { email, name: input.name ?? `Test ${input.role}`, password: PASSWORD, organisationCode: input.organisationCode, role: input.role },
  );
  return { ...user, email };
}

export interface Client {
  userId: string;
  csrfToken: string;
  request: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, options?: { csrf?: boolean }) => Promise<LightMyRequestResponse>;
}

export async function login(email: string, password = PASSWORD): Promise<Client> {
  const { app } = await getTestApp();
  const response = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password } });
  if (response.statusCode !== 201) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'wk_session')!;
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return {
    userId: body.user.id,
    csrfToken: body.csrfToken,
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
export async function anonymous(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const { app } = await getTestApp();
  return app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** A municipality with a coordinator, partner, viewer, a partner organisation, and one approach. */
export async function buildScenario() {
  const municipality = await buildMunicipality();
  const partnerOrg = await buildPartnerOrganisation(municipality.code);
  const coordinatorUser = await buildUser({ organisationCode: municipality.code, role: 'coordinator', name: 'Coördinator' });
  const viewerUser = await buildUser({ organisationCode: municipality.code, role: 'viewer', name: 'Kijker' });
  const partnerUser = await buildUser({ organisationCode: partnerOrg.code, role: 'partner', name: 'Partner' });
  const coordinator = await login(coordinatorUser.email);
  const created = await coordinator.request('POST', '/api/v1/approaches', buildApproachInput());
  if (created.statusCode !== 201) throw new Error(`approach not created: ${created.body}`);
  const approach = created.json() as { id: string; version: number };
  const invited = await coordinator.request('POST', `/api/v1/approaches/${approach.id}/members`, { email: partnerUser.email, role: 'partner' });
  if (invited.statusCode !== 201) throw new Error(`partner not invited: ${invited.body}`);
  const cbaCase = await coordinator.request('POST', `/api/v1/approaches/${approach.id}/cba-cases`, { template: 'sixteen-areas' });
  if (cbaCase.statusCode !== 201) throw new Error(`cba case not created: ${cbaCase.body}`);
  return {
    municipality,
    partnerOrg,
    approach,
    cbaCase: cbaCase.json() as { id: string; version: number; caseFile: Record<string, unknown> },
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
  return response.json() as { type: string; title: string; status: number; code: string; detail: string; errors?: { path: (string | number)[]; message: string }[]; current?: Record<string, unknown> };
}

export async function countAudit(entityType: string, entityId: string) {
  const { database } = await getTestApp();
  const rows = await database.handle.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE entity_type = $1 AND entity_id = $2', [entityType, entityId]);
  return rows[0]!.n;
}

export async function latestAudit(entityType: string, entityId: string) {
  const { database } = await getTestApp();
  const rows = await database.handle.query<{ action: string; before: unknown; after: unknown; actor_user_id: string | null }>(
    'SELECT action, before, after, actor_user_id FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1',
    [entityType, entityId],
  );
  return rows[0];
}
