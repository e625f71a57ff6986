import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CbaCaseInput } from './case-schema.ts';
import { DEFAULT_SENSITIVITY_DISCOUNT_RATES, STANDARD_DISCOUNT_RATE } from './case-schema.ts';
import { evaluateCase } from './evaluate-case.ts';
import { buildCaseAtLimits } from './testing.ts';
import type { DiscountRateSensitivity, ItemSensitivity } from './sensitivity.ts';

// ---------------------------------------------------------------------------------------------
// Generated cases for the properties: simple file shape, category "other" (valid for both types,
// so that swapping cost and benefit stays a valid case).

interface GeneratedItem {
  type: 'cost' | 'benefit';
  amounts: Record<string, number>;
}

const amountArb = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });

const caseArb = fc
  .record({
    startYear: fc.integer({ min: 2000, max: 2040 }),
    length: fc.integer({ min: 0, max: 40 }),
    baseOffset: fc.integer({ min: -5, max: 5 }),
    rate: fc.double({ min: -0.5, max: 0.2, noNaN: true }),
  })
  .chain(({ startYear, length, baseOffset, rate }) =>
    fc
      .array(
        fc.record({
          type: fc.constantFrom('cost' as const, 'benefit' as const),
          amounts: fc.dictionary(
            fc.integer({ min: startYear, max: startYear + length }).map(String),
            amountArb,
            { minKeys: 1, maxKeys: 8 },
          ),
        }),
        { minLength: 1, maxLength: 6 },
      )
      .map((items) => ({
        startYear,
        endYear: startYear + length,
        discountBaseYear: startYear + baseOffset,
        rate,
        items,
      })),
  );

type Generated = {
  startYear: number;
  endYear: number;
  discountBaseYear: number;
  rate: number;
  items: GeneratedItem[];
};

function toCase(
  generated: Generated,
  transform: (item: GeneratedItem) => GeneratedItem = (item) => item,
): CbaCaseInput {
  return {
    name: 'Eigenschap',
    priceBaseYear: generated.startYear,
    discountBaseYear: generated.discountBaseYear,
    discountRate: generated.rate,
    startYear: generated.startYear,
    endYear: generated.endYear,
    items: generated.items.map((item, i) => {
      const { type, amounts } = transform(item);
      return { label: `item ${i}`, type, category: 'other', party: 'other', amounts };
    }),
  };
}

/** Absolute tolerance for comparing sums of discounted amounts of different summation order. */
function toleranceFor(generated: Generated, factor = 1): number {
  let scale = 1;
  for (const item of generated.items) {
    for (const [year, amount] of Object.entries(item.amounts)) {
      scale += Math.abs(amount) * Math.pow(1 + generated.rate, -(Number(year) - generated.discountBaseYear));
    }
  }
  return scale * 1e-9 * Math.max(1, Math.abs(factor));
}

function scaleAll(factor: number) {
  return (item: GeneratedItem): GeneratedItem => ({
    type: item.type,
    amounts: Object.fromEntries(
      Object.entries(item.amounts).map(([year, amount]) => [year, amount * factor]),
    ),
  });
}

describe('properties', () => {
  it('scaling all amounts by c scales the NPV by c', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: -100, max: 100, noNaN: true }), (generated, c) => {
        const base = evaluateCase(toCase(generated));
        const scaled = evaluateCase(toCase(generated, scaleAll(c)));
        expect(
          Math.abs((scaled.netPresentValue ?? NaN) - c * (base.netPresentValue ?? NaN)),
        ).toBeLessThanOrEqual(toleranceFor(generated, c));
      }),
    );
  });

  it('the benefit/cost ratio does not change when all amounts are scaled by c > 0', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.001, max: 1000, noNaN: true }), (generated, c) => {
        const base = evaluateCase(toCase(generated));
        const scaled = evaluateCase(toCase(generated, scaleAll(c)));
        if (base.benefitCostRatio === null || base.benefitCostRatio === undefined) {
          expect(scaled.benefitCostRatio).toBeNull();
          return;
        }
        // Skip near-zero costs, where the ratio itself is numerically meaningless.
        fc.pre((base.presentValueCosts ?? 0) > toleranceFor(generated) * 1e3);
        expect(scaled.benefitCostRatio).toBeCloseTo(base.benefitCostRatio, 6);
      }),
    );
  });

  it('at a 0% rate the present values equal the plain sums', () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const result = evaluateCase(toCase({ ...generated, rate: 0 }));
        const plainSum = (type: 'cost' | 'benefit') =>
          generated.items
            .filter((item) => item.type === type)
            .flatMap((item) => Object.values(item.amounts))
            .reduce((sum, amount) => sum + amount, 0);
        const tolerance = toleranceFor({ ...generated, rate: 0 });
        expect(Math.abs((result.presentValueCosts ?? NaN) - plainSum('cost'))).toBeLessThanOrEqual(tolerance);
        expect(Math.abs((result.presentValueBenefits ?? NaN) - plainSum('benefit'))).toBeLessThanOrEqual(
          tolerance,
        );
      }),
    );
  });

  it('swapping cost and benefit negates the NPV', () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const base = evaluateCase(toCase(generated));
        const swapped = evaluateCase(
          toCase(generated, (item) => ({ ...item, type: item.type === 'cost' ? 'benefit' : 'cost' })),
        );
        expect(
          Math.abs((swapped.netPresentValue ?? NaN) + (base.netPresentValue ?? NaN)),
        ).toBeLessThanOrEqual(toleranceFor(generated));
        expect(swapped.presentValueCosts).toBe(base.presentValueBenefits);
      }),
    );
  });

  it('the break-even year starts a run of non-negative cumulative balances to the end', () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const result = evaluateCase(toCase(generated));
        const yearly = result.yearly ?? [];
        const tolerance = toleranceFor(generated);
        const last = yearly.at(-1);
        if (result.breakEvenYear === null) {
          expect(last === undefined || last.cumulativeDiscountedNetBenefit < 0).toBe(true);
          return;
        }
        for (const flow of yearly) {
          if (flow.year >= (result.breakEvenYear ?? Infinity)) {
            expect(flow.cumulativeDiscountedNetBenefit).toBeGreaterThanOrEqual(-tolerance);
          }
        }
        const before = yearly.find((flow) => flow.year === (result.breakEvenYear ?? 0) - 1);
        if (before) expect(before.cumulativeDiscountedNetBenefit).toBeLessThan(0);
      }),
    );
  });

  it('tornado: the swing of an item is 2x its present value, sorted largest first', () => {
    fc.assert(
      fc.property(caseArb, (generated) => {
        const result = evaluateCase(toCase(generated));
        const entries = (result.sensitivity ?? []).filter((s): s is ItemSensitivity => s.kind === 'item');
        expect(entries).toHaveLength(generated.items.length);
        const tolerance = toleranceFor(generated);
        for (const entry of entries) {
          expect(Math.abs(entry.swing - 2 * 0.2 * Math.abs(entry.presentValue))).toBeLessThanOrEqual(
            tolerance,
          );
        }
        for (let i = 1; i < entries.length; i += 1) {
          expect((entries[i - 1]?.swing ?? 0) >= (entries[i]?.swing ?? 0)).toBe(true);
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

const twoYearCase: CbaCaseInput = {
  name: 'Klein',
  priceBaseYear: 2024,
  discountBaseYear: 2024,
  startYear: 2024,
  endYear: 2025,
  items: [
    {
      label: 'Investering',
      type: 'cost',
      category: 'investment',
      party: 'gemeente',
      amounts: { '2024': 100 },
    },
    {
      label: 'Baat groot',
      type: 'benefit',
      category: 'care',
      party: 'zorgverzekeraar',
      amounts: { '2025': 204.5 },
    },
    {
      label: 'Baat klein',
      type: 'benefit',
      category: 'liveability',
      party: 'bewoners',
      amounts: { '2025': 10.225 },
    },
  ],
  effects: [{ label: 'Meer ontmoeting', score: '\u2212' }],
};

describe('evaluateCase', () => {
  const result = evaluateCase(twoYearCase);

  it('uses the standard rate 2,25% when the file names none, and says so in the method text', () => {
    expect(result.discountRate).toBe(STANDARD_DISCOUNT_RATE);
    expect(result.method).toContain('2,25%');
    // 204.5 / 1.0225 = 200; 10.225 / 1.0225 = 10
    expect(result.presentValueBenefits).toBeCloseTo(210, 10);
    expect(result.netPresentValue).toBeCloseTo(110, 10);
    expect(result.benefitCostRatio).toBeCloseTo(2.1, 12);
  });

  it('runs the default discount rates in ascending order, marking the base rate', () => {
    const rates = (result.sensitivity ?? []).filter(
      (s): s is DiscountRateSensitivity => s.kind === 'discount_rate',
    );
    expect(rates.map((s) => s.discountRate)).toEqual([...DEFAULT_SENSITIVITY_DISCOUNT_RATES]);
    const base = rates.find((s) => s.isBaseRate);
    expect(base?.discountRate).toBe(0.0225);
    expect(base?.netPresentValue).toBe(result.netPresentValue);
    const zero = rates.find((s) => s.discountRate === 0);
    expect(zero?.presentValueBenefits).toBeCloseTo(214.725, 10);
  });

  it('varies each item ±20% for the tornado: largest swing first, with the NPV at both ends', () => {
    const items = (result.sensitivity ?? []).filter((s): s is ItemSensitivity => s.kind === 'item');
    expect(items.map((s) => s.label)).toEqual(['Baat groot', 'Investering', 'Baat klein']);
    const [big, investment] = items;
    // Baat groot: PV 200, so NPV 110 ± 40
    expect(big?.minus.netPresentValue).toBeCloseTo(70, 10);
    expect(big?.plus.netPresentValue).toBeCloseTo(150, 10);
    expect(big?.swing).toBeCloseTo(80, 10);
    // Investering 100 × 1.2 = 120: NPV 90 and ratio 210/120
    expect(investment?.plus.netPresentValue).toBeCloseTo(90, 10);
    expect(investment?.plus.benefitCostRatio).toBeCloseTo(1.75, 12);
    expect(investment?.minus.netPresentValue).toBeCloseTo(130, 10);
  });

  it('lists non-monetised effects without summing them ("−" read as "-")', () => {
    expect(result.effects).toEqual([{ label: 'Meer ontmoeting', score: '-' }]);
  });

  it('splits by category, costs first', () => {
    expect(result.byCategory?.map((c) => `${c.type}:${c.category}`)).toEqual([
      'cost:investment',
      'benefit:care',
      'benefit:liveability',
    ]);
  });

  it('treats the simple file as one project alternative against an empty zero alternative', () => {
    expect(result.zeroAlternative.name).toBe('Nulalternatief');
    expect(result.alternatives).toHaveLength(1);
    expect(result.alternatives[0]?.netPresentValue).toBe(result.netPresentValue);
    expect(result.alternatives[0]?.method).toBe(result.method);
  });

  it('evaluates several project alternatives separately, each against the zero alternative', () => {
    const { items, effects: _effects, ...header } = twoYearCase;
    const multi = evaluateCase({
      ...header,
      zeroAlternative: { name: 'Niets doen', description: 'Regulier beleid' },
      sensitivity: { discountRates: [0.04], itemVariation: 0.5 },
      alternatives: [
        { id: 'a', name: 'A', items },
        { name: 'B', items: items?.slice(0, 2) ?? [] },
      ],
    });
    expect(multi.netPresentValue).toBeUndefined();
    expect(multi.alternatives.map((a) => a.id)).toEqual(['a', 'alternatief-2']);
    expect(multi.alternatives[0]?.netPresentValue).toBeCloseTo(110, 10);
    expect(multi.alternatives[1]?.netPresentValue).toBeCloseTo(100, 10);
    const rates = multi.alternatives[0]?.sensitivity
      .filter((s) => s.kind === 'discount_rate')
      .map((s) => s.discountRate);
    expect(rates).toEqual([0.0225, 0.04]);
    const firstItem = multi.alternatives[0]?.sensitivity.find((s) => s.kind === 'item');
    expect(firstItem?.kind === 'item' && firstItem.variation).toBe(0.5);
    expect(multi.zeroAlternative).toEqual({ name: 'Niets doen', description: 'Regulier beleid' });
  });
});

describe('a case at every limit of the schema (issue 10, findings 1 and 8)', () => {
  /** Every number anywhere in the result. */
  function collectNumbers(value: unknown, into: number[] = []): number[] {
    if (typeof value === 'number') into.push(value);
    else if (Array.isArray(value)) for (const v of value) collectNumbers(v, into);
    else if (value && typeof value === 'object')
      for (const v of Object.values(value)) collectNumbers(v, into);
    return into;
  }

  it('is accepted and every figure of its result is finite, even with the largest discount factors', () => {
    for (const shape of ['one', 'many'] as const) {
      const result = evaluateCase(buildCaseAtLimits({ shape, extreme: true }));
      const numbers = collectNumbers(result);
      expect(numbers.length).toBeGreaterThan(1000);
      expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
    }
  });
});
