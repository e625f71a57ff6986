/**
 * Selection runs of a citizens' panel: started on any instance, queued in the database (job-queue.ts),
 * computed by whichever instance takes the job in a worker thread (panel-runner.ts), polled for
 * progress, cancellable from any instance, and recorded with their inputs (hashes, quotas,
 * algorithm) and result (the distribution over panels and its summary). Decision 0901.
 */
import type { Actor } from '../../core/access/actor.ts';
import { DomainError } from '../../core/errors.ts';
import { formatSettings, type SelectionSettings } from '../../core/sortition/record.ts';
import { DEFAULT_LEGACY_SAMPLES } from '../../core/sortition/select-distribution.ts';
import { computeSha256 } from '../../core/sortition/sha256.ts';
import type { SortitionAlgorithm } from '../../core/sortition/types.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  findPanel,
  findRun,
  findRunById,
  insertRun,
  listPoolMembers,
  listRuns,
  listUnfinishedRuns,
  listUserNames,
  touchRun,
  updateRun,
  type PanelRunRow,
} from '../../db/panels.repository.ts';
import type { RunProgress } from '../../db/schema/panels.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import {
  assertNotPurged,
  listRunInputHashes,
  loadPanelFor,
  presentRun,
  requirePool,
  requireQuotas,
} from './panel-common.ts';
import type { ClusterEvents } from './cluster-events.ts';
import type { JobQueue } from './job-queue.ts';
import type { JobInput, PanelRunner, RunningJob, WorkerResult } from './panel-runner.ts';
import { summarizeDistribution } from './panel-summaries.ts';

type Key = { approachId: string; panelId: string };
const UNFINISHED = ['queued', 'running'] as const;

/** The queue of selection runs (one job per run; the job id is the run id). */
export const PANEL_RUN_QUEUE = 'panel-run';
/** How often the instance computing a run writes its heartbeat and reads a cancel request (ms). */
export const RUN_HEARTBEAT_MS = 1000;
/** A running run whose heartbeat is older than this belongs to an instance that died (ms). */
export const RUN_STALE_AFTER_MS = 30_000;

/** What runs background work: worker threads, the database's job queue, events between instances. */
export interface PanelBackground {
  runner: PanelRunner;
  queue: JobQueue;
  events: ClusterEvents;
}

export function createPanelRunsService(ctx: ServiceContext, { runner, queue, events }: PanelBackground) {
  const interrupted = {
    code: 'interrupted',
    message: 'Onderbroken: de server is herstart tijdens deze selectie. Start de selectie opnieuw.',
  };

  /**
   * One queued run, on the instance whose worker took the job: load the inputs, compute in a worker
   * thread, write progress and the result. A cancel request reaches it as a cluster event (at once)
   * or through the heartbeat (within RUN_HEARTBEAT_MS), from whichever instance it was made on.
   */
  async function runQueuedJob(runId: string): Promise<void> {
    let running: RunningJob | undefined;
    let cancelAsked = false;
    const askCancel = () => {
      cancelAsked = true;
      running?.cancel();
    };
    const unsubscribe = events.subscribe('panel-run-cancel', (key) => {
      if (key === runId) askCancel();
    });
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      const run = await findRunById(ctx.db, runId);
      if (!run || run.status !== 'queued') return;
      if (run.cancelRequestedAt) {
        await updateRun(ctx.db, runId, ['queued'], { status: 'cancelled', finishedAt: ctx.clock.now() });
        return;
      }
      const prepared = await prepareRun(run);
      if (!prepared) return;
      const now = ctx.clock.now();
      const started = await updateRun(ctx.db, runId, ['queued'], {
        status: 'running',
        startedAt: now,
        heartbeatAt: now,
      });
      // Cancelled (or purged) between the queue and here.
      if (!started) return;
      let writes = Promise.resolve();
      running = runner.start(prepared.input, (progress) => {
        const value: RunProgress = { ...progress };
        writes = writes
          .then(() => updateRun(ctx.db, runId, ['running'], { progress: value }))
          .then(
            () => undefined,
            () => undefined,
          );
      });
      if (cancelAsked) running.cancel();
      const beat = async () => {
        const alive = await touchRun(ctx.db, runId, ctx.clock.now()).catch(() => 'unknown' as const);
        if (alive === 'unknown') return;
        if (!alive || alive.cancelRequestedAt) askCancel();
      };
      await beat();
      heartbeat = setInterval(() => void beat(), RUN_HEARTBEAT_MS);
      heartbeat.unref();
      const outcome = await running.done;
      clearInterval(heartbeat);
      await writes;
      if (outcome.type === 'result') await completeRun(runId, outcome.result, prepared);
      else if (outcome.type === 'cancelled')
        await updateRun(ctx.db, runId, UNFINISHED, { status: 'cancelled', finishedAt: ctx.clock.now() });
      else await failRun(runId, outcome.error);
    } catch (error) {
      await failRun(runId, {
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
        data: null,
      }).catch(() => undefined);
    } finally {
      if (heartbeat) clearInterval(heartbeat);
      unsubscribe();
    }
  }

  async function failRun(
    runId: string,
    error: { code: string; message: string; data?: Record<string, unknown> | null },
  ) {
    const data = error.data ?? {};
    await updateRun(ctx.db, runId, UNFINISHED, {
      status: 'failed',
      finishedAt: ctx.clock.now(),
      error: {
        code: error.code,
        message: error.message,
        ...(Array.isArray(data.conflicts) ? { conflicts: data.conflicts } : {}),
        ...(Array.isArray(data.relaxations) ? { relaxations: data.relaxations } : {}),
      },
    });
  }

  type Prepared = {
    input: JobInput;
    features: string[];
    poolValues: { values: Record<string, string> }[];
    startedBy: string | null;
    approachId: string;
  };

  /** The engine input of a queued run; null (and the run failed) when its pool changed meanwhile. */
  async function prepareRun(run: PanelRunRow): Promise<Prepared | null> {
    const panel = await findPanel(ctx.db, run.approachId, run.panelId);
    if (!panel || panel.purgedAt || panel.poolSha256 !== run.poolSha256 || !panel.poolColumns) {
      await failRun(run.id, {
        code: 'conflict',
        message: 'De pool is veranderd of verwijderd voordat de selectie kon beginnen.',
      });
      return null;
    }
    const members = await listPoolMembers(ctx.db, panel.id);
    return {
      features: panel.poolColumns.featureColumns,
      poolValues: members,
      startedBy: run.startedBy,
      approachId: run.approachId,
      input: {
        kind: 'select',
        algorithm: run.algorithm,
        legacySamples: run.settings.samples ?? DEFAULT_LEGACY_SAMPLES,
        randomSeed: `panel-select:${listRunInputHashes(run).join(':')}`,
        pool: members.map((m) => ({ id: m.reference, values: m.values })),
        quotas: run.quotas,
        panelSize: run.panelSize,
        householdColumns: run.householdColumns,
      },
    };
  }

  async function completeRun(runId: string, result: WorkerResult, prepared: Prepared) {
    if (result.kind !== 'select')
      return failRun(runId, { code: 'internal', message: 'Onverwacht antwoord van de rekenthread.' });
    const { distribution } = result;
    const summary = summarizeDistribution(distribution, prepared.poolValues, prepared.features);
    await inTransaction(ctx, async (db) => {
      const updated = await updateRun(db, runId, ['running'], {
        status: 'completed',
        finishedAt: ctx.clock.now(),
        progress: {
          phase: 'final',
          iterations: distribution.stats.iterations,
          panels: distribution.stats.panelsGenerated,
          solverCalls: distribution.stats.solverCalls,
          lowerBound: summary.minProbability,
        },
        summary,
        panelProbabilities: distribution.panels.map((panel) => panel.probability),
        panelMembers: distribution.panels.map((panel) => panel.members),
        personProbabilities: distribution.probabilities,
      });
      if (!updated) return;
      await insertAuditEvent(db, {
        actorUserId: prepared.startedBy,
        approachId: prepared.approachId,
        entityType: 'panel_run',
        entityId: runId,
        action: 'complete',
        before: null,
        after: {
          algorithm: distribution.algorithm,
          minProbability: summary.minProbability,
          maxProbability: summary.maxProbability,
          panels: summary.panelCount,
        },
      });
    });
  }

  /** Whether the instance computing a running run still writes its heartbeat. */
  const isStale = (run: { startedAt: Date | null; heartbeatAt: Date | null }, staleAfterMs: number) =>
    (run.heartbeatAt ?? run.startedAt ?? new Date(0)).getTime() <= ctx.clock.now().getTime() - staleAfterMs;

  async function present(
    rows: Omit<PanelRunRow, 'panelProbabilities' | 'panelMembers' | 'personProbabilities' | 'heartbeatAt'>[],
    panel: Parameters<typeof presentRun>[1],
  ) {
    const names = await listUserNames(
      ctx.db,
      rows.flatMap((row) => (row.startedBy ? [row.startedBy] : [])),
    );
    return rows.map((row) => presentRun(row, panel, names));
  }

  const service = {
    async startRun(actor: Actor, key: Key, input: { algorithm: SortitionAlgorithm }) {
      const run = await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels', { forUpdate: true });
        assertNotPurged(panel);
        const poolInfo = requirePool(panel);
        const quotaInfo = requireQuotas(panel);
        const busy = (await listRuns(db, panel.id)).some(
          (row) => row.status === 'queued' || row.status === 'running',
        );
        if (busy)
          throw new DomainError(
            'conflict',
            'Er loopt al een selectie voor dit burgerpanel: wacht tot die klaar is of breek hem af.',
          );
        const settings: SelectionSettings = {
          algorithm: input.algorithm,
          panelSize: panel.panelSize,
          householdColumns: poolInfo.columns.householdColumns,
          idColumn: poolInfo.columns.idColumn,
          ...(input.algorithm === 'legacy' ? { samples: DEFAULT_LEGACY_SAMPLES } : {}),
        };
        const row = await insertRun(db, {
          panelId: panel.id,
          approachId: key.approachId,
          algorithm: input.algorithm,
          status: 'queued',
          poolSha256: poolInfo.sha256,
          quotasSha256: quotaInfo.sha256,
          quotas: quotaInfo.quotas,
          panelSize: panel.panelSize,
          householdColumns: poolInfo.columns.householdColumns,
          settings,
          settingsSha256: computeSha256(formatSettings(settings)),
          startedBy: actor.userId,
          createdAt: ctx.clock.now(),
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_run',
          entityId: row.id,
          action: 'start',
          before: null,
          after: {
            panelId: panel.id,
            algorithm: input.algorithm,
            inputHashes: listRunInputHashes(row),
            settings,
          },
        });
        return row;
      });
      // The row first, then the job: a run whose job never made it into the queue (a crash in
      // between) is found by recoverInterruptedRuns.
      await queue.send(PANEL_RUN_QUEUE, { runId: run.id }, { id: run.id });
      return service.getRun(actor, { ...key, runId: run.id });
    },

    async listRuns(actor: Actor, key: Key) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      return present(await listRuns(ctx.db, panel.id), panel);
    },

    async getRun(actor: Actor, key: Key & { runId: string }) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      const run = await findRun(ctx.db, panel.id, key.runId);
      if (!run) throw new DomainError('not_found', `Selectie ${key.runId} bestaat niet bij dit burgerpanel.`);
      return (await present([run], panel))[0]!;
    },

    async cancelRun(actor: Actor, key: Key & { runId: string }) {
      const run = await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels');
        const found = await findRun(db, panel.id, key.runId);
        if (!found)
          throw new DomainError('not_found', `Selectie ${key.runId} bestaat niet bij dit burgerpanel.`);
        if (found.status !== 'queued' && found.status !== 'running') {
          throw new DomainError(
            'invalid_transition',
            `Deze selectie is al afgelopen (${found.status}); afbreken kan niet meer.`,
          );
        }
        await updateRun(db, found.id, UNFINISHED, { cancelRequestedAt: ctx.clock.now() });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_run',
          entityId: found.id,
          action: 'cancel',
          before: { status: found.status },
          after: { status: 'cancelled' },
        });
        // Heard at commit by the instance computing the run, wherever that is.
        await events.publish('panel-run-cancel', found.id, db);
        return found;
      });
      if (run?.status === 'queued') {
        // Not started anywhere: off the queue, and cancelled here (a worker that took it meanwhile sees the request).
        await queue.cancel(PANEL_RUN_QUEUE, key.runId);
        await updateRun(ctx.db, key.runId, ['queued'], { status: 'cancelled', finishedAt: ctx.clock.now() });
      } else if (run && isStale(run, RUN_STALE_AFTER_MS)) {
        // Its instance died: nobody else will end it.
        await updateRun(ctx.db, key.runId, ['running'], { status: 'cancelled', finishedAt: ctx.clock.now() });
      }
      return service.getRun(actor, key);
    },

    /** Before a purge: no run may still read the pool (the instance computing one hears it at once). */
    async cancelAllForPurge(panelId: string) {
      for (const run of await listRuns(ctx.db, panelId)) {
        if (run.status !== 'queued' && run.status !== 'running') continue;
        const now = ctx.clock.now();
        await updateRun(ctx.db, run.id, UNFINISHED, {
          status: 'cancelled',
          finishedAt: now,
          cancelRequestedAt: now,
          error: {
            code: 'purged',
            message: 'Afgebroken: de bewaartermijn van de persoonsgegevens was verstreken.',
          },
        });
        await events.publish('panel-run-cancel', run.id);
        if (run.status === 'queued') await queue.cancel(PANEL_RUN_QUEUE, run.id);
      }
    },

    /** Makes this instance take selection runs from the queue (`concurrency` at a time). */
    async startWorking(concurrency: number) {
      await queue.work<{ runId: string }>(PANEL_RUN_QUEUE, { concurrency }, (job) =>
        runQueuedJob(job.data.runId),
      );
    },

    /**
     * Runs that no instance will finish are recorded as interrupted: running with a heartbeat older
     * than `staleAfterMs`, or queued for longer than that without a waiting job (the job was lost
     * with the instance that took it, or never made it into the queue). At start-up on PGlite the
     * process is the only one, so `staleAfterMs` 0 ends every run it did not start itself.
     */
    async recoverInterruptedRuns(options: { staleAfterMs: number } = { staleAfterMs: RUN_STALE_AFTER_MS }) {
      let count = 0;
      for (const run of await listUnfinishedRuns(ctx.db)) {
        const isLost =
          run.status === 'running'
            ? isStale(run, options.staleAfterMs)
            : run.createdAt.getTime() <= ctx.clock.now().getTime() - options.staleAfterMs &&
              (await queue.getState(PANEL_RUN_QUEUE, run.id)) !== 'waiting';
        if (!isLost) continue;
        const updated = await updateRun(ctx.db, run.id, [run.status], {
          status: 'failed',
          finishedAt: ctx.clock.now(),
          error: interrupted,
        });
        if (!updated) continue;
        count += 1;
        if (run.status === 'queued') await queue.cancel(PANEL_RUN_QUEUE, run.id);
      }
      return count;
    },
  };
  return service;
}
