/**
 * The integer program whose feasible points are the feasible panels, on types: one variable per
 * type (how many of its registrants are on the panel, 0..size), the panel size, one row per quota
 * and one "at most one" row per household. Flanigan et al. (2021), Methods, "Integer programs".
 */
import type { SortitionInstance } from './instance.ts';
import type { ModelSpec, RowSpec } from './solver.ts';

export interface PanelModelOptions {
  isInteger: boolean;
  /** Override of the quota bounds (relaxation, alternates): [min, max] per quota index. */
  bounds?: { min: Int32Array | number[]; max: Int32Array | number[] };
}

/** Row layout: 0 = panel size, 1..Q = quotas, then households. */
export const SIZE_ROW = 0;
export const quotaRow = (q: number) => 1 + q;

export function buildPanelModelSpec(instance: SortitionInstance, options: PanelModelOptions): ModelSpec {
  const T = instance.types.length;
  const Q = instance.quotaCategory.length;
  const members: number[][] = Array.from({ length: Q }, () => []);
  instance.typeQuotas.forEach((quotas, t) => quotas.forEach((q) => members[q]!.push(t)));
  const rows: RowSpec[] = [];
  const all = Array.from({ length: T }, (_, t) => t);
  rows.push({ lower: instance.k, upper: instance.k, columns: all, values: all.map(() => 1) });
  for (let q = 0; q < Q; q++) {
    const value = instance.categories[instance.quotaCategory[q]!]!.values[instance.quotaValue[q]!]!;
    const lower = options.bounds ? options.bounds.min[q]! : value.min;
    const upper = options.bounds ? options.bounds.max[q]! : value.max;
    rows.push({ lower, upper, columns: members[q]!, values: members[q]!.map(() => 1) });
  }
  for (const household of instance.households) {
    rows.push({ lower: 0, upper: 1, columns: household, values: household.map(() => 1) });
  }
  return {
    sense: 'maximize',
    columns: instance.types.map((type) => ({
      cost: 0,
      lower: 0,
      upper: type.members.length,
      isInteger: options.isInteger,
    })),
    rows,
  };
}
