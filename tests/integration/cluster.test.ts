/**
 * Several instances on one database (decision 0901): two apps (two buildApp) share one database —
 * on PostgreSQL two connection pools and two listeners, as two servers would; on PGlite one
 * embedded database in one process, where the same queue and event code runs in-process. A
 * selection run started on one is computed by the other, watched and cancelled through the first;
 * a logout on one ends the session on the other at once; a run whose instance died is recorded
 * as interrupted by the survivor.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/services/auth.service.ts';
import { createApproachAreaCache } from '../../src/server/services/analysis.service.ts';
import { createClusterEvents } from '../../src/server/services/cluster-events.ts';
import { systemClock } from '../../src/server/services/context.ts';
import { createJobQueue } from '../../src/server/services/job-queue.ts';
import { createPanelRunner } from '../../src/server/services/panel-runner.ts';
import { createPanelsService } from '../../src/server/services/panels.service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { buildApproachInput, buildLongRunPool, inDays, PASSWORD } from './harness.ts';

let database: TestDatabase;
/** The second instance's own connection (PostgreSQL), or the same embedded database (PGlite). */
let secondHandle: DatabaseHandle;
/** Instance A takes no selection runs; B computes them. */
let a: FastifyInstance;
let b: FastifyInstance;

type Client = Awaited<ReturnType<typeof login>>;

async function login(app: FastifyInstance, email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies.find((c) => c.name === 'wk_session')!.value;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  /** The same session through either instance. */
  const request = (
    on: FastifyInstance,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    on.inject({
      method,
      url,
      headers: { cookie: `wk_session=${cookie}`, 'x-csrf-token': csrfToken },
      ...(payload === undefined ? {} : { payload }),
    });
  return { request };
}

beforeAll(async () => {
  database = await createTestDatabase('cluster');
  secondHandle = database.url ? await openDatabase({ kind: 'postgres', url: database.url }) : database.handle;
  const common = { webRoot: null, loginRateLimit: { max: 10_000, timeWindow: 60_000 } };
  a = await buildApp({ ...common, database: database.handle, runConcurrency: 0 });
  b = await buildApp({ ...common, database: secondHandle, runConcurrency: 1 });
  await a.ready();
  await b.ready();
  await createUser(
    { db: database.handle.db, clock: systemClock },
    {
      email: 'coordinator@cluster.example',
      name: 'Coördinator',
      password: PASSWORD,
      organisationCode: 'GM0344',
      organisationName: 'Gemeente Utrecht',
      role: 'coordinator',
    },
  );
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  if (secondHandle && secondHandle !== database.handle) await secondHandle.close();
  await database?.dispose();
});

async function buildLongRunPanel(client: Client) {
  const approach = await client.request(a, 'POST', '/api/v1/approaches', buildApproachInput());
  expect(approach.statusCode, approach.body).toBe(201);
  const base = `/api/v1/approaches/${approach.json().id}/panels`;
  const created = await client.request(a, 'POST', base, {
    name: 'Burgerpanel',
    purpose: 'Twee servers, één database.',
    panelSize: 60,
    retentionUntil: inDays(90),
  });
  expect(created.statusCode, created.body).toBe(201);
  const panel = created.json() as { id: string; version: number; quotasVersion: number };
  const url = `${base}/${panel.id}`;
  const { csv, features, quotas } = buildLongRunPool(60);
  const pool = await client.request(a, 'PUT', `${url}/pool`, {
    version: panel.version,
    fileName: 'groot.csv',
    content: Buffer.from(csv).toString('base64'),
    idColumn: null,
    featureColumns: features,
    householdColumns: [],
  });
  expect(pool.statusCode, pool.body).toBe(200);
  const set = await client.request(a, 'PUT', `${url}/quotas`, { version: panel.quotasVersion, quotas });
  expect(set.statusCode, set.body).toBe(200);
  return url;
}

type Run = { id: string; status: string; progress: { phase: string; iterations: number } | null };

describe('two instances on one database', () => {
  it('computes a run started on A on B, shows its progress through A, and cancels it from A', async () => {
    const client = await login(a, 'coordinator@cluster.example');
    const url = await buildLongRunPanel(client);
    const started = await client.request(a, 'POST', `${url}/runs`, { algorithm: 'leximin' });
    expect(started.statusCode, started.body).toBe(202);
    const runUrl = `${url}/runs/${(started.json() as Run).id}`;

    // A has no worker for runs: only B can have taken it. Its progress is read through A.
    const seen = await vi.waitFor(
      async () => {
        const run = (await client.request(a, 'GET', runUrl)).json() as Run;
        if (run.status !== 'running' || !run.progress) throw new Error(`not yet computing: ${run.status}`);
        return run;
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(seen.progress!.phase).toBeTruthy();
    const [job] = await database.handle.query<{ state: string }>(
      "SELECT state FROM pgboss.job WHERE name = 'panel-run' AND id = $1",
      [seen.id],
    );
    expect(job?.state).toBe('active');
    // Both instances answer the same.
    expect(((await client.request(b, 'GET', runUrl)).json() as Run).status).toBe('running');

    const cancelled = await client.request(a, 'POST', `${runUrl}/cancellation`);
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    const ended = await vi.waitFor(
      async () => {
        const run = (await client.request(a, 'GET', runUrl)).json() as Run;
        if (run.status === 'running') throw new Error('still running');
        return run;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(ended.status).toBe('cancelled');
    // B's worker stopped and the queue knows the job ended.
    await vi.waitFor(async () => {
      const [after] = await database.handle.query<{ state: string }>(
        "SELECT state FROM pgboss.job WHERE name = 'panel-run' AND id = $1",
        [seen.id],
      );
      expect(after?.state).toBe('completed');
    });
    // The next run may start (nothing is left running), through B this time, and ends normally.
    const next = await client.request(b, 'POST', `${url}/runs`, { algorithm: 'legacy' });
    expect(next.statusCode, next.body).toBe(202);
    const done = await vi.waitFor(
      async () => {
        const run = (await client.request(a, 'GET', `${url}/runs/${(next.json() as Run).id}`)).json() as Run;
        if (run.status === 'queued' || run.status === 'running') throw new Error(`still ${run.status}`);
        return run;
      },
      { timeout: 120_000, interval: 200 },
    );
    expect(done.status).toBe('completed');
  }, 240_000);

  it('cancels a queued run that no instance has taken yet, and it never starts', async () => {
    const client = await login(a, 'coordinator@cluster.example');
    const url = await buildLongRunPanel(client);
    // Hold B's only worker with a long run of another panel.
    const otherUrl = await buildLongRunPanel(client);
    const busy = (
      await client.request(a, 'POST', `${otherUrl}/runs`, { algorithm: 'leximin' })
    ).json() as Run;
    await vi.waitFor(
      async () => {
        const run = (await client.request(a, 'GET', `${otherUrl}/runs/${busy.id}`)).json() as Run;
        if (run.status !== 'running') throw new Error(run.status);
      },
      { timeout: 60_000, interval: 100 },
    );
    const queued = (await client.request(a, 'POST', `${url}/runs`, { algorithm: 'leximin' })).json() as Run;
    expect(queued.status).toBe('queued');
    const cancelled = await client.request(b, 'POST', `${url}/runs/${queued.id}/cancellation`);
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    expect((cancelled.json() as Run).status).toBe('cancelled');
    const [job] = await database.handle.query<{ state: string }>(
      "SELECT state FROM pgboss.job WHERE name = 'panel-run' AND id = $1",
      [queued.id],
    );
    expect(job?.state).toBe('cancelled');
    await client.request(b, 'POST', `${otherUrl}/runs/${busy.id}/cancellation`);
    await vi.waitFor(
      async () => {
        const run = (await client.request(a, 'GET', `${otherUrl}/runs/${busy.id}`)).json() as Run;
        if (run.status !== 'cancelled') throw new Error(run.status);
      },
      { timeout: 30_000, interval: 100 },
    );
    const after = (await client.request(a, 'GET', `${url}/runs/${queued.id}`)).json() as Run;
    expect(after.status).toBe('cancelled');
    expect(after.progress).toBeNull();
  }, 240_000);

  it('ends a session logged out on A on B at once (no wait for the 5 s cache)', async () => {
    const client = await login(a, 'coordinator@cluster.example');
    // B resolves the session and keeps it: with the row deleted behind its back (no notification), B still answers.
    expect((await client.request(b, 'GET', '/api/v1/sessions/current')).statusCode).toBe(200);
    await database.handle.query(
      'DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)',
      ['coordinator@cluster.example'],
    );
    expect((await client.request(b, 'GET', '/api/v1/sessions/current')).statusCode).toBe(200);
    // The logout through A (which also still knows the session) tells B, well within B's 5 s.
    expect((await client.request(a, 'DELETE', '/api/v1/sessions/current')).statusCode).toBe(204);
    await vi.waitFor(
      async () => expect((await client.request(b, 'GET', '/api/v1/sessions/current')).statusCode).toBe(401),
      { timeout: 2500, interval: 20 },
    );
  });

  it("empties another instance's focus-area cache at the commit of an access change, and keeps nothing while it cannot hear", async () => {
    const eventsA = createClusterEvents(database.handle);
    const eventsB = createClusterEvents(secondHandle);
    await eventsA.start();
    await eventsB.start();
    try {
      const cacheB = createApproachAreaCache(eventsB);
      const area = { name: 'x', codes: ['BU03440311'], municipalityCode: 'GM0344', ownerCode: 'GM0344' };
      cacheB.set('approach:user', area);
      expect(cacheB.get('approach:user')).toBe(area);
      // Inside a transaction: nothing is heard until it commits.
      await database.handle.db.transaction(async (tx) => {
        await eventsA.publish('approach-access', '*', tx as never);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(cacheB.get('approach:user')).toBe(area);
      });
      await vi.waitFor(() => expect(cacheB.get('approach:user')).toBeUndefined(), {
        timeout: 5000,
        interval: 10,
      });
      await eventsB.stop();
      cacheB.set('approach:user', area);
      expect(cacheB.get('approach:user')).toBeUndefined();
    } finally {
      await eventsA.stop();
      await eventsB.stop();
    }
  });

  it('records a run as interrupted when its instance stopped writing its heartbeat, and leaves a live one alone', async () => {
    const client = await login(a, 'coordinator@cluster.example');
    const url = await buildLongRunPanel(client);
    const panelId = url.split('/').at(-1)!;
    const [panel] = await database.handle.query<{
      approach_id: string;
      pool_sha256: string;
      quotas_sha256: string;
    }>('SELECT approach_id, pool_sha256, quotas_sha256 FROM panels WHERE id = $1', [panelId]);
    const insert = (heartbeatSecondsAgo: number) =>
      database.handle.query<{ id: string }>(
        `INSERT INTO panel_runs (panel_id, approach_id, algorithm, status, pool_sha256, quotas_sha256, quotas,
           panel_size, household_columns, settings, settings_sha256, started_at, heartbeat_at)
         VALUES ($1, $2, 'leximin', 'running', $3, $4, '[]', 60, '[]', '{"algorithm":"leximin","panelSize":60,"householdColumns":[],"idColumn":null}', 'x',
           now() - interval '1 hour', now() - make_interval(secs => $5)) RETURNING id`,
        [panelId, panel!.approach_id, panel!.pool_sha256, panel!.quotas_sha256, heartbeatSecondsAgo],
      );
    const [dead] = await insert(120);
    const [live] = await insert(1);
    const panels = createPanelsService(
      { db: database.handle.db, clock: systemClock },
      {
        runner: createPanelRunner(),
        queue: createJobQueue(database.handle),
        events: createClusterEvents(database.handle),
      },
    );
    expect(await panels.recoverInterruptedRuns()).toBe(1);
    const status = async (id: string) =>
      (await client.request(b, 'GET', `${url}/runs/${id}`)).json() as Run & {
        error: { code: string } | null;
      };
    expect(await status(dead!.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect((await status(live!.id)).status).toBe('running');
    await database.handle.query("UPDATE panel_runs SET status = 'cancelled' WHERE id = $1", [live!.id]);
  });
});
