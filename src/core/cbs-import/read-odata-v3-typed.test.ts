import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import type { ReadResult } from './read-result.ts';
import { readODataV3Typed } from './read-odata-v3-typed.ts';

const catalogue = buildIndicatorCatalogue({
  dataProperties: JSON.parse(
    readFileSync('../shared/data/cbs/metadata/DataProperties_85984NED.json', 'utf8'),
  ),
  tableInfos: JSON.parse(readFileSync('../shared/data/cbs/metadata/TableInfos_85984NED.json', 'utf8')),
});
const read = (file: string) =>
  readODataV3Typed(readFileSync(`../shared/data/cbs/${file}`, 'utf8'), { fileName: file, catalogue });
const value = (result: ReadResult, code: string, key: string) =>
  result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.issues;
    throw error;
  }
  throw new Error('expected an import error');
}

describe('kwb-2024-buurten-selectie.csv (85984NED)', () => {
  const result = read('kwb-2024-buurten-selectie.csv');

  it('maps shifted suffixes through the stems (MateVanStedelijkheid_122 is _127 in the metadata)', () => {
    expect(result.year).toBe(2024);
    expect(result.report.rows).toBe(13817);
    expect(result.report.regions).toBe(13817);
    expect(result.report.newIndicators).toEqual([]);
    expect(new Set(result.observations.map((o) => o.indicatorKey))).toEqual(
      new Set([
        'a_inw',
        'bev_dich',
        'g_hhgro',
        'a_hh_m_k',
        'a_hh',
        'ste_mvs',
        'a_00_14',
        'a_15_24',
        'a_25_44',
        'a_45_64',
        'a_65_oo',
        'geregistreerde_misdrijven',
      ]),
    );
  });

  it('reads padded text columns and quoted names with commas', () => {
    expect(value(result, 'BU01630408', 'a_inw')).toMatchObject({ value: 815, sourceRow: 2 });
    expect(value(result, 'BU01630408', 'bev_dich')?.value).toBe(2754);
    expect(value(result, 'BU01630408', 'g_hhgro')?.value).toBe(2.5);
    expect(value(result, 'BU01630408', 'ste_mvs')?.value).toBe(4);
    // "Nuenen, Gerwen en Nederwetten" is quoted because of its comma
    expect(value(result, 'BU08200003', 'a_inw')).toMatchObject({ value: 730, sourceRow: 3842 });
    expect(value(result, 'BU03440311', 'geregistreerde_misdrijven')?.value).toBe(579);
  });
});

describe('kwb-2017-buurten-selectie.csv (83765NED)', () => {
  const result = read('kwb-2017-buurten-selectie.csv');
  it('maps the 2017 keys (other suffixes) to the same indicators', () => {
    expect(result.year).toBe(2017);
    expect(result.report.rows).toBe(9028);
    expect(value(result, 'BU16800000', 'g_ink_pi')?.value).toBe(26.8);
    expect(value(result, 'BU16800000', 'p_hh_osm')?.value).toBe(3.8);
    expect(value(result, 'BU03440311', 'a_inw')).toMatchObject({ value: 4325, sourceRow: 7709 });
  });
});

describe('misdrijven-2024-buurten.csv (47018NED)', () => {
  const result = read('misdrijven-2024-buurten.csv');
  it('skips the pseudo-code BU00000000 and reports it', () => {
    expect(result.report.rows).toBe(14730);
    expect(result.report.regions).toBe(14729);
    expect(result.report.ignoredRows).toEqual([
      { row: 2, reason: 'BU00000000 is een pseudo-code (niet in te delen), geen gebied' },
    ]);
    expect(value(result, 'BU00140000', 'geregistreerde_misdrijven')?.value).toBe(2665);
  });
});

describe('OData v3 edge cases', () => {
  it('assigns repeated stems in column order and keeps an unknown column as a new indicator', () => {
    const text =
      'WijkenEnBuurten,Nederland_20,Nederland_17,OnbekendeVariabele_3\n' + 'GM0344    ,222298,222298,7\n';
    const result = readODataV3Typed(text, { fileName: 'x-2024.csv', catalogue });
    expect(result.observations.map((o) => [o.sourceColumn, o.indicatorKey])).toEqual([
      ['Nederland_20', 'a_geb_nl'],
      ['Nederland_17', 'a_nl_all'],
      ['OnbekendeVariabele_3', 'onbekende_variabele'],
    ]);
    expect(result.indicators[0]).toMatchObject({ key: 'onbekende_variabele', title: 'Onbekende variabele' });
  });

  it('refuses a lone ambiguous stem from another table, but resolves it with the metadata of its own table', () => {
    const text = 'WijkenEnBuurten,Nederland_20\nGM0344,1\n';
    expect(issuesOf(() => readODataV3Typed(text, { fileName: 'x-2023.csv', catalogue }))[0]?.message).toMatch(
      /kolom Nederland_20, rij 1: niet eenduidig/,
    );
    const own = readODataV3Typed(text, { fileName: 'x.csv', catalogue, tableId: '85984NED' });
    expect(own.observations[0]?.indicatorKey).toBe('a_geb_nl');
  });

  it('reports empty cells as missing and text, truncation and bad codes as errors', () => {
    const ok = readODataV3Typed('WijkenEnBuurten,AantalInwoners_5\nBU03440311,\n', {
      fileName: 'a-2024.csv',
      catalogue,
    });
    expect(ok.observations[0]).toMatchObject({ value: null, status: 'missing' });
    const text =
      'WijkenEnBuurten,SoortRegio_2,AantalInwoners_5,HuishoudensTotaal_29\n' +
      'BU03440311,Buurt     ,veel,1\n' +
      'BU03440312,Buurt     ,5\n' +
      'BU3440313 ,Buurt     ,5,1\n';
    expect(
      issuesOf(() => readODataV3Typed(text, { fileName: 'a-2024.csv', catalogue })).map((i) => i.path),
    ).toEqual([
      ['a-2024.csv', 2, 'AantalInwoners_5'],
      ['a-2024.csv', 3],
      ['a-2024.csv', 4, 'WijkenEnBuurten'],
    ]);
  });

  it('refuses a table id whose year contradicts the file name', () => {
    const text = 'WijkenEnBuurten,AantalInwoners_5\nGM0344,1\n';
    expect(
      issuesOf(() => readODataV3Typed(text, { fileName: 'kwb-2017.csv', catalogue, tableId: '85984NED' }))[0]
        ?.message,
    ).toBe('tabel 85984NED (2024) spreekt de bestandsnaam (2017) tegen');
  });
});
