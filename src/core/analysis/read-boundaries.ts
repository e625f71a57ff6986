/**
 * Reads region boundaries from a GeoJSON FeatureCollection: every feature's CBS code (from a property
 * that holds it, or a municipal code with a prefix: KODE "0311" + "BU0344" -> BU03440311) and its
 * geometry in WGS84. RD New (EPSG:28992) input, recognised by its "crs" member or, lacking that, by
 * its coordinates, is converted with rd-new.ts. Pure: the caller reads and parses the file.
 */
import { failImport, ImportIssues } from '../cbs-import/import-issues.ts';
import { convertRdToWgs84, isWithinRdExtent } from './rd-new.ts';
import type { RegionLevel } from './region-code.ts';
import { getRegionLevel, normalizeRegionCode } from './region-code.ts';

export type BoundaryCrs = 'EPSG:4326' | 'EPSG:28992';

export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface BoundaryFeature {
  code: string;
  level: RegionLevel;
  name: string | null;
  geometry: BoundaryGeometry;
}

export interface BoundariesResult {
  fileName: string;
  year: number;
  crs: BoundaryCrs;
  features: BoundaryFeature[];
}

export interface ReadBoundariesOptions {
  fileName: string;
  year: number;
  /** The property that holds the code (KODE) or the whole CBS code (statcode). */
  codeProperty: string;
  /** Put before the property's value, e.g. BU0344 for KODE 0311. */
  codePrefix?: string;
  /** The property with the region's name, when there is one (NAAM). */
  nameProperty?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstPosition(coordinates: unknown): number[] | null {
  let current = coordinates;
  while (Array.isArray(current) && Array.isArray(current[0])) current = current[0];
  return Array.isArray(current) && typeof current[0] === 'number' && typeof current[1] === 'number'
    ? (current as number[])
    : null;
}

/** The CRS the file declares, or the one its first coordinate shows. */
export function detectBoundaryCrs(collection: Json, fileName: string): BoundaryCrs {
  const crs = collection.crs;
  const declared = isObject(crs) && isObject(crs.properties) ? String(crs.properties.name ?? '') : '';
  if (/28992/.test(declared)) return 'EPSG:28992';
  if (/4326|CRS84/i.test(declared)) return 'EPSG:4326';
  if (declared !== '')
    failImport(fileName, {
      reason: `coördinatenstelsel ${declared} wordt niet ondersteund (alleen WGS84 en RD New)`,
    });
  const features = Array.isArray(collection.features) ? collection.features : [];
  for (const feature of features) {
    const position =
      isObject(feature) && isObject(feature.geometry) ? firstPosition(feature.geometry.coordinates) : null;
    if (position === null) continue;
    const [x = Number.NaN, y = Number.NaN] = position;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return 'EPSG:4326';
    if (isWithinRdExtent(x, y)) return 'EPSG:28992';
    failImport(fileName, { reason: `coördinaat (${x}, ${y}) is geen WGS84 en ligt niet in RD New` });
  }
  return 'EPSG:4326';
}

/** Rounds to 7 decimals (about 1 cm): the conversion is accurate to about 1 m anyway. */
function toWgs84Position(position: number[]): number[] {
  const { lat, lon } = convertRdToWgs84(position[0] ?? 0, position[1] ?? 0);
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

function mapPositions(coordinates: unknown, map: (position: number[]) => number[]): unknown {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return map(coordinates as number[]);
  return Array.isArray(coordinates) ? coordinates.map((inner) => mapPositions(inner, map)) : coordinates;
}

function isValidRing(ring: unknown): boolean {
  return (
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every(
      (p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)),
    )
  );
}

function isValidGeometry(geometry: Json): geometry is Json & BoundaryGeometry {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : null;
  return (
    Array.isArray(polygons) &&
    polygons.length > 0 &&
    polygons.every((polygon) => Array.isArray(polygon) && polygon.length > 0 && polygon.every(isValidRing))
  );
}

export function readBoundaries(input: unknown, options: ReadBoundariesOptions): BoundariesResult {
  const { fileName } = options;
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    failImport(fileName, { reason: 'geen GeoJSON FeatureCollection' });
  }
  const crs = detectBoundaryCrs(input, fileName);
  const issues = new ImportIssues(fileName);
  const seen = new Map<string, number>();
  const features: BoundaryFeature[] = [];
  (input.features as unknown[]).forEach((feature, index) => {
    const row = index + 1;
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    const raw = properties[options.codeProperty];
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      issues.add({ row, column: options.codeProperty, reason: 'feature zonder code' });
      return;
    }
    const code = normalizeRegionCode(`${options.codePrefix ?? ''}${String(raw).trim()}`);
    if (code === null) {
      issues.add({
        row,
        column: options.codeProperty,
        reason: `'${options.codePrefix ?? ''}${String(raw).trim()}' is geen geldige CBS-regiocode`,
      });
      return;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      issues.add({ row, column: options.codeProperty, reason: `${code} stond al in feature ${earlier}` });
      return;
    }
    seen.set(code, row);
    const geometry = isObject(feature) ? feature.geometry : undefined;
    if (!isObject(geometry) || !isValidGeometry(geometry)) {
      issues.add({ row, column: 'geometry', reason: 'geen geldige Polygon of MultiPolygon' });
      return;
    }
    const coordinates =
      crs === 'EPSG:28992' ? mapPositions(geometry.coordinates, toWgs84Position) : geometry.coordinates;
    const name = options.nameProperty === undefined ? null : properties[options.nameProperty];
    features.push({
      code,
      level: getRegionLevel(code) as RegionLevel,
      name: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
      geometry: { type: geometry.type, coordinates } as BoundaryGeometry,
    });
  });
  issues.throwIfAny();
  if (features.length === 0) failImport(fileName, { reason: 'de FeatureCollection bevat geen features' });
  return { fileName, year: options.year, crs, features };
}
