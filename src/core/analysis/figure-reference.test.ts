import { describe, expect, it } from 'vitest';
import { formatFigureReference, parseFigureReference } from './figure-reference.ts';

describe('figure references', () => {
  it('reads indicator, year and area, and writes them back', () => {
    const figure = parseFigureReference('a_inw@2024:BU03440311,BU03440312');
    expect(figure).toEqual({ indicatorKey: 'a_inw', year: 2024, regionCodes: ['BU03440311', 'BU03440312'] });
    expect(formatFigureReference(figure)).toBe('a_inw@2024:BU03440311,BU03440312');
  });

  it('refuses anything else with a field error', () => {
    for (const bad of [
      'a_inw',
      'a_inw@24:WK034403',
      'A_INW@2024:WK034403',
      'a_inw@2024:Overvecht',
      'a_inw@2024:WK034403,',
    ]) {
      expect(() => parseFigureReference(bad), bad).toThrow(/geen verwijzing naar een cijfer/);
    }
  });
});
