import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import {
  detectTableIdFromName,
  detectYearFromName,
  getTableYear,
  resolveTableId,
  resolveYear,
} from './detect-year.ts';

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return `${error.code}: ${error.issues.map((i) => i.message).join(' | ')}`;
    throw error;
  }
  throw new Error('expected an error');
}

describe('year detection', () => {
  it('knows the KWB table of every year 2013-2025', () => {
    expect(getTableYear('82339NED')).toBe(2013);
    expect(getTableYear('83765ned')).toBe(2017);
    expect(getTableYear('85984NED')).toBe(2024);
    expect(getTableYear('86165NED')).toBe(2025);
    expect(getTableYear('47018NED')).toBeNull();
  });

  it('reads years and table ids from file names', () => {
    expect(detectYearFromName('kwb-2024-utrecht.xlsx')).toBe(2024);
    expect(detectYearFromName('data/kwb-woningen-2013-2025/kwb-2013-woningen.csv')).toBe(2013);
    expect(detectYearFromName('woningen-2013-2025.csv')).toBeNull();
    expect(detectYearFromName('85984NED_TypedDataSet.csv')).toBeNull();
    expect(detectTableIdFromName('85984NED_TypedDataSet.csv')).toBe('85984NED');
  });

  it('agrees when every source says the same year', () => {
    expect(resolveYear('kwb-2023-utrecht.xlsx', { explicitYear: 2023, sheetName: 'kwb-2023' })).toBe(2023);
    expect(resolveYear('buurten.csv', { tableId: '85984NED' })).toBe(2024);
  });

  it('fails on a contradicting explicit year, naming both sources', () => {
    expect(errorOf(() => resolveYear('kwb-2024-utrecht.xlsx', { explicitYear: 2023 }))).toBe(
      'import_failed: het opgegeven jaar (2023) spreekt de bestandsnaam (2024) tegen',
    );
    expect(errorOf(() => resolveYear('x.csv', { explicitYear: 2023, tableId: '85984NED' }))).toBe(
      'import_failed: het opgegeven jaar (2023) spreekt tabel 85984NED (2024) tegen',
    );
  });

  it('fails when no source states a year', () => {
    expect(errorOf(() => resolveYear('buurten.csv', {}))).toMatch(/geef het jaar op/);
  });

  it('fails when an explicit table id contradicts the file name', () => {
    expect(errorOf(() => resolveTableId('85984NED_TypedDataSet.csv', '85618NED'))).toMatch(
      /spreekt de bestandsnaam/,
    );
  });
});
