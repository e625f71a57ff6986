import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { readODataV4Observations } from './read-odata-v4-observations.ts';

const catalogue = buildIndicatorCatalogue();
const load = (year: number) =>
  readFileSync(`../shared/data/cbs/kwb-woningen-2013-2025/kwb-${year}-woningen.csv`, 'utf8');

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.issues;
    throw error;
  }
  throw new Error('expected an import error');
}

describe('OData v4 Observations, 2013 (RegioS)', () => {
  const result = readODataV4Observations(load(2013), { fileName: 'kwb-2013-woningen.csv', catalogue });
  const find = (code: string, key: string) =>
    result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);

  it('reads every row and maps measure codes to kwb keys', () => {
    expect(result.year).toBe(2013);
    expect(result.report.rows).toBe(42685);
    expect(result.report.regions).toBe(15057);
    expect(result.regions.filter((r) => r.level === 'BU')).toHaveLength(12003);
    expect(result.report.indicators).toBe(3);
    expect(find('NL00', 'a_woning')).toMatchObject({
      value: 7449298,
      status: 'ok',
      sourceRow: 2,
      sourceColumn: 'M000297',
    });
    expect(find('NL00', 'p_koopw')?.value).toBe(55);
    expect(find('GM0344', 'a_woning')).toMatchObject({ value: 145124, sourceRow: 13661 });
    expect(find('BU03440311', 'p_huurw')).toMatchObject({ value: 70, sourceRow: 13747 });
  });

  it('turns an absent row into an explicit missing observation, not a 0', () => {
    // BU17190008 has a dwelling count (row 38024: 18 dwellings) but no rows for owner-occupied or rented shares.
    expect(find('BU17190008', 'a_woning')).toMatchObject({ value: 18, sourceRow: 38024 });
    expect(find('BU17190008', 'p_koopw')).toMatchObject({ value: null, status: 'missing', sourceRow: null });
    // 15 057 regions x 3 measures - 42 685 rows = 2 486 implied missing cells
    expect(result.report.missingCells).toBe(2486);
    expect(result.observations).toHaveLength(15057 * 3);
  });
});

describe('OData v4 Observations, 2024 (WijkenEnBuurten, with WOZ)', () => {
  const result = readODataV4Observations(load(2024), { fileName: 'kwb-2024-woningen.csv', catalogue });
  it('reads the WOZ value of Overvecht', () => {
    const woz = result.observations.find((o) => o.regionCode === 'WK034403' && o.indicatorKey === 'g_wozbag');
    expect(woz).toMatchObject({ value: 293, sourceRow: 43005 });
    expect(result.regions.filter((r) => r.level === 'BU')).toHaveLength(14574);
  });
});

describe('broken OData v4 files', () => {
  const header = 'Id,Measure,ValueAttribute,Value,StringValue,WijkenEnBuurten\n';
  it('reports text in the Value column', () => {
    const text = `${header}1,M000297,None,12.0,,GM0344\n2,M000297,None,twaalf,,GM0345\n`;
    expect(issuesOf(() => readODataV4Observations(text, { fileName: 'kwb-2024-x.csv', catalogue }))).toEqual([
      {
        path: ['kwb-2024-x.csv', 3, 'Value (M000297)'],
        message: "kolom Value (M000297), rij 3: 'twaalf' is geen getal",
      },
    ]);
  });

  it('reports a truncated row, a malformed code and a duplicate', () => {
    const text = `${header}1,M000297,None,12.0\n2,M000297,None,1.0,,GM03440\n3,M000297,None,1.0,,GM0344\n4,M000297,None,2.0,,GM0344\n`;
    expect(
      issuesOf(() => readODataV4Observations(text, { fileName: 'kwb-2024-x.csv', catalogue })).map(
        (i) => i.message,
      ),
    ).toEqual([
      'rij 2: afgebroken rij: 4 van de 6 kolommen',
      "kolom WijkenEnBuurten, rij 3: 'GM03440' is geen geldige CBS-regiocode",
      'kolom Measure, rij 5: M000297 voor GM0344 stond al in rij 4',
    ]);
  });

  it('reads value attributes and keeps an unknown measure as a new indicator', () => {
    const text = `${header}1,M000297,Confidential,,,GM0344\n2,X123,None,4.0,,GM0344\n`;
    const result = readODataV4Observations(text, { fileName: 'kwb-2024-x.csv', catalogue });
    expect(result.observations.map((o) => [o.indicatorKey, o.value, o.status])).toEqual([
      ['a_woning', null, 'secret'],
      ['cbs_x123', 4, 'ok'],
    ]);
    expect(result.indicators.map((i) => i.key)).toEqual(['cbs_x123']);
  });

  it('refuses a year that contradicts the file name', () => {
    expect(
      issuesOf(() =>
        readODataV4Observations(header, { fileName: 'kwb-2024-x.csv', catalogue, year: 2023 }),
      )[0]?.message,
    ).toBe('het opgegeven jaar (2023) spreekt de bestandsnaam (2024) tegen');
  });
});
