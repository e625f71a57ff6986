/**
 * `npm run bench -- analysis`: the neighbourhood analysis at national scale, each figure against a
 * baseline measured in the same run, written to docs/benchmarks/analysis.md.
 *
 * 1. Import of the 13 national kwb-woningen files (2013-2025) and the 2024 national buurt selection
 *    through the import service (read + write, one transaction per file), on PGlite and (with
 *    DATABASE_URL) PostgreSQL, against COPY of the same rows into the same, empty tables.
 * 2. Ranks, percentiles and accumulation for every buurt of the country in 2024.
 * 3. The area-profile endpoint of Overvecht under 32 concurrent clients on 127.0.0.1, against the
 *    same JSON served as a static file by the same server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { computeAccumulation } from '../src/core/analysis/accumulation.ts';
import { addDerivedIndicators } from '../src/core/analysis/derived-indicators.ts';
import { buildIndicatorCatalogue } from '../src/core/analysis/indicator-catalogue.ts';
import { rankMembers } from '../src/core/analysis/rank.ts';
import { getMunicipalityCode, getParentCode } from '../src/core/analysis/region-code.ts';
import { buildYearTable } from '../src/core/analysis/year-table.ts';
import { KWB_TABLE_YEARS } from '../src/core/cbs-import/detect-year.ts';
import { readCbsFile } from '../src/core/cbs-import/read-cbs-file.ts';
import type { ReadResult } from '../src/core/cbs-import/read-result.ts';
import { MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { copyLines, toCopyField } from '../src/db/pg-copy.ts';
import { buildApp } from '../src/server/app.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/server/demo/seed-demo.ts';
import { SHARED_DATA_DIR } from '../src/server/demo/seed-analysis.ts';
import { createAnalysisData } from '../src/server/services/analysis-data.ts';
import { createAnalysisImportService } from '../src/server/services/analysis-import.service.ts';
import { systemClock } from '../src/server/services/context.ts';

const TABLE_BY_YEAR = new Map(Object.entries(KWB_TABLE_YEARS).map(([id, year]) => [year, id]));
const FILES = [
  ...Array.from({ length: 13 }, (_, i) => ({
    path: `cbs/kwb-woningen-2013-2025/kwb-${2013 + i}-woningen.csv`,
    tableId: TABLE_BY_YEAR.get(2013 + i),
  })),
  { path: 'cbs/kwb-2024-buurten-selectie.csv', tableId: '85984NED' },
];
const CONCURRENCY = 32;
const REQUESTS = 3000;
const serverUrl = process.env.DATABASE_URL;
const lines: string[] = [];
const log = (line: string) => console.log(line);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** A fresh, empty, migrated database: in-memory PGlite, or a new database on the server. */
async function openFresh(
  kind: 'pglite' | 'postgres',
): Promise<{ handle: DatabaseHandle; url: string | null; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    return { handle, url: null, dispose: () => handle.close() };
  }
  const name = `wk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

function readContents() {
  return FILES.map((file) => ({
    ...file,
    fileName: file.path.split('/').pop()!,
    content: readFileSync(join(SHARED_DATA_DIR, file.path)),
  }));
}

/** The rows the import writes, as COPY text: regions (one per code and year) and observations. */
function toCopyRows(results: ReadResult[]) {
  const regions = new Map<string, string>();
  const observations: string[] = [];
  for (const result of results) {
    const importId = randomUUID();
    for (const r of result.regions) {
      const key = `${r.code}@${r.year}`;
      if (!regions.has(key) || r.name !== null) {
        regions.set(
          key,
          [
            r.code,
            r.year,
            toCopyField(r.name),
            r.level,
            toCopyField(getParentCode(r.code)),
            toCopyField(getMunicipalityCode(r.code)),
          ].join('\t'),
        );
      }
    }
    for (const o of result.observations) {
      observations.push(
        [
          toCopyField(o.regionCode),
          o.year,
          toCopyField(o.indicatorKey),
          toCopyField(o.value),
          o.status,
          importId,
          toCopyField(o.sourceRow),
          toCopyField(o.sourceColumn),
        ].join('\t'),
      );
    }
  }
  return { regions: [...regions.values()], observations };
}

const REGION_COLUMNS = 'regions (code, year, name, level, parent_code, municipality_code)';
const OBSERVATION_COLUMNS =
  'observations (region_code, year, indicator_key, value, status, import_id, source_row, source_column)';

async function copyBaseline(
  kind: 'pglite' | 'postgres',
  rows: { regions: string[]; observations: string[] },
): Promise<number> {
  if (kind === 'pglite') {
    const client = new PGlite();
    await migrate(drizzle(client) as never, { migrationsFolder: MIGRATIONS_FOLDER });
    const started = performance.now();
    await client.query(`COPY ${REGION_COLUMNS} FROM '/dev/blob'`, [], {
      blob: new Blob([`${rows.regions.join('\n')}\n`]),
    });
    await client.query(`COPY ${OBSERVATION_COLUMNS} FROM '/dev/blob'`, [], {
      blob: new Blob([`${rows.observations.join('\n')}\n`]),
    });
    const elapsed = performance.now() - started;
    await client.close();
    return elapsed;
  }
  const fresh = await openFresh('postgres');
  await fresh.handle.close();
  const client = new pg.Client({ connectionString: fresh.url! });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await copyLines(client as never, REGION_COLUMNS, rows.regions);
    await copyLines(client as never, OBSERVATION_COLUMNS, rows.observations);
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
    await fresh.dispose().catch(() => undefined);
  }
}

async function benchImport(kinds: ('pglite' | 'postgres')[]) {
  const files = readContents();
  // The imports run first, while the process holds only the files: a heap full of parsed rows
  // slows PGlite (WebAssembly) down noticeably, and an import does not hold them either.
  const imported: { kind: 'pglite' | 'postgres'; ms: number }[] = [];
  for (const kind of kinds) {
    const fresh = await openFresh(kind);
    const ctx = { db: fresh.handle.db, clock: systemClock };
    const imports = createAnalysisImportService(ctx, createAnalysisData(ctx.db));
    const started = performance.now();
    for (const file of files)
      await imports.importCbsFile(null, {
        fileName: file.fileName,
        content: file.content,
        tableId: file.tableId,
      });
    imported.push({ kind, ms: performance.now() - started });
    await fresh.dispose();
  }
  const catalogue = buildIndicatorCatalogue();
  const parseStarted = performance.now();
  const results: ReadResult[] = [];
  for (const file of files)
    results.push(
      await readCbsFile(file.content, {
        fileName: file.fileName,
        catalogue,
        ...(file.tableId ? { tableId: file.tableId } : {}),
      }),
    );
  const parseMs = performance.now() - parseStarted;
  const copyRows = toCopyRows(results);
  const rowCount = copyRows.regions.length + copyRows.observations.length;
  log(
    `import: ${files.length} files, ${copyRows.observations.length} observations + ${copyRows.regions.length} regions; reading alone ${seconds(parseMs)} s`,
  );
  lines.push(
    '## 1. Import against COPY',
    '',
    `${files.length} files (kwb-woningen 2013-2025, kwb-2024-buurten-selectie): ${copyRows.observations.length.toLocaleString('en')} observations and ${copyRows.regions.length.toLocaleString('en')} region rows (${rowCount.toLocaleString('en')} rows), into empty tables. ` +
      `The import reads each file (core readers: ${seconds(parseMs)} s for all, measured apart) and writes it in one transaction with its report and audit row; ` +
      "COPY gets the finished rows (building them is not timed). PGlite's COPY reads from a blob (`/dev/blob`); PostgreSQL's from STDIN.",
    '',
    '| database | import s | rows/s | COPY s | COPY rows/s | import / COPY | (import - reading) / COPY |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const { kind, ms: importMs } of imported) {
    const copyMs = await copyBaseline(kind, copyRows);
    const label = kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL';
    log(`${label}: import ${seconds(importMs)} s, COPY ${seconds(copyMs)} s`);
    lines.push(
      `| ${label} | ${seconds(importMs)} | ${Math.round(rowCount / (importMs / 1000)).toLocaleString('en')} | ${seconds(copyMs)} | ${Math.round(rowCount / (copyMs / 1000)).toLocaleString('en')} | ${ratio(importMs, copyMs)} | ${ratio(importMs - parseMs, copyMs)} |`,
    );
  }
  lines.push('');
  return results;
}

function benchCountry(results: ReadResult[]) {
  const catalogue = buildIndicatorCatalogue();
  const table = addDerivedIndicators(
    buildYearTable(
      2024,
      results.filter((r) => r.year === 2024),
    ),
    catalogue,
  );
  const indicators = catalogue.indicators.filter((i) => i.kind !== 'code' && table.columns.has(i.key));
  const rankTimes: number[] = [];
  const accumulationTimes: number[] = [];
  let regionsWithDomains = 0;
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    for (const indicator of indicators)
      rankMembers(table.columns.get(indicator.key)!.values, table.buurten, indicator.direction);
    rankTimes.push(performance.now() - started);
    started = performance.now();
    const result = computeAccumulation(table, catalogue, { worstShare: 0.2 });
    accumulationTimes.push(performance.now() - started);
    regionsWithDomains = result.regions.filter((r) => r.domainCount > 0).length;
  }
  const rank = median(rankTimes);
  const accumulation = median(accumulationTimes);
  log(
    `country 2024: ${table.buurten.length} buurten, ${indicators.length} indicators: ranks ${rank.toFixed(0)} ms, accumulation ${accumulation.toFixed(0)} ms`,
  );
  lines.push(
    '## 2. Every buurt of the country, 2024',
    '',
    `${table.buurten.length.toLocaleString('en')} buurten, ${indicators.length} indicators (the national files above plus derived rates). Median of 7 runs in one process; goal: under 1 s.`,
    '',
    '| computation | ms |',
    '| --- | --- |',
    `| rank + percentile of every buurt on every indicator | ${rank.toFixed(0)} |`,
    `| accumulation (worst 20% of the country, every buurt; ${regionsWithDomains.toLocaleString('en')} buurten in at least one domain) | ${accumulation.toFixed(0)} |`,
    `| together | ${(rank + accumulation).toFixed(0)} |`,
    '',
  );
}

function get(agent: Agent, url: URL, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A bounded loop: CONCURRENCY clients share REQUESTS requests; latency per request in ms. */
async function load(agent: Agent, url: URL, cookie?: string) {
  let remaining = REQUESTS;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (remaining > 0) {
        remaining--;
        const t = performance.now();
        const response = await get(agent, url, cookie);
        if (response.status !== 200) throw new Error(`${url.pathname}: HTTP ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  return {
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    perSecond: REQUESTS / (wall / 1000),
  };
}

async function benchProfile(kind: 'pglite' | 'postgres') {
  const fresh = await openFresh(kind);
  const webRoot = mkdtempSync(join(tmpdir(), 'wk-bench-web-'));
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
  try {
    const seedStarted = performance.now();
    const { approachId } = await seedDemo(fresh.handle);
    const seedMs = performance.now() - seedStarted;
    // First server: the cold request, whose JSON becomes the static file. The static plugin
    // registers the files present when the server starts, so the measured server starts after it.
    const firstApp = await buildApp({ database: fresh.handle, webRoot, logLevel: 'error' });
    const firstBase = await listen(firstApp);
    const session = await fetch(`${firstBase}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.viewer.email, password: DEMO_PASSWORD }),
    });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const profilePath = `/api/v1/approaches/${approachId}/area-profile?year=2023`;
    const started = performance.now();
    const first = await fetch(`${firstBase}${profilePath}`, { headers: { cookie } }).then((r) => r.text());
    const coldMs = performance.now() - started;
    await firstApp.close();
    writeFileSync(join(webRoot, 'profile.json'), first);

    const app = await buildApp({ database: fresh.handle, webRoot, logLevel: 'error' });
    const base = await listen(app);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const profileUrl = new URL(`${base}${profilePath}`);
    const staticUrl = new URL(`${base}/profile.json`);
    for (let i = 0; i < 50; i++) {
      await get(agent, profileUrl, cookie);
      await get(agent, staticUrl);
    }
    // Both must be the same bytes, or the baseline measures something else (the app shell).
    const [viaApi, viaFile] = [await get(agent, profileUrl, cookie), await get(agent, staticUrl)];
    if (viaApi.body !== first || viaFile.body !== first)
      throw new Error('The static baseline does not serve the same JSON as the endpoint.');
    // A floor for any authenticated request: the session lookup alone, with a tiny JSON answer.
    const sessionUrl = new URL(`${base}/api/v1/sessions/current`);
    const api = await load(agent, profileUrl, cookie);
    const file = await load(agent, staticUrl);
    const auth = await load(agent, sessionUrl, cookie);
    log(
      `${kind}: demo seed ${seconds(seedMs)} s; profile cold ${coldMs.toFixed(0)} ms; p95 ${api.p95.toFixed(1)} ms vs static ${file.p95.toFixed(1)} ms; session only ${auth.p95.toFixed(1)} ms`,
    );
    agent.destroy();
    await app.close();
    return { kind, seedMs, coldMs, bytes: Buffer.byteLength(first), api, file, auth };
  } finally {
    await fresh.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  }
}

async function main() {
  const loadBefore = loadavg()[0]!;
  const kinds: ('pglite' | 'postgres')[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];
  // `--profile-only`: just section 3, printed and not written (for working on the endpoint).
  const profileOnly = process.argv.includes('--profile-only');
  if (!profileOnly) {
    const results = await benchImport(kinds);
    benchCountry(results);
    results.length = 0;
  }
  const profiles = [];
  for (const kind of kinds) profiles.push(await benchProfile(kind));
  if (profileOnly) return;
  lines.push(
    '## 3. Area profile under load',
    '',
    `GET /approaches/{id}/area-profile?year=2023 for the demo's Overvecht (${(profiles[0]!.bytes / 1024).toFixed(0)} KiB of JSON) by ${CONCURRENCY} concurrent keep-alive clients, ${REQUESTS} requests, on 127.0.0.1; ` +
      'baseline: the same JSON as a static file (profile.json) from the same server; and, as the floor of any request with a login, GET /sessions/current (the session lookup, a tiny answer). The demo seed (the real CBS files of `../shared/data`) ran first; its time is the one `npm start` pays on an empty database.',
    '',
    '| database | demo seed s | first request ms (tables loaded) | profile p50 ms | p95 ms | p99 ms | req/s | static p50 ms | p95 ms | req/s | p95 profile / static | session only: p95 ms | req/s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...profiles.map(
      (p) =>
        `| ${p.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${seconds(p.seedMs)} | ${p.coldMs.toFixed(0)} | ${p.api.p50.toFixed(1)} | ${p.api.p95.toFixed(1)} | ${p.api.p99.toFixed(1)} | ${p.api.perSecond.toFixed(0)} | ${p.file.p50.toFixed(1)} | ${p.file.p95.toFixed(1)} | ${p.file.perSecond.toFixed(0)} | ${ratio(p.api.p95, p.file.p95)} | ${p.auth.p95.toFixed(1)} | ${p.auth.perSecond.toFixed(0)} |`,
    ),
    '',
  );
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const header = [
    '# Neighbourhood analysis benchmark',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after. PostgreSQL: ${serverUrl ? 'yes (DATABASE_URL)' : 'not measured (DATABASE_URL not set)'}.`,
    '',
    'Generated by `npx tsx bench/analysis.ts` (part of `npm run bench`). Wall-clock times; every ratio compares with a baseline measured in the same run.',
    '',
  ];
  const previous = (() => {
    try {
      return readFileSync('docs/benchmarks/analysis.md', 'utf8');
    } catch {
      return '';
    }
  })();
  const notesAt = previous.indexOf('<!-- notes');
  const notes = notesAt >= 0 ? previous.slice(notesAt) : '';
  mkdirSync('docs/benchmarks', { recursive: true });
  writeFileSync('docs/benchmarks/analysis.md', `${[...header, ...lines].join('\n')}\n${notes}`);
  log('docs/benchmarks/analysis.md bijgewerkt.');
}

await main();
