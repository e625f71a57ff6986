import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { computeAlternatesSeed, selectAlternates } from './alternates.ts';
import { computeDrawSeed, drawPanel } from './draw.ts';
import { createHighsSolver } from './highs-solver.ts';
import { selectPanelDistribution } from './select-distribution.ts';
import type { Solver } from './solver.ts';
import { isFeasiblePanel, type SmallInstance } from './testing.ts';

let solver: Solver;
beforeAll(async () => {
  solver = createHighsSolver(await highsLoader());
});

// 12 registrants, 3 per (gender, age) cell; households: r1+r2 and r7+r8 share an address.
const instance: SmallInstance = {
  pool: Array.from({ length: 12 }, (_, i) => ({
    id: `r${i + 1}`,
    values: {
      geslacht: i < 6 ? 'vrouw' : 'man',
      leeftijd: i % 6 < 3 ? 'jong' : 'oud',
      adres: i === 0 || i === 1 ? 'Kerkstraat 1' : i === 6 || i === 7 ? 'Dorpsweg 2' : `Laan ${i}`,
    },
  })),
  quotas: [
    { category: 'geslacht', value: 'vrouw', min: 2, max: 2 },
    { category: 'geslacht', value: 'man', min: 2, max: 2 },
    { category: 'leeftijd', value: 'jong', min: 2, max: 2 },
    { category: 'leeftijd', value: 'oud', min: 2, max: 2 },
  ],
  panelSize: 4,
  householdColumns: ['adres'],
};

describe('selectAlternates', () => {
  it('replaces drop-outs so that the panel again meets every quota, fairly and reproducibly', async () => {
    const distribution = await selectPanelDistribution({ ...instance, solver });
    const drawn = drawPanel(distribution, computeDrawSeed('publiek getal 42', []));
    const dropped = [drawn.members[0]!];
    const seed = computeAlternatesSeed(
      'tweede trekking 7',
      [],
      dropped.map((i) => instance.pool[i]!.id),
    );
    const options = { ...instance, solver, selected: drawn.members, droppedOut: dropped, seed };
    const result = await selectAlternates(options);
    expect(result.kept).toEqual(drawn.members.slice(1));
    expect(result.replacements).toHaveLength(1);
    expect(drawn.members).not.toContain(result.replacements[0]);
    expect(isFeasiblePanel(instance, result.panel)).toBe(true);
    // Every eligible replacement (same cell as the drop-out, not a housemate of those who stay)
    // gets an equal chance under LEXIMIN.
    const eligible = result.distribution!.probabilities.filter((p) => p > 0);
    expect(eligible.length).toBeGreaterThan(0);
    for (const p of eligible) expect(p).toBeCloseTo(eligible[0]!, 9);
    expect(await selectAlternates(options)).toEqual(result);
  });

  it('never picks a housemate of a member who stays', async () => {
    // r1 and r7 stay; r2 (r1's housemate) and r8 (r7's) must not come in.
    const result = await selectAlternates({
      ...instance,
      solver,
      selected: [0, 4, 6, 10],
      droppedOut: [4, 10],
      seed: computeDrawSeed('x', []),
    });
    const possible = result.distribution!.panels.flatMap((panel) => panel.members);
    expect(possible).not.toContain(1);
    expect(possible).not.toContain(7);
    expect(isFeasiblePanel(instance, result.panel)).toBe(true);
  });

  it('names the quotas when no replacement fits, in terms of the original quotas', async () => {
    const error = await selectAlternates({
      ...instance,
      solver,
      selected: [0, 4, 6, 10],
      droppedOut: [4],
      unavailable: [3, 5],
      seed: computeDrawSeed('x', []),
    }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('infeasible');
    const relaxations = (isDomainError(error) ? error.data?.relaxations : []) as { from: number }[];
    expect(relaxations.every((r) => r.from === 2)).toBe(true);
  });

  it('rejects a drop-out who was not on the panel', async () => {
    const error = await selectAlternates({
      ...instance,
      solver,
      selected: [0, 4, 6, 10],
      droppedOut: [5],
      seed: computeDrawSeed('x', []),
    }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('invalid_input');
  });
});
