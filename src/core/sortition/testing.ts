/**
 * Test support for the sortition engine: an independent brute-force reference (every feasible
 * panel enumerated, LEXIMIN by exact LPs over all of them, written as CPLEX LP text for the
 * one-shot HiGHS API, so it shares no code with the column generation) and random small pools.
 * Used only by the *.test.ts files beside it.
 */
import type { Highs } from 'highs';
import { createRandom } from '../random.ts';
import type { PoolMember, Quota } from './types.ts';

export interface SmallInstance {
  pool: PoolMember[];
  quotas: Quota[];
  panelSize: number;
  householdColumns: string[];
}

/** A random small pool (n ≤ 9) with quotas around proportional targets; may be infeasible. */
export function generateSmallInstance(seed: string): SmallInstance {
  const random = createRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const n = int(4, 9);
  const panelSize = int(1, n - 1);
  const categories = Array.from({ length: int(1, 3) }, (_, f) => ({
    name: `c${f}`,
    values: Array.from({ length: int(2, 3) }, (_, v) => `v${v}`),
  }));
  const withHouseholds = random() < 0.4;
  const pool: PoolMember[] = Array.from({ length: n }, (_, i) => {
    const values: Record<string, string> = {};
    for (const category of categories)
      values[category.name] = category.values[int(0, category.values.length - 1)]!;
    values.adres = withHouseholds && random() < 0.6 ? `straat ${int(1, 3)}` : '';
    return { id: `r${i + 1}`, values };
  });
  const quotas: Quota[] = categories.flatMap((category) =>
    category.values.map((value) => {
      const count = pool.filter((member) => member.values[category.name] === value).length;
      const target = (panelSize * count) / n;
      const min = Math.max(0, Math.floor(target) - int(0, 1));
      return { category: category.name, value, min, max: Math.ceil(target) + int(0, 1) };
    }),
  );
  return { pool, quotas, panelSize, householdColumns: withHouseholds ? ['adres'] : [] };
}

/** Whether `members` is a feasible panel: size, every quota, at most one per household. */
export function isFeasiblePanel(instance: SmallInstance, members: readonly number[]): boolean {
  if (members.length !== instance.panelSize || new Set(members).size !== members.length) return false;
  for (const quota of instance.quotas) {
    const count = members.filter((m) => instance.pool[m]!.values[quota.category] === quota.value).length;
    if (count < quota.min || count > quota.max) return false;
  }
  const households = new Set<string>();
  for (const m of members) {
    const address = instance.householdColumns
      .map((column) => instance.pool[m]!.values[column] ?? '')
      .join('|');
    if (instance.householdColumns.length === 0 || address.replace(/\|/g, '') === '') continue;
    if (households.has(address)) return false;
    households.add(address);
  }
  return true;
}

export function enumerateFeasiblePanels(instance: SmallInstance): number[][] {
  const panels: number[][] = [];
  const n = instance.pool.length;
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === instance.panelSize) {
      if (isFeasiblePanel(instance, chosen)) panels.push([...chosen]);
      return;
    }
    for (let i = start; i < n; i++) choose(i + 1, [...chosen, i]);
  };
  choose(0, []);
  return panels;
}

/**
 * LEXIMIN over explicit panels (Flanigan et al. 2021, Methods): maximise the minimum probability
 * z of the unfixed agents, then fix every agent who cannot exceed z while the others keep theirs.
 */
export function computeReferenceLeximin(highs: Highs, panels: number[][], n: number): number[] {
  const fixed = new Array<number | undefined>(n).fill(undefined);
  const probabilityTerm = (agent: number) =>
    panels
      .map((panel, p) => (panel.includes(agent) ? `x${p}` : ''))
      .filter(Boolean)
      .join(' + ') || '0 x0';
  const rows = (level: number | null, slack: number) =>
    Array.from({ length: n }, (_, agent) => {
      const bound = fixed[agent] ?? level;
      if (bound === null || bound === undefined) return `a${agent}: ${probabilityTerm(agent)} - z >= 0`;
      return `a${agent}: ${probabilityTerm(agent)} >= ${Math.max(0, bound - slack)}`;
    });
  const convexity = `sum: ${panels.map((_, p) => `x${p}`).join(' + ')} = 1`;
  const solve = (objective: string, constraints: string[]) => {
    const text = `Maximize\n obj: ${objective}\nSubject To\n ${[convexity, ...constraints].join('\n ')}\nBounds\n -1 <= z <= 1\nEnd\n`;
    const result = highs.solve(text, { output_flag: false } as never);
    if (result.Status !== 'Optimal') throw new Error(`reference LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  while (fixed.some((value) => value === undefined)) {
    const level = solve('z', rows(null, 0));
    const fixedNow: number[] = [];
    for (let agent = 0; agent < n; agent++) {
      if (fixed[agent] !== undefined) continue;
      const best = solve(`${probabilityTerm(agent)} + 0 z`, rows(level, 1e-9));
      if (best <= level + 1e-7) fixedNow.push(agent);
    }
    if (fixedNow.length === 0) throw new Error('reference LEXIMIN made no progress');
    for (const agent of fixedNow) fixed[agent] = level;
  }
  return fixed.map((value) => value!);
}

/**
 * A pool of 150 with four categories and quotas that over-represent some values (so LEXIMIN has
 * several levels): young and old at least 4 above their share, another value capped below it.
 */
export function generateSkewedInstance(seed: string): SmallInstance {
  const random = createRandom(seed);
  const categories = [
    { name: 'geslacht', values: ['vrouw', 'man', 'anders'], shares: [0.5, 0.47, 0.03] },
    { name: 'leeftijd', values: ['16-24', '25-44', '45-64', '65+'], shares: [0.12, 0.33, 0.33, 0.22] },
    { name: 'opleiding', values: ['laag', 'midden', 'hoog'], shares: [0.25, 0.4, 0.35] },
    {
      name: 'wijk',
      values: ['noord', 'oost', 'zuid', 'west', 'centrum'],
      shares: [0.2, 0.2, 0.2, 0.25, 0.15],
    },
  ];
  const pick = (values: string[], shares: number[]) => {
    const u = random();
    let cumulative = 0;
    for (let i = 0; i < values.length; i++) {
      cumulative += shares[i]!;
      if (u < cumulative) return values[i]!;
    }
    return values[values.length - 1]!;
  };
  const pool: PoolMember[] = Array.from({ length: 150 }, (_, i) => ({
    id: `r${i + 1}`,
    values: Object.fromEntries(categories.map((c) => [c.name, pick(c.values, c.shares)])),
  }));
  const panelSize = 22;
  const quotas: Quota[] = categories.flatMap((category) =>
    category.values.map((value) => {
      const count = pool.filter((member) => member.values[category.name] === value).length;
      const target = Math.round((count / pool.length) * panelSize);
      if (value === '16-24' || value === '65+')
        return {
          category: category.name,
          value,
          min: Math.min(count, target + 4),
          max: Math.min(count, target + 6),
        };
      if (value === 'midden') return { category: category.name, value, min: 0, max: Math.max(0, target - 4) };
      if (category.name === 'leeftijd' || category.name === 'opleiding')
        return { category: category.name, value, min: 0, max: target + 8 };
      return { category: category.name, value, min: Math.max(0, target - 2), max: target + 2 };
    }),
  );
  return { pool, quotas, panelSize, householdColumns: [] };
}

/**
 * Checks a LEXIMIN vector against a set of panels: for each level (ascending), no distribution over
 * `panels` keeps every lower level and raises the smallest probability in this level by more than
 * `tolerance`. Returns the largest improvement found (≤ tolerance when the vector passes).
 */
export function findLeximinImprovement(highs: Highs, panels: number[][], probabilities: number[]): number {
  const n = probabilities.length;
  const inPanels: string[][] = Array.from({ length: n }, () => []);
  panels.forEach((members, p) => members.forEach((agent) => inPanels[agent]!.push(`x${p}`)));
  const levels = [...new Set(probabilities.map((p) => Math.round(p * 1e7) / 1e7))].sort((a, b) => a - b);
  let worst = 0;
  for (const level of levels) {
    const rows = probabilities.map((p, agent) => {
      const term = inPanels[agent]!.join(' + ') || '0 x0';
      if (Math.abs(p - level) < 5e-7) return `a${agent}: ${term} - z >= 0`;
      if (p < level) return `a${agent}: ${term} >= ${Math.max(0, p - 1e-9)}`;
      return null;
    });
    const text = `Maximize\n obj: z\nSubject To\n sum: ${panels.map((_, p) => `x${p}`).join(' + ')} = 1\n ${rows.filter(Boolean).join('\n ')}\nBounds\n 0 <= z <= 1\nEnd\n`;
    const result = highs.solve(text, { output_flag: false } as never);
    if (result.Status !== 'Optimal') throw new Error(`leximin check LP: ${result.Status}`);
    worst = Math.max(worst, result.ObjectiveValue - level);
  }
  return worst;
}
