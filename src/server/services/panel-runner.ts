/**
 * Runs the sortition engine in worker threads (node:worker_threads), so a LEXIMIN selection that
 * takes minutes never blocks the event loop. Selection runs wait in a queue (a few at a time);
 * short jobs (feasibility, alternates) start at once. Cancelling sets a flag in shared memory that
 * the engine polls inside its loops; a worker that does not stop within the grace period is
 * terminated. The runner knows nothing of the database: the panels service passes callbacks.
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

/** A queued selection run; the callbacks persist what happens (the runner awaits them in order). */
export interface BackgroundJob {
  id: string;
  /** Loads the engine input; null when there is nothing (left) to run. */
  prepare: () => Promise<JobInput | null>;
  onStart: () => Promise<void>;
  onProgress: (progress: SelectionProgress) => void;
  onResult: (result: WorkerResult) => Promise<void>;
  onError: (error: WorkerError) => Promise<void>;
  onCancelled: () => Promise<void>;
}

export interface PanelRunner {
  /** Queues a selection run. */
  submit: (job: BackgroundJob) => void;
  /** 'dequeued' (had not started), 'signalled' (running; will end as cancelled) or 'unknown'. */
  cancel: (id: string) => 'dequeued' | 'signalled' | 'unknown';
  /** Runs a short job now and resolves with its result; engine errors reject as DomainError. */
  execute: (input: JobInput) => Promise<WorkerResult>;
  /** Resolves when no run is queued or running (tests, shutdown). */
  whenIdle: () => Promise<void>;
  /** Stops every worker; running jobs end with an error ("server stopped"). */
  close: () => Promise<void>;
}

export interface PanelRunnerOptions {
  /** Selection runs at the same time (default: cores − 1, at most 2, at least 1). */
  concurrency?: number;
  /** How long a cancelled worker may take to stop by itself before it is terminated (ms). */
  cancelGraceMs?: number;
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
  const concurrency = options.concurrency ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const cancelGraceMs = options.cancelGraceMs ?? 5_000;
  const queue: BackgroundJob[] = [];
  const running = new Map<string, Handle>();
  const shortJobs = new Set<Handle>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const notifyIdle = () => {
    if (queue.length > 0 || running.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const pump = () => {
    while (!closed && running.size < concurrency && queue.length > 0) void start(queue.shift()!);
    notifyIdle();
  };

  async function start(job: BackgroundJob) {
    // Reserve the slot before anything asynchronous, so pump does not over-start.
    const placeholder = {
      worker: null as unknown as Worker,
      flag: new Int32Array(1),
      settle: () => undefined,
    } as Handle;
    running.set(job.id, placeholder);
    try {
      const input = await job.prepare();
      if (!input || placeholder.flag[0] === 1 || closed) {
        if (input && placeholder.flag[0] === 1) await job.onCancelled();
        return finish(job.id);
      }
      await job.onStart();
      // Callbacks run one after another, in the order the worker sent its messages.
      let chain = Promise.resolve();
      const handle = startWorker(input, (message) => {
        if (message.type === 'progress') {
          job.onProgress(message.progress);
          return;
        }
        chain = chain
          .then(() =>
            message.type === 'result'
              ? job.onResult(message.result)
              : message.type === 'cancelled'
                ? job.onCancelled()
                : job.onError(message.error),
          )
          .catch(() => undefined)
          .finally(() => finish(job.id));
      });
      if (placeholder.flag[0] === 1) Atomics.store(handle.flag, 0, 1);
      running.set(job.id, handle);
    } catch (error) {
      await job
        .onError({
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
          issues: [],
          data: null,
        })
        .catch(() => undefined);
      finish(job.id);
    }
  }

  function finish(id: string) {
    running.delete(id);
    pump();
  }

  return {
    submit(job) {
      if (closed) throw new Error('De selectierunner is gestopt.');
      queue.push(job);
      pump();
    },

    cancel(id) {
      const queued = queue.findIndex((job) => job.id === id);
      if (queued >= 0) {
        const [job] = queue.splice(queued, 1);
        void job!
          .onCancelled()
          .catch(() => undefined)
          .finally(notifyIdle);
        return 'dequeued';
      }
      const handle = running.get(id);
      if (!handle) return 'unknown';
      Atomics.store(handle.flag, 0, 1);
      if (handle.worker) {
        const timer = setTimeout(() => handle.settle({ type: 'cancelled' }), cancelGraceMs);
        timer.unref();
      }
      return 'signalled';
    },

    execute(input) {
      if (closed) return Promise.reject(new Error('De selectierunner is gestopt.'));
      return new Promise<WorkerResult>((resolve, reject) => {
        const handle = startWorker(input, (message) => {
          if (message.type === 'progress') return;
          shortJobs.delete(handle);
          if (message.type === 'result') resolve(message.result);
          else if (message.type === 'error') reject(toDomainError(message.error));
          else reject(new Error('De berekening is afgebroken.'));
        });
        shortJobs.add(handle);
      });
    },

    whenIdle() {
      if (queue.length === 0 && running.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },

    async close() {
      closed = true;
      const stopped: WorkerMessage = {
        type: 'error',
        error: {
          code: 'interrupted',
          message: 'De server is gestopt tijdens de berekening.',
          issues: [],
          data: null,
        },
      };
      for (const job of queue.splice(0)) await job.onError(stopped.error).catch(() => undefined);
      for (const handle of [...running.values(), ...shortJobs]) if (handle.worker) handle.settle(stopped);
      await new Promise<void>((resolve) => {
        if (running.size === 0) resolve();
        else idleWaiters.push(resolve);
      });
    },
  };
}
