/**
 * Feasibility of the quotas, and for infeasible quotas the conflict and the smallest relaxation.
 *
 * Direct conflicts (a category whose minimums exceed the panel size, whose maximums cannot fill
 * it, a minimum larger than the number of registrants with that value) are named from counts.
 * Otherwise the relaxation MILP of the reference implementation (`_relax_infeasible_quotas`) finds
 * the cheapest change: lowering a minimum costs 1 + 2/min per unit (lowering an already low
 * minimum is more salient), raising a maximum 1, within min_flex/max_flex.
 */
import { DomainError } from '../errors.ts';
import { compileInstance, type InstanceInput, type SortitionInstance } from './instance.ts';
import { buildPanelModelSpec } from './panel-model.ts';
import type { SolverCounters } from './pricing.ts';
import type { ModelSpec, Solver } from './solver.ts';

export interface QuotaRef {
  category: string;
  value: string;
  bound: 'min' | 'max';
  limit: number;
}

export interface QuotaConflict {
  reason: string;
  quotas: QuotaRef[];
}

export interface QuotaRelaxation {
  category: string;
  value: string;
  bound: 'min' | 'max';
  from: number;
  to: number;
}

export interface FeasibilityReport {
  feasible: boolean;
  conflicts: QuotaConflict[];
  /** Smallest relaxation that makes the quotas feasible (empty when feasible or not relaxable). */
  relaxations: QuotaRelaxation[];
  /** False when even relaxing to min_flex/max_flex cannot make them feasible. */
  relaxable: boolean;
}

export function checkFeasibility(input: InstanceInput & { solver: Solver }): FeasibilityReport {
  const instance = compileInstance(input);
  return analyzeFeasibility(instance, input.solver, { solverCalls: 0, milpCalls: 0 });
}

/** Throws DomainError 'infeasible' (data: conflicts, relaxations) unless some panel is feasible. */
export function assertFeasible(instance: SortitionInstance, solver: Solver, counters: SolverCounters): void {
  const report = analyzeFeasibility(instance, solver, counters);
  if (report.feasible) return;
  throw new DomainError('infeasible', describeInfeasibility(report), {
    data: { conflicts: report.conflicts, relaxations: report.relaxations, relaxable: report.relaxable },
  });
}

export function analyzeFeasibility(
  instance: SortitionInstance,
  solver: Solver,
  counters: SolverCounters,
): FeasibilityReport {
  const conflicts = findDirectConflicts(instance);
  if (conflicts.length === 0 && isFeasible(instance, solver, counters)) {
    return { feasible: true, conflicts: [], relaxations: [], relaxable: true };
  }
  const relaxations = findRelaxation(instance, solver, counters);
  if (conflicts.length === 0 && relaxations) {
    conflicts.push({
      reason: 'Deze quota zijn samen niet haalbaar met deze pool (combinaties van kenmerken ontbreken).',
      quotas: relaxations.map(({ category, value, bound, from }) => ({
        category,
        value,
        bound,
        limit: from,
      })),
    });
  }
  return { feasible: false, conflicts, relaxations: relaxations ?? [], relaxable: relaxations !== null };
}

function isFeasible(instance: SortitionInstance, solver: Solver, counters: SolverCounters): boolean {
  const model = solver.createModel(buildPanelModelSpec(instance, { isInteger: true }));
  try {
    counters.solverCalls++;
    counters.milpCalls++;
    return model.solve().status === 'optimal';
  } finally {
    model.dispose();
  }
}

function findDirectConflicts(instance: SortitionInstance): QuotaConflict[] {
  const { k } = instance;
  const conflicts: QuotaConflict[] = [];
  const available = countAvailable(instance);
  for (const [f, category] of instance.categories.entries()) {
    const ref = (bound: 'min' | 'max') =>
      category.values.map((value) => ({
        category: category.name,
        value: value.name,
        bound,
        limit: value[bound],
      }));
    const sumMin = category.values.reduce((sum, value) => sum + value.min, 0);
    if (sumMin > k) {
      conflicts.push({
        reason: `De minimums van "${category.name}" tellen op tot ${sumMin}, meer dan de panelgrootte ${k}.`,
        quotas: ref('min'),
      });
    }
    const reachable = category.values.reduce(
      (sum, value, v) => sum + Math.min(value.max, available[f]![v]!),
      0,
    );
    if (reachable < k) {
      conflicts.push({
        reason: `Met de maximums van "${category.name}" en de beschikbare registranten zijn hooguit ${reachable} plaatsen te vullen, minder dan ${k}.`,
        quotas: ref('max'),
      });
    }
    category.values.forEach((value, v) => {
      if (value.min > available[f]![v]!) {
        conflicts.push({
          reason: `"${category.name}: ${value.name}" vraagt minstens ${value.min}, maar er zijn maar ${available[f]![v]} beschikbaar${instance.households.length > 0 ? ' (één per huishouden)' : ''}.`,
          quotas: [{ category: category.name, value: value.name, bound: 'min', limit: value.min }],
        });
      }
    });
  }
  return conflicts;
}

/** Per category and value: registrants that can be on one panel together (one per household). */
function countAvailable(instance: SortitionInstance): number[][] {
  const available = instance.categories.map((category) => category.values.map(() => 0));
  const seenHousehold = instance.categories.map((category) => category.values.map(() => new Set<number>()));
  instance.types.forEach((type) => {
    for (const person of type.members) {
      const household = instance.householdOf[person]!;
      type.values.forEach((v, f) => {
        if (household >= 0) {
          if (seenHousehold[f]![v]!.has(household)) return;
          seenHousehold[f]![v]!.add(household);
        }
        available[f]![v]!++;
      });
    }
  });
  return available;
}

/** The cheapest relaxation within the flex bounds, or null if there is none. */
function findRelaxation(
  instance: SortitionInstance,
  solver: Solver,
  counters: SolverCounters,
): QuotaRelaxation[] | null {
  const base = buildPanelModelSpec(instance, { isInteger: true });
  const T = instance.types.length;
  const Q = instance.quotaCategory.length;
  const value = (q: number) =>
    instance.categories[instance.quotaCategory[q]!]!.values[instance.quotaValue[q]!]!;
  // Columns: types, then per quota a "lower the minimum by" and a "raise the maximum by".
  const columns = [...base.columns];
  for (let q = 0; q < Q; q++) {
    const { min, minFlex } = value(q);
    columns.push({
      cost: min > 0 ? 1 + 2 / min : 0,
      lower: 0,
      upper: Math.max(0, min - minFlex),
      isInteger: true,
    });
  }
  for (let q = 0; q < Q; q++) {
    const { max, maxFlex } = value(q);
    columns.push({ cost: 1, lower: 0, upper: Math.max(0, maxFlex - max), isInteger: true });
  }
  const rows = [base.rows[0]!];
  for (let q = 0; q < Q; q++) {
    const row = base.rows[1 + q]!;
    rows.push({
      lower: row.lower,
      upper: Infinity,
      columns: [...Array.from(row.columns), T + q],
      values: [...Array.from(row.values), 1],
    });
    rows.push({
      lower: -Infinity,
      upper: row.upper,
      columns: [...Array.from(row.columns), T + Q + q],
      values: [...Array.from(row.values), -1],
    });
  }
  rows.push(...base.rows.slice(1 + Q));
  const spec: ModelSpec = { sense: 'minimize', columns, rows };
  const model = solver.createModel(spec);
  try {
    counters.solverCalls++;
    counters.milpCalls++;
    const result = model.solve();
    if (result.status !== 'optimal') return null;
    const relaxations: QuotaRelaxation[] = [];
    for (let q = 0; q < Q; q++) {
      const { min, max } = value(q);
      const category = instance.categories[instance.quotaCategory[q]!]!.name;
      const lower = Math.round(result.primal[T + q]!);
      const raise = Math.round(result.primal[T + Q + q]!);
      if (lower > 0)
        relaxations.push({ category, value: value(q).name, bound: 'min', from: min, to: min - lower });
      if (raise > 0)
        relaxations.push({ category, value: value(q).name, bound: 'max', from: max, to: max + raise });
    }
    return relaxations;
  } finally {
    model.dispose();
  }
}

export function describeInfeasibility(report: FeasibilityReport): string {
  const lines = ['De quota zijn niet haalbaar met deze pool.'];
  for (const conflict of report.conflicts) lines.push(`- ${conflict.reason}`);
  if (report.relaxations.length > 0) {
    lines.push('Kleinste versoepeling die wel haalbaar is:');
    for (const r of report.relaxations) {
      lines.push(
        `- ${r.bound === 'min' ? 'verlaag het minimum' : 'verhoog het maximum'} van ${r.category}: ${r.value} van ${r.from} naar ${r.to}`,
      );
    }
  } else if (!report.relaxable) {
    lines.push('Ook binnen min_flex/max_flex is geen haalbare versoepeling te vinden.');
  }
  return lines.join('\n');
}
