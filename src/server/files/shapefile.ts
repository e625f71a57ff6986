/**
 * Reading zipped shapefiles (as CBS published the Wijk- en buurtkaart until 2021: one zip with a
 * .shp/.shx/.dbf/.prj/.cpg per level) with `shapefile` (the .shp and .dbf reader of d3's author) after
 * unpacking within limits (core/files/unzip.ts). Every .shp in the archive is a layer, its .prj WKT
 * the coordinate system, its .cpg the text encoding of the attributes (else Windows-1252, the dBase
 * default). Only those four kinds of entry are inflated.
 */
import * as shapefile from 'shapefile';
import { failImport } from '../../core/cbs-import/import-issues.ts';
import { unzipEntries, type UnzipLimits } from '../../core/files/unzip.ts';
import type { RawFeature, RawLayer } from '../../core/geo/read-boundaries.ts';

export const SHAPEFILE_ZIP_LIMITS = { totalBytes: 1024 * 1024 * 1024, entries: 1_000 };

/** Encodings a .cpg names, as TextDecoder labels. */
function toEncoding(cpg: string | undefined): string {
  const text = (cpg ?? '').trim().toLowerCase();
  if (text === '') return 'windows-1252';
  if (/utf-?8/.test(text)) return 'utf-8';
  if (/^(ansi )?1252$|^cp1252$|windows-1252/.test(text)) return 'windows-1252';
  if (/8859-?1|latin-?1/.test(text)) return 'iso-8859-1';
  return text;
}

export async function readZippedShapefileLayers(
  bytes: Uint8Array,
  options: { fileName: string; layer?: string | undefined; limits?: UnzipLimits | undefined },
): Promise<RawLayer[]> {
  const { fileName } = options;
  const entries = unzipEntries(bytes, {
    fileName,
    limits: options.limits ?? SHAPEFILE_ZIP_LIMITS,
    accept: (name) => /\.(shp|dbf|prj|cpg)$/i.test(name) && !/(^|\/)(__MACOSX|\.)/.test(name),
  });
  const byStem = new Map<string, Map<string, Uint8Array>>();
  for (const entry of entries) {
    const dot = entry.name.lastIndexOf('.');
    const stem = entry.name.slice(0, dot);
    const parts = byStem.get(stem.toLowerCase()) ?? new Map<string, Uint8Array>();
    parts.set(entry.name.slice(dot + 1).toLowerCase(), entry.bytes);
    parts.set('name', new TextEncoder().encode(stem.split('/').pop() ?? stem));
    byStem.set(stem.toLowerCase(), parts);
  }
  const layers: RawLayer[] = [];
  for (const parts of byStem.values()) {
    const shp = parts.get('shp');
    const name = new TextDecoder().decode(parts.get('name'));
    if (shp === undefined || (options.layer !== undefined && name !== options.layer)) continue;
    const prj = parts.get('prj');
    const cpg = parts.get('cpg');
    const features: RawFeature[] = [];
    try {
      const source = await shapefile.open(shp, parts.get('dbf'), {
        encoding: toEncoding(cpg === undefined ? undefined : new TextDecoder().decode(cpg)),
      });
      for (;;) {
        const next = await source.read();
        if (next.done) break;
        features.push({ properties: next.value.properties ?? {}, geometry: next.value.geometry });
      }
    } catch (error) {
      failImport(fileName, { reason: `${name}.shp is niet te lezen (${(error as Error).message})` });
    }
    const wkt = prj === undefined ? '' : new TextDecoder().decode(prj).trim();
    layers.push({
      name,
      crs: wkt === '' ? { kind: 'none' } : { kind: 'wkt', wkt },
      features,
    });
  }
  if (layers.length === 0) {
    failImport(fileName, {
      reason:
        options.layer === undefined
          ? 'het zip-archief bevat geen shapefile (.shp)'
          : `het zip-archief bevat geen shapefile '${options.layer}.shp'`,
    });
  }
  return layers;
}
