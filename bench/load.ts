/**
 * Load bench (issue 10 item 6; `npm run bench -- load`): the demo database — every buurt of the
 * country from the real CBS files in ../shared/data, imported by the demo seed as `npm start` does —
 * plus a citizens' panel with 100,000 generated pool members (seeded RandomSource, no real people),
 * served over HTTP on 127.0.0.1 and loaded by 16 and 64 concurrent keep-alive clients: the main
 * reads (approach list, overview, area profile, rankings, map, panel page) and one write (a new MKBA
 * case). Per endpoint p50/p95 and errors; compared with the stored baseline
 * (docs/benchmarks/load-baseline.json: the first run stores it, later runs report ratios).
 * Goal: p95 <= 300 ms at 16 connections with 0 errors. Bounded: every phase stops after a fixed
 * number of requests, on loopback only.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRandom } from '../src/core/random.ts';
import { openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/server/demo/seed-demo.ts';

const POOL_SIZE = 100_000;
/** The pool upload takes at most 50,000 registrants per panel: two panels of half the pool each. */
const PANELS = 2;
const CONNECTIONS = [16, 64];
/** Requests per endpoint and connection count. */
const REQUESTS = Number(process.env.WIJKKOMPAS_LOAD_REQUESTS ?? 800);
const BASELINE_FILE = 'docs/benchmarks/load-baseline.json';
const log = (line: string) => console.log(line);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function listen(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

function send(agent: Agent, base: string, target: Target, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      new URL(target.path, base),
      {
        agent,
        method: target.method,
        headers: { ...headers, ...(target.body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

/** `connections` loops share `REQUESTS` requests; latency per request, errors = anything but 2xx. */
async function load(base: string, target: Target, connections: number, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const t0 = performance.now();
        const status = await send(agent, base, target, headers).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status < 200 || status >= 300) errors += 1;
      }
    }),
  );
  const wall = performance.now() - started;
  agent.destroy();
  return {
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    errors,
    perSecond: REQUESTS / (wall / 1000),
  };
}

/** A pool CSV of `size` made-up registrants: reference, sex, age band, wijk (seeded). */
function buildPoolCsv(size: number, part: number) {
  const random = createRandom(`wijkkompas-load-bench-pool-${part}`);
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;
  const rows = ['nummer,geslacht,leeftijd,wijk'];
  for (let i = 1; i <= size; i++)
    rows.push(
      `R${String(i).padStart(6, '0')},${pick(['vrouw', 'man', 'anders'])},${pick(['16-29', '30-49', '50-64', '65+'])},${pick(['Noord', 'Oost', 'Zuid', 'West', 'Centrum'])}`,
    );
  return rows.join('\n');
}

async function main() {
  const loadBefore = loadavg()[0]!;
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = mkdtempSync(join(tmpdir(), 'wk-load-'));
  const database =
    kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! })
      : await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const seedStarted = performance.now();
    const { approachId } = await seedDemo(database);
    log(`demo seed (every buurt of the country): ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const app = await buildApp({
      database,
      webRoot: null,
      logLevel: 'error',
      loginRateLimit: { max: 100_000, timeWindow: 60_000 },
    });
    const base = await listen(app);
    const login = async (email: string) => {
      const response = await fetch(`${base}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const body = (await response.json()) as { csrfToken: string };
      return {
        cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!,
        'x-csrf-token': body.csrfToken,
      };
    };
    const coordinator = await login(DEMO_USERS.coordinator.email);
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${base}/api/v1${path}`, {
        method,
        headers: { ...coordinator, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const retention = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const poolStarted = performance.now();
    let panel = { id: '', version: 0 };
    for (let p = 0; p < PANELS; p++) {
      panel = (await (
        await api('POST', `/approaches/${approachId}/panels`, {
          name: 'Burgerpanel (load bench)',
          purpose: 'Meten',
          panelSize: 30,
          retentionUntil: retention,
        })
      ).json()) as { id: string; version: number };
      const uploaded = await api('PUT', `/approaches/${approachId}/panels/${panel.id}/pool`, {
        version: panel.version,
        fileName: 'pool.csv',
        content: Buffer.from(buildPoolCsv(POOL_SIZE / PANELS, p)).toString('base64'),
        idColumn: 'nummer',
        featureColumns: ['geslacht', 'leeftijd', 'wijk'],
        householdColumns: [],
      });
      if (uploaded.status !== 200)
        throw new Error(`pool upload: ${uploaded.status} ${await uploaded.text()}`);
    }
    log(`pool of ${POOL_SIZE}: ${((performance.now() - poolStarted) / 1000).toFixed(1)} s`);

    const A = `/api/v1/approaches/${approachId}`;
    const targets: Target[] = [
      { name: 'approach list', method: 'GET', path: '/api/v1/approaches' },
      { name: 'overview', method: 'GET', path: A },
      { name: 'progress', method: 'GET', path: `${A}/cycles/1/progress` },
      { name: 'area profile', method: 'GET', path: `${A}/area-profile?year=2023` },
      {
        name: 'rankings',
        method: 'GET',
        path: '/api/v1/municipalities/GM0344/rankings?indicator=p_huurw&year=2023',
      },
      { name: 'map', method: 'GET', path: '/api/v1/municipalities/GM0344/map?indicator=p_huurw&year=2023' },
      { name: 'panel page', method: 'GET', path: `${A}/panels/${panel.id}` },
      {
        name: 'new MKBA case (write)',
        method: 'POST',
        path: `${A}/cba-cases`,
        body: JSON.stringify({ template: 'sixteen-areas' }),
      },
    ];
    // Warm up: each endpoint once (loads the year tables, as the first visitor would).
    for (const target of targets) await send(new Agent(), base, target, coordinator);
    const results: {
      endpoint: string;
      connections: number;
      p50: number;
      p95: number;
      errors: number;
      perSecond: number;
    }[] = [];
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        const result = await load(base, target, connections, coordinator);
        results.push({ endpoint: target.name, connections, ...result });
        log(
          `${connections} conn  ${target.name.padEnd(24)} p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  errors ${result.errors}  ${result.perSecond.toFixed(0)} req/s`,
        );
      }
    }
    await app.close();

    const key = (r: { endpoint: string; connections: number }) => `${kind}:${r.connections}:${r.endpoint}`;
    const stored = existsSync(BASELINE_FILE)
      ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, { p95: number; date: string }>)
      : {};
    const isFirst = results.every((r) => !stored[key(r)]);
    const date = new Date().toISOString().slice(0, 10);
    if (isFirst) {
      for (const r of results) stored[key(r)] = { p95: Number(r.p95.toFixed(1)), date };
      writeFileSync(BASELINE_FILE, `${JSON.stringify(stored, null, 2)}\n`);
    }
    const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const goalMet = results.filter((r) => r.connections === 16).every((r) => r.p95 <= 300 && r.errors === 0);
    const lines = [
      '# Load benchmark',
      '',
      `Date: ${date}. Machine: ${machine}. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after. Database: ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}.`,
      '',
      `Generated by \`npm run bench -- load\` (bench/load.ts): the demo with every buurt of the country (real CBS files), a citizens' panel with ${POOL_SIZE.toLocaleString('en')} generated pool members, ${REQUESTS} requests per endpoint by 16 and 64 concurrent keep-alive clients on 127.0.0.1, logged in as the demo coordinator. Baseline: ${BASELINE_FILE} (${isFirst ? 'stored by this run' : 'an earlier run'}); the ratio is this run's p95 over the baseline's.`,
      '',
      `Goal p95 <= 300 ms at 16 connections with 0 errors: **${goalMet ? 'met' : 'not met'}**.`,
      '',
      '| connections | endpoint | p50 ms | p95 ms | errors | req/s | p95 / baseline |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(
        (r) =>
          `| ${r.connections} | ${r.endpoint} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${stored[key(r)] ? (r.p95 / stored[key(r)]!.p95).toFixed(2) : '—'}× |`,
      ),
      '',
    ];
    writeFileSync('docs/benchmarks/load.md', lines.join('\n'));
    log('docs/benchmarks/load.md written');
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
