import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { readBoundaries } from './read-boundaries.ts';

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

const options = {
  fileName: 'buurten.geojson',
  year: 2024,
  codeProperty: 'KODE',
  codePrefix: 'BU0344',
  nameProperty: 'NAAM',
};

describe('reading boundaries', () => {
  it('builds CBS codes from a municipal code and keeps WGS84 as it is', () => {
    const result = readBoundaries(
      collection([{ KODE: '0311', coordinates: square(5.1, 52.1, 0.01) }]),
      options,
    );
    expect(result.crs).toBe('EPSG:4326');
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
      const result = readBoundaries(
        collection([{ KODE: '0311', coordinates: square(155_000, 463_000, 1000) }], crs),
        options,
      );
      expect(result.crs).toBe('EPSG:28992');
      const [lon, lat] = (result.features[0]!.geometry.coordinates as number[][][])[0]![0]!;
      expect(lat).toBeCloseTo(52.15517, 5);
      expect(lon).toBeCloseTo(5.38721, 5);
    }
  });

  it('names every bad feature: no code, an invalid code, a duplicate, a broken geometry', () => {
    const error = catchError(() =>
      readBoundaries(
        collection([
          { KODE: '', coordinates: square(5, 52, 1) },
          { KODE: '03x', coordinates: square(5, 52, 1) },
          { KODE: '0311', coordinates: square(5, 52, 1) },
          { KODE: '0311', coordinates: square(5, 52, 1) },
          { KODE: '0312', coordinates: [[[5, 52]]] },
        ]),
        options,
      ),
    );
    expect(error.code).toBe('import_failed');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['buurten.geojson', 1, 'KODE'],
      ['buurten.geojson', 2, 'KODE'],
      ['buurten.geojson', 4, 'KODE'],
      ['buurten.geojson', 5, 'geometry'],
    ]);
    expect(error.issues[1]!.message).toContain("'BU034403x' is geen geldige CBS-regiocode");
  });

  it('refuses what is no FeatureCollection or uses another coordinate system', () => {
    expect(catchError(() => readBoundaries({ type: 'Feature' }, options)).message).toContain(
      'geen GeoJSON FeatureCollection',
    );
    expect(
      catchError(() =>
        readBoundaries(collection([{ KODE: '0311', coordinates: square(5, 52, 1) }], 'EPSG:3857'), options),
      ).message,
    ).toContain('EPSG:3857');
    expect(
      catchError(() =>
        readBoundaries(collection([{ KODE: '0311', coordinates: square(900_000, 52, 1) }]), options),
      ).message,
    ).toContain('geen WGS84');
  });
});
