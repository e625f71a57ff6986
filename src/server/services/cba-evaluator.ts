/**
 * MKBA cases are validated and evaluated in worker threads (a piscina pool), never on the event
 * loop: the largest case the schema allows (core/cba/case-schema.ts) takes tens of milliseconds on
 * an idle machine but several hundred under load (docs/benchmarks.md, "MKBA"), and every open of a
 * case list evaluates each case. Threads start on first use and stop when idle.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CaseEvaluation } from './cba-worker.ts';

export type { CaseEvaluation };

export interface CbaEvaluator {
  evaluate: (caseFile: unknown) => Promise<CaseEvaluation>;
  close: () => Promise<void>;
}

export function createCbaEvaluator(): CbaEvaluator {
  const pool = new Piscina<unknown, CaseEvaluation>({
    filename: new URL('./cba-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 60_000,
    // A case file that is a few hundred kB: a queue of a few hundred is plenty; beyond that, refuse.
    maxQueue: 500,
  });
  return {
    evaluate: (caseFile) => pool.run(caseFile),
    close: () => pool.destroy(),
  };
}
