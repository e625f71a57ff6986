import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { createHighsSolver } from './highs-solver.ts';
import { selectPanelDistribution } from './select-distribution.ts';
import type { Solver } from './solver.ts';
import {
  computeReferenceLeximin,
  enumerateFeasiblePanels,
  generateSmallInstance,
  isFeasiblePanel,
  type SmallInstance,
} from './testing.ts';
import type { PanelDistribution, SortitionAlgorithm } from './types.ts';

let highs: Highs;
let solver: Solver;
beforeAll(async () => {
  highs = await highsLoader();
  solver = createHighsSolver(highs);
});

const run = (instance: SmallInstance, algorithm: SortitionAlgorithm) =>
  selectPanelDistribution({ ...instance, algorithm, solver, legacySamples: 300 });

function expectValidDistribution(instance: SmallInstance, distribution: PanelDistribution): void {
  let total = 0;
  for (const panel of distribution.panels) {
    expect(isFeasiblePanel(instance, panel.members)).toBe(true);
    expect(panel.probability).toBeGreaterThan(0);
    total += panel.probability;
  }
  expect(total).toBeCloseTo(1, 9);
  distribution.probabilities.forEach((probability, person) => {
    const sum = distribution.panels.reduce(
      (acc, p) => acc + (p.members.includes(person) ? p.probability : 0),
      0,
    );
    expect(probability).toBeCloseTo(sum, 12);
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1 + 1e-9);
  });
  expect(distribution.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(instance.panelSize, 8);
}

describe('selectPanelDistribution on random small pools (fast-check, fixed seed)', () => {
  it('returns valid distributions; LEXIMIN matches a brute-force LEXIMIN; MAXIMIN and LEGACY are bounded by it', async () => {
    let feasibleCases = 0;
    let infeasibleCases = 0;
    let householdCases = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (seed) => {
        const instance = generateSmallInstance(`property-${seed}`);
        const panels = enumerateFeasiblePanels(instance);
        if (panels.length === 0) {
          infeasibleCases++;
          await expect(run(instance, 'leximin')).rejects.toSatisfy(
            (error: unknown) => isDomainError(error) && error.code === 'infeasible',
          );
          return;
        }
        feasibleCases++;
        if (instance.householdColumns.length > 0) householdCases++;
        const leximin = await run(instance, 'leximin');
        const maximin = await run(instance, 'maximin');
        const legacy = await run(instance, 'legacy');
        for (const distribution of [leximin, maximin, legacy])
          expectValidDistribution(instance, distribution);

        const reference = computeReferenceLeximin(highs, panels, instance.pool.length);
        leximin.probabilities.forEach((probability, person) =>
          expect(probability).toBeCloseTo(reference[person]!, 5),
        );
        const minimum = (values: number[]) => Math.min(...values);
        expect(minimum(maximin.probabilities)).toBeCloseTo(minimum(leximin.probabilities), 5);
        expect(minimum(legacy.probabilities)).toBeLessThanOrEqual(minimum(leximin.probabilities) + 1e-6);
      }),
      { seed: Number(process.env.FC_SEED ?? 20210811), numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
    // The generator must exercise every branch, or the property proves little.
    expect(feasibleCases).toBeGreaterThan(20);
    expect(infeasibleCases).toBeGreaterThan(0);
    expect(householdCases).toBeGreaterThan(5);
  });
});

describe('selectPanelDistribution on a hand-checked pool', () => {
  // 2 women (one young) and 8 men (two young), k = 4, at least 2 women, exactly 2 young:
  // both women always; one of the two young men (1/2 each); one of the six older men (1/6 each).
  const pool = [
    { id: 'w1', values: { geslacht: 'vrouw', leeftijd: 'jong' } },
    { id: 'w2', values: { geslacht: 'vrouw', leeftijd: 'oud' } },
    ...Array.from({ length: 8 }, (_, i) => ({
      id: `m${i + 1}`,
      values: { geslacht: 'man', leeftijd: i < 2 ? 'jong' : 'oud' },
    })),
  ];
  const quotas = [
    { category: 'geslacht', value: 'vrouw', min: 2, max: 4 },
    { category: 'geslacht', value: 'man', min: 0, max: 4 },
    { category: 'leeftijd', value: 'jong', min: 2, max: 2 },
    { category: 'leeftijd', value: 'oud', min: 0, max: 4 },
  ];

  it('LEXIMIN gives 1, 1, 1/2, 1/2 and 1/6 to the rest, in several stages', async () => {
    const distribution = await selectPanelDistribution({ pool, quotas, panelSize: 4, solver });
    const expected = [1, 1, 0.5, 0.5, ...Array(6).fill(1 / 6)];
    distribution.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 9));
    expect(distribution.stats.stages).toBeGreaterThan(1);
    expect(distribution.algorithm).toBe('leximin');
  });

  it('gives probability 0 to someone on no feasible panel and says so', async () => {
    const withOutsider = [...pool, { id: 'x', values: { geslacht: 'anders', leeftijd: 'oud' } }];
    const distribution = await selectPanelDistribution({
      pool: withOutsider,
      quotas: [...quotas, { category: 'geslacht', value: 'anders', min: 0, max: 0 }],
      panelSize: 4,
      solver,
    });
    expect(distribution.probabilities[10]).toBe(0);
    expect(distribution.stats.unselectable).toBe(1);
    expect(Math.min(...distribution.probabilities.slice(0, 10))).toBeCloseTo(1 / 6, 9);
  });

  it('reports progress and can be cancelled', async () => {
    const phases = new Set<string>();
    await selectPanelDistribution({
      pool,
      quotas,
      panelSize: 4,
      solver,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(phases).toEqual(new Set(['feasibility', 'initial-panels', 'column-generation', 'final']));
    const signal = { aborted: true };
    await expect(
      selectPanelDistribution({ pool, quotas, panelSize: 4, solver, signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('rejects bad input with one issue per problem', async () => {
    const bad = [...pool, { id: 'y', values: { geslacht: 'onbekend', leeftijd: 'oud' } }];
    const error = await selectPanelDistribution({ pool: bad, quotas, panelSize: 0, solver }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error) && error.code).toBe('invalid_input');
    expect(isDomainError(error) && error.issues.map((issue) => issue.path[0])).toEqual(['panelSize']);
    const error2 = await selectPanelDistribution({ pool: bad, quotas, panelSize: 4, solver }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error2) && error2.issues).toEqual([
      expect.objectContaining({ path: ['pool', 10, 'geslacht'] }),
    ]);
  });
});
