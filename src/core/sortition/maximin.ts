/**
 * MAXIMIN: the distribution over feasible panels that maximises the smallest selection
 * probability among registrants who are on some feasible panel (Flanigan et al. 2021; the
 * reference implementation's `find_distribution_maximin`), by column generation on types.
 */
import { solveStage, type GenerationContext } from './column-generation.ts';
import type { MasterSolution } from './master.ts';

export interface TypeDistribution {
  /** Panels as counts per type, with their probabilities. */
  panels: Int32Array[];
  lambda: Float64Array;
  stages: number;
  gap: number;
}

export function computeMaximin(context: GenerationContext, unselectable: number[]): TypeDistribution {
  for (const t of unselectable) context.master.fixType(t, 0);
  const { solution, gap } = solveStage(context);
  return toTypeDistribution(context, solution, 1, gap);
}

export function toTypeDistribution(
  context: GenerationContext,
  solution: MasterSolution,
  stages: number,
  gap: number,
): TypeDistribution {
  return {
    panels: context.master.panels.slice(0, solution.lambda.length),
    lambda: solution.lambda,
    stages,
    gap,
  };
}
