/**
 * The worker thread of the sortition runner: runs one engine call (selection, feasibility or
 * alternates) off the main thread, so the server keeps answering while LEXIMIN works for minutes.
 * Started through panel-worker.mjs (which registers tsx); see panel-runner.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import highsLoader from 'highs';
import { isDomainError } from '../../core/errors.ts';
import { createRandom } from '../../core/random.ts';
import { selectAlternates } from '../../core/sortition/alternates.ts';
import { checkFeasibility } from '../../core/sortition/feasibility.ts';
import { createHighsSolver } from '../../core/sortition/highs-solver.ts';
import { SelectionCancelledError } from '../../core/sortition/pricing.ts';
import { selectPanelDistribution } from '../../core/sortition/select-distribution.ts';
import type { CancelSignal, SelectionProgress } from '../../core/sortition/types.ts';
import type { WorkerInput, WorkerMessage } from './panel-runner.ts';

/** Progress is forwarded at most this often (ms), and always on a change of phase. */
const PROGRESS_INTERVAL_MS = 250;

async function runJob(input: WorkerInput): Promise<WorkerMessage> {
  const flag = new Int32Array(input.cancel);
  // The engine polls `aborted` inside its loops; the main thread sets the shared flag.
  const signal: CancelSignal = {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  };
  let lastSent = 0;
  let lastPhase = '';
  const onProgress = (progress: SelectionProgress) => {
    const now = performance.now();
    if (progress.phase === lastPhase && now - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = now;
    lastPhase = progress.phase;
    parentPort!.postMessage({ type: 'progress', progress } satisfies WorkerMessage);
  };
  const solver = createHighsSolver(await highsLoader());
  const common = {
    pool: input.pool,
    quotas: input.quotas,
    panelSize: input.panelSize,
    householdColumns: input.householdColumns,
    solver,
    // Random choices that fix no one's probability (LEGACY's sampling, the layout of equal
    // registrants on panels) are seeded from the input hashes, as the CLI does: same inputs, same distribution.
    random: createRandom(input.randomSeed),
  };
  switch (input.kind) {
    case 'select': {
      const distribution = await selectPanelDistribution({
        ...common,
        algorithm: input.algorithm,
        legacySamples: input.legacySamples,
        onProgress,
        signal,
      });
      return { type: 'result', result: { kind: 'select', distribution } };
    }
    case 'feasibility':
      return { type: 'result', result: { kind: 'feasibility', report: checkFeasibility(common) } };
    case 'alternates': {
      const alternates = await selectAlternates({
        ...common,
        algorithm: input.algorithm,
        selected: input.selected,
        droppedOut: input.droppedOut,
        unavailable: input.unavailable,
        seed: input.seed,
        signal,
      });
      return {
        type: 'result',
        result: {
          kind: 'alternates',
          kept: alternates.kept,
          replacements: alternates.replacements,
          panel: alternates.panel,
          ticket: alternates.draw?.ticket ?? null,
          panelIndex: alternates.draw?.panelIndex ?? null,
        },
      };
    }
  }
}

function describeError(error: unknown): WorkerMessage {
  if (error instanceof SelectionCancelledError) return { type: 'cancelled' };
  if (isDomainError(error)) {
    return {
      type: 'error',
      error: { code: error.code, message: error.message, issues: error.issues, data: error.data ?? null },
    };
  }
  return {
    type: 'error',
    error: {
      code: 'internal',
      message: error instanceof Error ? error.message : String(error),
      issues: [],
      data: null,
    },
  };
}

runJob(workerData as WorkerInput).then(
  (message) => parentPort!.postMessage(message),
  (error: unknown) => parentPort!.postMessage(describeError(error)),
);
