import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { describeWkt, parseCrsName, resolveCrs } from './crs.ts';

const FILE = 'kaart.gpkg';
const R = 6_378_137; // WGS 84 / Pseudo-Mercator sphere radius (EPSG:3857), metres

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  throw new Error('expected an import error');
}

// What GDAL 3.6 writes into a shapefile's .prj (ESRI WKT: no EPSG code, no datum shift).
const ESRI_RD =
  'PROJCS["RD_New",GEOGCS["GCS_Amersfoort",DATUM["D_Amersfoort",SPHEROID["Bessel_1841",6377397.155,299.1528128]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Double_Stereographic"],' +
  'PARAMETER["False_Easting",155000.0],PARAMETER["False_Northing",463000.0],PARAMETER["Central_Meridian",5.38763888888889],' +
  'PARAMETER["Scale_Factor",0.9999079],PARAMETER["Latitude_Of_Origin",52.1561605555556],UNIT["Meter",1.0]]';

describe('coordinate systems', () => {
  it('RD New: the origin (155 000, 463 000) is the Onze Lieve Vrouwetoren in Amersfoort', () => {
    // RDNAPTRANS reference point: 52.15517440 N, 5.38720621 E (WGS84); the Helmert shift is ~1 m.
    for (const source of [
      { kind: 'epsg', code: 28992 } as const,
      { kind: 'name', name: 'urn:ogc:def:crs:EPSG::28992' } as const,
      { kind: 'wkt', wkt: ESRI_RD } as const,
    ]) {
      const crs = resolveCrs(source, FILE);
      expect(crs.label).toBe('EPSG:28992');
      const [lon, lat] = crs.toWgs84([155_000, 463_000]);
      expect(Math.abs(lat - 52.1551744)).toBeLessThan(1e-5);
      expect(Math.abs(lon - 5.38720621)).toBeLessThan(1e-5);
    }
  });

  it('Web Mercator: the inverse spherical Mercator, computed by hand', () => {
    const crs = resolveCrs({ kind: 'name', name: 'EPSG:3857' }, FILE);
    const [x, y] = [568_958.03, 6_820_105.41];
    const lon = (x / R) * (180 / Math.PI);
    const lat = (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
    const [pLon, pLat] = crs.toWgs84([x, y]);
    expect(pLon).toBeCloseTo(lon, 9);
    expect(pLat).toBeCloseTo(lat, 9);
    expect(lat).toBeCloseTo(52.11036, 4);
  });

  it('WGS84 passes through unchanged, also as OGC CRS84 and as a GeoPackage without system', () => {
    for (const source of [
      { kind: 'none' } as const,
      { kind: 'name', name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } as const,
      { kind: 'epsg', code: 4326 } as const,
    ]) {
      const crs = resolveCrs(source, FILE);
      expect(crs).toMatchObject({ label: 'EPSG:4326', isWgs84: true });
      expect(crs.toWgs84([5.1, 52.09])).toEqual([5.1, 52.09]);
    }
  });

  it('reads EPSG codes from names and from the outermost AUTHORITY of WKT', () => {
    expect(parseCrsName('urn:ogc:def:crs:EPSG::28992')).toBe(28992);
    expect(parseCrsName('EPSG:3857')).toBe(3857);
    expect(parseCrsName('http://www.opengis.net/def/crs/EPSG/0/25831')).toBe(25831);
    expect(
      describeWkt(
        'PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",AUTHORITY["EPSG","4289"]],AUTHORITY["EPSG","28992"]]',
      ),
    ).toEqual({ name: 'Amersfoort / RD New', epsg: 28992 });
    expect(describeWkt(ESRI_RD)).toEqual({ name: 'RD_New', epsg: null });
  });

  it('refuses a system it cannot take to WGS84, naming it', () => {
    expect(refusal(() => resolveCrs({ kind: 'epsg', code: 2154 }, FILE))).toContain('EPSG:2154 is onbekend');
    const tokyo =
      'PROJCS["Tokyo / Japan Plane Rectangular CS IX",GEOGCS["Tokyo",DATUM["Tokyo",SPHEROID["Bessel 1841",6377397.155,299.1528128]],' +
      'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],UNIT["metre",1]]';
    expect(refusal(() => resolveCrs({ kind: 'wkt', wkt: tokyo }, FILE))).toContain(
      "'Tokyo / Japan Plane Rectangular CS IX' is onbekend",
    );
    expect(refusal(() => resolveCrs({ kind: 'name', name: 'Lambert-93' }, FILE))).toContain(
      "'Lambert-93' is onbekend",
    );
  });
});
