/**
 * The public draw of a citizens' panel, its replay, alternates for members who drop out, and the
 * export of the panel. The seed is the engine's computeDrawSeed(publicValue, [pool hash, quota
 * hash]) — anyone with the two files and the announced value gets the same panel.
 */
import type { Actor } from '../../core/access/actor.ts';
import { DomainError } from '../../core/errors.ts';
import { computeAlternatesSeed } from '../../core/sortition/alternates.ts';
import { computeDrawSeed, drawPanel } from '../../core/sortition/draw.ts';
import { formatSettings } from '../../core/sortition/record.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  findDraw,
  findRun,
  insertDraw,
  listDraws,
  listDrawsOfRun,
  listPoolMembers,
  listUserNames,
  type PanelDrawRow,
  type PanelRow,
  type PoolMemberRow,
} from '../../db/panels.repository.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';
import { assertNotPurged, listRunInputHashes, loadPanelFor, presentDraw } from './panel-common.ts';
import { writeCsv, writeXlsx, type ExportSheet } from './panel-files.ts';
import type { PanelRunner } from './panel-runner.ts';
import { composePanel } from './panel-summaries.ts';

type Key = { approachId: string; panelId: string };
export type ExportFormat = 'csv' | 'xlsx';

const STATUS_LABELS = { member: 'lid', replacement: 'vervanger', dropped_out: 'afgevallen' } as const;

export function createPanelDrawsService(ctx: ServiceContext, runner: PanelRunner) {
  async function loadCompletedRun(db: Database, panel: PanelRow, runId: string) {
    const run = await findRun(db, panel.id, runId);
    if (!run) throw new DomainError('not_found', `Selectie ${runId} bestaat niet bij dit burgerpanel.`);
    if (run.status !== 'completed' || !run.panelProbabilities) {
      throw new DomainError(
        'conflict',
        `Deze selectie is niet voltooid (${run.status}): loten kan alleen uit een voltooide selectie.`,
      );
    }
    return { ...run, panelProbabilities: run.panelProbabilities };
  }

  async function loadDraw(db: Database, panel: PanelRow, drawId: string) {
    const draw = await findDraw(db, panel.id, drawId);
    if (!draw) throw new DomainError('not_found', `Loting ${drawId} bestaat niet bij dit burgerpanel.`);
    return draw;
  }

  async function present(rows: PanelDrawRow[]) {
    const names = await listUserNames(
      ctx.db,
      rows.flatMap((row) => (row.createdBy ? [row.createdBy] : [])),
    );
    return rows.map((row) => presentDraw(row, names));
  }

  /** Pool positions of everyone who dropped out along the chain of alternates that led to `draw`. */
  async function collectEarlierDropOuts(panel: PanelRow, draw: PanelDrawRow): Promise<number[]> {
    const dropped: number[] = [];
    let current: PanelDrawRow | undefined = draw;
    while (current) {
      dropped.push(...(current.droppedOut ?? []));
      current = current.parentDrawId ? await findDraw(ctx.db, panel.id, current.parentDrawId) : undefined;
    }
    return dropped;
  }

  /** The members of a draw as rows: kept members, replacements, and (for alternates) who dropped out. */
  function listDrawRows(draw: PanelDrawRow, pool: PoolMemberRow[]) {
    const replacements = new Set(draw.replacements ?? []);
    const row = (position: number, status: keyof typeof STATUS_LABELS) => {
      const member = pool[position]!;
      return { position, reference: member.reference, values: member.values, status };
    };
    return {
      members: (draw.members ?? []).map((position) =>
        row(position, replacements.has(position) ? 'replacement' : 'member'),
      ),
      droppedOut: (draw.droppedOut ?? []).map((position) => row(position, 'dropped_out')),
    };
  }

  const service = {
    async listDraws(actor: Actor, key: Key) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      return present(await listDraws(ctx.db, panel.id));
    },

    async getDraw(actor: Actor, key: Key & { drawId: string }) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      return (await present([await loadDraw(ctx.db, panel, key.drawId)]))[0]!;
    },

    /** The public draw: one panel from a completed run's distribution, with the replayable seed. */
    async createDraw(actor: Actor, key: Key, input: { runId: string; publicValue: string }) {
      const created = await inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'manage_panels', { forUpdate: true });
        assertNotPurged(panel);
        const run = await loadCompletedRun(db, panel, input.runId);
        if (run.poolSha256 !== panel.poolSha256 || !run.panelMembers || !panel.poolColumns) {
          throw new DomainError(
            'conflict',
            'Deze selectie hoort bij een eerdere pool: start een nieuwe selectie met de huidige pool.',
          );
        }
        const inputHashes = listRunInputHashes(run);
        const seed = computeDrawSeed(input.publicValue, inputHashes);
        const drawn = drawPanel(
          { panels: run.panelProbabilities.map((probability) => ({ probability, members: [] })) },
          seed,
        );
        const members = run.panelMembers[drawn.panelIndex]!;
        const pool = await listPoolMembers(db, panel.id);
        const composition = composePanel(members, pool, panel.poolColumns.featureColumns);
        const row = await insertDraw(db, {
          panelId: panel.id,
          runId: run.id,
          approachId: key.approachId,
          kind: 'panel',
          publicValue: input.publicValue,
          seed,
          inputHashes,
          panelIndex: drawn.panelIndex,
          ticket: drawn.ticket,
          size: members.length,
          composition,
          members,
          createdBy: actor.userId,
          createdAt: ctx.clock.now(),
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_draw',
          entityId: row.id,
          action: 'draw',
          before: null,
          after: {
            runId: run.id,
            publicValue: input.publicValue,
            seed,
            inputHashes,
            panelIndex: drawn.panelIndex,
            composition,
          },
        });
        return row;
      });
      return service.getDraw(actor, { ...key, drawId: created.id });
    },

    /** Recomputes a draw without recording it, so anyone with read access can check a recorded draw. */
    async replayDraw(actor: Actor, key: Key, input: { runId: string; publicValue: string }) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'read');
      const run = await loadCompletedRun(ctx.db, panel, input.runId);
      const inputHashes = listRunInputHashes(run);
      const seed = computeDrawSeed(input.publicValue, inputHashes);
      const drawn = drawPanel(
        { panels: run.panelProbabilities.map((probability) => ({ probability, members: [] })) },
        seed,
      );
      const matching = (await listDrawsOfRun(ctx.db, run.id)).filter(
        (draw) => draw.kind === 'panel' && draw.seed === seed,
      );
      return {
        runId: run.id,
        publicValue: input.publicValue,
        seed,
        inputHashes,
        panelIndex: drawn.panelIndex,
        ticket: drawn.ticket,
        matchingDrawIds: matching.map((draw) => draw.id),
      };
    },

    /** Who was drawn (personal data): coordinators only, audited. */
    async listDrawMembers(actor: Actor, key: Key & { drawId: string }) {
      return inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'read_panel_personal_data');
        const draw = await loadDraw(db, panel, key.drawId);
        const pool = panel.purgedAt ? [] : await listPoolMembers(db, panel.id);
        const rows = panel.purgedAt ? { members: [], droppedOut: [] } : listDrawRows(draw, pool);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_draw',
          entityId: draw.id,
          action: 'view_members',
          before: null,
          after: { rows: rows.members.length + rows.droppedOut.length },
        });
        return {
          drawId: draw.id,
          purgedAt: panel.purgedAt?.toISOString() ?? null,
          columns: panel.poolColumns
            ? [...panel.poolColumns.featureColumns, ...panel.poolColumns.householdColumns]
            : [],
          ...rows,
        };
      });
    },

    /**
     * Replacements for members who dropped out, given those who stay: the engine's selectAlternates
     * re-runs the selection on the remaining places (quotas minus what the stayers fill, the pool
     * minus everyone drawn or dropped out before) and draws with a seed that binds the drop-outs
     * (computeAlternatesSeed, as `npx wijkkompas panel alternates` does).
     */
    async createAlternates(
      actor: Actor,
      key: Key & { drawId: string },
      input: { publicValue: string; droppedOut: string[] },
    ) {
      const { panel } = await loadPanelFor(ctx.db, actor, key, 'manage_panels');
      assertNotPurged(panel);
      const parent = await loadDraw(ctx.db, panel, key.drawId);
      const run = await loadCompletedRun(ctx.db, panel, parent.runId);
      if (run.poolSha256 !== panel.poolSha256 || !parent.members || !panel.poolColumns) {
        throw new DomainError('conflict', 'Deze loting hoort bij een eerdere pool.');
      }
      const pool = await listPoolMembers(ctx.db, panel.id);
      const byReference = new Map(pool.map((member) => [member.reference, member.position]));
      const members = new Set(parent.members);
      const issues = input.droppedOut.flatMap((reference, index) =>
        byReference.get(reference) !== undefined && members.has(byReference.get(reference)!)
          ? []
          : [{ path: ['droppedOut', index], message: `"${reference}" zit niet in dit panel` }],
      );
      if (new Set(input.droppedOut).size !== input.droppedOut.length)
        issues.push({ path: ['droppedOut'], message: 'een referentie staat er dubbel in' });
      if (issues.length > 0)
        throw new DomainError(
          'invalid_input',
          `Vervangers niet geloot: ${issues.map((i) => i.message).join('; ')}.`,
          { issues },
        );
      const droppedOut = input.droppedOut.map((reference) => byReference.get(reference)!);
      const inputHashes = listRunInputHashes(run);
      const seed = computeAlternatesSeed(input.publicValue, inputHashes, input.droppedOut);
      const result = await runner.execute({
        kind: 'alternates',
        algorithm: run.algorithm,
        pool: pool.map((member) => ({ id: member.reference, values: member.values })),
        quotas: run.quotas,
        panelSize: run.panelSize,
        householdColumns: run.householdColumns,
        selected: parent.members,
        droppedOut,
        unavailable: await collectEarlierDropOuts(panel, parent),
        seed,
        randomSeed: `panel-alternates:${inputHashes.join(':')}`,
      });
      if (result.kind !== 'alternates') throw new Error('unexpected worker result');
      const features = panel.poolColumns.featureColumns;
      const created = await inTransaction(ctx, async (db) => {
        await loadPanelFor(db, actor, key, 'manage_panels', { forUpdate: true });
        const row = await insertDraw(db, {
          panelId: panel.id,
          runId: run.id,
          approachId: key.approachId,
          kind: 'alternates',
          parentDrawId: parent.id,
          publicValue: input.publicValue,
          seed,
          inputHashes,
          panelIndex: result.panelIndex,
          ticket: result.ticket,
          size: result.panel.length,
          composition: composePanel(result.panel, pool, features),
          droppedOutCount: droppedOut.length,
          members: result.panel,
          droppedOut,
          replacements: result.replacements,
          createdBy: actor.userId,
          createdAt: ctx.clock.now(),
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_draw',
          entityId: row.id,
          action: 'draw_alternates',
          before: null,
          after: {
            parentDrawId: parent.id,
            publicValue: input.publicValue,
            seed,
            inputHashes,
            droppedOut: droppedOut.length,
            replacements: result.replacements.length,
          },
        });
        return row;
      });
      return service.getDraw(actor, { ...key, drawId: created.id });
    },

    /** The panel of a draw as CSV or XLSX (personal data: coordinators only, audited). */
    async exportDraw(actor: Actor, key: Key & { drawId: string }, format: ExportFormat) {
      return inTransaction(ctx, async (db) => {
        const { panel } = await loadPanelFor(db, actor, key, 'read_panel_personal_data');
        assertNotPurged(panel);
        const draw = await loadDraw(db, panel, key.drawId);
        const run = await findRun(db, panel.id, draw.runId);
        const pool = await listPoolMembers(db, panel.id);
        const columns = panel.poolColumns
          ? [...panel.poolColumns.featureColumns, ...panel.poolColumns.householdColumns]
          : [];
        const rows = listDrawRows(draw, pool);
        const table: ExportSheet = {
          name: 'Panel',
          header: ['referentie', ...columns, 'status'],
          rows: [...rows.members, ...rows.droppedOut].map((row) => [
            row.reference,
            ...columns.map((c) => row.values[c] ?? ''),
            STATUS_LABELS[row.status],
          ]),
        };
        const accountability: ExportSheet = {
          name: 'Verantwoording',
          header: ['gegeven', 'waarde'],
          rows: [
            ['burgerpanel', panel.name],
            ['loting', draw.id],
            ['soort', draw.kind === 'panel' ? 'panel' : 'vervangers'],
            ['algoritme', run?.algorithm ?? ''],
            ['publieke waarde', draw.publicValue],
            ['seed (SHA-256)', draw.seed],
            ['hash quotabestand (SHA-256)', draw.inputHashes[0] ?? ''],
            ['hash poolbestand (SHA-256)', draw.inputHashes[1] ?? ''],
            ['hash instellingen (SHA-256)', draw.inputHashes[2] ?? ''],
            ['instellingen', run ? formatSettings(run.settings) : ''],
            ['gekozen panel (index in de verdeling)', draw.panelIndex ?? ''],
            ['lot', draw.ticket ?? ''],
            ['bewaren tot', panel.retentionUntil],
          ],
        };
        const body = format === 'csv' ? writeCsv(table) : await writeXlsx([table, accountability]);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'panel_draw',
          entityId: draw.id,
          action: 'export',
          before: null,
          after: { format, rows: table.rows.length },
        });
        const stamp = todayInNetherlands(ctx.clock);
        return {
          fileName: `burgerpanel-${draw.kind === 'panel' ? 'loting' : 'vervangers'}-${stamp}.${format}`,
          contentType:
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body,
        };
      });
    },
  };
  return service;
}
