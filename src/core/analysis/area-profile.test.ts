import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKwbXlsx } from '../cbs-import/read-kwb-xlsx.ts';
import { buildAreaProfile } from './area-profile.ts';
import { buildIndicatorCatalogue } from './indicator-catalogue.ts';
import { makeYearTable } from './test-fixtures.ts';
import { buildYearTable } from './year-table.ts';

const catalogue = buildIndicatorCatalogue();

describe('area profile, by hand', () => {
  // Country NL00 and two gemeenten; the focus area is two buurten of GM0001.
  const table = makeYearTable(2023, {
    NL00: { p_huurw: 42, a_woning: 10000 },
    GM0001: { p_huurw: 55, a_woning: 1000 },
    BU00010001: { p_huurw: 80, a_woning: 300 },
    BU00010002: { p_huurw: 60, a_woning: 100 },
    BU00010003: { p_huurw: 30, a_woning: 600 },
    BU00020001: { p_huurw: 20, a_woning: 500 },
    BU00020002: { p_huurw: null, a_woning: 500 },
  });
  const profile = buildAreaProfile({
    table,
    catalogue,
    areaCodes: ['BU00010001', 'BU00010002'],
    name: 'Focus',
  });
  const huurw = profile.indicators.find((i) => i.key === 'p_huurw');

  it('gives the weighted value, the gemeente and the country as CBS published them', () => {
    expect(profile).toMatchObject({ name: 'Focus', year: 2023, municipalityCode: 'GM0001' });
    expect(profile.regions.map((r) => r.code)).toEqual(['BU00010001', 'BU00010002']);
    // (80 x 300 + 60 x 100) / 400 = 75
    expect(huurw).toMatchObject({
      value: 75,
      coverage: 1,
      method: 'weighted_mean',
      municipalityValue: 55,
      countryValue: 42,
    });
    expect(huurw?.country).toEqual({ value: 42, coverage: 1, method: 'observed', parts: 1 });
  });

  it('places the area among the buurten of the country and of the gemeente', () => {
    // country: 20, 30, 60, 80 (one buurt has no figure): 75 is above 3 of 4 -> percentile 75
    expect(huurw?.percentileInCountry).toBe(75);
    expect(huurw?.positionInCountry).toEqual({ n: 4, rank: 2, percentile: 75, worstPercentile: null });
    // gemeente: 30, 60, 80 -> above 2 of 3
    expect(huurw?.percentileInMunicipality).toBeCloseTo(200 / 3, 10);
  });

  it('traces the value to the file and rows of its parts', () => {
    expect(huurw?.provenance.map((p) => [p.regionCode, p.fileName, p.row])).toEqual([
      ['BU00010001', 'test-2023.csv', 4],
      ['BU00010002', 'test-2023.csv', 5],
    ]);
  });

  it('refuses codes that do not exist in the year', () => {
    expect(() => buildAreaProfile({ table, catalogue, areaCodes: ['BU00019999'] })).toThrow(/niet bestaan/);
  });
});

describe('area profile of Overvecht from kwb-2023-utrecht.xlsx', async () => {
  const fileName = 'kwb-2023-utrecht.xlsx';
  const result = await readKwbXlsx(readFileSync(`../shared/data/cbs/${fileName}`), { fileName, catalogue });
  const table = buildYearTable(2023, [result]);

  it('uses the wijk row CBS published when the area is the wijk, and its buurten otherwise', () => {
    const asWijk = buildAreaProfile({
      table,
      catalogue,
      areaCodes: ['WK034403'],
      indicatorKeys: ['p_huurw', 'g_wozbag'],
    });
    expect(asWijk.indicators.map((i) => [i.key, i.value, i.method, i.municipalityValue])).toEqual([
      ['p_huurw', 80, 'observed', 56],
      ['g_wozbag', 301, 'observed', 458],
    ]);
    expect(asWijk.indicators[0]?.provenance[0]).toMatchObject({ fileName, row: 29, regionCode: 'WK034403' });
    const buurten = table.codes.filter((code) => code.startsWith('BU034403'));
    const asBuurten = buildAreaProfile({ table, catalogue, areaCodes: buurten, indicatorKeys: ['p_huurw'] });
    expect(asBuurten.indicators[0]?.value).toBeCloseTo(79.67, 2);
    // The file has no NL00 row: the "country" is then the aggregate of the buurten the table holds.
    expect(asBuurten.indicators[0]?.country).toMatchObject({ method: 'weighted_mean', parts: 111 });
    // WOZ (higher is better): Overvecht's 301 is among the lowest of Utrecht's buurten
    const woz = asWijk.indicators[1];
    expect(woz?.positionInMunicipality?.n).toBeGreaterThan(100);
    expect(woz?.positionInMunicipality?.worstPercentile).toBeLessThan(25);
  });
});
