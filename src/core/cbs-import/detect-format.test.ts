import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { detectFormat } from './detect-format.ts';
import { readCbsFile } from './read-cbs-file.ts';

const dir = '../shared/data/cbs';
const cases: [string, string][] = [
  ['kwb-2023-utrecht.xlsx', 'kwb-xlsx'],
  ['kwb-woningen-2013-2025/kwb-2013-woningen.csv', 'odata-v4-observations'],
  ['kwb-2024-buurten-selectie.csv', 'odata-v3-typed'],
  ['kwb-2017-buurten-selectie.csv', 'odata-v3-typed'],
  ['misdrijven-2024-buurten.csv', 'odata-v3-typed'],
  ['nabijheid-2023-utrecht.csv', 'statline-csv'],
  ['buurtnamen-2024.csv', 'region-names'],
];

describe('format detection', () => {
  it.each(cases)('recognises %s as %s', (file, format) => {
    expect(detectFormat(new Uint8Array(readFileSync(`${dir}/${file}`)), file)).toBe(format);
  });

  it('recognises the kwb csv layout', () => {
    expect(detectFormat('gwb_code_10;regio;a_inw\nGM0344;Utrecht;1\n', 'kwb-2023.csv')).toBe('kwb-csv');
  });

  it('refuses an unknown layout', () => {
    try {
      detectFormat('naam,leeftijd\nPiet,40\n', 'x.csv');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('import_failed');
    }
  });

  it('reads any file through one entry point', async () => {
    const result = await readCbsFile(readFileSync(`${dir}/misdrijven-2024-buurten.csv`), {
      fileName: 'misdrijven-2024-buurten.csv',
      catalogue: buildIndicatorCatalogue(),
    });
    expect(result.format).toBe('odata-v3-typed');
    expect(result.report.regions).toBe(14729);
  });
});
