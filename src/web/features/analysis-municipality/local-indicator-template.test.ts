import { describe, expect, it } from 'vitest';
import { buildIndicatorCatalogue } from '../../../core/analysis/indicator-catalogue.ts';
import { readKwbCsv } from '../../../core/cbs-import/read-kwb-csv.ts';
import type { Region } from '../../api/analysis-municipality.ts';
import { buildTemplateCsv, orderTemplateRegions, templateFileName } from './local-indicator-template.ts';

const region = (code: string, name: string | null): Region => ({
  code,
  name,
  level: code.slice(0, 2) as Region['level'],
  parentCode: null,
  year: 2024,
});

/** As the regions endpoint returns them: sorted by code, so buurten (BU) before gemeente and wijken. */
const REGIONS: Region[] = [
  region('BU03440111', 'Welgelegen, Den Hommel'),
  region('BU03440224', 'Egelantierstraat; Mariëndaalstraat e.o.'),
  region('BU03440321', 'Zamenhofdreef en omgeving'),
  region('BU03440322', 'De "Gagel"'),
  region('GM0344', 'Utrecht'),
  region('WK034401', 'West'),
  region('WK034402', null),
  region('WK034403', 'Overvecht'),
];

describe('template for the values of a local indicator', () => {
  it('orders the gemeente first, then each wijk followed by its buurten', () => {
    expect(orderTemplateRegions(REGIONS).map((r) => r.code)).toEqual([
      'GM0344',
      'WK034401',
      'BU03440111',
      'WK034402',
      'BU03440224',
      'WK034403',
      'BU03440321',
      'BU03440322',
    ]);
  });

  it('writes the header gwb_code_10;regio;<key> and one empty-valued row per region, quoting ; and "', () => {
    const csv = buildTemplateCsv('overlast_wijkpeiling', REGIONS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'gwb_code_10;regio;overlast_wijkpeiling',
      'GM0344;Utrecht;',
      'WK034401;West;',
      'BU03440111;Welgelegen, Den Hommel;',
      'WK034402;;',
      'BU03440224;"Egelantierstraat; Mariëndaalstraat e.o.";',
      'WK034403;Overvecht;',
      'BU03440321;Zamenhofdreef en omgeving;',
      'BU03440322;"De ""Gagel""";',
      '',
    ]);
  });

  it('is read back by the import: the year from the file name, names intact, filled values and empty cells', () => {
    const fileName = templateFileName('overlast_wijkpeiling', 2024);
    expect(fileName).toBe('overlast_wijkpeiling-2024.csv');
    const filled = buildTemplateCsv('overlast_wijkpeiling', REGIONS)
      .replace('BU03440321;Zamenhofdreef en omgeving;', 'BU03440321;Zamenhofdreef en omgeving;12,5')
      .replace('BU03440322;"De ""Gagel""";', 'BU03440322;"De ""Gagel""";30');
    const result = readKwbCsv(filled, { fileName, catalogue: buildIndicatorCatalogue() });
    expect(result.year).toBe(2024);
    expect(result.regions.map((r) => [r.code, r.name])).toEqual([
      ['GM0344', 'Utrecht'],
      ['WK034401', 'West'],
      ['BU03440111', 'Welgelegen, Den Hommel'],
      ['WK034402', null],
      ['BU03440224', 'Egelantierstraat; Mariëndaalstraat e.o.'],
      ['WK034403', 'Overvecht'],
      ['BU03440321', 'Zamenhofdreef en omgeving'],
      ['BU03440322', 'De "Gagel"'],
    ]);
    const values = result.observations.map((o) => [o.regionCode, o.indicatorKey, o.value, o.status]);
    expect(values.filter(([, , value]) => value !== null)).toEqual([
      ['BU03440321', 'overlast_wijkpeiling', 12.5, 'ok'],
      ['BU03440322', 'overlast_wijkpeiling', 30, 'ok'],
    ]);
    // Every other region is there with an empty cell: no figure, never 0.
    expect(values.filter(([, , value]) => value === null).length).toBe(REGIONS.length - 2);
  });

  it('keeps a key that looks like a year out of the file name, so the import still finds the year', () => {
    expect(templateFileName('peiling_2019', 2024)).toBe('eigen-indicator-2024.csv');
    expect(templateFileName('buurtpeiling_2e_ronde', 2023)).toBe('buurtpeiling_2e_ronde-2023.csv');
  });
});
