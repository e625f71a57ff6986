/**
 * Pricing for column generation: given a weight per type (the LP duals divided by the type size),
 * find the feasible panel of largest total weight, or prove that none exceeds a threshold.
 *
 * Flanigan et al. (2021) solve this with a MILP in every iteration. Here the LP relaxation comes
 * first: it is solved warm (only the objective changes between calls) and its optimum bounds the
 * MILP's, so "LP value ≤ threshold" already proves that no panel prices out, and an integral LP
 * optimum is the MILP optimum. The MILP (HiGHS branch and cut) only runs when the LP optimum is
 * fractional and above the threshold.
 */
import type { SortitionInstance } from './instance.ts';
import { buildPanelModelSpec } from './panel-model.ts';
import type { Solver, SolverModel } from './solver.ts';
import type { CancelSignal } from './types.ts';
import { DomainError } from '../errors.ts';

export interface SolverCounters {
  solverCalls: number;
  milpCalls: number;
}

export interface PricingResult {
  /** Best panel found (count per type), or null. */
  counts: Int32Array | null;
  /** Weight of `counts`. */
  value: number;
  /** Proven upper bound on the weight of any feasible panel. */
  bound: number;
}

export interface PricingOracle {
  /**
   * LP relaxation: its optimum bounds every panel's weight; `counts` is set when the LP optimum
   * is integral (and then is the best panel).
   */
  relax(weights: Float64Array): PricingResult;
  /** The best panel (MILP unless the LP optimum is integral). */
  solveExact(weights: Float64Array, signal?: CancelSignal): PricingResult;
  dispose(): void;
}

const INTEGRALITY_TOLERANCE = 1e-6;
/** Relative MILP gap: absolute gap ~1e-7 on probability-scale objectives (decision 0101). */
const MILP_RELATIVE_GAP = 1e-6;

export function createPricingOracle(
  instance: SortitionInstance,
  solver: Solver,
  counters: SolverCounters,
): PricingOracle {
  const lp: SolverModel = solver.createModel(buildPanelModelSpec(instance, { isInteger: false }));
  let mip: SolverModel | undefined;

  function relax(weights: Float64Array): PricingResult {
    lp.setCosts(weights);
    counters.solverCalls++;
    const relaxed = lp.solve();
    if (relaxed.status !== 'optimal') {
      throw new DomainError('infeasible', 'Er bestaat geen panel dat aan alle quota voldoet.');
    }
    if (!isIntegral(relaxed.primal)) return { counts: null, value: Number.NaN, bound: relaxed.objective };
    const counts = roundCounts(relaxed.primal);
    return { counts, value: weigh(counts, weights), bound: relaxed.objective };
  }

  return {
    relax,
    solveExact(weights, signal) {
      const relaxed = relax(weights);
      if (relaxed.counts) return relaxed;
      mip ??= solver.createModel(buildPanelModelSpec(instance, { isInteger: true }));
      mip.setCosts(weights);
      counters.solverCalls++;
      counters.milpCalls++;
      const result = mip.solve({ relativeGap: MILP_RELATIVE_GAP, ...(signal ? { signal } : {}) });
      throwIfCancelled(signal);
      if (result.status !== 'optimal') {
        throw new DomainError('infeasible', 'Er bestaat geen panel dat aan alle quota voldoet.');
      }
      const counts = roundCounts(result.primal);
      const value = weigh(counts, weights);
      const bound = Math.min(
        relaxed.bound,
        Math.max(value, result.objective) * (1 + MILP_RELATIVE_GAP) + 1e-9,
      );
      return { counts, value, bound };
    },
    dispose() {
      lp.dispose();
      mip?.dispose();
    },
  };
}

function isIntegral(values: Float64Array): boolean {
  for (const value of values) if (Math.abs(value - Math.round(value)) > INTEGRALITY_TOLERANCE) return false;
  return true;
}

function roundCounts(values: Float64Array): Int32Array {
  return Int32Array.from(values, (value) => Math.max(0, Math.round(value)));
}

export function weigh(counts: ArrayLike<number>, weights: ArrayLike<number>): number {
  let total = 0;
  for (let t = 0; t < counts.length; t++) total += counts[t]! * weights[t]!;
  return total;
}

/** Thrown when the caller cancels a run; named like the platform's AbortError. */
export class SelectionCancelledError extends Error {
  constructor() {
    super('De berekening is afgebroken.');
    this.name = 'AbortError';
  }
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new SelectionCancelledError();
}
