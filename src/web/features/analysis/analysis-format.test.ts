import { describe, expect, it } from 'vitest';
import {
  compareWith,
  describeComparison,
  describePosition,
  describeProvenance,
  formatFigure,
} from './analysis-format.ts';

describe('formatFigure', () => {
  it('writes Dutch numbers with their unit, and a dash for no figure', () => {
    expect(formatFigure(35255, { kind: 'count', unit: 'aantal' })).toBe('35.255');
    expect(formatFigure(79.4578, { kind: 'percentage', unit: '%' })).toBe('79,5%');
    expect(formatFigure(0.543, { kind: 'average', unit: 'km' })).toBe('0,54 km');
    expect(formatFigure(114.79, { kind: 'percentage', unit: 'per 1 000 inwoners' })).toBe(
      '114,8 per 1 000 inwoners',
    );
    expect(formatFigure(null, { kind: 'count', unit: 'aantal' })).toBe('–');
    expect(formatFigure(0, { kind: 'count', unit: 'aantal' })).toBe('0');
  });
});

describe('compareWith', () => {
  it('knows which way is good', () => {
    // WOZ 293 (area) against 451 (Utrecht), higher is better: the area is worse.
    expect(compareWith(293.2, 451, { kind: 'average', direction: 'higher_is_better' })).toBe('worse');
    // Crimes per 1 000: 114,8 against 131,8, higher is worse: the area is better.
    expect(compareWith(114.8, 131.8, { kind: 'percentage', direction: 'higher_is_worse' })).toBe('better');
    expect(compareWith(140, 131.8, { kind: 'percentage', direction: 'higher_is_worse' })).toBe('worse');
    expect(compareWith(79.5, 56, { kind: 'percentage', direction: 'neutral' })).toBe('higher');
    expect(compareWith(1.97, 2.1, { kind: 'average', direction: 'neutral' })).toBe('lower');
  });

  it('calls figures that look the same equal, and says nothing without both figures', () => {
    expect(compareWith(56.02, 55.98, { kind: 'percentage', direction: 'higher_is_worse' })).toBe('equal');
    expect(compareWith(null, 3, { kind: 'percentage', direction: 'higher_is_worse' })).toBeNull();
    expect(describeComparison('worse')).toBe('ongunstiger dan de gemeente');
    expect(describeComparison(null)).toBeNull();
  });
});

describe('describePosition', () => {
  it('says the percentile and, for a direction, the side of the distribution', () => {
    expect(describePosition({ percentile: 19.1, worstPercentile: 24.3, n: 12629 }, 'in Nederland')).toBe(
      'hoger dan 19% van de 12.629 buurten in Nederland; daarmee bij de 24% ongunstigste',
    );
    expect(describePosition({ percentile: 75.8, worstPercentile: 75.8, n: 100 }, 'in de gemeente')).toBe(
      'hoger dan 76% van de 100 buurten in de gemeente; daarmee bij de 24% gunstigste',
    );
    expect(describePosition({ percentile: 95.7, worstPercentile: null, n: 111 }, 'in de gemeente')).toBe(
      'hoger dan 96% van de 111 buurten in de gemeente',
    );
  });
});

describe('describeProvenance', () => {
  it('names file, table, row and column', () => {
    expect(
      describeProvenance({
        regionCode: 'BU03440311',
        indicatorKey: 'a_man',
        year: 2024,
        fileName: 'kwb-2024-utrecht.xlsx',
        tableId: '85984NED',
        row: 30,
        column: 'a_man',
        status: 'ok',
      }),
    ).toBe('kwb-2024-utrecht.xlsx, tabel 85984NED, rij 30, kolom a_man');
  });
});
