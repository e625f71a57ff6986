import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { isDomainError } from '../errors.ts';
import { checkFeasibility } from './feasibility.ts';
import { createHighsSolver } from './highs-solver.ts';
import { selectPanelDistribution } from './select-distribution.ts';
import type { Solver } from './solver.ts';
import type { PoolMember, Quota } from './types.ts';

let solver: Solver;
beforeAll(async () => {
  solver = createHighsSolver(await highsLoader());
});

// Six registrants: young women do not exist.
const pool: PoolMember[] = [
  ['vrouw', 'oud', 'a'],
  ['vrouw', 'oud', 'b'],
  ['vrouw', 'oud', 'c'],
  ['man', 'jong', 'd'],
  ['man', 'jong', 'e'],
  ['man', 'oud', 'e'],
].map(([geslacht, leeftijd, adres], i) => ({
  id: `r${i + 1}`,
  values: { geslacht: geslacht!, leeftijd: leeftijd!, adres: adres! },
}));

const quota = (
  category: string,
  value: string,
  min: number,
  max: number,
  extra: Partial<Quota> = {},
): Quota => ({
  category,
  value,
  min,
  max,
  ...extra,
});

async function rejectionOf(
  quotas: Quota[],
  panelSize: number,
  householdColumns: string[] = [],
): Promise<DomainError> {
  const error = await selectPanelDistribution({ pool, quotas, panelSize, solver, householdColumns }).catch(
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('infeasible quotas', () => {
  it('names a category whose minimums exceed the panel size', async () => {
    const error = await rejectionOf(
      [
        quota('geslacht', 'vrouw', 2, 3),
        quota('geslacht', 'man', 2, 3),
        quota('leeftijd', 'oud', 0, 3),
        quota('leeftijd', 'jong', 0, 3),
      ],
      3,
    );
    expect(error.code).toBe('infeasible');
    expect(error.message).toContain('minimums van "geslacht" tellen op tot 4');
    const conflicts = error.data!.conflicts as { quotas: { category: string; bound: string }[] }[];
    expect(conflicts[0]!.quotas).toEqual([
      expect.objectContaining({ category: 'geslacht', value: 'vrouw', bound: 'min', limit: 2 }),
      expect.objectContaining({ category: 'geslacht', value: 'man', bound: 'min', limit: 2 }),
    ]);
    // Cheapest relaxation: lower one minimum by one (weights 1 + 2/min are equal, ties either way).
    expect(error.data!.relaxations).toEqual([
      expect.objectContaining({ category: 'geslacht', bound: 'min', from: 2, to: 1 }),
    ]);
  });

  it('names a combination the pool lacks, with the smallest relaxation that is feasible', async () => {
    const quotas = [
      quota('geslacht', 'vrouw', 2, 2),
      quota('geslacht', 'man', 0, 2),
      quota('leeftijd', 'jong', 2, 2),
      quota('leeftijd', 'oud', 0, 2),
    ];
    const error = await rejectionOf(quotas, 2);
    expect(error.code).toBe('infeasible');
    const relaxations = error.data!.relaxations as {
      category: string;
      value: string;
      bound: 'min' | 'max';
      to: number;
    }[];
    expect(relaxations.length).toBeGreaterThan(0);
    const conflicts = error.data!.conflicts as { quotas: { category: string; value: string }[] }[];
    expect(conflicts[0]!.quotas.map((q) => `${q.category}:${q.value}`).sort()).toEqual(
      relaxations.map((r) => `${r.category}:${r.value}`).sort(),
    );
    // Applying the suggested relaxation makes the quotas feasible, and it is as small as possible:
    // one minimum lowered by 2 ("2 women" or "2 young" cannot both hold with k = 2).
    const relaxed = quotas.map((q) => {
      const change = relaxations.find((r) => r.category === q.category && r.value === q.value);
      return change ? { ...q, [change.bound]: change.to } : q;
    });
    await expect(
      selectPanelDistribution({ pool, quotas: relaxed, panelSize: 2, solver }),
    ).resolves.toBeDefined();
    expect(relaxations).toHaveLength(1);
    expect(relaxations[0]).toMatchObject({ bound: 'min', to: 0 });
  });

  it('counts one registrant per household when the household rule is on', async () => {
    const quotas = [
      quota('geslacht', 'vrouw', 0, 3),
      quota('geslacht', 'man', 3, 3),
      quota('leeftijd', 'jong', 0, 3),
      quota('leeftijd', 'oud', 0, 3),
    ];
    await expect(selectPanelDistribution({ pool, quotas, panelSize: 3, solver })).resolves.toBeDefined();
    const error = await rejectionOf(quotas, 3, ['adres']);
    expect(error.message).toContain(
      '"geslacht: man" vraagt minstens 3, maar er zijn maar 2 beschikbaar (één per huishouden)',
    );
  });

  it('says when min_flex and max_flex leave no way out', async () => {
    const quotas = [
      quota('geslacht', 'vrouw', 2, 2, { minFlex: 2, maxFlex: 2 }),
      quota('geslacht', 'man', 0, 2),
      quota('leeftijd', 'jong', 2, 2, { minFlex: 2, maxFlex: 2 }),
      quota('leeftijd', 'oud', 0, 2),
    ];
    const report = checkFeasibility({ pool, quotas, panelSize: 2, solver });
    expect(report).toMatchObject({ feasible: false, relaxable: false, relaxations: [] });
  });

  it('reports feasible quotas as feasible', () => {
    const quotas = [
      quota('geslacht', 'vrouw', 1, 2),
      quota('geslacht', 'man', 1, 2),
      quota('leeftijd', 'jong', 0, 2),
      quota('leeftijd', 'oud', 0, 2),
    ];
    expect(checkFeasibility({ pool, quotas, panelSize: 2, solver })).toEqual({
      feasible: true,
      conflicts: [],
      relaxations: [],
      relaxable: true,
    });
  });
});
