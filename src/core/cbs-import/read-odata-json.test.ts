import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { isDomainError } from '../errors.ts';
import { detectFormat } from './detect-format.ts';
import { readCbsFile } from './read-cbs-file.ts';
import { findTableIdInUrl, toRecords } from './read-odata-json.ts';

// Recorded API responses made from ../shared/data/cbs (tests/fixtures/cbs-odata/README.md).
const RECORDINGS = 'tests/fixtures/cbs-odata';
const catalogue = buildIndicatorCatalogue();

describe('OData responses saved as JSON', () => {
  it('reads a bare v3 TypedDataSet response; the table id (and so the year) from odata.metadata', async () => {
    const bytes = readFileSync(`${RECORDINGS}/v3/85984NED/TypedDataSet.json`);
    expect(detectFormat(new Uint8Array(bytes), 'typed.json')).toBe('odata-v3-json');
    const result = await readCbsFile(bytes, { fileName: 'typed.json', catalogue });
    expect(result).toMatchObject({ format: 'odata-v3-json', tableId: '85984NED', year: 2024 });
    expect(result.report.regions).toBe(10);
    const tigeli = (key: string) =>
      result.observations.find((o) => o.regionCode === 'BU03440311' && o.indicatorKey === key);
    // kwb-2024-buurten-selectie.csv, row BU03440311
    expect(tigeli('a_inw')).toMatchObject({ value: 4260, sourceColumn: 'AantalInwoners_5' });
    expect(tigeli('g_hhgro')?.value).toBe(1.9);
  });

  it('reads bare v4 Observations; a measure without a row is missing, not 0', async () => {
    const document = JSON.parse(readFileSync(`${RECORDINGS}/v4/85984NED/Observations.json`, 'utf8'));
    document.value = document.value.filter(
      (row: { WijkenEnBuurten: string; Measure: string }) =>
        !(row.WijkenEnBuurten === 'WK034403' && row.Measure === 'M001642'),
    );
    const result = await readCbsFile(JSON.stringify(document), { fileName: 'obs.json', catalogue });
    expect(result).toMatchObject({ format: 'odata-v4-json', tableId: '85984NED', year: 2024 });
    const of = (code: string, key: string) =>
      result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);
    expect(of('GM0344', 'a_woning')?.value).toBe(167124);
    expect(of('WK034403', 'g_wozbag')).toMatchObject({ value: null, status: 'missing', sourceRow: null });
  });

  it('turns rows into a header (union of keys) and text cells, null as empty', () => {
    expect(
      toRecords(
        [
          { a: 1, b: null },
          { a: 2.5, c: ' x ' },
        ],
        'f.json',
      ),
    ).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2.5', '', ' x '],
    ]);
    expect(findTableIdInUrl('https://odata4.cbs.nl/CBS/47018ned/$metadata#Observations')).toBe('47018NED');
  });

  it('refuses JSON that is no OData response, naming the file', async () => {
    try {
      await readCbsFile('{"value": 3}', { fileName: 'x.json', catalogue });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toContain('x.json: geen OData-antwoord van CBS');
    }
  });
});
