/**
 * Background jobs through a queue in the database (decision 0901): pg-boss 10 over the app's own
 * connection (a pooled PostgreSQL connection, or the embedded PGlite through the same
 * `executeSql`), so any instance on the database may start a job, any instance with a free worker
 * runs it, and a restart loses no queued job. pg-boss keeps its tables in the schema `pgboss`
 * and migrates them itself at start.
 *
 * A handler runs on this instance's event loop: CPU-heavy work inside it goes to a worker thread
 * (panel-runner.ts). Progress, results and cancel requests live in the application's own tables,
 * which every instance reads; the queue only decides who runs what.
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/client.ts';

export interface QueuedJob<T> {
  id: string;
  data: T;
}

export interface JobQueue {
  /** Runs `handler` for jobs of `name` here, at most `concurrency` at a time; a rejection fails the job. */
  work: <T extends object>(
    name: string,
    options: { concurrency: number },
    handler: (job: QueuedJob<T>) => Promise<void>,
  ) => Promise<void>;
  /** Queues a job (`id`: a UUID of your own, e.g. the record it works on). Resolves with the job id. */
  send: <T extends object>(name: string, data: T, options?: { id?: string }) => Promise<string>;
  /** Takes a job that has not finished off the queue (no effect once it finished). */
  cancel: (name: string, id: string) => Promise<void>;
  /** 'waiting' (created or to retry), 'active', or 'done' (finished, cancelled, failed or unknown). */
  getState: (name: string, id: string) => Promise<'waiting' | 'active' | 'done'>;
  start: () => Promise<void>;
  /** Stops polling; waits up to `graceMs` for handlers to end, then fails the jobs still running. */
  stop: (graceMs?: number) => Promise<void>;
}

export interface JobQueueOptions {
  /** How often an idle worker asks the database for a job (s; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Report an error of the queue itself (a failed poll); never job data. */
  onError?: (error: Error) => void;
}

/** Longest a job may run before the queue's maintenance marks it failed (a selection may take long). */
const JOB_EXPIRE_SECONDS = 6 * 3600;

export function createJobQueue(
  database: Pick<DatabaseHandle, 'executeSql'>,
  options: JobQueueOptions = {},
): JobQueue {
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Maintenance (expiring, archiving) runs on whichever instance gets its turn first.
    supervise: true,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  const workerIds = new Map<string, string[]>();
  const queues = new Set<string>();
  let started: Promise<unknown> | undefined;

  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    await boss.createQueue(name, {
      name,
      retryLimit: 0,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    } as PgBoss.Queue);
    queues.add(name);
  };

  return {
    async start() {
      started ??= boss.start();
      await started;
    },

    async work(name, { concurrency }, handler) {
      await ensureQueue(name);
      const ids: string[] = [];
      for (let i = 0; i < concurrency; i++) {
        ids.push(
          await boss.work(name, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
            for (const job of jobs) await handler({ id: job.id, data: job.data as never });
          }),
        );
      }
      workerIds.set(name, [...(workerIds.get(name) ?? []), ...ids]);
    },

    async send(name, data, sendOptions = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
        retryLimit: 0,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      });
      if (!id) throw new Error(`De taak kon niet in de wachtrij (${name}).`);
      // A worker of this instance that waits for its next poll looks now.
      for (const workerId of workerIds.get(name) ?? []) boss.notifyWorker(workerId);
      return id;
    },

    async cancel(name, id) {
      await ensureQueue(name);
      await boss.cancel(name, id);
    },

    async getState(name, id) {
      const job = await boss.getJobById(name, id);
      if (!job) return 'done';
      if (job.state === 'active') return 'active';
      return job.state === 'created' || job.state === 'retry' ? 'waiting' : 'done';
    },

    async stop(graceMs = 10_000) {
      if (!started) return;
      await started.catch(() => undefined);
      started = undefined;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: graceMs });
    },
  };
}
