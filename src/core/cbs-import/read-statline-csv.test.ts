import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { parseStatlineHeader, readStatlineCsv } from './read-statline-csv.ts';

const catalogue = buildIndicatorCatalogue();
const file = 'nabijheid-2023-utrecht.csv';
const result = readStatlineCsv(readFileSync(`../shared/data/cbs/${file}`, 'utf8'), {
  fileName: file,
  catalogue,
});
const value = (code: string, key: string) =>
  result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);

describe('StatLine "CSV met statistische symbolen"', () => {
  it('splits titles and units from the headers', () => {
    expect(parseStatlineHeader('Opleidingsniveau/Laag/Waarde (%)')).toEqual({
      path: 'Opleidingsniveau/Laag/Waarde',
      segments: ['Opleidingsniveau', 'Laag', 'Waarde'],
      unit: '%',
    });
  });

  it('reads NL, the gemeente, its wijken and buurten with names from the first column', () => {
    expect(result.year).toBe(2023);
    expect(result.report.rows).toBe(123);
    expect(result.regions.slice(0, 3)).toEqual([
      { code: 'NL00', name: 'Nederland', level: 'NL', year: 2023 },
      { code: 'GM0344', name: 'Utrecht', level: 'GM', year: 2023 },
      { code: 'WK034401', name: 'Wijk 01 West', level: 'WK', year: 2023 },
    ]);
    expect(result.regions.filter((r) => r.level === 'BU')).toHaveLength(111);
  });

  it('maps known variables by path or unique title and keeps the others as new indicators', () => {
    // 115 columns - 4 region columns = 111 variables, of which 6 are in the catalogue
    expect(result.report.indicators).toBe(111);
    expect(result.report.newIndicators).toHaveLength(105);
    expect(value('WK034401', 'g_afs_gs')).toMatchObject({ value: 0.6, sourceRow: 4 });
    expect(value('BU03440311', 'g_afs_gs')).toMatchObject({ value: 0.7, sourceRow: 31 });
    const pharmacy = result.indicators.find((i) => i.key === 'gezondheid_en_welzijn_afstand_tot_apotheek');
    expect(pharmacy).toMatchObject({
      title: 'Afstand tot apotheek',
      unit: 'km',
      domain: 'amenities',
      direction: 'higher_is_worse',
    });
    // "Afstand tot school" occurs for basisonderwijs, vo, vmbo and havo/vwo: only the curated path maps to g_afs_sc
    expect(result.indicators.filter((i) => i.title.endsWith('Afstand tot school'))).toHaveLength(3);
    expect(value('BU03440311', 'g_afs_sc')).toMatchObject({
      sourceRow: 31,
      sourceColumn: 'Onderwijs/Basisonderwijs/Afstand tot school (km)',
    });
  });

  it('keeps padded "." as missing and reads the Indelingswijziging code', () => {
    expect(value('NL00', 'g_afs_hp')).toMatchObject({ value: null, status: 'missing' });
    expect(value('NL00', 'ind_wbi')).toMatchObject({ value: null, status: 'missing' });
    expect(value('GM0344', 'ind_wbi')?.value).toBe(1);
    expect(value('NL00', 'g_afs_gs')?.value).toBe(1);
  });

  it('reads decimal commas and reports text and malformed codes with row and column', () => {
    const header =
      '"Wijken en buurten";"Regioaanduiding/Codering (code)";"Opleidingsniveau/Laag/Waarde (%)"\n';
    const ok = readStatlineCsv(`${header}"Utrecht";"GM0344    ";"   23,5"\n`, {
      fileName: 'opl-2023.csv',
      catalogue,
    });
    expect(ok.observations[0]).toMatchObject({ indicatorKey: 'opleidingsniveau_laag_waarde', value: 23.5 });
    expect(ok.indicators[0]).toMatchObject({ unit: '%', kind: 'percentage' });
    try {
      readStatlineCsv(`${header}"Utrecht";"GM0344";"hoog"\n"X";"GM03";"1"\n`, {
        fileName: 'opl-2023.csv',
        catalogue,
      });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.issues.map((i) => i.message)).toEqual([
        "kolom Opleidingsniveau/Laag/Waarde (%), rij 2: 'hoog' is geen getal",
        "kolom Regioaanduiding/Codering (code), rij 3: 'GM03' is geen geldige CBS-regiocode",
      ]);
    }
  });
});
