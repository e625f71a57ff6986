import { describe, expect, it } from 'vitest';
import { parseRegionCodes } from './region-codes.ts';

describe('parseRegionCodes', () => {
  it('reads one code per line, forgiving case, padding, blank lines and duplicates', () => {
    expect(parseRegionCodes(' bu03440311 \n\nWK034403\r\nBU03440311\nGM0344')).toEqual({
      codes: ['BU03440311', 'WK034403', 'GM0344'],
      errors: [],
    });
  });

  it('names every wrong line by its number', () => {
    expect(parseRegionCodes('BU03440311\nOvervecht\nBU0344031').errors).toEqual([
      'regel 2: “Overvecht” is geen CBS-gebiedscode',
      'regel 3: “BU0344031” is geen CBS-gebiedscode',
    ]);
  });
});
