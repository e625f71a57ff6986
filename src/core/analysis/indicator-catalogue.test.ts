import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { getAggregationMethod } from './indicator.ts';
import {
  addIndicators,
  buildIndicatorCatalogue,
  deriveIndicatorKey,
  getV3Stem,
} from './indicator-catalogue.ts';
import { inferIndicator } from './infer-indicator.ts';

const metadataDir = '../shared/data/cbs/metadata';
const dataProperties = JSON.parse(readFileSync(`${metadataDir}/DataProperties_85984NED.json`, 'utf8')) as {
  Type: string;
  Key: string;
}[];
const tableInfos = JSON.parse(readFileSync(`${metadataDir}/TableInfos_85984NED.json`, 'utf8')) as unknown;
const catalogue = buildIndicatorCatalogue({ dataProperties, tableInfos });

describe('indicator catalogue seeded from CBS metadata', () => {
  it('knows the table it was seeded from', () => {
    expect(catalogue.metadataTable).toEqual({
      tableId: '85984NED',
      year: 2024,
      title: 'Kerncijfers wijken en buurten 2024',
    });
  });

  it('maps every topic of 85984NED (except region attributes) to a curated kwb key', () => {
    const topics = dataProperties.filter((p) => p.Type === 'Topic');
    const attributes = ['Gemeentenaam_1', 'SoortRegio_2', 'Codering_3'];
    for (const topic of topics) {
      if (attributes.includes(topic.Key)) continue;
      const indicator = catalogue.findByV3Key(topic.Key);
      expect(indicator, topic.Key).toBeDefined();
      // curated: the key is a kwb short name, not one derived from the v3 key
      expect(indicator?.key, topic.Key).not.toBe(deriveIndicatorKey(getV3Stem(topic.Key)));
    }
    expect(topics.length - attributes.length).toBe(125);
  });

  it('takes title, definition and unit from the metadata and domain, direction, kind, base from the overlay', () => {
    const woz = catalogue.get('g_wozbag');
    expect(woz?.unit).toBe('x 1 000 euro');
    expect(woz?.definition).toContain('WOZ-waarde');
    expect(woz?.source).toEqual({ tableId: '85984NED', key: 'GemiddeldeWOZWaardeVanWoningen_39' });
    expect(woz?.kind).toBe('average');
    expect(woz?.base?.keys).toEqual(['a_woning']);
    expect(catalogue.get('p_huurw')?.base?.keys).toEqual(['a_woning']);
    expect(catalogue.get('g_hhgro')?.base?.keys).toEqual(['a_hh']);
    expect(catalogue.get('p_hh_li')?.base?.keys).toEqual(['a_hh']);
    expect(catalogue.get('p_hh_li')?.direction).toBe('higher_is_worse');
    expect(catalogue.get('a_inw')?.kind).toBe('count');
    expect(catalogue.get('ste_mvs')?.kind).toBe('code');
    expect(catalogue.get('m_hh_ver') && getAggregationMethod(catalogue.get('m_hh_ver')!)).toBe('none');
  });

  it('tells apart topics sharing a v3 stem through their group', () => {
    expect(catalogue.findByV3Key('Nederland_17')?.key).toBe('a_nl_all');
    expect(catalogue.findByV3Key('Nederland_20')?.key).toBe('a_geb_nl');
    expect(catalogue.findByV3Key('Appartement_54')?.key).toBe('g_ele_ap');
    expect(catalogue.findByV3Key('Appartement_62')?.key).toBe('g_gas_ap');
    expect(catalogue.findByV3Stem('EuropaExclusiefNederland').map((i) => i.key)).toEqual([
      'a_eur_al',
      'a_geb_eu',
      'a_gbl_eu',
    ]);
  });

  it('maps kwb columns, v4 measures and StatLine paths to the same key', () => {
    expect(catalogue.findByKwbColumn('A_INW')?.key).toBe('a_inw');
    expect(catalogue.findByKwbColumn('g_woz')?.key).toBe('g_wozbag');
    expect(catalogue.findByV4Measure('M000297')?.key).toBe('a_woning');
    expect(catalogue.findByV4Measure('1014850_2')?.key).toBe('p_huurw');
    expect(catalogue.findByV4Measure('1014800_1')?.key).toBe('p_koopw');
    expect(catalogue.findByStatlinePath('Onderwijs/Basisonderwijs/Afstand tot school')?.key).toBe('g_afs_sc');
  });

  it('keeps curated indicators the 2024 metadata lacks (older kwb columns, derived rates, 47018NED)', () => {
    for (const key of ['p_bewndw', 'p_bjj2k', 'd_misdr', 'geregistreerde_misdrijven']) {
      expect(catalogue.get(key), key).toBeDefined();
    }
    expect(catalogue.get('d_misdr')?.derivation).toEqual({
      numerator: 'geregistreerde_misdrijven',
      denominator: ['a_inw'],
      scale: 1000,
    });
  });

  it('seeds from the overlay alone when no metadata is given', () => {
    const bare = buildIndicatorCatalogue();
    expect(bare.get('a_inw')?.title).toBe('Aantal inwoners');
    expect(bare.metadataTable).toBeNull();
  });

  it('refuses metadata that is not a DataProperties list', () => {
    try {
      buildIndicatorCatalogue({ dataProperties: { value: 'nope' } });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('import_failed');
    }
  });

  it('adds local indicators and refuses a duplicate key', () => {
    const local = inferIndicator({ key: 'local_x', title: 'Lokaal', unit: '%', origin: 'local' });
    expect(addIndicators(catalogue, [local]).get('local_x')?.kind).toBe('percentage');
    expect(() => addIndicators(catalogue, [{ ...local, key: 'a_inw' }])).toThrow(/twee keer/);
  });
});

describe('names for new indicators', () => {
  it('derives readable keys', () => {
    expect(deriveIndicatorKey('GeregistreerdeMisdrijven')).toBe('geregistreerde_misdrijven');
    expect(deriveIndicatorKey('Opleidingsniveau/Laag/Waarde')).toBe('opleidingsniveau_laag_waarde');
    expect(deriveIndicatorKey('Wmo-cliënten')).toBe('wmo_clienten');
    expect(getV3Stem('MateVanStedelijkheid_122')).toBe('MateVanStedelijkheid');
  });

  it('infers distances and counts within reach as inhabitant-weighted amenities', () => {
    const distance = inferIndicator({ key: 'x', title: 'Afstand tot apotheek', unit: 'km', origin: 'file' });
    expect(distance).toMatchObject({ domain: 'amenities', direction: 'higher_is_worse', kind: 'average' });
    expect(distance.base?.keys).toEqual(['a_inw']);
    const within = inferIndicator({ key: 'y', title: 'Binnen 3 km', unit: 'aantal', origin: 'file' });
    expect(within.direction).toBe('higher_is_better');
    expect(inferIndicator({ key: 'z', title: 'Iets', unit: 'aantal', origin: 'file' }).kind).toBe('count');
    expect(inferIndicator({ key: 'w', title: 'Iets', unit: '%', origin: 'file' }).base).toBeNull();
  });
});
