/**
 * Column generation shared by MAXIMIN and LEXIMIN (Flanigan et al. 2021, Methods and
 * Supplementary Information; reference implementation: Sortition Foundation `stratification`):
 * solve the restricted master LP, price with its duals, add the panel that prices out, repeat
 * until no panel has weight above ŷ + tolerance.
 */
import type { SortitionInstance } from './instance.ts';
import type { MasterProblem, MasterSolution } from './master.ts';
import { throwIfCancelled, weigh, type PricingOracle, type SolverCounters } from './pricing.ts';
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
  /** Improving swaps of support panels added per master solve. */
  supportColumns: number;
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
  /**
   * Unfixed types whose probability equals the stage optimum in every optimal solution (within
   * the tolerance): all of them when the "everyone equal" bound is attained, otherwise those with
   * a positive dual in an optimal dual solution (complementary slackness). Empty unless
   * `findTight` was requested.
   */
  tight: number[];
}

/**
 * When the master becomes infeasible after fixing probabilities (floating point), the reference
 * implementation lowers all fixed probabilities by 1e-4 and retries; so do we.
 */
const FIXED_RELAXATION = 1e-4;
const MAX_RELAXATIONS = 20;
/** Wentges smoothing: weight of the stability centre in the pricing duals (Pessoa et al. 2018). */
const INITIAL_SMOOTHING = 0.5;
/** Starting panels for the local-search pricing heuristic. */
const LOCAL_SEARCH_STARTS = 3;
/** The master keeps at most PURGE_FACTOR · types + PURGE_MINIMUM columns (see MasterProblem.purge). */
const PURGE_FACTOR = 4;
const PURGE_MINIMUM = 100;
/** A dual above this counts as positive (simplex duals are exact up to ~1e-9). */
const POSITIVE_DUAL = 1e-7;

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
 *
 * Pricing itself is the LP relaxation (a valid bound; its optimum is the column when integral),
 * then a local search from the best known panels; the exact MILP only runs when both fail to
 * improve the master, to prove that no panel does.
 *
 * LEXIMIN needs to know which types are tight at the optimum (`findTight`): when the bound that
 * ends the stage is the "everyone equal" one, all are; otherwise the stage continues with plain
 * dual pricing until the master's duals are proven optimal, and the types with positive duals are.
 */
export function solveStage(context: GenerationContext, findTight = false): StageResult {
  const { instance, master, oracle, counters } = context;
  const T = instance.types.length;
  const sizes = instance.types.map((type) => type.members.length);
  let unfixedMembers = 0;
  let fixedMass = 0;
  const unfixed: number[] = [];
  for (let t = 0; t < T; t++) {
    if (master.isFixed(t)) fixedMass += sizes[t]! * master.fixedValue(t);
    else {
      unfixedMembers += sizes[t]!;
      unfixed.push(t);
    }
  }
  let center = Float64Array.from(sizes, (size) => size / unfixedMembers);
  // With y_t ∝ n_t: z ≤ (k − Σ_fixed n_t p_t) / (unfixed registrants), the everyone-equal bound.
  let bestBound = (instance.k - fixedMass) / unfixedMembers;
  let isEqualBound = true;
  const separation = new Float64Array(T);
  const weights = new Float64Array(T);
  const masterWeights = new Float64Array(T);
  let smoothing = INITIAL_SMOOTHING;
  let relaxations = 0;
  let solution: MasterSolution | null = null;
  const finish = (final: MasterSolution, tight: number[]): StageResult => ({
    solution: final,
    gap: Math.max(0, bestBound - final.z),
    tight,
  });
  const positiveDuals = (final: MasterSolution): number[] => {
    const tight = unfixed.filter((t) => final.duals[t]! > POSITIVE_DUAL);
    if (tight.length > 0) return tight;
    return [unfixed.reduce((best, t) => (final.duals[t]! > final.duals[best]! ? t : best), unfixed[0]!)];
  };
  const updateBound = (value: number, fixedWeight: number, unfixedWeight: number) => {
    if (unfixedWeight <= 0) return;
    const bound = (value - fixedWeight) / unfixedWeight;
    if (bound < bestBound) {
      bestBound = bound;
      isEqualBound = false;
      center = separation.slice();
    }
  };
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
      for (let t = 0; t < T; t++) masterWeights[t] = solution.duals[t]! / sizes[t]!;
    }
    if (bestBound - solution.z <= context.tolerance) {
      if (!findTight) return finish(solution, []);
      if (isEqualBound) return finish(solution, unfixed);
      smoothing = 0; // Converged; now make the master's duals provably optimal.
    }

    let unfixedWeight = 0;
    let fixedWeight = 0;
    for (let t = 0; t < T; t++) {
      separation[t] = smoothing * center[t]! + (1 - smoothing) * solution.duals[t]!;
      weights[t] = separation[t]! / sizes[t]!;
      if (master.isFixed(t)) fixedWeight += separation[t]! * master.fixedValue(t);
      else unfixedWeight += separation[t]!;
    }
    const relaxed = oracle.relax(weights);
    updateBound(relaxed.bound, fixedWeight, unfixedWeight);
    reportProgress(context, solution, bestBound);
    const threshold = solution.cap + context.tolerance;
    if (smoothing === 0 && relaxed.bound <= threshold) {
      // No panel, not even a fractional one, improves the master: its duals are optimal.
      return finish(solution, findTight ? positiveDuals(solution) : []);
    }
    if (!findTight && bestBound - solution.z <= context.tolerance) return finish(solution, []);
    const candidate = relaxed.counts ?? searchLocally(context, weights);
    if (weigh(candidate, masterWeights) > threshold && master.addPanel(candidate)) {
      addColumns(context, solution, candidate, masterWeights, threshold);
      solution = null;
      continue;
    }
    if (smoothing > 0) {
      // Mis-pricing: the smoothed duals found nothing that improves the master; move towards them.
      smoothing = smoothing < 0.1 ? 0 : smoothing / 2;
      continue;
    }
    // Plain dual pricing found nothing by LP or local search: try improving swaps of the
    // support, and prove optimality with the exact pricing MILP only when those run out.
    if (addSupportSwaps(context, solution, masterWeights) > 0) {
      solution = null;
      continue;
    }
    const exact = oracle.solveExact(masterWeights, context.signal);
    updateBound(exact.bound, fixedWeight, unfixedWeight);
    if (exact.counts && exact.value > threshold && master.addPanel(exact.counts)) {
      addColumns(context, solution, exact.counts, masterWeights, threshold);
      solution = null;
      continue;
    }
    return finish(solution, findTight ? positiveDuals(solution) : []);
  }
}

/** Local search (best swaps) from the known panels of largest weight. */
export function searchLocally(context: GenerationContext, weights: Float64Array): Int32Array {
  const { master, neighbourhood } = context;
  const ranked = master.panels
    .map((counts, index) => ({ index, weight: weigh(counts, weights) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, LOCAL_SEARCH_STARTS);
  let best: Int32Array | null = null;
  let bestWeight = Number.NEGATIVE_INFINITY;
  for (const { index } of ranked) {
    const improved = neighbourhood.improve(master.panels[index]!, weights);
    const weight = weigh(improved, weights);
    if (weight > bestWeight) {
      best = improved;
      bestWeight = weight;
    }
  }
  return best!;
}

function addColumns(
  context: GenerationContext,
  solution: MasterSolution,
  counts: Int32Array,
  masterWeights: Float64Array,
  threshold: number,
): void {
  const { master } = context;
  for (const neighbour of context.neighbourhood.findImproving(
    counts,
    masterWeights,
    threshold,
    context.extraColumns,
  )) {
    master.addPanel(neighbour);
  }
  addSupportSwaps(context, solution, masterWeights);
  master.purge(solution, PURGE_FACTOR * context.instance.types.length + PURGE_MINIMUM);
}

function reportProgress(context: GenerationContext, solution: MasterSolution, bound: number): void {
  context.onProgress?.({
    phase: 'column-generation',
    iterations: context.counters.iterations,
    panels: context.master.panels.length,
    solverCalls: context.counters.solverCalls,
    fixed: context.fixedCount(),
    lowerBound: solution.z,
    upperBound: Math.max(solution.z, bound),
  });
}

/**
 * Panels in the master's support price at exactly ŷ, so any swap that trades a member of a type
 * with low dual weight for one with higher weight gives an improving column. Adding the best swap
 * of many support panels lets the LP shift probability along many directions per solve.
 */
function addSupportSwaps(
  context: GenerationContext,
  solution: MasterSolution,
  weights: Float64Array,
): number {
  const { master } = context;
  const byWeight = Int32Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]!);
  const candidates: Int32Array[] = [];
  solution.lambda.forEach((value, p) => {
    if (value <= 1e-9) return;
    const swapped = context.neighbourhood.findBestSwap(
      master.panels[p]!,
      weights,
      byWeight,
      context.tolerance,
    );
    if (swapped) candidates.push(swapped);
  });
  let added = 0;
  for (const panel of candidates) {
    if (added >= context.supportColumns) break;
    if (master.addPanel(panel)) added++;
  }
  return added;
}
