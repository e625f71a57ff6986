/**
 * `npx wijkkompas import cbs --table ID`: fetching through CBS's OData APIs, against the recorded
 * responses in tests/fixtures/cbs-odata (see its README for their provenance) served by an HTTP server
 * on loopback that pages like the APIs do ($top/$skip for v3, @odata.nextLink for v4).
 */
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { isDomainError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/db/client.ts';
import { fetchCbsTable } from '../../src/server/services/cbs-odata-fetch.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const RECORDINGS = join(import.meta.dirname, '../fixtures/cbs-odata');
const V4_PAGE = 7;

function recorded(api: string, table: string, entity: string): { value: Record<string, unknown>[] } | null {
  const path = join(RECORDINGS, api, table, `${entity}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Serves the recordings: v3 with $filter on Perioden and $top/$skip, v4 Observations in pages of 7. */
function startServer(requests: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const [, api = '', table = '', entity = ''] = url.pathname.split('/');
    const document = recorded(api, table, entity);
    if (document === null) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"odata.error":{}}');
      return;
    }
    let rows = document.value;
    const filter = /^Perioden eq '(\w+)'$/.exec(url.searchParams.get('$filter') ?? '');
    if (filter) rows = rows.filter((row) => row.Perioden === filter[1]);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const body: Record<string, unknown> = { ...document };
    if (api === 'v3' && url.searchParams.has('$top')) {
      rows = rows.slice(skip, skip + Number(url.searchParams.get('$top')));
    } else if (api === 'v4' && entity === 'Observations') {
      const next = skip + V4_PAGE;
      if (next < rows.length) {
        const link = new URL(url.toString().replace('http://127.0.0.1', `http://${request.headers.host}`));
        link.searchParams.set('$skip', String(next));
        body['@odata.nextLink'] = link.toString();
      }
      rows = rows.slice(skip, next);
    }
    body.value = rows;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' };
  return { io, out, err };
}

async function cli(...args: string[]) {
  const { io, out, err } = fakeIo();
  const exit = await main(args, io);
  return { exit, out: out.join('\n'), err: err.join('\n') };
}

describe('import cbs --table through the OData APIs (recorded responses on loopback)', () => {
  const previous = { dataDir: process.env.WIJKKOMPAS_DATA_DIR, url: process.env.DATABASE_URL };
  const requests: string[] = [];
  let database: TestDatabase | null = null;
  let server: Server;
  let base = '';
  const work = mkdtempSync(join(tmpdir(), 'wk-cli-odata-'));

  beforeAll(async () => {
    ({ server, url: base } = await startServer(requests));
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase('cli_odata');
      await database.handle.close();
      process.env.DATABASE_URL = database.url!;
    } else {
      process.env.WIJKKOMPAS_DATA_DIR = join(work, 'data');
    }
  });
  afterAll(async () => {
    server.close();
    for (const [name, value] of [
      ['WIJKKOMPAS_DATA_DIR', previous.dataDir],
      ['DATABASE_URL', previous.url],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.dispose().catch(() => undefined);
  });

  async function count(sql: string) {
    const handle = process.env.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
      : await openDatabase({ kind: 'pglite', dataDir: process.env.WIJKKOMPAS_DATA_DIR! });
    try {
      return (await handle.query<{ n: number }>(sql))[0]!.n;
    } finally {
      await handle.close();
    }
  }

  async function profile(region: string, year: string) {
    const result = await cli('area', 'profile', '--regions', region, '--year', year, '--json');
    expect(result.err).toBe('');
    return JSON.parse(result.out) as { indicators: { key: string; title: string; value: number | null }[] };
  }

  it('v3: pages through TypedDataSet with $top/$skip and gives the figures of the recorded rows', async () => {
    requests.length = 0;
    const fetched = await fetchCbsTable({
      tableId: '85984ned',
      api: 'v3',
      baseUrl: `${base}/v3`,
      pageSize: 4,
    });
    expect(fetched.pages).toBe(3);
    expect(fetched.bundle.rows).toHaveLength(10);
    expect(fetched.period).toBeNull();
    expect(requests.filter((r) => r.includes('TypedDataSet'))).toEqual([
      '/v3/85984NED/TypedDataSet?%24format=json&%24top=4',
      '/v3/85984NED/TypedDataSet?%24format=json&%24top=4&%24skip=4',
      '/v3/85984NED/TypedDataSet?%24format=json&%24top=4&%24skip=8',
    ]);
    expect(fetched.bundle.topics.AantalInwoners_5).toEqual({ title: 'Aantal inwoners', unit: 'aantal' });
  });

  it('v3 through the CLI: imports the table whole and area profile gives its figures', async () => {
    const saved = join(work, 'saved.json');
    const result = await cli(
      'import',
      'cbs',
      '--table',
      '85984NED',
      '--api-url',
      `${base}/v3`,
      '--save',
      saved,
    );
    expect(result.err).toBe('');
    expect(result.exit).toBe(0);
    expect(result.out).toContain('Opgehaald: tabel 85984NED (OData v3), 10 rijen in 1 pagina');
    expect(result.out).toContain(
      '85984NED-odata-v3.json (odata-v3-json, 2024, tabel 85984NED): geïmporteerd',
    );
    expect(existsSync(saved)).toBe(true);
    // kwb-2024-buurten-selectie.csv, row of BU03440311: AantalInwoners_5 4260, HuishoudensTotaal_29 2240
    const tigeli = await profile('BU03440311', '2024');
    expect(tigeli.indicators.find((i) => i.key === 'a_inw')?.value).toBe(4260);
    expect(tigeli.indicators.find((i) => i.key === 'a_hh')?.value).toBe(2240);
  });

  it('v3 of a table with periods and a further dimension: the latest year, the totals', async () => {
    requests.length = 0;
    const result = await cli('import', 'cbs', '--table', '47018NED', '--api-url', `${base}/v3`);
    expect(result.err).toBe('');
    expect(result.out).toContain('(OData v3, periode 2024JJ00), 10 rijen');
    expect(requests).toContain('/v3/47018NED/SoortMisdrijf?%24format=json');
    expect(requests.some((r) => r.includes('%24filter=Perioden+eq+%272024JJ00%27'))).toBe(true);
    // misdrijven-2024-buurten.csv: BU03440311 579 registered crimes (the total "0.0.0")
    const tigeli = await profile('BU03440311', '2024');
    const crimes = tigeli.indicators.find((i) => i.title === 'Geregistreerde misdrijven');
    expect(crimes?.value).toBe(579);
  });

  it('refuses a year the table does not have, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM data_imports');
    const result = await cli(
      'import',
      'cbs',
      '--table',
      '47018NED',
      '--api-url',
      `${base}/v3`,
      '--year',
      '2022',
    );
    expect(result.exit).toBe(1);
    expect(result.err).toContain('tabel 47018NED heeft geen cijfers over 2022 (wel: 2023, 2024)');
    expect(result.err).toContain('Er is niets geïmporteerd.');
    expect(await count('SELECT count(*)::int AS n FROM data_imports')).toBe(before);
  });

  it('v4: follows @odata.nextLink and maps the measures to the catalogue', async () => {
    requests.length = 0;
    const result = await cli(
      'import',
      'cbs',
      '--table',
      '85984NED',
      '--api',
      'v4',
      '--api-url',
      `${base}/v4`,
    );
    expect(result.err).toBe('');
    const observations = recorded('v4', '85984NED', 'Observations')!.value.length;
    const pages = Math.ceil(observations / V4_PAGE);
    expect(pages).toBeGreaterThan(1);
    expect(result.out).toContain(`${observations} rijen in ${pages} pagina's`);
    expect(requests.filter((r) => r.startsWith('/v4/85984NED/Observations'))).toHaveLength(pages);
    // kwb-2024-woningen.csv: GM0344 M000297 (woningvoorraad) 167124, WK034403 M001642 (WOZ) 293
    const gemeente = await profile('GM0344', '2024');
    expect(gemeente.indicators.find((i) => i.key === 'a_woning')?.value).toBe(167124);
    const wijk = await profile('WK034403', '2024');
    expect(wijk.indicators.find((i) => i.key === 'g_wozbag')?.value).toBe(293);
  });

  it('tries again when the connection drops (a keep-alive socket closed under it)', async () => {
    let dropped = 0;
    const flaky = createServer((request, response) => {
      if (dropped < 2) {
        dropped++;
        request.socket.destroy();
        return;
      }
      const [, , , entity = ''] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(recorded('v3', '85984NED', entity)));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const port = (flaky.address() as AddressInfo).port;
      const fetched = await fetchCbsTable({
        tableId: '85984NED',
        api: 'v3',
        baseUrl: `http://127.0.0.1:${port}/v3`,
      });
      expect(dropped).toBe(2);
      expect(fetched.bundle.rows).toHaveLength(10);
    } finally {
      flaky.close();
    }
  });

  it('says when CBS cannot be reached, an unknown table, and a response over the limit', async () => {
    const down = await cli('import', 'cbs', '--table', '85984NED', '--api-url', 'http://127.0.0.1:9/v3');
    expect(down.exit).toBe(1);
    expect(down.err).toContain('CBS is niet bereikbaar');
    const unknown = await cli('import', 'cbs', '--table', '99999NED', '--api-url', `${base}/v3`);
    expect(unknown.err).toContain('niet gevonden bij CBS (404)');
    const bad = await cli('import', 'cbs', '--table', 'kwb2024', '--api-url', `${base}/v3`);
    expect(bad.err).toContain("'kwb2024' is geen CBS-tabelnummer");
    try {
      await fetchCbsTable({
        tableId: '85984NED',
        api: 'v3',
        baseUrl: `${base}/v3`,
        limits: { responseBytes: 1000 },
      });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toMatch(
        /DataProperties\?%24format=json: het antwoord is groter dan 1000 bytes$/,
      );
    }
  });
});
