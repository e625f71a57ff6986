import { describe, expect, it } from 'vitest';
import {
  formatEuro,
  formatEuroShort,
  formatPercent,
  formatPercentInput,
  formatRatio,
  parseDutchNumber,
} from './cba-format.ts';

describe('Dutch euro formats', () => {
  it('writes whole euros with thousand dots and a real minus sign', () => {
    expect(formatEuro(1234567.49)).toBe('€ 1.234.567');
    expect(formatEuro(-12500)).toBe('\u2212€ 12.500');
    expect(formatEuro(-0.2)).toBe('€ 0');
  });

  it('shortens large amounts to mln and mld with one decimal', () => {
    expect(formatEuroShort(3.795e9)).toBe('€ 3,8 mld');
    expect(formatEuroShort(12_340_000)).toBe('€ 12,3 mln');
    expect(formatEuroShort(1_234_567)).toBe('€ 1.234.567');
  });

  it('writes ratios and rates the Dutch way', () => {
    expect(formatRatio(1.5263)).toBe('1,53');
    expect(formatRatio(null)).toBe('niet te berekenen');
    expect(formatPercent(0.0225)).toBe('2,25%');
    expect(formatPercentInput(0.055)).toBe('5,5');
  });
});

describe('parseDutchNumber', () => {
  const value = (text: string) => {
    const parsed = parseDutchNumber(text);
    return parsed?.ok ? parsed.value : parsed;
  };

  it('reads Dutch notation: thousand dots and a decimal comma', () => {
    expect(value('1.234.567,89')).toBe(1234567.89);
    expect(value('1.234')).toBe(1234);
    expect(value('250000')).toBe(250000);
    expect(value('0,5')).toBe(0.5);
    expect(value(',5')).toBe(0.5);
    expect(value('€ 12.500')).toBe(12500);
    expect(value('-1.000')).toBe(-1000);
    expect(value('\u22121.000,5')).toBe(-1000.5);
    expect(value('1\u00a0234\u00a0567')).toBe(1234567);
  });

  it('also reads an English spreadsheet', () => {
    expect(value('1,234,567.89')).toBe(1234567.89);
    expect(value('1234567.89')).toBe(1234567.89);
    expect(value('1,234,567')).toBe(1234567);
  });

  it('gives null for empty text and refuses what is not a number', () => {
    expect(parseDutchNumber('  ')).toBeNull();
    expect(value('abc')).toEqual({ ok: false });
    expect(value('1.23.4')).toEqual({ ok: false });
    expect(value('12,')).toEqual({ ok: false });
    expect(value('1.234,5.6')).toEqual({ ok: false });
  });
});
