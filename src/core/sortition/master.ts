/**
 * The restricted master LP of column generation, on types (Flanigan et al. 2021, Supplementary
 * Information, "LEXIMIN" primal LP), with a variable λ_P per known panel P:
 *
 *   maximise z
 *   s.t.  Σ_P λ_P · c_P(t)/n_t  ≥ z      for every type t whose probability is not yet fixed
 *         Σ_P λ_P · c_P(t)/n_t  ≥ p_t    for every fixed type t
 *         Σ_P λ_P = 1,  λ ≥ 0
 *
 * where c_P(t) is the number of type-t registrants on P and n_t the type's size, so the row
 * activity is the selection probability of each member of t. The duals y_t ≥ 0 of the type rows
 * (they sum to 1 over unfixed types) and ŷ of the convexity row give the pricing problem:
 * a panel P improves the LP iff Σ_t y_t c_P(t)/n_t > ŷ.
 */
import type { SortitionInstance } from './instance.ts';
import { weigh, type SolverCounters } from './pricing.ts';
import type { ColumnSpec, Solver, SolverModel } from './solver.ts';

export interface MasterSolution {
  z: number;
  /** y_t ≥ 0 per type (0 for types without a row dual). */
  duals: Float64Array;
  /** ŷ: dual of the convexity row, the largest weight of a known panel. */
  cap: number;
  /** λ per panel, in the order added. */
  lambda: Float64Array;
}

export interface MasterProblem {
  readonly panels: Int32Array[];
  /** Adds a panel unless it is already present; returns whether it was new. */
  addPanel(counts: Int32Array): boolean;
  hasPanel(counts: Int32Array): boolean;
  fixType(t: number, probability: number): void;
  isFixed(t: number): boolean;
  fixedValue(t: number): number;
  /** Lowers every fixed probability by `amount` (recovery from numerical infeasibility). */
  relaxFixed(amount: number): void;
  solve(): MasterSolution | null;
  /**
   * Drops columns that price strictly below ŷ (non-basic, so the basis survives) when the master
   * has more than `limit` columns, least useful first, down to `limit / 2`.
   */
  purge(solution: MasterSolution, limit: number): number;
  dispose(): void;
}

export function createMasterProblem(
  instance: SortitionInstance,
  solver: Solver,
  counters: SolverCounters,
  method: 'primal-simplex' | 'interior' = 'primal-simplex',
): MasterProblem {
  const T = instance.types.length;
  const sizes = instance.types.map((type) => type.members.length);
  const convexityRow = T;
  const model: SolverModel = solver.createModel({
    sense: 'maximize',
    columns: [{ cost: 1, lower: -Infinity, upper: 1 }],
    rows: [
      ...sizes.map(() => ({ lower: 0, upper: Infinity, columns: [0], values: [-1] })),
      { lower: 1, upper: 1, columns: [], values: [] },
    ],
  });
  const panels: Int32Array[] = [];
  const known = new Set<string>();
  /** Panels added since the last solve, sent to the solver in one batch. */
  let pending: ColumnSpec[] = [];
  const flush = () => {
    model.addColumns(pending);
    pending = [];
  };
  const fixed = new Float64Array(T).fill(Number.NaN);

  return {
    panels,
    addPanel(counts) {
      const key = keyOf(counts);
      if (known.has(key)) return false;
      known.add(key);
      panels.push(counts);
      const rows: number[] = [];
      const values: number[] = [];
      for (let t = 0; t < T; t++) {
        if (counts[t]! > 0) {
          rows.push(t);
          values.push(counts[t]! / sizes[t]!);
        }
      }
      rows.push(convexityRow);
      values.push(1);
      pending.push({ cost: 0, lower: 0, upper: Infinity, rows, values });
      return true;
    },
    hasPanel(counts) {
      return known.has(keyOf(counts));
    },
    fixType(t, probability) {
      fixed[t] = probability;
      model.setCoefficient(t, 0, 0);
      model.setRowBounds(t, probability, Infinity);
    },
    isFixed(t) {
      return !Number.isNaN(fixed[t]!);
    },
    fixedValue(t) {
      return fixed[t]!;
    },
    relaxFixed(amount) {
      for (let t = 0; t < T; t++) {
        if (Number.isNaN(fixed[t]!)) continue;
        fixed[t] = Math.max(0, fixed[t]! - amount);
        model.setRowBounds(t, fixed[t]!, Infinity);
      }
    },
    solve() {
      flush();
      counters.solverCalls++;
      // Primal simplex: adding a column keeps the basis primal feasible, so it restarts where it
      // stopped (measured 5-10x faster than dual simplex on this master). HiGHS's primal simplex
      // occasionally ends with status "unknown" after bounds change (LEXIMIN fixing); then the
      // dual simplex, and if need be a fresh start, takes over.
      let result = model.solve({ method });
      if (result.status === 'failed') {
        counters.solverCalls++;
        result = model.solve({ method: 'simplex' });
      }
      if (result.status === 'failed') {
        counters.solverCalls++;
        result = model.solve({ method: 'simplex', fresh: true });
      }
      if (result.status !== 'optimal') return null;
      const duals = new Float64Array(T);
      for (let t = 0; t < T; t++) duals[t] = Math.max(0, -result.rowDual[t]!);
      return {
        z: result.primal[0]!,
        duals,
        cap: result.rowDual[convexityRow]!,
        lambda: result.primal.slice(1),
      };
    },
    purge(solution, limit) {
      if (panels.length <= limit) return 0;
      flush();
      const scored: { index: number; reducedCost: number }[] = [];
      const weights = Float64Array.from(sizes, (size, t) => solution.duals[t]! / size);
      panels.forEach((counts, p) => {
        if (solution.lambda[p]! > 0) return;
        const weight = weigh(counts, weights);
        const reducedCost = weight - solution.cap;
        if (reducedCost < -1e-7) scored.push({ index: p, reducedCost });
      });
      scored.sort((a, b) => a.reducedCost - b.reducedCost);
      const drop = scored
        .slice(0, Math.max(0, panels.length - Math.floor(limit / 2)))
        .map((entry) => entry.index);
      drop.sort((a, b) => a - b);
      model.deleteColumns(drop.map((p) => p + 1));
      const dropped = new Set(drop);
      const kept = panels.filter((_, p) => !dropped.has(p));
      for (const p of drop) known.delete(keyOf(panels[p]!));
      panels.length = 0;
      panels.push(...kept);
      return drop.length;
    },
    dispose() {
      model.dispose();
    },
  };
}

/** Identity of a panel: its non-zero counts. */
function keyOf(counts: Int32Array): string {
  let key = '';
  for (let t = 0; t < counts.length; t++) if (counts[t]! > 0) key += `${t}:${counts[t]},`;
  return key;
}
