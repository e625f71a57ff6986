/**
 * Sortition engine (issue 4): fair, verifiable selection of citizens' panels by lottery.
 * Pure core: no I/O; the solver, random source and progress callback are passed in.
 */
export type {
  CancelSignal,
  DistributionStats,
  PanelDistribution,
  PoolMember,
  Quota,
  SelectionPhase,
  SelectionProgress,
  SortitionAlgorithm,
  WeightedPanel,
} from './types.ts';
export { SORTITION_ALGORITHMS } from './types.ts';
export type { Solver, SolverModel, ModelSpec, SolveOptions, SolveResult } from './solver.ts';
export { createHighsSolver } from './highs-solver.ts';
export {
  selectPanelDistribution,
  DEFAULT_TOLERANCE,
  DEFAULT_LEGACY_SAMPLES,
  type SelectPanelOptions,
} from './select-distribution.ts';
export {
  checkFeasibility,
  describeInfeasibility,
  type FeasibilityReport,
  type QuotaConflict,
  type QuotaRelaxation,
  type QuotaRef,
} from './feasibility.ts';
export { computeDrawSeed, drawPanel, DRAW_SEED_DOMAIN, type DrawResult } from './draw.ts';
export {
  selectAlternates,
  computeAlternatesSeed,
  type SelectAlternatesOptions,
  type AlternatesResult,
} from './alternates.ts';
export { computeGini } from './gini.ts';
export { computeSha256 } from './sha256.ts';
export {
  parseQuotasCsv,
  parsePoolCsv,
  readPoolCsv,
  type PoolCsv,
  type PoolCsvOptions,
} from './read-sortition-csv.ts';
export { findIdColumn, rankIdColumnName, ID_COLUMN_PATTERNS } from './id-column.ts';
export { parseCsv, type CsvTable, type CsvRow } from './parse-csv.ts';
export { SelectionCancelledError } from './pricing.ts';
export {
  drawAndRecord,
  formatSettings,
  SELECTION_RECORD_FORMAT,
  type SelectionRecord,
  type SelectionSettings,
  type DrawAndRecordInput,
} from './record.ts';
