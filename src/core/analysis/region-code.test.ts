import { describe, expect, it } from 'vitest';
import {
  getAncestorCodes,
  getMunicipalityCode,
  getParentCode,
  getRegionLevel,
  isPseudoRegionCode,
  isWithinRegion,
  normalizeRegionCode,
} from './region-code.ts';

describe('region codes', () => {
  it('trims the padding CBS adds and validates the four levels', () => {
    expect(normalizeRegionCode('GM0344    ')).toBe('GM0344');
    expect(normalizeRegionCode(' wk034403 ')).toBe('WK034403');
    expect(normalizeRegionCode('NL00      ')).toBe('NL00');
    expect(normalizeRegionCode('BU03440301')).toBe('BU03440301');
    // Amsterdam uses letters in wijk and buurt parts since 2023.
    expect(normalizeRegionCode('BU0363AA01')).toBe('BU0363AA01');
    expect(normalizeRegionCode('WK0363AA')).toBe('WK0363AA');
  });

  it('rejects malformed codes', () => {
    for (const bad of [
      'GM344',
      'GM03445',
      'WK03440',
      'BU0344030',
      'BU034403011',
      'XX0344',
      'NL01',
      '',
      'GMA344',
    ]) {
      expect(normalizeRegionCode(bad), bad).toBeNull();
    }
  });

  it('derives level and parents from the code', () => {
    expect(getRegionLevel('BU03440301')).toBe('BU');
    expect(getParentCode('BU03440301')).toBe('WK034403');
    expect(getParentCode('WK034403')).toBe('GM0344');
    expect(getParentCode('GM0344')).toBe('NL00');
    expect(getParentCode('NL00')).toBeNull();
    expect(getAncestorCodes('BU03440301')).toEqual(['WK034403', 'GM0344', 'NL00']);
    expect(getMunicipalityCode('BU0363AA01')).toBe('GM0363');
    expect(isWithinRegion('BU03440301', 'WK034403')).toBe(true);
    expect(isWithinRegion('BU03440401', 'WK034403')).toBe(false);
  });

  it('recognises the pseudo-code of unassignable crime', () => {
    expect(isPseudoRegionCode('BU00000000')).toBe(true);
    expect(isPseudoRegionCode('BU00140000')).toBe(false);
    expect(isPseudoRegionCode('NL00')).toBe(false);
  });
});
