import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate-case.ts';
import { computePresentValue } from './present-value.ts';
import {
  TEMPLATE_16_AREAS_NAME,
  TEMPLATE_16_AREAS_TARGETS as targets,
  createSixteenAreasTemplate,
} from './template-16-areas.ts';

/**
 * The seed (Programma Leefbaarheid en Veiligheid, §2.6): €3,8 bn net public investment over six
 * years, about €5,8 bn monetised benefits to 2050, of which over €1,8 bn lower benefit payments,
 * about €1,5 of benefit per public euro. Tolerances: 1% on the present values (amounts are whole
 * millions), ±0,05 on the published "circa 1,5".
 */
describe('template "16 stedelijke vernieuwingsgebieden (2021)"', () => {
  const template = createSixteenAreasTemplate();
  const result = evaluateCase(template);

  it('has the present value of costs of about €3,8 billion', () => {
    expect(result.presentValueCosts).toBeGreaterThan(targets.presentValueCosts * 0.99);
    expect(result.presentValueCosts).toBeLessThan(targets.presentValueCosts * 1.01);
  });

  it('has the present value of benefits of about €5,8 billion', () => {
    expect(result.presentValueBenefits).toBeGreaterThan(targets.presentValueBenefits * 0.99);
    expect(result.presentValueBenefits).toBeLessThan(targets.presentValueBenefits * 1.01);
  });

  it('reproduces the ratio of about 1,5 (5,8 / 3,8 ≈ 1,53) and a net present value of about €2 billion', () => {
    expect(result.benefitCostRatio).toBeGreaterThan(targets.benefitCostRatio - 0.05);
    expect(result.benefitCostRatio).toBeLessThan(targets.benefitCostRatio + 0.05);
    expect(result.benefitCostRatio).toBeCloseTo(5.8 / 3.8, 1);
    expect(result.netPresentValue).toBeGreaterThan(1.95e9);
    expect(result.netPresentValue).toBeLessThan(2.05e9);
  });

  it('has over €1,8 billion from lower benefit payments, its largest benefit component', () => {
    const savings = result.byCategory?.find((c) => c.category === 'benefits_savings')?.presentValue ?? 0;
    expect(savings).toBeGreaterThan(targets.benefitsSavingsAtLeast);
    expect(savings).toBeLessThan(1.9e9); // "ruim", not "bijna 2"
    const benefitItems = (result.items ?? []).filter((item) => item.type === 'benefit');
    const largest = [...benefitItems].sort((a, b) => b.presentValue - a.presentValue)[0];
    expect(largest?.category).toBe('benefits_savings');
  });

  it('spends the investment in six years and counts benefits to 2050 at the standard rate', () => {
    const investing = (result.yearly ?? []).filter((flow) => flow.costs > 0).map((flow) => flow.year);
    expect(investing).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(result.endYear).toBe(2050);
    expect(result.discountRate).toBe(0.0225);
    expect(result.name).toBe(TEMPLATE_16_AREAS_NAME);
  });

  it('states its assumptions, including the reading of 5,8 and 3,8 billion', () => {
    expect(result.assumptions.length).toBeGreaterThanOrEqual(5);
    expect(result.assumptions.join(' ')).toContain('niet openbaar');
    expect(result.assumptions.join(' ')).toContain('5,8 / 3,8');
    expect(result.sources.join(' ')).toContain('Hamming, Blonk & Holt 2021');
  });

  it('backs its claim that reading €3,8 billion as an undiscounted sum gives about €3,6 billion and a ratio of about 1,6', () => {
    const evenSpread = new Map(
      [2022, 2023, 2024, 2025, 2026, 2027].map((year) => [year, 3.8e9 / 6] as [number, number]),
    );
    const presentValue = computePresentValue(evenSpread, { rate: 0.0225, baseYear: 2022 });
    expect(presentValue / 1e9).toBeCloseTo(3.6, 1);
    expect((result.presentValueBenefits ?? 0) / presentValue).toBeCloseTo(1.6, 1);
  });
});
