import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { readRegionNames } from './read-region-names.ts';

const catalogue = buildIndicatorCatalogue();

describe('buurt name lists', () => {
  it('reads buurtnamen-2024.csv, quoted names included', () => {
    const file = 'buurtnamen-2024.csv';
    const result = readRegionNames(readFileSync(`../shared/data/cbs/${file}`, 'utf8'), {
      fileName: file,
      catalogue,
    });
    expect(result.year).toBe(2024);
    expect(result.regions).toHaveLength(14574);
    expect(result.observations).toEqual([]);
    expect(result.regions.find((r) => r.code === 'BU03440311')?.name).toBe(
      'Taag- en Rubicondreef en omgeving',
    );
    expect(result.regions.find((r) => r.code === 'BU00340501')?.name).toBe(
      'Klavergriend, Klippriend en Wilgengriend',
    );
  });

  it('reads buurtnamen-2017.csv', () => {
    const file = 'buurtnamen-2017.csv';
    const result = readRegionNames(readFileSync(`../shared/data/cbs/${file}`, 'utf8'), {
      fileName: file,
      catalogue,
    });
    expect(result.regions).toHaveLength(13208);
    expect(result.regions[0]).toEqual({ code: 'BU16800000', name: 'Annen', level: 'BU', year: 2017 });
  });

  it('refuses a malformed code', () => {
    try {
      readRegionNames('Identifier,Title\nBU1680000,Annen\n', { fileName: 'namen-2024.csv', catalogue });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.issues[0]?.path).toEqual(['namen-2024.csv', 2, 'Identifier']);
    }
  });
});
