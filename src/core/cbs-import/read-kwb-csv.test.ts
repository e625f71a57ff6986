import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { readKwbCsv } from './read-kwb-csv.ts';

const catalogue = buildIndicatorCatalogue();
const HEADER = 'gwb_code_10;regio;recs;a_inw;p_huurw;g_hhgro';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.issues;
    throw error;
  }
  throw new Error('expected an import error');
}

describe('kwb-YYYY.csv', () => {
  it('reads ";"-separated rows with decimal commas, "." and padded codes', () => {
    const text = `\uFEFF${HEADER}\r\nGM0344    ;Utrecht;Gemeente;367947;56;1,9\r\nBU03440311;Taag;Buurt;4195;.;2,0\r\n`;
    const result = readKwbCsv(text, { fileName: 'kwb-2023.csv', catalogue });
    expect(result.year).toBe(2023);
    expect(result.regions.map((r) => r.code)).toEqual(['GM0344', 'BU03440311']);
    const values = result.observations.map(
      (o) => `${o.regionCode}.${o.indicatorKey}=${o.value}:${o.status}@${o.sourceRow}`,
    );
    expect(values).toEqual([
      'GM0344.a_inw=367947:ok@2',
      'GM0344.p_huurw=56:ok@2',
      'GM0344.g_hhgro=1.9:ok@2',
      'BU03440311.a_inw=4195:ok@3',
      'BU03440311.p_huurw=null:missing@3',
      'BU03440311.g_hhgro=2:ok@3',
    ]);
  });

  it('reports a truncated row with its row number', () => {
    const text = `${HEADER}\nGM0344;Utrecht;Gemeente;367947;56;1,9\nBU03440311;Taag;Buurt;4195\n`;
    expect(issuesOf(() => readKwbCsv(text, { fileName: 'kwb-2023.csv', catalogue }))).toEqual([
      { path: ['kwb-2023.csv', 3], message: 'rij 3: afgebroken rij: 4 van de 6 kolommen' },
    ]);
  });

  it('reports every bad cell, not only the first', () => {
    const text = `${HEADER}\nGM0344;Utrecht;Gemeente;veel;56;1,9\nBU03440311;Taag;Buurt;4195;73%;2\n`;
    expect(
      issuesOf(() => readKwbCsv(text, { fileName: 'kwb-2023.csv', catalogue })).map((i) => i.message),
    ).toEqual(["kolom a_inw, rij 2: 'veel' is geen getal", "kolom p_huurw, rij 3: '73%' is geen getal"]);
  });

  it('refuses the same region twice', () => {
    const text = `${HEADER}\nGM0344;Utrecht;Gemeente;1;2;3\nGM0344;Utrecht;Gemeente;1;2;3\n`;
    expect(issuesOf(() => readKwbCsv(text, { fileName: 'kwb-2023.csv', catalogue }))[0]?.message).toBe(
      'kolom gwb_code_10, rij 3: GM0344 stond al in rij 2',
    );
  });
});
