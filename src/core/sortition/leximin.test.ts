/**
 * Reference results of Flanigan, Gölz, Gupta, Hennig & Procaccia (Nature 596, 2021) on the two
 * synthetic examples published with the paper: LEXIMIN gives every registrant exactly 10%
 * (nature2021-reference-results.csv: leximin_min 10.0%, gini_leximin 0.0%).
 */
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.ts';
import { computeGini } from './gini.ts';
import { createHighsSolver } from './highs-solver.ts';
import { parsePoolCsv, parseQuotasCsv } from './read-sortition-csv.ts';
import { selectPanelDistribution } from './select-distribution.ts';
import type { Solver } from './solver.ts';
import { findLeximinImprovement, generateSkewedInstance, isFeasiblePanel } from './testing.ts';
import type { SortitionAlgorithm } from './types.ts';

const DATA = '../shared/data/sortition';
let solver: Solver;
beforeAll(async () => {
  solver = createHighsSolver(await highsLoader());
});

function readExample(name: string) {
  const quotas = parseQuotasCsv(readFileSync(`${DATA}/${name}/categories.csv`, 'utf8'), 'categories.csv');
  const pool = parsePoolCsv(readFileSync(`${DATA}/${name}/respondents.csv`, 'utf8'), 'respondents.csv');
  return { quotas, pool };
}

function readPublished(instance: string): Record<string, string> {
  const table = parseCsv(readFileSync(`${DATA}/nature2021-reference-results.csv`, 'utf8'), 'results', []);
  const row = table.rows.find((r) => r.fields[0] === instance)!;
  return Object.fromEntries(table.header.map((name, i) => [name, row.fields[i]!]));
}

describe.each([
  ['example_small_20', 200, 20],
  ['example_large_200', 2000, 200],
])('%s (n = %i, k = %i)', (name, n, k) => {
  const published = readPublished(name);

  it.each(['leximin', 'maximin'] as SortitionAlgorithm[])(
    '%s gives every registrant the published 10 percent',
    async (algorithm) => {
      const { quotas, pool } = readExample(name);
      expect(pool).toHaveLength(n);
      expect(Number(published.n)).toBe(n);
      const distribution = await selectPanelDistribution({ pool, quotas, panelSize: k, algorithm, solver });
      const publishedMinimum = Number.parseFloat(published.leximin_min!) / 100;
      for (const probability of distribution.probabilities)
        expect(probability).toBeCloseTo(publishedMinimum, 9);
      expect(computeGini(distribution.probabilities)).toBeCloseTo(
        Number.parseFloat(published.gini_leximin!) / 100,
        6,
      );
      for (const panel of distribution.panels) expect(panel.members).toHaveLength(k);
      // Interchangeable registrants: the example has 2 binary categories, so at most 4 types.
      expect(distribution.stats.types).toBeLessThanOrEqual(4);
    },
  );
});

describe('LEXIMIN with several levels (150 registrants, skewed quotas)', () => {
  it('agrees between independent column sets, matches MAXIMIN at the bottom and no level can be raised', async () => {
    const highs = await highsLoader();
    const instance = generateSkewedInstance('skewed-150');
    const seeded = await selectPanelDistribution({ ...instance, solver });
    const unseeded = await selectPanelDistribution({ ...instance, solver, tuning: { legacySeeds: 0 } });
    const maximin = await selectPanelDistribution({ ...instance, algorithm: 'maximin', solver });
    expect(seeded.stats.stages).toBeGreaterThan(2);
    seeded.probabilities.forEach((p, i) => expect(p).toBeCloseTo(unseeded.probabilities[i]!, 6));
    expect(Math.min(...seeded.probabilities)).toBeCloseTo(Math.min(...maximin.probabilities), 6);
    for (const panel of seeded.panels) expect(isFeasiblePanel(instance, panel.members)).toBe(true);
    const panels = [...seeded.panels, ...unseeded.panels, ...maximin.panels].map((panel) => panel.members);
    expect(findLeximinImprovement(highs, panels, seeded.probabilities)).toBeLessThan(1e-6);
  });
});
