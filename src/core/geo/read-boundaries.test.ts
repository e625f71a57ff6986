import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { detectCodeProperty } from './code-property.ts';
import { readBoundaries, readGeoJsonLayer, type RawLayer } from './read-boundaries.ts';

const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

function collection(features: { KODE: unknown; coordinates: unknown; type?: string }[], crs?: string) {
  return {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: features.map((f) => ({
      type: 'Feature',
      properties: { KODE: f.KODE, NAAM: `Buurt ${String(f.KODE)}` },
      geometry: { type: f.type ?? 'Polygon', coordinates: f.coordinates },
    })),
  };
}

function catchError(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected an import error');
}

const FILE = 'buurten.geojson';
const options = {
  fileName: FILE,
  year: 2024,
  codeProperty: 'KODE',
  codePrefix: 'BU0344',
  nameProperty: 'NAAM',
};
const read = (input: unknown, extra: Partial<typeof options> = {}) =>
  readBoundaries([readGeoJsonLayer(input, FILE)], { ...options, ...extra });

describe('reading boundaries', () => {
  it('builds CBS codes from a municipal code and keeps WGS84 as it is', () => {
    const result = read(collection([{ KODE: '0311', coordinates: square(5.1, 52.1, 0.01) }]));
    expect(result.layers).toEqual([
      { name: FILE, crs: 'EPSG:4326', features: 1, codeProperty: 'KODE', nameProperty: 'NAAM' },
    ]);
    expect(result.features).toEqual([
      {
        code: 'BU03440311',
        level: 'BU',
        name: 'Buurt 0311',
        geometry: { type: 'Polygon', coordinates: square(5.1, 52.1, 0.01) },
      },
    ]);
  });

  it('converts RD New, declared or recognised by its coordinates', () => {
    for (const crs of ['urn:ogc:def:crs:EPSG::28992', undefined]) {
      const result = read(collection([{ KODE: '0311', coordinates: square(155_000, 463_000, 1000) }], crs));
      expect(result.layers[0]!.crs).toBe('EPSG:28992');
      const [lon, lat] = (result.features[0]!.geometry.coordinates as number[][][])[0]![0]!;
      // The Onze Lieve Vrouwetoren (RDNAPTRANS): 52.15517440 N, 5.38720621 E
      expect(Math.abs(lat! - 52.1551744)).toBeLessThan(1e-5);
      expect(Math.abs(lon! - 5.38720621)).toBeLessThan(1e-5);
    }
  });

  it('names every bad feature: no code, an invalid code, a duplicate, a broken geometry', () => {
    const error = catchError(() =>
      read(
        collection([
          { KODE: '', coordinates: square(5, 52, 1) },
          { KODE: '03x', coordinates: square(5, 52, 1) },
          { KODE: '0311', coordinates: square(5, 52, 1) },
          { KODE: '0311', coordinates: square(5, 52, 1) },
          { KODE: '0312', coordinates: [[[5, 52]]] },
        ]),
      ),
    );
    expect(error.code).toBe('import_failed');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [FILE, 1, 'KODE'],
      [FILE, 2, 'KODE'],
      [FILE, 4, 'KODE'],
      [FILE, 5, 'geometry'],
    ]);
    expect(error.issues[1]!.message).toContain("'BU034403x' is geen geldige CBS-regiocode");
  });

  it('refuses what is no FeatureCollection, coordinates of no known system, and a wrong stated system', () => {
    expect(catchError(() => read({ type: 'Feature' })).message).toContain('geen GeoJSON FeatureCollection');
    expect(
      catchError(() => read(collection([{ KODE: '0311', coordinates: square(900_000, 52, 1) }]))).message,
    ).toContain('geen WGS84 en ligt niet in RD New');
    // RD metres in a file that says WGS84: out of range, so the stated system must be wrong.
    const wrong = catchError(() =>
      read(collection([{ KODE: '0311', coordinates: square(155_000, 463_000, 10) }], 'EPSG:4326')),
    );
    expect(wrong.issues[0]!.message).toContain('ligt na omrekening vanuit EPSG:4326 buiten WGS84');
  });
});

describe('finding the code property', () => {
  const layer = (rows: Record<string, unknown>[]): RawLayer['features'] =>
    rows.map((properties) => ({ properties, geometry: null }));

  it("takes the feature's own code, not its wijk's or gemeente's (CBS shapefiles)", () => {
    const features = layer([
      {
        BU_CODE: 'BU03440311',
        BU_NAAM: 'Tigeli',
        WK_CODE: 'WK034403',
        WK_NAAM: 'Overvecht',
        GM_CODE: 'GM0344',
      },
      {
        BU_CODE: 'BU03440312',
        BU_NAAM: 'Zamenhofdreef',
        WK_CODE: 'WK034403',
        WK_NAAM: 'Overvecht',
        GM_CODE: 'GM0344',
      },
    ]);
    expect(detectCodeProperty(features)).toEqual({ codeProperty: 'BU_CODE', nameProperty: 'BU_NAAM' });
  });

  it('recognises the GeoPackage names, a wijk layer, and says when there is none', () => {
    expect(
      detectCodeProperty(layer([{ wijkcode: 'WK034403', wijknaam: 'Overvecht', gemeentecode: 'GM0344' }])),
    ).toEqual({ codeProperty: 'wijkcode', nameProperty: 'wijknaam' });
    expect(detectCodeProperty(layer([{ statcode: 'GM0344', statnaam: 'Utrecht' }]))).toEqual({
      codeProperty: 'statcode',
      nameProperty: 'statnaam',
    });
    expect(detectCodeProperty(layer([{ KODE: '0311', NAAM: 'Tigeli' }]))).toBeNull();
    const error = catchError(() =>
      readBoundaries([{ name: 'b', crs: { kind: 'none' }, features: layer([{ KODE: '0311' }]) }], {
        fileName: 'b.gpkg',
        year: 2024,
      }),
    );
    expect(error.message).toContain(
      'geen eigenschap met CBS-codes gevonden (zoals buurtcode, BU_CODE, statcode) onder KODE',
    );
  });
});
