/**
 * The master's first columns: panels that cover every type that can be covered (which also finds
 * the registrants on no feasible panel), and seed panels drawn by LEGACY.
 */
import { createRandom } from '../random.ts';
import { searchLocally, type GenerationContext } from './column-generation.ts';
import type { SortitionInstance } from './instance.ts';
import { sampleLegacyDistribution } from './legacy.ts';
import type { MasterProblem } from './master.ts';
import { throwIfCancelled } from './pricing.ts';

/** A covering weight this small means no panel contains an uncovered type. */
const UNSELECTABLE = 1e-9;
const SEED_PANELS_PER_TYPE = 3;
const MIN_SEED_PANELS = 100;
const MAX_SEED_PANELS = 3000;

/**
 * Initial panels: repeatedly find a panel with as many not-yet-covered types as possible, until
 * every type is on some panel or provably on none (the LP relaxation or MILP optimum is 0). The
 * reference implementation runs n (MAXIMIN) or 3n (LEXIMIN) multiplicative-weights MILPs first;
 * the duals do that work here, so only coverage is needed. Returns the unselectable types.
 */
export function generateInitialPanels(context: GenerationContext): number[] {
  const { instance, master, oracle, counters } = context;
  const T = instance.types.length;
  const covered = new Uint8Array(T);
  // Types already on a panel (the seed panels) need no covering panel of their own.
  for (const counts of master.panels) for (let t = 0; t < T; t++) if (counts[t]! > 0) covered[t] = 1;
  const weights = new Float64Array(T);
  const cover = (counts: Int32Array): number => {
    let newlyCovered = 0;
    for (let t = 0; t < T; t++) {
      if (counts[t]! > 0 && !covered[t]) {
        covered[t] = 1;
        newlyCovered++;
      }
    }
    if (newlyCovered > 0 || master.panels.length === 0) master.addPanel(counts);
    context.onProgress?.({
      phase: 'initial-panels',
      iterations: counters.iterations,
      panels: master.panels.length,
      solverCalls: counters.solverCalls,
    });
    return newlyCovered;
  };
  context.onProgress?.({
    phase: 'initial-panels',
    iterations: 0,
    panels: master.panels.length,
    solverCalls: counters.solverCalls,
  });
  const uncoveredTypes = () => [...covered.keys()].filter((t) => !covered[t]);
  for (;;) {
    throwIfCancelled(context.signal);
    let uncovered = 0;
    for (let t = 0; t < T; t++) {
      weights[t] = covered[t] ? 0 : 1 / instance.types[t]!.members.length;
      uncovered += covered[t] ? 0 : 1;
    }
    if (uncovered === 0) return [];
    // The LP relaxation proves a type unselectable when even fractionally no panel contains it.
    const relaxed = oracle.relax(weights);
    if (relaxed.bound <= UNSELECTABLE) return uncoveredTypes();
    const heuristic = relaxed.counts ?? (master.panels.length > 0 ? searchLocally(context, weights) : null);
    if (heuristic && cover(heuristic) > 0) continue;
    const exact = oracle.solveExact(weights, context.signal);
    if (exact.value <= UNSELECTABLE || cover(exact.counts!) === 0) return uncoveredTypes();
  }
}

/**
 * Seed columns: panels drawn by LEGACY (cheap, diverse, feasible). With about three per type the
 * master LP usually reaches the optimum in one or two column-generation iterations instead of
 * tens (measured on the benchmark pools, docs/benchmarks/sortition.md): the duals then only have
 * to confirm what the seeds already span.
 */
export function addSeedPanels(
  instance: SortitionInstance,
  master: MasterProblem,
  requested: number | undefined,
): void {
  const samples =
    requested ??
    Math.min(MAX_SEED_PANELS, Math.max(MIN_SEED_PANELS, SEED_PANELS_PER_TYPE * instance.types.length));
  if (samples <= 0) return;
  const sampled = sampleLegacyDistribution(instance, {
    samples,
    random: createRandom('wijkkompas-seed-panels'),
    maxAttempts: 3,
    skipFailures: true,
  });
  for (const panel of sampled) {
    const counts = new Int32Array(instance.types.length);
    for (const member of panel.members) counts[instance.typeOf[member]!]!++;
    master.addPanel(counts);
  }
}
