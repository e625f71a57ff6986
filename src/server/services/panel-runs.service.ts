/**
 * Selection runs of a citizens' panel: started here, computed in a worker thread (panel-runner.ts),
 * polled for progress, cancellable, and recorded with their inputs (hashes, quotas, algorithm) and
 * result (the distribution over panels and its summary).
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
import type { BackgroundJob, JobInput, PanelRunner, WorkerError } from './panel-runner.ts';
import { summarizeDistribution } from './panel-summaries.ts';

type Key = { approachId: string; panelId: string };
const UNFINISHED = ['queued', 'running'] as const;

export function createPanelRunsService(ctx: ServiceContext, runner: PanelRunner) {
  /** The background job of one run: the runner calls these as the worker reports. */
  function createJob(runId: string): BackgroundJob {
    let features: string[] = [];
    let poolValues: { values: Record<string, string> }[] = [];
    let startedBy: string | null = null;
    let approachId = '';
    let writes = Promise.resolve();
    const fail = async (error: { code: string; message: string; data?: Record<string, unknown> | null }) => {
      await writes;
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
    };
    return {
      id: runId,
      async prepare(): Promise<JobInput | null> {
        const run = await findRunById(ctx.db, runId);
        if (!run || run.status !== 'queued') return null;
        const panel = await findPanel(ctx.db, run.approachId, run.panelId);
        if (!panel || panel.purgedAt || panel.poolSha256 !== run.poolSha256 || !panel.poolColumns) {
          await fail({
            code: 'conflict',
            message: 'De pool is veranderd of verwijderd voordat de selectie kon beginnen.',
          });
          return null;
        }
        const members = await listPoolMembers(ctx.db, panel.id);
        features = panel.poolColumns.featureColumns;
        poolValues = members;
        startedBy = run.startedBy;
        approachId = run.approachId;
        return {
          kind: 'select',
          algorithm: run.algorithm,
          legacySamples: run.settings.samples ?? DEFAULT_LEGACY_SAMPLES,
          randomSeed: `panel-select:${listRunInputHashes(run).join(':')}`,
          pool: members.map((m) => ({ id: m.reference, values: m.values })),
          quotas: run.quotas,
          panelSize: run.panelSize,
          householdColumns: run.householdColumns,
        };
      },
      async onStart() {
        await updateRun(ctx.db, runId, ['queued'], { status: 'running', startedAt: ctx.clock.now() });
      },
      onProgress(progress) {
        const value: RunProgress = { ...progress };
        writes = writes
          .then(() => updateRun(ctx.db, runId, ['running'], { progress: value }))
          .then(
            () => undefined,
            () => undefined,
          );
      },
      async onResult(result) {
        if (result.kind !== 'select')
          return fail({ code: 'internal', message: 'Onverwacht antwoord van de rekenthread.' });
        await writes;
        const { distribution } = result;
        const summary = summarizeDistribution(distribution, poolValues, features);
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
            actorUserId: startedBy,
            approachId,
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
      },
      onError: (error: WorkerError) => fail(error),
      async onCancelled() {
        await writes;
        await updateRun(ctx.db, runId, UNFINISHED, { status: 'cancelled', finishedAt: ctx.clock.now() });
      },
    };
  }

  async function present(
    rows: Omit<PanelRunRow, 'panelProbabilities' | 'panelMembers' | 'personProbabilities'>[],
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
      runner.submit(createJob(run.id));
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
      await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels');
        const run = await findRun(db, panel.id, key.runId);
        if (!run)
          throw new DomainError('not_found', `Selectie ${key.runId} bestaat niet bij dit burgerpanel.`);
        if (run.status !== 'queued' && run.status !== 'running') {
          throw new DomainError(
            'invalid_transition',
            `Deze selectie is al afgelopen (${run.status}); afbreken kan niet meer.`,
          );
        }
        await updateRun(db, run.id, UNFINISHED, { cancelRequestedAt: ctx.clock.now() });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_run',
          entityId: run.id,
          action: 'cancel',
          before: { status: run.status },
          after: { status: 'cancelled' },
        });
      });
      // A run this process does not know (left over from an earlier process) ends here.
      if (runner.cancel(key.runId) === 'unknown') {
        await updateRun(ctx.db, key.runId, UNFINISHED, { status: 'cancelled', finishedAt: ctx.clock.now() });
      }
      return service.getRun(actor, key);
    },

    /** Before a purge: no run may still read the pool. */
    async cancelAllForPurge(panelId: string) {
      for (const run of await listRuns(ctx.db, panelId)) {
        if (run.status !== 'queued' && run.status !== 'running') continue;
        runner.cancel(run.id);
        await updateRun(ctx.db, run.id, UNFINISHED, {
          status: 'cancelled',
          finishedAt: ctx.clock.now(),
          error: {
            code: 'purged',
            message: 'Afgebroken: de bewaartermijn van de persoonsgegevens was verstreken.',
          },
        });
      }
    },

    /** At start-up: runs of an earlier process that never finished are recorded as interrupted. */
    async recoverInterruptedRuns() {
      const left = await listUnfinishedRuns(ctx.db);
      for (const run of left) {
        await updateRun(ctx.db, run.id, UNFINISHED, {
          status: 'failed',
          finishedAt: ctx.clock.now(),
          error: {
            code: 'interrupted',
            message: 'Onderbroken: de server is herstart tijdens deze selectie. Start de selectie opnieuw.',
          },
        });
      }
      return left.length;
    },
  };
  return service;
}
