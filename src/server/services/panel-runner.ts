/**
 * Runs the sortition engine in worker threads (node:worker_threads), so a LEXIMIN selection that
 * takes minutes never blocks the event loop. Selection runs are started by the job queue
 * (panel-runs.service.ts); short jobs (feasibility, alternates) start at once. Cancelling sets a
 * flag in shared memory that the engine polls inside its loops; a worker that does not stop within
 * the grace period is terminated. The runner knows nothing of the database.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../../core/errors.ts';
import type { FeasibilityReport } from '../../core/sortition/feasibility.ts';
import type {
  PanelDistribution,
  PoolMember,
  Quota,
  SelectionProgress,
  SortitionAlgorithm,
} from '../../core/sortition/types.ts';

const WORKER_ENTRY = new URL('./panel-worker.mjs', import.meta.url);

interface EngineInput {
  pool: PoolMember[];
  quotas: Quota[];
  panelSize: number;
  householdColumns: string[];
  /** Seed of the engine's random choices that fix no one's probability. */
  randomSeed: string;
}

export type JobInput =
  | (EngineInput & { kind: 'select'; algorithm: SortitionAlgorithm; legacySamples: number })
  | (EngineInput & { kind: 'feasibility' })
  | (EngineInput & {
      kind: 'alternates';
      algorithm: SortitionAlgorithm;
      selected: number[];
      droppedOut: number[];
      unavailable: number[];
      seed: string;
    });

/** What the worker receives: the job plus the shared cancel flag (one Int32). */
export type WorkerInput = JobInput & { cancel: SharedArrayBuffer };

export type WorkerResult =
  | { kind: 'select'; distribution: PanelDistribution }
  | { kind: 'feasibility'; report: FeasibilityReport }
  | {
      kind: 'alternates';
      kept: number[];
      replacements: number[];
      panel: number[];
      ticket: number | null;
      panelIndex: number | null;
    };

export interface WorkerError {
  code: string;
  message: string;
  issues: FieldIssue[];
  data: Record<string, unknown> | null;
}

export type WorkerMessage =
  | { type: 'progress'; progress: SelectionProgress }
  | { type: 'result'; result: WorkerResult }
  | { type: 'error'; error: WorkerError }
  | { type: 'cancelled' };

/** A selection computing in a worker thread. */
export interface RunningJob {
  /** Asks the engine to stop; a worker that has not stopped within the grace period is terminated. */
  cancel: () => void;
  /** The final message: result, error or cancelled. */
  done: Promise<Exclude<WorkerMessage, { type: 'progress' }>>;
}

export interface PanelRunner {
  /** Starts a selection run in a worker thread now (the job queue decides when: panel-runs.service.ts). */
  start: (input: JobInput, onProgress: (progress: SelectionProgress) => void) => RunningJob;
  /** Runs a short job now and resolves with its result; engine errors reject as DomainError. */
  execute: (input: JobInput) => Promise<WorkerResult>;
  /** Stops every worker; running jobs end with an error ("server stopped"). */
  close: () => Promise<void>;
}

export interface PanelRunnerOptions {
  /** How long a cancelled worker may take to stop by itself before it is terminated (ms). */
  cancelGraceMs?: number;
}

/** Selection runs at the same time on one instance: cores − 1, at most 2, at least 1. */
export function defaultRunConcurrency(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

interface Handle {
  worker: Worker;
  flag: Int32Array;
  settle: (message: WorkerMessage) => void;
}

const KNOWN_CODES = new Set<string>([
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'infeasible',
  'import_failed',
]);

export function toDomainError(error: WorkerError): Error {
  if (!KNOWN_CODES.has(error.code)) return new Error(`Sortition worker: ${error.message}`);
  return new DomainError(error.code as DomainErrorCode, error.message, {
    issues: error.issues,
    ...(error.data ? { data: error.data } : {}),
  });
}

/** Starts one worker for `input`; `onMessage` gets progress and exactly one final message. */
function startWorker(input: JobInput, onMessage: (message: WorkerMessage) => void): Handle {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const worker = new Worker(WORKER_ENTRY, { workerData: { ...input, cancel } satisfies WorkerInput });
  // A running selection must not keep a stopping process alive.
  worker.unref();
  let settled = false;
  const settle = (message: WorkerMessage) => {
    if (settled) return;
    if (message.type !== 'progress') {
      settled = true;
      void worker.terminate();
    }
    onMessage(message);
  };
  worker.on('message', (message: WorkerMessage) => settle(message));
  worker.on('error', (error) =>
    settle({ type: 'error', error: { code: 'internal', message: error.message, issues: [], data: null } }),
  );
  worker.on('exit', (code) =>
    settle({
      type: 'error',
      error: {
        code: 'internal',
        message: `De rekenthread stopte onverwacht (code ${code}).`,
        issues: [],
        data: null,
      },
    }),
  );
  return { worker, flag, settle };
}

export function createPanelRunner(options: PanelRunnerOptions = {}): PanelRunner {
  const cancelGraceMs = options.cancelGraceMs ?? 5_000;
  const handles = new Set<Handle>();
  let closed = false;
  const stopped = () => new Error('De selectierunner is gestopt.');

  return {
    start(input, onProgress) {
      if (closed) throw stopped();
      let resolveDone!: (message: Exclude<WorkerMessage, { type: 'progress' }>) => void;
      const done = new Promise<Exclude<WorkerMessage, { type: 'progress' }>>(
        (resolve) => (resolveDone = resolve),
      );
      const handle = startWorker(input, (message) => {
        if (message.type === 'progress') return onProgress(message.progress);
        handles.delete(handle);
        resolveDone(message);
      });
      handles.add(handle);
      let cancelled = false;
      return {
        done,
        cancel() {
          if (cancelled) return;
          cancelled = true;
          Atomics.store(handle.flag, 0, 1);
          const timer = setTimeout(() => handle.settle({ type: 'cancelled' }), cancelGraceMs);
          timer.unref();
        },
      };
    },

    execute(input) {
      if (closed) return Promise.reject(stopped());
      return new Promise<WorkerResult>((resolve, reject) => {
        const handle = startWorker(input, (message) => {
          if (message.type === 'progress') return;
          handles.delete(handle);
          if (message.type === 'result') resolve(message.result);
          else if (message.type === 'error') reject(toDomainError(message.error));
          else reject(new Error('De berekening is afgebroken.'));
        });
        handles.add(handle);
      });
    },

    async close() {
      closed = true;
      for (const handle of [...handles]) {
        handle.settle({
          type: 'error',
          error: {
            code: 'interrupted',
            message: 'De server is gestopt tijdens de berekening.',
            issues: [],
            data: null,
          },
        });
      }
    },
  };
}
