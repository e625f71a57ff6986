/**
 * `npx wijkkompas import ...` and `area profile` on a database of their own (a PGlite folder, or a
 * new PostgreSQL database when DATABASE_URL is set), as an administrator would run them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DATA, OVERVECHT_BUURTEN, readCbsRow } from './analysis-harness.ts';

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

describe('npx wijkkompas import / area', () => {
  const previous = { dataDir: process.env.WIJKKOMPAS_DATA_DIR, url: process.env.DATABASE_URL };
  let database: TestDatabase | null = null;
  const work = mkdtempSync(join(tmpdir(), 'wk-cli-analysis-'));
  // Tests run in a random order (decision 0301): the imports every test relies on happen here.
  let metadata: Awaited<ReturnType<typeof cli>>;
  let imported: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase('cli_analysis');
      await database.handle.close();
      process.env.DATABASE_URL = database.url!;
    } else {
      process.env.WIJKKOMPAS_DATA_DIR = join(work, 'data');
    }
    metadata = await cli(
      'import',
      'metadata',
      join(DATA, 'cbs/metadata/DataProperties_85984NED.json'),
      join(DATA, 'cbs/metadata/TableInfos_85984NED.json'),
    );
    imported = await cli('import', 'cbs', join(DATA, 'cbs/kwb-2023-utrecht.xlsx'));
  });
  afterAll(async () => {
    for (const [name, value] of [
      ['WIJKKOMPAS_DATA_DIR', previous.dataDir],
      ['DATABASE_URL', previous.url],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.dispose().catch(() => undefined);
  });

  async function query<T>(sql: string, params: unknown[] = []) {
    const handle = process.env.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
      : await openDatabase({ kind: 'pglite', dataDir: process.env.WIJKKOMPAS_DATA_DIR! });
    try {
      return await handle.query<T>(sql, params);
    } finally {
      await handle.close();
    }
  }

  it('imports metadata and a kwb file and prints the report', async () => {
    expect(metadata.err).toBe('');
    expect(metadata.exit).toBe(0);
    expect(metadata.out).toContain('Kerncijfers wijken en buurten 2024');
    expect(imported.exit).toBe(0);
    expect(imported.out).toContain('kwb-2023-utrecht.xlsx (kwb-xlsx, 2023): geïmporteerd');
    expect(imported.out).toMatch(
      /rijen 122 · gebieden 122 · indicatoren 115 · waarnemingen 14\.030 · lege cellen [\d.]+/,
    );
    expect(imported.out).toContain('genegeerde kolommen (6): gwb_code_10');
    const again = await cli('import', 'cbs', join(DATA, 'cbs/kwb-2023-utrecht.xlsx'));
    expect(again.out).toContain('ongewijzigd');
  });

  it('stops with the precise error and writes nothing when any file is bad', async () => {
    const [before] = await query<{ n: number }>('SELECT count(*)::int AS n FROM data_imports');
    const contradicting = await cli(
      'import',
      'cbs',
      join(DATA, 'cbs/kwb-2024-utrecht.xlsx'),
      join(DATA, 'cbs/kwb-2023-utrecht.xlsx'),
      '--year',
      '2024',
    );
    expect(contradicting.exit).toBe(1);
    expect(contradicting.err).toContain(
      'kwb-2023-utrecht.xlsx: het opgegeven jaar (2024) spreekt de bestandsnaam (2023) tegen',
    );
    expect(contradicting.err).toContain('Er is niets geïmporteerd.');
    const broken = join(work, 'kwb-2019-kapot.csv');
    writeFileSync(broken, 'gwb_code_10;regio;a_inw\nGM9001;X;10\nBU90010101;Y;veel\n');
    const text = await cli('import', 'cbs', broken);
    expect(text.exit).toBe(1);
    expect(text.err).toContain("kwb-2019-kapot.csv · 3 · a_inw: kolom a_inw, rij 3: 'veel' is geen getal");
    const [after] = await query<{ n: number }>('SELECT count(*)::int AS n FROM data_imports');
    expect(after!.n).toBe(before!.n);
  });

  it('prints the area profile as JSON in the documented shape', async () => {
    const result = await cli(
      'area',
      'profile',
      '--regions',
      OVERVECHT_BUURTEN.join(','),
      '--year',
      '2023',
      '--json',
    );
    expect(result.err).toBe('');
    expect(result.exit).toBe(0);
    const profile = JSON.parse(result.out);
    expect(Object.keys(profile)).toEqual(['regions', 'year', 'indicators']);
    expect(profile.year).toBe(2023);
    expect(profile.regions.map((r: { code: string }) => r.code)).toEqual(OVERVECHT_BUURTEN);
    expect(profile.regions[0].name).toBe('Taag- en Rubicondreef en omgeving');
    for (const indicator of profile.indicators) {
      expect(Object.keys(indicator)).toEqual([
        'key',
        'title',
        'unit',
        'kind',
        'value',
        'coverage',
        'municipalityValue',
        'countryValue',
        'percentileInCountry',
        'domain',
        'direction',
      ]);
    }
    const inhabitants = profile.indicators.find((i: { key: string }) => i.key === 'a_inw');
    const wijk = await readCbsRow(2023, 'WK034403');
    expect(Math.abs(inhabitants.value - Number(wijk.a_inw))).toBeLessThanOrEqual(27.5);
    expect(inhabitants).toMatchObject({ unit: 'aantal', kind: 'count', coverage: 1, domain: 'demography' });
    const table = await cli('area', 'profile', '--regions', 'WK034403', '--year', '2023');
    expect(table.out).toContain('Bron: CBS');
    expect(table.out).toMatch(/Aantal inwoners \(a_inw\)\s+aantal\s+[\d.]+\s+100%/);
  });

  it('refuses an area profile of a code that does not exist that year', async () => {
    const result = await cli('area', 'profile', '--regions', 'BU99990101', '--year', '2023');
    expect(result.exit).toBe(1);
    expect(result.err).toContain('areaCodes · BU99990101: geen regio in 2023');
  });
});
