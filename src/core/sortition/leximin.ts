/**
 * LEXIMIN: among distributions over feasible panels, maximise the smallest selection probability,
 * then the second smallest, and so on (Flanigan et al. 2021, Methods "LEXIMIN"; the reference
 * implementation's `find_distribution_leximin`). Each stage maximises the minimum probability z of
 * the registrants not yet fixed, by column generation; a type whose dual y_t is positive at the
 * optimum has probability exactly z in every optimal solution (complementary slackness; Pelessoni
 * 1998, Thm 3.3, as cited by the reference implementation), so it is fixed at z. At least one type
 * is fixed per stage, since the duals of unfixed types sum to 1.
 */
import { solveStage, type GenerationContext } from './column-generation.ts';
import { toTypeDistribution, type TypeDistribution } from './maximin.ts';

/** A dual above this counts as positive (simplex duals are exact up to ~1e-9). */
const POSITIVE_DUAL = 1e-7;

export function computeLeximin(context: GenerationContext, unselectable: number[]): TypeDistribution {
  const { master, instance } = context;
  const T = instance.types.length;
  for (const t of unselectable) master.fixType(t, 0);
  let unfixed = T - unselectable.length;
  let stages = 0;
  let gap = 0;
  let last: ReturnType<typeof solveStage>['solution'] | undefined;
  while (unfixed > 0) {
    const stage = solveStage(context);
    stages++;
    gap = Math.max(gap, stage.gap);
    last = stage.solution;
    const level = Math.max(0, Math.min(1, stage.solution.z));
    let best = -1;
    const toFix: number[] = [];
    for (let t = 0; t < T; t++) {
      if (master.isFixed(t)) continue;
      const dual = stage.solution.duals[t]!;
      if (dual > POSITIVE_DUAL) toFix.push(t);
      if (best < 0 || dual > stage.solution.duals[best]!) best = t;
    }
    if (toFix.length === 0) toFix.push(best);
    for (const t of toFix) master.fixType(t, level);
    unfixed -= toFix.length;
  }
  if (!last) {
    // Every type is unselectable: impossible once a feasible panel exists, but keep the LP honest.
    last = solveStage(context).solution;
  }
  return toTypeDistribution(context, last, stages, gap);
}
