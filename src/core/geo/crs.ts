/**
 * The coordinate reference system a boundary file states, and its conversion to WGS84 (lon/lat) with
 * proj4 (a maintained projection library; decision 0602). A file states its system as:
 * - an EPSG code: GeoJSON "crs" ("urn:ogc:def:crs:EPSG::28992", "EPSG:28992"), GeoPackage
 *   gpkg_spatial_ref_sys (organization EPSG, organization_coordsys_id), an AUTHORITY in WKT;
 * - WKT: a shapefile's .prj (GDAL writes ESRI WKT there, without EPSG code and without datum shift),
 *   a GeoPackage's definition.
 * Known systems use their EPSG definition *with* the datum shift to WGS84 (for RD New the 7-parameter
 * Helmert transformation of EPSG:15739 "Amersfoort to WGS 84 (3)", about 1 m), whatever the WKT omits:
 * an ESRI .prj of RD New parsed as it stands would put every buurt about 100 m off. Other WKT is used
 * as stated when its datum is WGS84 or ETRS89 (within about 1 m of each other in the Netherlands) or
 * it carries TOWGS84; anything else is refused with its name, never guessed.
 */
import proj4 from 'proj4';
import { failImport } from '../cbs-import/import-issues.ts';

/** What the file says about its coordinates. */
export type CrsSource =
  /** With the file's own WKT definition when it has one (GeoPackage), used for codes not listed here. */
  | { kind: 'epsg'; code: number; wkt?: string }
  | { kind: 'wkt'; wkt: string }
  | { kind: 'name'; name: string }
  /** Nothing stated: GeoJSON without "crs" (RFC 7946: WGS84, or RD New recognised by its coordinates). */
  | { kind: 'none' };

export interface ResolvedCrs {
  /** "EPSG:28992", or the WKT's own name when it has no EPSG code. */
  label: string;
  isWgs84: boolean;
  /** [x, y] in the file's system -> [lon, lat] in WGS84. */
  toWgs84: (position: readonly number[]) => [number, number];
}

const AMERSFOORT_TO_WGS84 = '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725';

/** EPSG definitions (proj4 strings as the EPSG registry gives them) of the systems Dutch boundary files use. */
const DEFINITIONS: Readonly<Record<number, { name: string; proj4: string }>> = {
  4326: { name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs' },
  4258: { name: 'ETRS89', proj4: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs' },
  4289: { name: 'Amersfoort', proj4: `+proj=longlat +ellps=bessel ${AMERSFOORT_TO_WGS84} +no_defs` },
  28992: {
    name: 'Amersfoort / RD New',
    proj4:
      '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
      `+ellps=bessel ${AMERSFOORT_TO_WGS84} +units=m +no_defs`,
  },
  3857: {
    name: 'WGS 84 / Pseudo-Mercator',
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  },
  25831: {
    name: 'ETRS89 / UTM zone 31N',
    proj4: '+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  25832: {
    name: 'ETRS89 / UTM zone 32N',
    proj4: '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  32631: { name: 'WGS 84 / UTM zone 31N', proj4: '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs' },
  32632: { name: 'WGS 84 / UTM zone 32N', proj4: '+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs' },
  3035: {
    name: 'ETRS89-extended / LAEA Europe',
    proj4:
      '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
};
/** RD New with NAP height (EPSG:7415) is RD New in the plane. */
const ALIASES: Readonly<Record<number, number>> = {
  7415: 28992,
  900913: 3857,
  3785: 3857,
  102100: 3857,
  4979: 4326,
};

/** Names of systems in ESRI .prj files and OGC WKT (lower case, letters and digits only) -> EPSG code. */
const NAMES: Readonly<Record<string, number>> = {
  rdnew: 28992,
  amersfoortrdnew: 28992,
  wgs1984webmercatorauxiliarysphere: 3857,
  wgs84pseudomercator: 3857,
  popularvisualisationcrsmercator: 3857,
  webmercator: 3857,
  gcswgs1984: 4326,
  wgs84: 4326,
  gcsetrs1989: 4258,
  etrs89: 4258,
  gcsamersfoort: 4289,
  amersfoort: 4289,
  etrs1989utmzone31n: 25831,
  etrs89utmzone31n: 25831,
  etrs1989utmzone32n: 25832,
  etrs89utmzone32n: 25832,
  wgs1984utmzone31n: 32631,
  wgs84utmzone31n: 32631,
  wgs1984utmzone32n: 32632,
  wgs84utmzone32n: 32632,
  etrs1989laea: 3035,
  etrs89etrslaea: 3035,
  etrs89extendedlaeaeurope: 3035,
};

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The EPSG code in "EPSG:28992", "urn:ogc:def:crs:EPSG::28992", ".../def/crs/EPSG/0/28992"; OGC CRS84 is 4326. */
export function parseCrsName(name: string): number | null {
  if (/crs84$/i.test(name.trim())) return 4326;
  const match = /EPSG(?::|::|\/0\/|\/)(\d{4,6})\s*$/i.exec(name.trim());
  return match ? Number(match[1]) : null;
}

/** The WKT's top-level name and EPSG code (the last AUTHORITY at the outermost level). */
export function describeWkt(wkt: string): { name: string; epsg: number | null } {
  const name =
    /^\s*[A-Z_]+CRS?\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? '';
  let depth = 0;
  let epsg: number | null = null;
  const pattern = /[[\]]|(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?/gi;
  for (const match of wkt.matchAll(pattern)) {
    if (match[0] === '[') depth++;
    else if (match[0] === ']') depth--;
    else {
      // The match consumed its own "[": it sits at depth + 1, directly inside the outermost element.
      if (depth === 1) epsg = Number(match[1]);
      depth++;
    }
  }
  return { name, epsg };
}

function fromEpsg(code: number, stated: string, fileName: string): ResolvedCrs {
  const known = DEFINITIONS[ALIASES[code] ?? code];
  if (known === undefined) {
    failImport(fileName, {
      reason:
        `coördinatenstelsel ${stated} is onbekend: geen omrekening naar WGS84 bekend ` +
        `(wel: ${Object.keys(DEFINITIONS)
          .map((c) => `EPSG:${c}`)
          .join(', ')}; of een bestand met de WKT-definitie)`,
    });
  }
  const target = ALIASES[code] ?? code;
  return createProjector(`EPSG:${target}`, known.proj4, target === 4326);
}

function createProjector(label: string, definition: string, isWgs84: boolean): ResolvedCrs {
  if (isWgs84) return { label, isWgs84, toWgs84: (p) => [p[0] ?? Number.NaN, p[1] ?? Number.NaN] };
  const converter = proj4(definition, 'EPSG:4326');
  return {
    label,
    isWgs84,
    toWgs84: (p) => converter.forward([p[0] ?? Number.NaN, p[1] ?? Number.NaN]) as [number, number],
  };
}

/** Whether WKT has a datum proj4 can take to WGS84 as stated: WGS84/ETRS89-like, or an explicit TOWGS84. */
function hasUsableDatum(wkt: string): boolean {
  if (/TOWGS84\s*\[/i.test(wkt)) return true;
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  return /wgs.?1984|wgs.?84|etrs.?1989|etrs89|european.terrestrial.reference/i.test(datum);
}

/** Resolves what a file states to a conversion to WGS84, or refuses naming the system. */
export function resolveCrs(source: CrsSource, fileName: string): ResolvedCrs {
  switch (source.kind) {
    case 'none':
      return fromEpsg(4326, 'WGS84', fileName);
    case 'epsg':
      if (source.wkt !== undefined && DEFINITIONS[ALIASES[source.code] ?? source.code] === undefined) {
        return fromWkt(source.wkt, fileName, `EPSG:${source.code}`);
      }
      return fromEpsg(source.code, `EPSG:${source.code}`, fileName);
    case 'name': {
      const code = parseCrsName(source.name) ?? NAMES[normalizeName(source.name)] ?? null;
      if (code === null) {
        failImport(fileName, {
          reason: `coördinatenstelsel '${source.name}' is onbekend: geen EPSG-code te vinden`,
        });
      }
      return fromEpsg(code, source.name, fileName);
    }
    case 'wkt':
      return fromWkt(source.wkt, fileName);
  }
}

function fromWkt(wkt: string, fileName: string, label?: string): ResolvedCrs {
  const { name, epsg } = describeWkt(wkt);
  const code = epsg ?? NAMES[normalizeName(name)] ?? null;
  if (code !== null && DEFINITIONS[ALIASES[code] ?? code] !== undefined) {
    return fromEpsg(code, name || `EPSG:${code}`, fileName);
  }
  const shown = label ?? (code !== null ? `EPSG:${code}` : name || wkt.slice(0, 60));
  if (!hasUsableDatum(wkt)) {
    failImport(fileName, {
      reason: `coördinatenstelsel '${shown}' is onbekend: het datum heeft geen bekende omrekening naar WGS84`,
    });
  }
  try {
    return createProjector(shown, wkt, false);
  } catch (error) {
    failImport(fileName, {
      reason: `coördinatenstelsel '${shown}' is onbekend (${(error as Error).message})`,
    });
  }
}

/** The RD New extent (EPSG:28992 area of use in metres), to recognise RD coordinates in a GeoJSON without "crs". */
export function isWithinRdExtent(x: number, y: number): boolean {
  return x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
}
