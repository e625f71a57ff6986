/**
 * A boundary file's format from its first bytes, decoded into layers: a zip archive is a zipped
 * shapefile, an SQLite database a GeoPackage, anything else must be GeoJSON.
 */
import { failImport } from '../../core/cbs-import/import-issues.ts';
import { isZip, type UnzipLimits } from '../../core/files/unzip.ts';
import type { RawLayer } from '../../core/geo/read-boundaries.ts';
import { readGeoJsonLayer } from '../../core/geo/read-boundaries.ts';
import { isSqlite, readGeoPackageLayers } from './geopackage.ts';
import { readZippedShapefileLayers } from './shapefile.ts';

export type BoundaryFormat = 'shapefile-zip' | 'geopackage' | 'geojson';

export async function readBoundaryLayers(
  content: Uint8Array,
  options: { fileName: string; layer?: string | undefined; zipLimits?: UnzipLimits | undefined },
): Promise<{ format: BoundaryFormat; layers: RawLayer[] }> {
  if (isZip(content)) {
    const layers = await readZippedShapefileLayers(content, { ...options, limits: options.zipLimits });
    return { format: 'shapefile-zip', layers };
  }
  if (isSqlite(content))
    return { format: 'geopackage', layers: await readGeoPackageLayers(content, options) };
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8').decode(content).replace(/^\uFEFF/, ''));
  } catch (error) {
    failImport(options.fileName, {
      reason: `geen GeoJSON, GeoPackage of gezipte shapefile (${(error as Error).message})`,
    });
  }
  return { format: 'geojson', layers: [readGeoJsonLayer(document, options.fileName)] };
}
