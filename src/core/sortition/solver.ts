/**
 * The LP/MILP solver the engine needs, as an interface: the core stays pure and testable, and the
 * caller decides how the solver is loaded (HiGHS as WebAssembly, see highs-solver.ts).
 *
 * Models are persistent so column generation can add columns and re-solve from the previous basis.
 */

export type ObjectiveSense = 'minimize' | 'maximize';

export interface ColumnSpec {
  cost: number;
  lower: number;
  upper: number;
  isInteger?: boolean;
  /** Sparse coefficients of this column in existing rows. */
  rows?: ArrayLike<number>;
  values?: ArrayLike<number>;
}

export interface RowSpec {
  lower: number;
  upper: number;
  columns: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ModelSpec {
  sense: ObjectiveSense;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

/** 'optimal' also covers a MILP stopped at `targetObjective` (the solution is then feasible, good enough). */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'interrupted' | 'failed';

export interface SolveResult {
  status: SolveStatus;
  objective: number;
  /** Simplex iterations of this solve (LP only). */
  iterations?: number;
  /** Column values. */
  primal: Float64Array;
  /**
   * Shadow prices: rate of change of the optimal objective per unit increase of the row's bound
   * (LP only; empty for a MILP).
   */
  rowDual: Float64Array;
}

export interface SolveOptions {
  /** Ignore integrality (solve the LP relaxation). Default false. */
  relax?: boolean;
  /**
   * 'simplex' (dual simplex, default), 'primal-simplex' (best after adding columns: the basis stays
   * primal feasible), 'interior' (interior point without crossover: a central dual) or
   * 'interior-crossover' (interior point, then crossover to a basic solution).
   */
  method?: 'simplex' | 'primal-simplex' | 'interior' | 'interior-crossover';
  /** MILP: stop as soon as a solution with objective at least this good is found. */
  targetObjective?: number;
  /** MILP relative gap (default: the solver's). */
  relativeGap?: number;
  /** Forget the previous basis and solve from scratch. */
  fresh?: boolean;
  /** Polled during long solves (MILP branch and bound). */
  signal?: { readonly aborted: boolean };
}

export interface SolverModel {
  readonly columnCount: number;
  readonly rowCount: number;
  addColumn(column: ColumnSpec): number;
  /** Adds continuous columns in one call; returns the index of the first. */
  addColumns(columns: readonly ColumnSpec[]): number;
  addRow(row: RowSpec): number;
  setCosts(costs: ArrayLike<number>): void;
  setColumnBounds(column: number, lower: number, upper: number): void;
  setRowBounds(row: number, lower: number, upper: number): void;
  setCoefficient(row: number, column: number, value: number): void;
  /** Deletes columns (ascending indices); later columns move down. */
  deleteColumns(columns: readonly number[]): void;
  solve(options?: SolveOptions): SolveResult;
  dispose(): void;
}

export interface Solver {
  readonly name: string;
  readonly infinity: number;
  createModel(spec: ModelSpec): SolverModel;
}
