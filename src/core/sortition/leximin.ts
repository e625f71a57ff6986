/**
 * LEXIMIN: among distributions over feasible panels, maximise the smallest selection probability,
 * then the second smallest, and so on (Flanigan et al. 2021, Methods "LEXIMIN"; the reference
 * implementation's `find_distribution_leximin`). Each stage maximises the minimum probability z of
 * the registrants not yet fixed, by column generation; a type whose dual y_t is positive at the
 * optimum has probability exactly z in every optimal solution (complementary slackness; Pelessoni
 * 1998, Thm 3.3, as cited by the reference implementation), so it is fixed at z; when z reaches the
 * everyone-equal bound, every unfixed type is (column-generation.ts). At least one type is fixed
 * per stage, since the duals of unfixed types sum to 1.
 */
import { solveStage, type GenerationContext } from './column-generation.ts';
import { toTypeDistribution, type TypeDistribution } from './maximin.ts';

export function computeLeximin(context: GenerationContext, unselectable: number[]): TypeDistribution {
  const { master, instance } = context;
  const T = instance.types.length;
  for (const t of unselectable) master.fixType(t, 0);
  let unfixed = T - unselectable.length;
  let stages = 0;
  let gap = 0;
  let last: ReturnType<typeof solveStage>['solution'] | undefined;
  while (unfixed > 0) {
    const stage = solveStage(context, true);
    stages++;
    gap = Math.max(gap, stage.gap);
    last = stage.solution;
    const level = Math.max(0, Math.min(1, stage.solution.z));
    for (const t of stage.tight) master.fixType(t, level);
    unfixed -= stage.tight.length;
  }
  if (!last) {
    // Every type is unselectable: impossible once a feasible panel exists, but keep the LP honest.
    last = solveStage(context).solution;
  }
  return toTypeDistribution(context, last, stages, gap);
}
