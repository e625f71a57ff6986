/**
 * Column generation shared by MAXIMIN and LEXIMIN (Flanigan et al. 2021, Methods and
 * Supplementary Information; reference implementation: Sortition Foundation `stratification`):
 * solve the restricted master LP, price with its duals, add the panel that prices out, repeat
 * until no panel has weight above ŷ + tolerance.
 */
import type { SortitionInstance } from './instance.ts';
import type { MasterProblem, MasterSolution } from './master.ts';
import { throwIfCancelled, type PricingOracle, type SolverCounters } from './pricing.ts';
import { DomainError } from '../errors.ts';
import type { SwapNeighbourhood } from './swap-neighbours.ts';
import type { CancelSignal, SelectionProgress } from './types.ts';

export interface GenerationContext {
  instance: SortitionInstance;
  master: MasterProblem;
  oracle: PricingOracle;
  neighbourhood: SwapNeighbourhood;
  /** Extra improving columns (swap neighbours) added per master solve. */
  extraColumns: number;
  counters: SolverCounters & { iterations: number };
  /** Stop when no panel prices out by more than this (probability units). */
  tolerance: number;
  signal?: CancelSignal;
  onProgress?: (progress: SelectionProgress) => void;
  fixedCount: () => number;
}

export interface StageResult {
  solution: MasterSolution;
  /** Upper bound on the stage optimum minus its final value. */
  gap: number;
}

/**
 * When the master becomes infeasible after fixing probabilities (floating point), the reference
 * implementation lowers all fixed probabilities by 1e-4 and retries; so do we.
 */
const FIXED_RELAXATION = 1e-4;
const MAX_RELAXATIONS = 20;
/** Wentges smoothing: weight of the stability centre in the pricing duals (Pessoa et al. 2018). */
const INITIAL_SMOOTHING = 0.5;

/**
 * One stage: maximise the smallest probability z of the unfixed registrants given the fixed ones.
 *
 * The master LP of column generation is massively degenerate here (every panel has the same
 * weight under many dual vectors), and plain dual pricing converges slowly, the upper bound
 * hardly moving for tens of iterations. Two remedies from the column-generation literature:
 *
 * - Lagrangian bound: for any y ≥ 0 with s = Σ_unfixed y_t > 0, every distribution has
 *   z ≤ (max_P Σ_t y_t c_P(t)/n_t − Σ_fixed p_t y_t) / s. The stage ends as soon as the master's z
 *   is within the tolerance of the best such bound, which may be long before no column prices out.
 *   With y_t ∝ n_t the bound is (k − Σ_fixed n_t p_t) / (unfixed registrants): everyone equal.
 * - Wentges smoothing (Wentges 1997; Pessoa, Sadykov, Uchoa & Vanderbeck 2018): price at a convex
 *   combination of the stability centre (the y with the best bound so far) and the master's duals;
 *   if that yields no improving panel ("mis-pricing"), move closer to the master's duals.
 */
export function solveStage(context: GenerationContext): StageResult {
  const { instance, master, oracle, counters } = context;
  const T = instance.types.length;
  const sizes = instance.types.map((type) => type.members.length);
  let unfixedMembers = 0;
  let fixedMass = 0;
  for (let t = 0; t < T; t++) {
    if (master.isFixed(t)) fixedMass += sizes[t]! * master.fixedValue(t);
    else unfixedMembers += sizes[t]!;
  }
  let center = Float64Array.from(sizes, (size) => size / unfixedMembers);
  let bestBound = (instance.k - fixedMass) / unfixedMembers;
  const separation = new Float64Array(T);
  const weights = new Float64Array(T);
  let smoothing = INITIAL_SMOOTHING;
  let relaxations = 0;
  let solution: MasterSolution | null = null;
  for (;;) {
    throwIfCancelled(context.signal);
    if (!solution) {
      solution = master.solve();
      counters.iterations++;
      if (!solution) {
        if (++relaxations > MAX_RELAXATIONS) {
          throw new DomainError('infeasible', 'Het LP van de loting blijft numeriek onoplosbaar.');
        }
        master.relaxFixed(FIXED_RELAXATION);
        continue;
      }
    }
    if (bestBound - solution.z <= context.tolerance) return { solution, gap: Math.max(0, bestBound - solution.z) };

    let unfixedWeight = 0;
    let fixedWeight = 0;
    for (let t = 0; t < T; t++) {
      separation[t] = smoothing * center[t]! + (1 - smoothing) * solution.duals[t]!;
      weights[t] = separation[t]! / sizes[t]!;
      if (master.isFixed(t)) fixedWeight += separation[t]! * master.fixedValue(t);
      else unfixedWeight += separation[t]!;
    }
    const priced = oracle.price(weights, Number.NEGATIVE_INFINITY, context.signal);
    if (unfixedWeight > 0) {
      const bound = (priced.bound - fixedWeight) / unfixedWeight;
      if (bound < bestBound) {
        bestBound = bound;
        center = separation.slice();
      }
    }
    context.onProgress?.({
      phase: 'column-generation',
      iterations: counters.iterations,
      panels: master.panels.length,
      solverCalls: counters.solverCalls,
      fixed: context.fixedCount(),
      lowerBound: solution.z,
      upperBound: Math.max(solution.z, bestBound),
    });
    const counts = priced.counts;
    if (counts && reducedCost(counts, solution, sizes) > context.tolerance && master.addPanel(counts)) {
      for (let t = 0; t < T; t++) weights[t] = solution.duals[t]! / sizes[t]!;
      const threshold = solution.cap + context.tolerance;
      for (const neighbour of context.neighbourhood.findImproving(counts, weights, threshold, context.extraColumns)) {
        master.addPanel(neighbour);
      }
      solution = null;
      continue;
    }
    // Mis-pricing: the smoothed duals found nothing that improves the master.
    if (smoothing === 0) return { solution, gap: Math.max(0, bestBound - solution.z) };
    smoothing = smoothing < 0.1 ? 0 : smoothing / 2;
  }
}

/** Σ_t y_t c(t)/n_t − ŷ under the master's duals: positive iff the panel improves the master. */
function reducedCost(counts: Int32Array, solution: MasterSolution, sizes: number[]): number {
  let weight = 0;
  for (let t = 0; t < counts.length; t++) if (counts[t]! > 0) weight += (solution.duals[t]! * counts[t]!) / sizes[t]!;
  return weight - solution.cap;
}

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
  const weights = new Float64Array(T);
  for (;;) {
    throwIfCancelled(context.signal);
    let uncovered = 0;
    for (let t = 0; t < T; t++) {
      weights[t] = covered[t] ? 0 : 1 / instance.types[t]!.members.length;
      uncovered += covered[t] ? 0 : 1;
    }
    if (uncovered === 0) return [];
    const found = oracle.solveExact(weights, context.signal);
    const counts = found.counts!;
    let newlyCovered = 0;
    for (let t = 0; t < T; t++) {
      if (counts[t]! > 0 && !covered[t]) {
        covered[t] = 1;
        newlyCovered++;
      }
    }
    if (master.panels.length === 0 || newlyCovered > 0) master.addPanel(counts);
    context.onProgress?.({
      phase: 'initial-panels',
      iterations: counters.iterations,
      panels: master.panels.length,
      solverCalls: counters.solverCalls,
    });
    if (newlyCovered === 0) {
      const unselectable: number[] = [];
      for (let t = 0; t < T; t++) if (!covered[t]) unselectable.push(t);
      return unselectable;
    }
  }
}
