/**
 * Entry point of the engine: from pool, quotas and panel size to a distribution over feasible
 * panels and every registrant's selection probability.
 */
import { createRandom, type RandomSource } from '../random.ts';
import type { GenerationContext } from './column-generation.ts';
import { addSeedPanels, generateInitialPanels } from './initial-panels.ts';
import { expandTypePanels } from './expand-panels.ts';
import { assertFeasible } from './feasibility.ts';
import { compileInstance, type SortitionInstance } from './instance.ts';
import { sampleLegacyDistribution } from './legacy.ts';
import { computeLeximin } from './leximin.ts';
import { createMasterProblem } from './master.ts';
import { computeMaximin, type TypeDistribution } from './maximin.ts';
import { createPricingOracle, throwIfCancelled } from './pricing.ts';
import { createSwapNeighbourhood } from './swap-neighbours.ts';
import type { Solver } from './solver.ts';
import type {
  CancelSignal,
  DistributionStats,
  PanelDistribution,
  PoolMember,
  Quota,
  SelectionProgress,
  SortitionAlgorithm,
  WeightedPanel,
} from './types.ts';

export interface SelectPanelOptions {
  pool: readonly PoolMember[];
  quotas: readonly Quota[];
  panelSize: number;
  /** Default 'leximin'. */
  algorithm?: SortitionAlgorithm;
  /** Address columns: at most one registrant per household (all columns equal) on a panel. */
  householdColumns?: readonly string[];
  solver: Solver;
  /**
   * Random choices that do not affect anyone's probability: LEGACY's sampling, and the order in
   * which interchangeable registrants are laid out on panels (expand-panels.ts). Default: seeded
   * with a fixed text, so runs are reproducible. Callers seed it from the input hashes.
   */
  random?: RandomSource;
  /** LEGACY only: number of sampled panels (default 1000). */
  legacySamples?: number;
  /**
   * Column generation stops when no panel improves the LP by more than this, in probability units
   * (default 1e-6; the reference implementation uses 5e-4).
   */
  tolerance?: number;
  onProgress?: (progress: SelectionProgress) => void;
  signal?: CancelSignal;
  /** Column-generation batch sizes (for experiments; the defaults were tuned on the benchmark). */
  tuning?: {
    extraColumns?: number;
    supportColumns?: number;
    legacySeeds?: number;
    /** MAXIMIN only: LEXIMIN's fixing needs the simplex's exact vertex duals. */
    masterMethod?: 'primal-simplex' | 'interior';
  };
}

export const DEFAULT_TOLERANCE = 1e-6;
export const DEFAULT_LEGACY_SAMPLES = 1000;
/** Swap neighbours of the priced panel added per master solve (column-generation.ts). */
const DEFAULT_EXTRA_COLUMNS = 10;
/** Improving swaps of support panels added per master solve. */
const DEFAULT_SUPPORT_COLUMNS = 50;
const INTERIOR_MASTER_TYPES = 350;

export async function selectPanelDistribution(options: SelectPanelOptions): Promise<PanelDistribution> {
  const algorithm = options.algorithm ?? 'leximin';
  const instance = compileInstance(options);
  const counters = { solverCalls: 0, milpCalls: 0, iterations: 0 };
  options.onProgress?.({ phase: 'feasibility', iterations: 0, panels: 0, solverCalls: 0 });
  assertFeasible(instance, options.solver, counters);
  throwIfCancelled(options.signal);

  if (algorithm === 'legacy') {
    const panels = sampleLegacyDistribution(instance, {
      samples: options.legacySamples ?? DEFAULT_LEGACY_SAMPLES,
      random: options.random ?? createRandom('wijkkompas-legacy'),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return buildDistribution(instance, algorithm, panels, {
      ...counters,
      panelsGenerated: panels.length,
      stages: 0,
      types: instance.types.length,
      unselectable: 0,
      gap: 0,
    });
  }

  const master = createMasterProblem(
    instance,
    options.solver,
    counters,
    algorithm === 'maximin'
      ? (options.tuning?.masterMethod ?? chooseMasterMethod(instance))
      : 'primal-simplex',
  );
  const oracle = createPricingOracle(instance, options.solver, counters);
  try {
    const context: GenerationContext = {
      instance,
      master,
      oracle,
      neighbourhood: createSwapNeighbourhood(instance),
      extraColumns: options.tuning?.extraColumns ?? DEFAULT_EXTRA_COLUMNS,
      supportColumns: options.tuning?.supportColumns ?? DEFAULT_SUPPORT_COLUMNS,
      counters,
      tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      fixedCount: () => countFixed(instance, master.isFixed),
    };
    addSeedPanels(instance, master, options.tuning?.legacySeeds);
    const unselectable = generateInitialPanels(context);
    const result: TypeDistribution =
      algorithm === 'maximin' ? computeMaximin(context, unselectable) : computeLeximin(context, unselectable);
    options.onProgress?.({
      phase: 'final',
      iterations: counters.iterations,
      panels: master.panels.length,
      solverCalls: counters.solverCalls,
    });
    const panels = expandTypePanels(
      instance,
      result.panels,
      result.lambda,
      options.random ?? createRandom('wijkkompas-panel-layout'),
    );
    const unselectableRegistrants = unselectable.reduce(
      (sum, t) => sum + instance.types[t]!.members.length,
      0,
    );
    return buildDistribution(instance, algorithm, panels, {
      ...counters,
      panelsGenerated: master.panels.length,
      stages: result.stages,
      types: instance.types.length,
      unselectable: unselectableRegistrants,
      gap: result.gap,
    });
  } finally {
    master.dispose();
    oracle.dispose();
  }
}

/**
 * Primal simplex restarts from the previous basis and gives exact vertex duals, which LEXIMIN's
 * fixing relies on (with interior-point duals, even after crossover, a test pool had two types
 * fixed one level too low). For MAXIMIN on many types, where column generation usually needs one
 * or two solves of a large master (thousands of seed columns), HiGHS's interior-point method
 * without crossover is 2-3x faster in WebAssembly (measured, docs/benchmarks/sortition.md); the
 * price is more panels with small probabilities, and it is slower when many iterations are needed.
 */
function chooseMasterMethod(instance: SortitionInstance): 'primal-simplex' | 'interior' {
  return instance.types.length > INTERIOR_MASTER_TYPES ? 'interior' : 'primal-simplex';
}

function countFixed(instance: SortitionInstance, isFixed: (t: number) => boolean): number {
  let fixed = 0;
  instance.types.forEach((type, t) => (fixed += isFixed(t) ? type.members.length : 0));
  return fixed;
}

function buildDistribution(
  instance: SortitionInstance,
  algorithm: SortitionAlgorithm,
  panels: WeightedPanel[],
  stats: DistributionStats & { iterations: number },
): PanelDistribution {
  const ordered = [...panels].sort(comparePanels);
  const probabilities = new Array<number>(instance.n).fill(0);
  for (const panel of ordered)
    for (const member of panel.members) probabilities[member]! += panel.probability;
  return {
    algorithm,
    n: instance.n,
    k: instance.k,
    panels: ordered,
    probabilities,
    stats: {
      solverCalls: stats.solverCalls,
      milpCalls: stats.milpCalls,
      panelsGenerated: stats.panelsGenerated,
      iterations: stats.iterations,
      stages: stats.stages,
      types: stats.types,
      unselectable: stats.unselectable,
      gap: stats.gap,
    },
  };
}

/** Canonical panel order (by members), so the draw does not depend on how panels were found. */
function comparePanels(a: WeightedPanel, b: WeightedPanel): number {
  const length = Math.min(a.members.length, b.members.length);
  for (let i = 0; i < length; i++) if (a.members[i] !== b.members[i]) return a.members[i]! - b.members[i]!;
  return a.members.length - b.members.length;
}
