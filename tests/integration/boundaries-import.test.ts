/**
 * `npx wijkkompas import geo FILE --year YYYY` on the boundary files CBS publishes (a GeoPackage and a
 * zipped shapefile in RD New, made with GDAL from ../shared/data/geo: tests/fixtures/geo), without
 * naming the code column, then GET /api/v1/municipalities/GM0344/map serving WGS84. On a database of
 * its own (a PGlite folder, or a new PostgreSQL database when DATABASE_URL is set), as an
 * administrator would run it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/services/auth.service.ts';
import { systemClock } from '../../src/server/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DATA, OVERVECHT_BUURTEN } from './analysis-harness.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/geo');
const ORIGINAL = JSON.parse(readFileSync(join(DATA, 'geo/utrecht-buurten.geojson'), 'utf8')) as {
  features: { properties: { KODE: string }; geometry: { coordinates: number[][][] } }[];
};

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' };
  const exit = await main(args, io);
  return { exit, out: out.join('\n'), err: err.join('\n') };
}

describe('import geo: GeoPackage and zipped shapefile in RD New, served as WGS84', () => {
  const previous = { dataDir: process.env.WIJKKOMPAS_DATA_DIR, url: process.env.DATABASE_URL };
  let database: TestDatabase | null = null;
  const work = mkdtempSync(join(tmpdir(), 'wk-cli-geo-'));
  // Tests run in a random order (decision 0301): the imports the map needs happen here.
  let gpkg: Awaited<ReturnType<typeof cli>>;
  let zip: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase('cli_geo');
      await database.handle.close();
      process.env.DATABASE_URL = database.url!;
    } else {
      process.env.WIJKKOMPAS_DATA_DIR = join(work, 'data');
    }
    for (const year of [2023, 2024]) {
      const imported = await cli('import', 'cbs', join(DATA, `cbs/kwb-${year}-utrecht.xlsx`));
      expect(imported.exit, imported.err).toBe(0);
    }
    gpkg = await cli('import', 'geo', join(FIXTURES, 'overvecht-buurten-rd.gpkg'), '--year', '2024');
    zip = await cli('import', 'geo', join(FIXTURES, 'overvecht-buurten-rd.shp.zip'), '--year', '2023');
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

  async function withDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
    const handle = process.env.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
      : await openDatabase({ kind: 'pglite', dataDir: process.env.WIJKKOMPAS_DATA_DIR! });
    try {
      return await run(handle);
    } finally {
      await handle.close();
    }
  }

  const counts = () =>
    withDatabase(async (handle) => {
      const [row] = await handle.query<{ imports: number; geometries: number }>(
        'SELECT (SELECT count(*)::int FROM data_imports) AS imports, (SELECT count(*)::int FROM region_geometries) AS geometries',
      );
      return row!;
    });

  it('reads a GeoPackage and a zipped shapefile without --code-property', async () => {
    expect(gpkg.err).toBe('');
    expect(gpkg.exit).toBe(0);
    expect(gpkg.out).toContain('overvecht-buurten-rd.gpkg (geopackage, 2024): geïmporteerd');
    expect(gpkg.out).toContain('grenzen 10 (EPSG:28992, omgerekend naar WGS84)');
    expect(gpkg.out).toContain('laag buurten: 10 gebieden, EPSG:28992, code uit buurtcode');
    expect(zip.err).toBe('');
    expect(zip.out).toContain('overvecht-buurten-rd.shp.zip (shapefile-zip, 2023): geïmporteerd');
    expect(zip.out).toContain('laag buurt_2021_v1: 10 gebieden, EPSG:28992, code uit BU_CODE');
  });

  it('refuses a system it cannot convert, naming it, and writes nothing', async () => {
    const before = await counts();
    const result = await cli(
      'import',
      'geo',
      join(FIXTURES, 'overvecht-buurten-lambert93.gpkg'),
      '--year',
      '2022',
    );
    expect(result.exit).toBe(1);
    expect(result.err).toContain("coördinatenstelsel 'EPSG:2154' is onbekend");
    expect(result.err).toContain('Er is niets geïmporteerd.');
    expect(await counts()).toEqual(before);
  });

  it('serves the imported boundaries as WGS84 on the municipality map', async () => {
    await withDatabase(async (handle) => {
      const app = await buildApp({ database: handle, webRoot: null });
      try {
        const email = 'kaart@test.example';
        await createUser(
          { db: handle.db, clock: systemClock },
          {
            email,
            name: 'Kaartlezer',
            password: 'correct-horse-battery',
            organisationCode: 'GM0344',
            organisationName: 'Gemeente Utrecht',
            role: 'viewer',
          },
        );
        const session = await app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email, password: 'correct-horse-battery' },
        });
        const cookie = session.cookies.find((c) => c.name === 'wk_session')!;
        for (const year of [2024, 2023]) {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/municipalities/GM0344/map?indicator=a_inw&year=${year}`,
            headers: { cookie: `wk_session=${cookie.value}` },
          });
          expect(response.statusCode, response.body).toBe(200);
          const map = response.json() as {
            geometryYear: number;
            withoutGeometry: string[];
            features: { id: string; geometry: { type: string; coordinates: number[][][] } }[];
          };
          expect(map.geometryYear).toBe(year);
          expect(map.features.map((f) => f.id).sort()).toEqual(OVERVECHT_BUURTEN);
          expect(map.withoutGeometry).toHaveLength(101);
          for (const feature of map.features) {
            const original = ORIGINAL.features.find((f) => `BU0344${f.properties.KODE}` === feature.id)!;
            const points = original.geometry.coordinates.flat();
            const served = feature.geometry.coordinates.flat();
            expect(served).toHaveLength(points.length);
            // WGS84 lon/lat within 2e-5 degrees (about 2 m) of the original from which GDAL made RD New
            for (const [lon, lat] of served) {
              expect(Math.abs(lon!)).toBeLessThan(180);
              const nearest = Math.min(...points.map(([x, y]) => Math.hypot(lon! - x!, lat! - y!)));
              expect(nearest).toBeLessThan(2e-5);
            }
          }
        }
      } finally {
        await app.close();
      }
    });
  });
});
