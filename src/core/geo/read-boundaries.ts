/**
 * Region boundaries from any boundary file, once its format is decoded into layers of features
 * (GeoJSON here; shapefiles and GeoPackages in server/files): per feature its CBS code (from the
 * property given or detected, code-property.ts, optionally after a prefix: KODE "0311" + "BU0344"),
 * its name, and its geometry reprojected to WGS84 from the system its layer states (crs.ts).
 * Every problem names file, layer, feature and property; nothing half-read is returned.
 */
import { failImport, ImportIssues } from '../cbs-import/import-issues.ts';
import type { RegionLevel } from '../analysis/region-code.ts';
import { getRegionLevel, normalizeRegionCode } from '../analysis/region-code.ts';
import { detectCodeProperty } from './code-property.ts';
import type { CrsSource, ResolvedCrs } from './crs.ts';
import { isWithinRdExtent, resolveCrs } from './crs.ts';

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

export interface RawFeature {
  properties: Readonly<Record<string, unknown>>;
  geometry: unknown;
}

export interface RawLayer {
  /** Layer (GeoPackage table, shapefile) name; the file name for a GeoJSON. */
  name: string;
  crs: CrsSource;
  features: readonly RawFeature[];
}

export interface BoundaryLayerReport {
  name: string;
  crs: string;
  features: number;
  codeProperty: string;
  nameProperty: string | null;
}

export interface BoundariesResult {
  fileName: string;
  year: number;
  layers: BoundaryLayerReport[];
  features: BoundaryFeature[];
}

export interface ReadBoundariesOptions {
  fileName: string;
  year: number;
  /** The property with the code (KODE) or the whole CBS code (statcode); detected when absent. */
  codeProperty?: string;
  /** Put before the property's value, e.g. BU0344 for KODE 0311. */
  codePrefix?: string;
  /** The property with the region's name; detected with the code when absent. */
  nameProperty?: string;
}

export const BOUNDARY_LIMITS = { features: 100_000, positions: 20_000_000 } as const;

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

/** A GeoJSON FeatureCollection as one layer; its "crs" member, or RD New recognised by its coordinates. */
export function readGeoJsonLayer(input: unknown, fileName: string): RawLayer {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    failImport(fileName, { reason: 'geen GeoJSON FeatureCollection' });
  }
  const features = (input.features as unknown[]).map((feature) => ({
    properties: isObject(feature) && isObject(feature.properties) ? feature.properties : {},
    geometry: isObject(feature) ? feature.geometry : undefined,
  }));
  return { name: fileName, crs: readGeoJsonCrs(input), features };
}

function readGeoJsonCrs(collection: Json): CrsSource {
  const crs = collection.crs;
  if (isObject(crs) && isObject(crs.properties)) {
    if (typeof crs.properties.name === 'string') return { kind: 'name', name: crs.properties.name };
    // GeoJSON 2008: {"type": "EPSG", "properties": {"code": 28992}}
    if (typeof crs.properties.code === 'number') return { kind: 'epsg', code: crs.properties.code };
  }
  return { kind: 'none' };
}

/**
 * A layer that states no system (GeoJSON without "crs", RFC 7946: WGS84; a shapefile without .prj):
 * WGS84 when its coordinates are degrees, RD New when they lie in RD New's extent, else refused.
 */
function detectCrsFromCoordinates(features: readonly RawFeature[], fileName: string): CrsSource {
  for (const feature of features) {
    const position = isObject(feature.geometry) ? firstPosition(feature.geometry.coordinates) : null;
    if (position === null) continue;
    const [x = Number.NaN, y = Number.NaN] = position;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { kind: 'none' };
    if (isWithinRdExtent(x, y)) return { kind: 'epsg', code: 28992 };
    failImport(fileName, {
      reason: `coördinaat (${x}, ${y}) is geen WGS84 en ligt niet in RD New, en het bestand noemt geen coördinatenstelsel (GeoJSON "crs", .prj)`,
    });
  }
  return { kind: 'none' };
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

function isValidGeometry(geometry: unknown): geometry is Json & BoundaryGeometry {
  if (!isObject(geometry)) return false;
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

/** Positions of a geometry converted to WGS84, rounded to 7 decimals (about 1 cm); null when out of range. */
function toWgs84(
  geometry: BoundaryGeometry,
  crs: ResolvedCrs,
  counter: { positions: number },
): BoundaryGeometry | null {
  if (crs.isWgs84) {
    // Kept as the file has them; only checked (metres stated as degrees are out of range).
    let isOutOfRange = false;
    const check = (coordinates: unknown): void => {
      if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
        counter.positions++;
        const [lon = Number.NaN, lat = Number.NaN] = coordinates as number[];
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) isOutOfRange = true;
      } else if (Array.isArray(coordinates)) coordinates.forEach(check);
    };
    check(geometry.coordinates);
    return isOutOfRange
      ? null
      : ({ type: geometry.type, coordinates: geometry.coordinates } as BoundaryGeometry);
  }
  let isOutOfRange = false;
  const convert = (position: number[]): number[] => {
    counter.positions++;
    const [lon, lat] = crs.toWgs84(position);
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) isOutOfRange = true;
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  };
  const ring = (positions: number[][]) => positions.map(convert);
  const coordinates =
    geometry.type === 'Polygon'
      ? (geometry.coordinates as number[][][]).map(ring)
      : (geometry.coordinates as number[][][][]).map((polygon) => polygon.map(ring));
  return isOutOfRange ? null : ({ type: geometry.type, coordinates } as BoundaryGeometry);
}

export function readBoundaries(
  layers: readonly RawLayer[],
  options: ReadBoundariesOptions,
): BoundariesResult {
  const { fileName } = options;
  const issues = new ImportIssues(fileName);
  const seen = new Map<string, string>();
  const features: BoundaryFeature[] = [];
  const reports: BoundaryLayerReport[] = [];
  const counter = { positions: 0 };
  const total = layers.reduce((sum, layer) => sum + layer.features.length, 0);
  if (total > BOUNDARY_LIMITS.features) {
    failImport(fileName, { reason: `meer dan ${BOUNDARY_LIMITS.features} gebieden in het bestand` });
  }
  for (const layer of layers) {
    if (layer.features.length === 0) continue;
    const where = layers.length > 1 ? `laag ${layer.name}, ` : '';
    const detected = options.codeProperty === undefined ? detectCodeProperty(layer.features) : null;
    const codeProperty = options.codeProperty ?? detected?.codeProperty;
    if (codeProperty === undefined) {
      const keys = Object.keys(layer.features[0]?.properties ?? {}).join(', ');
      failImport(fileName, {
        reason:
          `${where}geen eigenschap met CBS-codes gevonden (zoals buurtcode, BU_CODE, statcode) onder ${keys || 'geen eigenschappen'}; ` +
          'noem de eigenschap met --code-property (en een voorvoegsel met --code-prefix)',
      });
    }
    const nameProperty = options.nameProperty ?? detected?.nameProperty ?? null;
    const stated = layer.crs.kind === 'none' ? detectCrsFromCoordinates(layer.features, fileName) : layer.crs;
    const crs = resolveCrs(stated, fileName);
    let read = 0;
    layer.features.forEach((feature, index) => {
      const row = index + 1;
      const at = (column: string) => (layers.length > 1 ? `${layer.name}.${column}` : column);
      const raw = feature.properties[codeProperty];
      if (raw === undefined || raw === null || String(raw).trim() === '') {
        issues.add({ row, column: at(codeProperty), reason: 'feature zonder code' });
        return;
      }
      const text = `${options.codePrefix ?? ''}${String(raw).trim()}`;
      const code = normalizeRegionCode(text);
      if (code === null) {
        issues.add({ row, column: at(codeProperty), reason: `'${text}' is geen geldige CBS-regiocode` });
        return;
      }
      const earlier = seen.get(code);
      if (earlier !== undefined) {
        issues.add({ row, column: at(codeProperty), reason: `${code} stond al in ${earlier}` });
        return;
      }
      seen.set(code, `${where}feature ${row}`);
      if (!isValidGeometry(feature.geometry)) {
        issues.add({ row, column: at('geometry'), reason: 'geen geldige Polygon of MultiPolygon' });
        return;
      }
      const geometry = toWgs84(feature.geometry, crs, counter);
      if (counter.positions > BOUNDARY_LIMITS.positions) {
        failImport(fileName, { reason: `meer dan ${BOUNDARY_LIMITS.positions} coördinaten in het bestand` });
      }
      if (geometry === null) {
        issues.add({
          row,
          column: at('geometry'),
          reason: `ligt na omrekening vanuit ${crs.label} buiten WGS84: klopt het coördinatenstelsel van het bestand?`,
        });
        return;
      }
      const name = nameProperty === null ? null : feature.properties[nameProperty];
      features.push({
        code,
        level: getRegionLevel(code) as RegionLevel,
        name: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
        geometry,
      });
      read++;
    });
    reports.push({ name: layer.name, crs: crs.label, features: read, codeProperty, nameProperty });
  }
  issues.throwIfAny();
  if (features.length === 0) failImport(fileName, { reason: 'het bestand bevat geen gebieden' });
  return { fileName, year: options.year, layers: reports, features };
}
