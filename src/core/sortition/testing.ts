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
