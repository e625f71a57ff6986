import { describe, expect, it } from 'vitest';
import { computeBenefitCostRatio, computeNetPresentValue } from './net-present-value.ts';
import { evaluateCase } from './evaluate-case.ts';

/**
 * A worked example, calculated by hand. Rate 10% (so the factors are easy), discount base year
 * 2020, horizon 2020–2023, euros in prices of 2020.
 *
 *   year   factor 1.1^−(t−2020)   costs               benefits
 *   2020   1                      1000 (investment)    0
 *   2021   1/1.1    = 0.909091     100 (operation)    500
 *   2022   1/1.21   = 0.826446     100                550  (500 growing 10%)
 *   2023   1/1.331  = 0.751315     100                605
 *
 * PV costs    = 1000 + 100/1.1 + 100/1.21 + 100/1.331
 *             = 1000 + 90.909091 + 82.644628 + 75.131480 = 1248.685199  (exactly 1662000/1331)
 * PV benefits = 500/1.1 + 550/1.21 + 605/1.331 = 3 × 454.545455       = 1363.636364  (exactly 15000/11)
 * NPV         = 1363.636364 − 1248.685199                              =  114.951165
 * B/C ratio   = 1363.636364 / 1248.685199                              =    1.092058
 * cumulative discounted net benefit:
 *   2020: −1000
 *   2021: −1000       + (454.545455 − 90.909091) = −636.363636
 *   2022: −636.363636 + (454.545455 − 82.644628) = −264.462810
 *   2023: −264.462810 + (454.545455 − 75.131480) =  114.951165  → break-even year 2023
 */
const workedExample = {
  name: 'Handberekening',
  priceBaseYear: 2020,
  discountBaseYear: 2020,
  discountRate: 0.1,
  startYear: 2020,
  endYear: 2023,
  items: [
    {
      label: 'Investering',
      type: 'cost',
      category: 'investment',
      party: 'gemeente',
      amounts: { '2020': 1000 },
    },
    {
      label: 'Exploitatie',
      type: 'cost',
      category: 'operation',
      party: 'rijk',
      patterns: [{ kind: 'yearly', startYear: 2021, endYear: 2023, amount: 100 }],
    },
    {
      label: 'Minder uitkeringen',
      type: 'benefit',
      category: 'benefits_savings',
      party: 'rijk',
      patterns: [{ kind: 'growing', startYear: 2021, endYear: 2023, amount: 500, growthRate: 0.1 }],
    },
  ],
};

describe('worked example (hand calculation)', () => {
  const result = evaluateCase(workedExample);

  it('gives the hand-calculated present values, NPV and ratio', () => {
    expect(result.presentValueCosts).toBeCloseTo(1248.685199, 5);
    expect(result.presentValueBenefits).toBeCloseTo(1363.636364, 5);
    expect(result.netPresentValue).toBeCloseTo(114.951165, 5);
    expect(result.benefitCostRatio).toBeCloseTo(1.092058, 6);
  });

  it('gives the hand-calculated cumulative balance and break-even year', () => {
    expect(result.yearly?.map((flow) => flow.year)).toEqual([2020, 2021, 2022, 2023]);
    const cumulative = result.yearly?.map((flow) => flow.cumulativeDiscountedNetBenefit) ?? [];
    expect(cumulative[0]).toBeCloseTo(-1000, 9);
    expect(cumulative[1]).toBeCloseTo(-636.363636, 5);
    expect(cumulative[2]).toBeCloseTo(-264.46281, 5);
    expect(cumulative[3]).toBeCloseTo(114.951165, 5);
    expect(result.breakEvenYear).toBe(2023);
  });

  it('splits by party: gemeente pays the investment, the Rijk pays operation and gains the savings', () => {
    expect(result.byParty).toHaveLength(2);
    const [rijk, gemeente] = result.byParty ?? [];
    expect(rijk?.party).toBe('rijk');
    expect(rijk?.presentValueCosts).toBeCloseTo(248.685199, 5);
    expect(rijk?.presentValueBenefits).toBeCloseTo(1363.636364, 5);
    expect(rijk?.netPresentValue).toBeCloseTo(1114.951165, 5);
    expect(gemeente?.party).toBe('gemeente');
    expect(gemeente?.presentValueCosts).toBe(1000);
    expect(gemeente?.netPresentValue).toBe(-1000);
  });

  it('reports undiscounted totals per item next to present values', () => {
    expect(result.items?.map((item) => item.undiscountedTotal)).toEqual([1000, 300, expect.closeTo(1655, 9)]);
  });
});

describe('computeNetPresentValue', () => {
  it('ignores amounts outside the horizon', () => {
    const result = computeNetPresentValue(
      [
        {
          type: 'cost',
          amounts: new Map([
            [2019, 999],
            [2020, 10],
          ]),
        },
      ],
      { rate: 0, discountBaseYear: 2020, startYear: 2020, endYear: 2020 },
    );
    expect(result.presentValueCosts).toBe(10);
  });

  it('has no ratio and no break-even when there are no costs and negative benefits', () => {
    const result = computeNetPresentValue([{ type: 'benefit', amounts: new Map([[2020, -5]]) }], {
      rate: 0.0225,
      discountBaseYear: 2020,
      startYear: 2020,
      endYear: 2021,
    });
    expect(result.benefitCostRatio).toBeNull();
    expect(result.breakEvenYear).toBeNull();
    expect(result.netPresentValue).toBe(-5);
  });
});

describe('computeBenefitCostRatio', () => {
  it('is null when the present value of costs is zero or negative', () => {
    expect(computeBenefitCostRatio(10, 0)).toBeNull();
    expect(computeBenefitCostRatio(10, -1)).toBeNull();
    expect(computeBenefitCostRatio(15, 10)).toBe(1.5);
  });
});
