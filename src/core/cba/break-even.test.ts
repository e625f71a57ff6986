import { describe, expect, it } from 'vitest';
import { findBreakEvenYear } from './break-even.ts';

const points = (start: number, values: number[]) =>
  values.map((cumulative, i) => ({ year: start + i, cumulative }));

describe('findBreakEvenYear', () => {
  it('is the first year the cumulative balance is non-negative', () => {
    expect(findBreakEvenYear(points(2022, [-100, -50, 0, 30]))).toBe(2024);
  });

  it('waits for the last dip: the balance must stay non-negative', () => {
    expect(findBreakEvenYear(points(2022, [-100, 10, -5, 20, 40]))).toBe(2025);
  });

  it('is null when the balance ends below zero', () => {
    expect(findBreakEvenYear(points(2022, [-100, 10, 20, -1]))).toBeNull();
  });

  it('is the start year when the balance is never negative', () => {
    expect(findBreakEvenYear(points(2022, [5, 10]))).toBe(2022);
  });

  it('treats noise within the tolerance as zero', () => {
    expect(findBreakEvenYear(points(2022, [-100, -1e-10]), 1e-7)).toBe(2023);
    expect(findBreakEvenYear(points(2022, [-100, -1e-10]))).toBeNull();
  });

  it('is null for an empty horizon', () => {
    expect(findBreakEvenYear([])).toBeNull();
  });
});
