/**
 * Citizens' panels by lottery (capability 7): a panel's settings, its pool of registrants, quotas
 * and feasibility, and the purge of personal data on the retention date. Selection runs live in
 * panel-runs.service.ts and draws in panel-draws.service.ts; createPanelsService joins them.
 *
 * Privacy: only coordinators see registrants (read_panel_personal_data) and every such access
 * writes an audit event; partners and viewers see counts. Audit rows never hold personal data.
 */
import type { Actor } from '../../core/access/actor.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { describeInfeasibility } from '../../core/sortition/feasibility.ts';
import { parseQuotasCsv } from '../../core/sortition/read-sortition-csv.ts';
import type { Quota } from '../../core/sortition/types.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  insertPanel,
  listPanels,
  listPanelsToPurge,
  listPoolMembers,
  purgePanelPersonalData,
  replacePoolMembers,
  updatePanelQuotas,
  updatePanelVersioned,
  countDraws,
  countUnfinishedRuns,
} from '../../db/panels.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';
import {
  assertNotPurged,
  loadPanelFor,
  presentPanel,
  presentPanelSummary,
  requirePool,
  requireQuotas,
} from './panel-common.ts';
import { createPanelDrawsService } from './panel-draws.service.ts';
import { computeFileSha256, decodeBase64File, readFileTable } from './panel-files.ts';
import { checkQuotasAgainstPool, describeColumns, extractPool, type ColumnChoice } from './panel-pool.ts';
import { createPanelRunsService, type PanelBackground } from './panel-runs.service.ts';
import { countFeatureValues, writeQuotasCsv } from './panel-summaries.ts';

/** Personal data may be kept at most this many years (the retention date is required). */
export const MAX_RETENTION_YEARS = 2;

export interface PanelInput {
  name: string;
  purpose: string;
  panelSize: number;
  retentionUntil: string;
}

export interface UploadedFile {
  fileName: string;
  /** Base64. */
  content: string;
}

type Key = { approachId: string; panelId: string };

/** Whether the quotas still fit a (new) pool; quotas that do not are cleared on upload. */
function fitsPool(
  list: Quota[],
  poolInfo: { featureColumns: string[]; counts: Record<string, Record<string, number>> },
  panelSize: number,
): boolean {
  if (list.length === 0) return true;
  try {
    checkQuotasAgainstPool(list, poolInfo, panelSize, ['quotas']);
    return true;
  } catch {
    return false;
  }
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function createPanelsService(ctx: ServiceContext, background: PanelBackground) {
  const { runner } = background;
  const runs = createPanelRunsService(ctx, background);
  const draws = createPanelDrawsService(ctx, runner);

  function checkRetention(retentionUntil: string) {
    const today = todayInNetherlands(ctx.clock);
    const latest = addYears(today, MAX_RETENTION_YEARS);
    if (retentionUntil <= today || retentionUntil > latest) {
      throw new DomainError(
        'invalid_input',
        `De bewaartermijn moet na vandaag (${today}) liggen en uiterlijk ${latest} (${MAX_RETENTION_YEARS} jaar).`,
        {
          issues: [
            { path: ['retentionUntil'], message: `kies een datum na ${today} en uiterlijk ${latest}` },
          ],
        },
      );
    }
  }

  async function assertNothingRunning(db: Database, panelId: string) {
    if ((await countUnfinishedRuns(db, panelId)) > 0) {
      throw new DomainError(
        'conflict',
        'Er loopt nog een selectie voor dit burgerpanel: wacht tot die klaar is of breek hem af.',
      );
    }
  }

  const settings = {
    async list(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      return (await listPanels(ctx.db, approachId)).map(presentPanelSummary);
    },

    async get(actor: Actor, key: Key) {
      const { access, panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      return presentPanel(panel, access.permissions);
    },

    async create(actor: Actor, approachId: string, input: PanelInput) {
      checkRetention(input.retentionUntil);
      const created = await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_panels');
        const row = await insertPanel(db, {
          approachId,
          ...input,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'panel',
          entityId: row.id,
          action: 'create',
          before: null,
          after: presentPanelSummary(row),
        });
        return row;
      });
      return settings.get(actor, { approachId, panelId: created.id });
    },

    async update(actor: Actor, key: Key, input: Partial<PanelInput> & { version: number }) {
      if (input.retentionUntil !== undefined) checkRetention(input.retentionUntil);
      await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels');
        assertNotPurged(panel);
        if (
          input.panelSize !== undefined &&
          input.panelSize !== panel.panelSize &&
          (await countDraws(db, panel.id)) > 0
        ) {
          throw new DomainError(
            'conflict',
            'Er is al geloot: de panelgrootte ligt vast. Maak een nieuw burgerpanel voor een andere grootte.',
          );
        }
        const { version, ...changes } = input;
        const updated = await updatePanelVersioned(
          db,
          { id: panel.id, expectedVersion: version },
          { ...changes, updatedBy: actor.userId },
        );
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Dit burgerpanel is intussen door iemand anders gewijzigd.',
            { data: { current: presentPanelSummary(panel) } },
          );
        }
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel',
          entityId: panel.id,
          action: 'update',
          before: presentPanelSummary(panel),
          after: presentPanelSummary(updated),
        });
      });
      return settings.get(actor, key);
    },
  };

  const pool = {
    /** The columns of a pool file, so the coordinator can choose what to keep. Nothing is stored. */
    async inspect(actor: Actor, key: Key, file: UploadedFile) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'manage_panels');
      assertNotPurged(panel);
      const bytes = decodeBase64File(file.content, 'content');
      const table = await readFileTable(file.fileName, bytes);
      const sha256 = computeFileSha256(bytes);
      await insertAuditEvent(ctx.db, {
        actorUserId: actor.userId,
        approachId: key.approachId,
        entityType: 'panel',
        entityId: panel.id,
        action: 'inspect_pool_file',
        before: null,
        after: { fileName: file.fileName, sha256, rows: table.rows.length },
      });
      return {
        fileName: file.fileName,
        fileKind: table.kind,
        sha256,
        rows: table.rows.length,
        columns: describeColumns(table),
      };
    },

    /** Replaces the pool with the kept columns of the file; the other columns are dropped and named. */
    async upload(actor: Actor, key: Key, input: UploadedFile & ColumnChoice & { version: number }) {
      const bytes = decodeBase64File(input.content, 'content');
      const table = await readFileTable(input.fileName, bytes);
      const extracted = extractPool(table, input);
      const sha256 = computeFileSha256(bytes);
      const counts = countFeatureValues(extracted.members, input.featureColumns);
      let quotasReset = false;
      await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels', { forUpdate: true });
        assertNotPurged(panel);
        if ((await countDraws(db, panel.id)) > 0) {
          throw new DomainError(
            'conflict',
            'Er is al geloot uit deze pool: de pool ligt vast. Maak een nieuw burgerpanel voor een nieuwe pool.',
          );
        }
        await assertNothingRunning(db, panel.id);
        const columns = {
          idColumn: input.idColumn,
          featureColumns: input.featureColumns,
          householdColumns: input.householdColumns,
          droppedColumns: extracted.droppedColumns,
        };
        const updated = await updatePanelVersioned(
          db,
          { id: panel.id, expectedVersion: input.version },
          {
            poolFileName: input.fileName,
            poolFileKind: table.kind,
            poolSha256: sha256,
            poolSize: extracted.members.length,
            poolColumns: columns,
            poolCounts: counts,
            poolUploadedAt: ctx.clock.now(),
            updatedBy: actor.userId,
          },
        );
        if (!updated)
          throw new DomainError(
            'stale_version',
            'Dit burgerpanel is intussen door iemand anders gewijzigd.',
            { data: { current: presentPanelSummary(panel) } },
          );
        await replacePoolMembers(db, panel.id, extracted.members);
        quotasReset = !fitsPool(
          panel.quotas,
          { featureColumns: input.featureColumns, counts },
          panel.panelSize,
        );
        if (quotasReset) {
          await updatePanelQuotas(
            db,
            { id: panel.id, expectedVersion: panel.quotasVersion },
            {
              quotas: [],
              quotasCsv: null,
              quotasFileName: null,
              quotasSha256: null,
              updatedBy: actor.userId,
            },
          );
        }
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel',
          entityId: panel.id,
          action: 'upload_pool',
          before: panel.poolSha256
            ? { fileName: panel.poolFileName, sha256: panel.poolSha256, size: panel.poolSize }
            : null,
          after: { fileName: input.fileName, sha256, size: extracted.members.length, columns, quotasReset },
        });
      });
      return { panel: await settings.get(actor, key), droppedColumns: extracted.droppedColumns, quotasReset };
    },

    /** The registrants (personal data): coordinators only, and every view is audited. */
    async list(actor: Actor, key: Key, page: { offset: number; limit: number }) {
      return inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'read_panel_personal_data');
        const rows = panel.purgedAt ? [] : await listPoolMembers(db, panel.id, page);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel',
          entityId: panel.id,
          action: 'view_pool',
          before: null,
          after: { offset: page.offset, limit: page.limit, rows: rows.length },
        });
        const columns = panel.poolColumns;
        return {
          total: panel.purgedAt ? 0 : (panel.poolSize ?? 0),
          offset: page.offset,
          limit: page.limit,
          purgedAt: panel.purgedAt?.toISOString() ?? null,
          columns: columns ? [...columns.featureColumns, ...columns.householdColumns] : [],
          members: rows.map((row) => ({
            position: row.position,
            reference: row.reference,
            values: row.values,
          })),
        };
      });
    },
  };

  const quotas = {
    async set(
      actor: Actor,
      key: Key,
      input: { version: number; quotas?: Quota[] | undefined; file?: UploadedFile | undefined },
    ) {
      let list: Quota[];
      let csv: string;
      let fileName: string;
      if (input.file) {
        const text = new TextDecoder().decode(decodeBase64File(input.file.content, 'file.content'));
        try {
          list = parseQuotasCsv(text, input.file.fileName);
        } catch (error) {
          if (isDomainError(error))
            throw new DomainError('invalid_input', error.message, {
              issues: error.issues.map((i) => ({ ...i, path: ['file', 'content', ...i.path.slice(1)] })),
            });
          throw error;
        }
        csv = text;
        fileName = input.file.fileName;
      } else if (input.quotas && input.quotas.length > 0) {
        list = input.quotas.map((q) => ({
          category: q.category.trim(),
          value: q.value.trim(),
          min: q.min,
          max: q.max,
        }));
        csv = writeQuotasCsv(list);
        fileName = 'quota.csv';
      } else {
        throw new DomainError('invalid_input', 'Geef quota op, of upload een quotabestand.', {
          issues: [{ path: ['quotas'], message: 'geef minstens één quotaregel of een bestand' }],
        });
      }
      await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels');
        assertNotPurged(panel);
        const poolInfo = panel.poolColumns
          ? { featureColumns: panel.poolColumns.featureColumns, counts: panel.poolCounts ?? {} }
          : null;
        checkQuotasAgainstPool(list, poolInfo, panel.panelSize, input.file ? ['file'] : ['quotas']);
        const values = {
          quotas: list,
          quotasCsv: csv,
          quotasFileName: fileName,
          quotasSha256: computeFileSha256(new TextEncoder().encode(csv)),
          updatedBy: actor.userId,
        };
        const updated = await updatePanelQuotas(db, { id: panel.id, expectedVersion: input.version }, values);
        if (!updated) {
          throw new DomainError('stale_version', 'De quota zijn intussen door iemand anders gewijzigd.', {
            data: { current: { quotasVersion: panel.quotasVersion, quotas: panel.quotas } },
          });
        }
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel',
          entityId: panel.id,
          action: 'set_quotas',
          before: { quotas: panel.quotas, sha256: panel.quotasSha256 },
          after: { quotas: list, sha256: values.quotasSha256 },
        });
      });
      return settings.get(actor, key);
    },

    /** Whether some panel meets the quotas; if not, the engine's named conflicts and smallest relaxation. */
    async feasibility(actor: Actor, key: Key) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      assertNotPurged(panel);
      const poolInfo = requirePool(panel);
      const quotaInfo = requireQuotas(panel);
      const members = await listPoolMembers(ctx.db, panel.id);
      const result = await runner.execute({
        kind: 'feasibility',
        pool: members.map((m) => ({ id: m.reference, values: m.values })),
        quotas: quotaInfo.quotas,
        panelSize: panel.panelSize,
        householdColumns: poolInfo.columns.householdColumns,
        randomSeed: 'feasibility',
      });
      if (result.kind !== 'feasibility') throw new Error('unexpected worker result');
      const report = result.report;
      return {
        ...report,
        message: report.feasible ? 'De quota zijn haalbaar met deze pool.' : describeInfeasibility(report),
      };
    },
  };

  return {
    ...settings,
    inspectPoolFile: pool.inspect,
    uploadPool: pool.upload,
    listPool: pool.list,
    setQuotas: quotas.set,
    checkFeasibility: quotas.feasibility,
    ...runs,
    ...draws,
    runner,

    /**
     * Deletes the personal data of every panel whose retention date has come (today in the
     * Netherlands, from the injected clock). Runs at start-up and every hour. Returns the panels purged.
     */
    async purgeExpired(): Promise<{ panelId: string; rowsDeleted: number }[]> {
      const today = todayInNetherlands(ctx.clock);
      const due = await listPanelsToPurge(ctx.db, today);
      const purged: { panelId: string; rowsDeleted: number }[] = [];
      for (const panel of due) {
        await runs.cancelAllForPurge(panel.id);
        const rowsDeleted = await inTransaction(ctx, async (db) => {
          const deleted = await purgePanelPersonalData(db, panel.id, ctx.clock.now());
          await insertAuditEvent(db, {
            actorUserId: null,
            approachId: panel.approachId,
            entityType: 'panel',
            entityId: panel.id,
            action: 'purge_personal_data',
            before: null,
            after: { retentionUntil: panel.retentionUntil, rowsDeleted: deleted, purgedOn: today },
          });
          return deleted;
        });
        purged.push({ panelId: panel.id, rowsDeleted });
      }
      return purged;
    },
  };
}

export type PanelsService = ReturnType<typeof createPanelsService>;
