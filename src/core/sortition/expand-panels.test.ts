import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandTypePanels } from './expand-panels.ts';
import { compileInstance } from './instance.ts';

/** An instance with types of the given sizes (one category, one value per type, no quotas binding). */
function instanceWithTypes(sizes: number[], k: number) {
  const pool = sizes.flatMap((size, t) =>
    Array.from({ length: size }, (_, i) => ({ id: `${t}-${i}`, values: { type: `t${t}` } })),
  );
  const quotas = sizes.map((_, t) => ({ category: 'type', value: `t${t}`, min: 0, max: k }));
  return compileInstance({ pool, quotas, panelSize: k });
}

describe('expandTypePanels', () => {
  it('keeps every registrant probability exactly: sum over a type panel equals count / size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        (sizes, weights, salt) => {
          const instance = instanceWithTypes(
            sizes,
            sizes.reduce((a, b) => a + b, 0),
          );
          const panels = weights.map((_, p) =>
            Int32Array.from(sizes, (size, t) => (salt * (p + 1) * (t + 7)) % (size + 1)),
          );
          const lambda = Float64Array.from(weights);
          const total = weights.reduce((a, b) => a + b, 0);
          const expanded = expandTypePanels(instance, panels, lambda);
          expect(expanded.reduce((sum, panel) => sum + panel.probability, 0)).toBeCloseTo(1, 12);
          instance.types.forEach((type, t) => {
            const expected = panels.reduce(
              (sum, counts, p) => sum + (weights[p]! / total) * (counts[t]! / type.members.length),
              0,
            );
            for (const member of type.members) {
              const probability = expanded.reduce(
                (sum, panel) => sum + (panel.members.includes(member) ? panel.probability : 0),
                0,
              );
              expect(probability).toBeCloseTo(expected, 12);
            }
          });
          for (const panel of expanded) {
            // Each individual panel has exactly the counts of one type panel.
            const counts = instance.types.map(
              (type) => type.members.filter((m) => panel.members.includes(m)).length,
            );
            expect(panels.some((p) => counts.every((count, t) => count === p[t]))).toBe(true);
          }
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });

  it('needs size / gcd(count, size) individual panels per type panel: 3 of 6 gives 2 panels', () => {
    const instance = instanceWithTypes([6], 3);
    const expanded = expandTypePanels(instance, [Int32Array.from([3])], Float64Array.from([1]));
    expect(expanded.map((panel) => panel.members)).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
    expect(expanded.map((panel) => panel.probability)).toEqual([0.5, 0.5]);
  });
});
