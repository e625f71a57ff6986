import { describe, expect, it } from 'vitest';
import { parseCbsCell, parseCbsValue, SECRET } from './parse-cell.ts';

describe('CBS cells', () => {
  it('keeps unknown and secret figures apart from zero', () => {
    expect(parseCbsCell('.')).toEqual({ value: null, status: 'missing' });
    expect(parseCbsCell('       .')).toEqual({ value: null, status: 'missing' });
    expect(parseCbsCell('')).toEqual({ value: null, status: 'missing' });
    expect(parseCbsCell('null')).toEqual({ value: null, status: 'missing' });
    expect(parseCbsCell('x')).toEqual({ value: null, status: 'secret' });
    expect(parseCbsValue('x')).toBe(SECRET);
    // "-" is CBS's symbol for nihil: a real zero
    expect(parseCbsCell('-')).toEqual({ value: 0, status: 'ok' });
  });

  it('reads padded numbers, decimal points and decimal commas', () => {
    expect(parseCbsValue('222298')).toBe(222298);
    expect(parseCbsValue('     1.0')).toBe(1);
    expect(parseCbsValue('2754.0')).toBe(2754);
    expect(parseCbsValue('1,9')).toBe(1.9);
    expect(parseCbsValue('-3.5')).toBe(-3.5);
    expect(parseCbsValue('7')).toBe(7);
  });

  it('refuses text, thousands separators and exotic number syntax', () => {
    for (const bad of ['abc', '1.234,5', '1e3', '0x1A', 'Infinity', '12 345', '1,2,3']) {
      expect(parseCbsValue(bad), bad).toBeUndefined();
    }
  });
});
