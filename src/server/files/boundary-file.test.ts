/**
 * The boundary files CBS publishes, as fixtures made with GDAL from ../shared/data/geo (command in
 * tests/fixtures/geo/make-fixtures.sh): the 10 buurten of Overvecht in RD New, Web Mercator and
 * ETRS89 / UTM 31N, as zipped shapefiles, GeoPackages and GeoJSON. GDAL projected the WGS84 original
 * into each system; reading them back must give the original coordinates (GDAL/PROJ and proj4 are
 * independent implementations; RD New goes through a datum shift, about a metre).
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.ts';
import { readBoundaries, type BoundariesResult } from '../../core/geo/read-boundaries.ts';
import { readBoundaryLayers } from './boundary-file.ts';
import { SHAPEFILE_ZIP_LIMITS } from './shapefile.ts';

const FIXTURES = 'tests/fixtures/geo';
const ORIGINAL = JSON.parse(readFileSync('../shared/data/geo/utrecht-buurten.geojson', 'utf8')) as {
  features: {
    properties: { KODE: string; WIJKKODE: string };
    geometry: { type: string; coordinates: number[][][] };
  }[];
};
const OVERVECHT = ORIGINAL.features.filter((f) => f.properties.WIJKKODE === '03');

async function read(file: string, extra: { codeProperty?: string; layer?: string } = {}) {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${file}`));
  const { format, layers } = await readBoundaryLayers(bytes, { fileName: file, layer: extra.layer });
  return { format, result: readBoundaries(layers, { fileName: file, year: 2024, ...extra }) };
}

/** Largest distance (degrees) from a read vertex to the nearest original vertex of the same buurt. */
function largestDeviation(result: BoundariesResult): number {
  let worst = 0;
  for (const feature of result.features) {
    const original = OVERVECHT.find((f) => `BU0344${f.properties.KODE}` === feature.code)!;
    const points = original.geometry.coordinates.flat();
    const rings = (
      feature.geometry.type === 'Polygon'
        ? (feature.geometry.coordinates as number[][][])
        : (feature.geometry.coordinates as number[][][][]).flat()
    ).flat();
    expect(rings.length).toBe(points.length);
    for (const [lon, lat] of rings) {
      const nearest = Math.min(...points.map(([x, y]) => Math.hypot(lon! - x!, lat! - y!)));
      worst = Math.max(worst, nearest);
    }
  }
  return worst;
}

const CASES: [string, string, string, number][] = [
  // file, format, system, tolerance in degrees (1e-5 deg is about 1.1 m north-south here)
  ['overvecht-buurten-rd.shp.zip', 'shapefile-zip', 'EPSG:28992', 2e-5],
  ['overvecht-buurten-webmercator.shp.zip', 'shapefile-zip', 'EPSG:3857', 1e-7],
  ['overvecht-buurten-utm31.shp.zip', 'shapefile-zip', 'EPSG:25831', 1e-7],
  ['overvecht-buurten-rd.gpkg', 'geopackage', 'EPSG:28992', 2e-5],
  ['overvecht-buurten-webmercator.gpkg', 'geopackage', 'EPSG:3857', 1e-7],
  ['overvecht-buurten-webmercator.geojson', 'geojson', 'EPSG:3857', 1e-7],
];

describe('boundary files as CBS publishes them', () => {
  it.each(CASES)('%s (%s, %s) reads back to the WGS84 original', async (file, format, crs, tolerance) => {
    const { format: found, result } = await read(file);
    expect(found).toBe(format);
    expect(result.layers).toHaveLength(1);
    expect(result.layers[0]).toMatchObject({ crs, features: 10 });
    expect(result.features.map((f) => f.code).sort()).toEqual(
      OVERVECHT.map((f) => `BU0344${f.properties.KODE}`).sort(),
    );
    expect(result.features.every((f) => f.level === 'BU')).toBe(true);
    expect(largestDeviation(result)).toBeLessThan(tolerance);
  });

  it('detects the code and name columns of both generations of the kaart', async () => {
    expect((await read('overvecht-buurten-rd.shp.zip')).result.layers[0]).toMatchObject({
      codeProperty: 'BU_CODE',
      nameProperty: 'BU_NAAM',
    });
    const gpkg = await read('overvecht-buurten-rd.gpkg');
    expect(gpkg.result.layers[0]).toMatchObject({
      name: 'buurten',
      codeProperty: 'buurtcode',
      nameProperty: 'buurtnaam',
    });
    expect(gpkg.result.features.find((f) => f.code === 'BU03440311')?.name).toBe(
      (OVERVECHT.find((f) => f.properties.KODE === '0311')!.properties as unknown as { NAAM: string }).NAAM,
    );
  });

  it('refuses a system it has no conversion for, naming it (Lambert-93 GeoPackage)', async () => {
    try {
      await read('overvecht-buurten-lambert93.gpkg');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toContain("coördinatenstelsel 'EPSG:2154' is onbekend");
    }
  });

  it('stops unpacking a zip bomb at the limit, and names a missing layer', async () => {
    // 40 MB of zeros packs into ~40 kB; with a 10 MB limit (the real one is SHAPEFILE_ZIP_LIMITS, 1 GiB)
    const bomb = zipSync({ 'bom.shp': new Uint8Array(40 * 1024 * 1024) }, { level: 6 });
    expect(bomb.length).toBeLessThan(200_000);
    try {
      await readBoundaryLayers(bomb, {
        fileName: 'bom.zip',
        zipLimits: { totalBytes: 10 * 1024 * 1024, entries: 10 },
      });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toContain('pakt uit tot meer dan 10 MB (bij bom.shp)');
    }
    expect(SHAPEFILE_ZIP_LIMITS.totalBytes).toBe(1024 * 1024 * 1024);
    try {
      await read('overvecht-buurten-rd.gpkg', { layer: 'wijken' });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toContain("laag 'wijken' bestaat niet (wel: buurten)");
    }
  });
});
