/**
 * Solver backed by HiGHS (Huangfu & Hall 2018) compiled to WebAssembly (npm `highs`).
 *
 * The caller loads the runtime (`const highs = await highsLoader()`, asynchronous) and passes it
 * here; this adapter only translates calls, so the core does no loading itself. It uses the
 * persistent-model API: a column-generation master keeps its basis between solves.
 */
import type { Highs, Model } from 'highs';
import type {
  ColumnSpec,
  ModelSpec,
  RowSpec,
  SolveOptions,
  SolveResult,
  Solver,
  SolverModel,
} from './solver.ts';

const MODEL_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  objectiveTarget: 12,
  interrupted: 17,
} as const;

const FAST_MIP_OPTIONS = {
  presolve: 'off',
  mip_detect_symmetry: false,
  mip_allow_restart: false,
  mip_heuristic_effort: 0,
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
} as const;

export function createHighsSolver(highs: Highs): Solver {
  const infinity = highs.infinity;
  const clamp = (value: number) => (value === Infinity ? infinity : value === -Infinity ? -infinity : value);
  return {
    name: `HiGHS ${highs.version.string} (WebAssembly)`,
    infinity,
    createModel(spec: ModelSpec): SolverModel {
      return createHighsModel(highs, spec, clamp);
    },
  };
}

function createHighsModel(highs: Highs, spec: ModelSpec, clamp: (value: number) => number): SolverModel {
  const numCols = spec.columns.length;
  const numRows = spec.rows.length;
  const starts = new Int32Array(numRows + 1);
  let nonzeros = 0;
  spec.rows.forEach((row, index) => {
    nonzeros += row.columns.length;
    starts[index + 1] = nonzeros;
  });
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let position = 0;
  for (const row of spec.rows) {
    for (let entry = 0; entry < row.columns.length; entry++) {
      indices[position] = row.columns[entry]!;
      values[position] = row.values[entry]!;
      position++;
    }
  }
  const hasIntegers = spec.columns.some((column) => column.isInteger);
  let isMip = hasIntegers;
  const model: Model = highs.createModel({
    numCols,
    numRows,
    sense:
      spec.sense === 'maximize'
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from(spec.columns, (column) => column.cost),
    colLower: Float64Array.from(spec.columns, (column) => clamp(column.lower)),
    colUpper: Float64Array.from(spec.columns, (column) => clamp(column.upper)),
    rowLower: Float64Array.from(spec.rows, (row) => clamp(row.lower)),
    rowUpper: Float64Array.from(spec.rows, (row) => clamp(row.upper)),
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
    ...(hasIntegers
      ? { integrality: Int32Array.from(spec.columns, (column) => (column.isInteger ? 1 : 0)) }
      : {}),
  });
  model.options.set({ output_flag: false, random_seed: 0 });
  // Pricing MILPs are small and their LP relaxation is nearly integral: HiGHS's primal heuristics,
  // symmetry detection and restarts cost 10-100x more than the branch and bound itself here
  // (measured on the benchmark pools, docs/benchmarks/sortition.md).
  if (hasIntegers) model.options.set(FAST_MIP_OPTIONS);
  // Small LPs solved warm from the previous basis: presolve only costs time.
  else model.options.set({ presolve: 'off' });
  let columnCount = numCols;
  let rowCount = numRows;
  let lastOptions = '';

  // HiGHS stops a MILP once the incumbent reaches objective_target; a target that can never be
  // reached (±1e30 in the objective's direction) means "no target" (the option must be finite).
  const unreachable = spec.sense === 'maximize' ? 1e30 : -1e30;

  function applyOptions(options: SolveOptions): void {
    const wanted: Record<string, string | number> = {
      solver: options.method?.startsWith('interior') ? 'ipm' : isMip && !options.relax ? 'choose' : 'simplex',
      run_crossover: options.method === 'interior' ? 'off' : 'on',
      objective_target: options.targetObjective ?? unreachable,
      mip_rel_gap: options.relativeGap ?? 1e-4,
      simplex_strategy: options.method === 'primal-simplex' ? 4 : 1,
    };
    const key = JSON.stringify(wanted);
    if (key === lastOptions) return;
    model.options.set(wanted);
    lastOptions = key;
  }

  return {
    get columnCount() {
      return columnCount;
    },
    get rowCount() {
      return rowCount;
    },
    addColumn(column: ColumnSpec): number {
      model.addCol(column.cost, clamp(column.lower), clamp(column.upper), {
        indices: Int32Array.from(column.rows ?? []),
        values: Float64Array.from(column.values ?? []),
      });
      if (column.isInteger) {
        model.changeColIntegrality(columnCount, highs.constants.variableType.integer);
        if (!isMip) model.options.set({ ...FAST_MIP_OPTIONS });
        isMip = true;
      }
      return columnCount++;
    },
    addColumns(columns: readonly ColumnSpec[]): number {
      const first = columnCount;
      if (columns.length === 0) return first;
      const starts = new Int32Array(columns.length + 1);
      columns.forEach((column, index) => (starts[index + 1] = starts[index]! + (column.rows?.length ?? 0)));
      const indices = new Int32Array(starts[columns.length]!);
      const values = new Float64Array(starts[columns.length]!);
      columns.forEach((column, index) => {
        indices.set(Array.from(column.rows ?? []), starts[index]!);
        values.set(Array.from(column.values ?? []), starts[index]!);
      });
      model.addCols({
        cost: Float64Array.from(columns, (column) => column.cost),
        lower: Float64Array.from(columns, (column) => clamp(column.lower)),
        upper: Float64Array.from(columns, (column) => clamp(column.upper)),
        matrix: { format: 'csc', numRows: rowCount, numCols: columns.length, starts, indices, values },
      });
      columnCount += columns.length;
      return first;
    },
    addRow(row: RowSpec): number {
      model.addRow(clamp(row.lower), clamp(row.upper), {
        indices: Int32Array.from(row.columns),
        values: Float64Array.from(row.values),
      });
      return rowCount++;
    },
    setCosts(costs: ArrayLike<number>): void {
      model.changeColsCost({ kind: 'range', from: 0, to: columnCount - 1 }, Float64Array.from(costs));
    },
    setColumnBounds(column: number, lower: number, upper: number): void {
      model.changeColBounds(column, clamp(lower), clamp(upper));
    },
    setRowBounds(row: number, lower: number, upper: number): void {
      model.changeRowBounds(row, clamp(lower), clamp(upper));
    },
    setCoefficient(row: number, column: number, value: number): void {
      model.changeCoefficient(row, column, value);
    },
    deleteColumns(columns: readonly number[]): void {
      if (columns.length === 0) return;
      model.deleteCols({ kind: 'set', indices: Int32Array.from(columns) });
      columnCount -= columns.length;
    },
    solve(options: SolveOptions = {}): SolveResult {
      applyOptions(options);
      if (options.fresh) model.clearSolver();
      const signal = options.signal;
      const result = signal
        ? model.run({
            [highs.constants.callbackType.mipInterrupt]: (event) => {
              if (signal.aborted) event.interrupt();
            },
            [highs.constants.callbackType.simplexInterrupt]: (event) => {
              if (signal.aborted) event.interrupt();
            },
          })
        : model.run();
      const status = mapStatus(result.modelStatus);
      if (status !== 'optimal' && status !== 'interrupted') {
        return { status, objective: NaN, primal: new Float64Array(0), rowDual: new Float64Array(0) };
      }
      const solution = model.getSolution();
      const isLp = !isMip || options.relax === true || options.method?.startsWith('interior') === true;
      return {
        status: result.modelStatus === MODEL_STATUS.objectiveTarget ? 'optimal' : status,
        objective: model.getObjectiveValue(),
        iterations: isLp ? Number(model.info.get('simplex_iteration_count')) : 0,
        primal: solution.colValue,
        rowDual: isLp ? solution.rowDual : new Float64Array(0),
      };
    },
    dispose(): void {
      model.dispose();
    },
  };
}

function mapStatus(code: number): SolveResult['status'] {
  switch (code) {
    case MODEL_STATUS.optimal:
    case MODEL_STATUS.objectiveTarget:
      return 'optimal';
    case MODEL_STATUS.infeasible:
    case MODEL_STATUS.unboundedOrInfeasible:
      return 'infeasible';
    case MODEL_STATUS.unbounded:
      return 'unbounded';
    case MODEL_STATUS.interrupted:
      return 'interrupted';
    default:
      return 'failed';
  }
}
