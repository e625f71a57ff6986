/**
 * Reading the feature layers of a GeoPackage (OGC 12-128: an SQLite database) with sql.js (SQLite
 * compiled to WebAssembly: no native build, runs wherever Node runs). Per layer (gpkg_contents with
 * data_type 'features') its rows, geometry decoded from GeoPackage Binary, and the coordinate system
 * its gpkg_spatial_ref_sys row states. Bounded by file size; the caller runs it off the event loop.
 */
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { failImport } from '../../core/cbs-import/import-issues.ts';
import type { CrsSource } from '../../core/geo/crs.ts';
import { decodeGeoPackageGeometry } from '../../core/geo/gpkg-geometry.ts';
import type { RawLayer } from '../../core/geo/read-boundaries.ts';

export const GEOPACKAGE_MAX_BYTES = 1024 * 1024 * 1024;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && new TextDecoder('latin1').decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql, params);
  const result: Record<string, SqlValue>[] = [];
  try {
    while (statement.step()) result.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return result;
}

function toCrsSource(srs: Record<string, SqlValue> | undefined, srsId: number): CrsSource {
  if (srsId === 0) return { kind: 'none' }; // "Undefined geographic SRS": lon/lat as stated
  if (srs === undefined) return { kind: 'name', name: `srs_id ${srsId} (niet in gpkg_spatial_ref_sys)` };
  const organization = String(srs.organization ?? '').toUpperCase();
  const code = Number(srs.organization_coordsys_id);
  const definition = String(srs.definition ?? '').trim();
  const wkt = definition !== '' && definition.toLowerCase() !== 'undefined' ? definition : undefined;
  if (organization === 'EPSG' && Number.isInteger(code) && code > 0) {
    return { kind: 'epsg', code, ...(wkt !== undefined ? { wkt } : {}) };
  }
  if (wkt !== undefined) return { kind: 'wkt', wkt };
  return { kind: 'name', name: String(srs.srs_name ?? `srs_id ${srsId}`) };
}

export async function readGeoPackageLayers(
  bytes: Uint8Array,
  options: { fileName: string; layer?: string | undefined },
): Promise<RawLayer[]> {
  const { fileName } = options;
  if (bytes.byteLength > GEOPACKAGE_MAX_BYTES) {
    failImport(fileName, { reason: `de GeoPackage is groter dan ${GEOPACKAGE_MAX_BYTES / 1024 / 1024} MB` });
  }
  const SQL = await initSqlJs();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    failImport(fileName, { reason: `geen leesbare GeoPackage (${(error as Error).message})` });
  }
  try {
    let contents: Record<string, SqlValue>[];
    try {
      contents = rows(
        db,
        "SELECT table_name, srs_id FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name",
      );
    } catch {
      failImport(fileName, { reason: 'geen GeoPackage: de tabel gpkg_contents ontbreekt' });
    }
    const wanted = contents.filter((c) => options.layer === undefined || c.table_name === options.layer);
    if (wanted.length === 0) {
      const names = contents.map((c) => String(c.table_name)).join(', ') || 'geen';
      failImport(fileName, {
        reason:
          options.layer === undefined
            ? 'de GeoPackage heeft geen lagen met gebieden'
            : `laag '${options.layer}' bestaat niet (wel: ${names})`,
      });
    }
    return wanted.map((content) => {
      const table = String(content.table_name);
      const [column] = rows(
        db,
        'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?',
        [table],
      );
      if (column === undefined)
        failImport(fileName, { reason: `laag ${table}: geen geometriekolom in gpkg_geometry_columns` });
      const geometryColumn = String(column.column_name);
      const srsId = Number(column.srs_id ?? content.srs_id);
      const [srs] = rows(db, 'SELECT * FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
      const features = rows(db, `SELECT * FROM ${quoteIdentifier(table)}`).map((row, index) => {
        const { [geometryColumn]: blob, ...properties } = row;
        let geometry: unknown = null;
        if (blob instanceof Uint8Array) {
          try {
            geometry = decodeGeoPackageGeometry(blob);
          } catch (error) {
            failImport(fileName, {
              row: index + 1,
              column: `${table}.${geometryColumn}`,
              reason: (error as Error).message,
            });
          }
        }
        return { properties, geometry };
      });
      return { name: table, crs: toCrsSource(srs, srsId), features };
    });
  } finally {
    db.close();
  }
}
