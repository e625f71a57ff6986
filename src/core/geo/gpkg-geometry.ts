/**
 * GeoPackage geometry blobs (OGC 12-128r18, "GeoPackage Binary"): a header ("GP", version, flags,
 * srs_id, an optional envelope) followed by standard WKB, which wkx (a maintained WKB/WKT library)
 * turns into a GeoJSON geometry.
 */
import wkx from 'wkx';

/** Envelope sizes in bytes by the flags' envelope contents indicator (bits 1-3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

export function decodeGeoPackageGeometry(blob: Uint8Array): { type: string; coordinates?: unknown } | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new Error('geen GeoPackage-geometrie (kop "GP" ontbreekt)');
  const flags = blob[3] ?? 0;
  if ((flags & 0b10_0000) !== 0) throw new Error('uitgebreide GeoPackage-geometrie wordt niet ondersteund');
  if ((flags & 0b1_0000) !== 0) return null; // empty geometry
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('ongeldige envelop in de GeoPackage-geometrie');
  const start = 8 + envelope;
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + start, blob.byteLength - start);
  return wkx.Geometry.parse(wkb).toGeoJSON() as { type: string; coordinates?: unknown };
}
