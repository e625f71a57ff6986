import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregationPart } from './aggregate.ts';
import { aggregateParts } from './aggregate.ts';
import type { Indicator, IndicatorKind } from './indicator.ts';
import { emptyAliases } from './indicator.ts';

function makeIndicator(kind: IndicatorKind, hasBase = true): Indicator {
  return {
    key: `test_${kind}`,
    title: 'Test',
    definition: '',
    unit: kind === 'percentage' ? '%' : 'aantal',
    domain: 'housing',
    direction: 'neutral',
    kind,
    base: kind !== 'count' && hasBase ? { keys: ['a_woning'], isExact: true, note: '' } : null,
    aliases: emptyAliases(),
    origin: 'curated',
  };
}

const percentage = makeIndicator('percentage');
const count = makeIndicator('count');

const partArbitrary = fc.record({
  regionCode: fc.constantFrom('BU03440311', 'BU03440312', 'BU03440321', 'BU03440322', 'BU03440331'),
  value: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  base: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
});

describe('aggregation, hand examples', () => {
  it('weights percentages by their base, never a plain mean', () => {
    // 80% of 1 000 dwellings and 20% of 100 dwellings: 820 / 1 100 = 74.55%, not (80 + 20) / 2 = 50%
    const result = aggregateParts(percentage, [
      { regionCode: 'BU1', value: 80, base: 1000 },
      { regionCode: 'BU2', value: 20, base: 100 },
    ]);
    expect(result.value).toBeCloseTo(820 / 11, 10);
    expect(result).toMatchObject({
      method: 'weighted_mean',
      coverage: 1,
      coverageBasis: 'base',
      weightUsed: 1100,
    });
  });

  it('reports coverage instead of guessing when a part is missing', () => {
    const result = aggregateParts(percentage, [
      { regionCode: 'BU1', value: 80, base: 300 },
      { regionCode: 'BU2', value: null, base: 100 },
    ]);
    expect(result.value).toBe(80);
    expect(result.coverage).toBe(0.75);
    expect(result.missingParts).toEqual(['BU2']);
  });

  it('falls back to the share of parts when a base is unknown', () => {
    const result = aggregateParts(percentage, [
      { regionCode: 'BU1', value: 80, base: 300 },
      { regionCode: 'BU2', value: 50, base: null },
      { regionCode: 'BU3', value: 40, base: 100 },
    ]);
    expect(result.value).toBe((80 * 300 + 40 * 100) / 400);
    expect(result).toMatchObject({ coverage: 2 / 3, coverageBasis: 'parts', missingParts: ['BU2'] });
  });

  it('sums counts and never turns a missing count into 0', () => {
    expect(
      aggregateParts(count, [
        { regionCode: 'BU1', value: 4195, base: null },
        { regionCode: 'BU2', value: null, base: null },
      ]),
    ).toMatchObject({ value: 4195, coverage: 0.5, method: 'sum', missingParts: ['BU2'] });
    expect(aggregateParts(count, [{ regionCode: 'BU1', value: null, base: null }]).value).toBeNull();
  });

  it('does not aggregate codes or indicators without a base, and says why', () => {
    const code = aggregateParts(makeIndicator('code'), [{ regionCode: 'BU1', value: 1, base: null }]);
    expect(code).toMatchObject({ value: null, method: 'none', coverage: 0 });
    expect(code.reason).toMatch(/code/);
    const median = { ...makeIndicator('average', false), notAggregatableReason: 'mediaan' };
    expect(aggregateParts(median, [{ regionCode: 'BU1', value: 1, base: null }]).reason).toBe('mediaan');
  });

  it('refuses a negative base', () => {
    expect(() => aggregateParts(percentage, [{ regionCode: 'BU1', value: 1, base: -1 }])).toThrow(
      /Negatieve basis/,
    );
  });
});

describe('aggregation, properties', () => {
  it('a focus area of one buurt equals that buurt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IndicatorKind>('count', 'percentage', 'average'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 100000 }),
        (kind, value, base) => {
          const result = aggregateParts(makeIndicator(kind), [{ regionCode: 'BU1', value, base }]);
          expect(result.value).toBeCloseTo(value, 6);
          expect(result.coverage).toBe(1);
        },
      ),
    );
  });

  it('coverage stays in [0, 1] and is 1 exactly when nothing is missing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(count, percentage),
        fc.array(partArbitrary, { minLength: 1, maxLength: 12 }),
        (indicator, parts) => {
          const result = aggregateParts(indicator, parts);
          expect(result.coverage).toBeGreaterThanOrEqual(0);
          expect(result.coverage).toBeLessThanOrEqual(1);
          if (result.missingParts.length === 0 && result.value !== null) expect(result.coverage).toBe(1);
          expect(result.partsUsed + result.missingParts.length).toBe(parts.length);
        },
      ),
    );
  });

  it('weights add up: the weight used is the sum of the bases used, and the mean lies between the extremes', () => {
    fc.assert(
      fc.property(fc.array(partArbitrary, { minLength: 1, maxLength: 12 }), (parts) => {
        const result = aggregateParts(percentage, parts);
        const used = parts.filter((p) => p.value !== null && p.base !== null);
        expect(result.weightUsed).toBe(used.reduce((sum, p) => sum + (p.base ?? 0), 0));
        if (result.value !== null) {
          const values = used.filter((p) => (p.base ?? 0) > 0).map((p) => p.value ?? 0);
          expect(result.value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(result.value).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        }
      }),
    );
  });

  it('aggregating in two steps (wijk of buurten, then area of wijken) equals aggregating at once', () => {
    const complete = fc.record({
      regionCode: fc.constant('BU1'),
      value: fc.double({ min: 0, max: 100, noNaN: true }),
      base: fc.integer({ min: 1, max: 5000 }),
    });
    fc.assert(
      fc.property(
        fc.array(complete, { minLength: 1, maxLength: 6 }),
        fc.array(complete, { minLength: 1, maxLength: 6 }),
        (a, b) => {
          const whole = aggregateParts(percentage, [...a, ...b]);
          const first = aggregateParts(percentage, a);
          const second = aggregateParts(percentage, b);
          const combined: AggregationPart[] = [
            { regionCode: 'WK1', value: first.value, base: first.weightUsed },
            { regionCode: 'WK2', value: second.value, base: second.weightUsed },
          ];
          expect(aggregateParts(percentage, combined).value).toBeCloseTo(whole.value ?? Number.NaN, 8);
        },
      ),
    );
  });
});
