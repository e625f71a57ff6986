/** Citizens' panels: settings, pool rows, selection runs and draws (the only SQL for them). */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { panelDraws, panelPoolMembers, panelRuns, panels, users } from './schema/index.ts';

export type PanelRow = typeof panels.$inferSelect;
export type PanelRunRow = typeof panelRuns.$inferSelect;
export type PanelDrawRow = typeof panelDraws.$inferSelect;
export type PoolMemberRow = typeof panelPoolMembers.$inferSelect;

/** Rows per INSERT when storing a pool (PostgreSQL allows 65535 parameters; 4 per row). */
const POOL_BATCH = 2000;

export async function listPanels(db: Database, approachId: string) {
  return db.select().from(panels).where(eq(panels.approachId, approachId)).orderBy(desc(panels.createdAt));
}

export async function findPanel(
  db: Database,
  approachId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(panels)
    .where(and(eq(panels.approachId, approachId), eq(panels.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPanel(db: Database, values: typeof panels.$inferInsert) {
  const [row] = await db.insert(panels).values(values).returning();
  return row!;
}

/** Optimistic update of the settings or pool: zero rows (undefined) when `expectedVersion` is stale. */
export async function updatePanelVersioned(
  db: Database,
  key: { id: string; expectedVersion: number },
  values: Partial<typeof panels.$inferInsert>,
) {
  const [row] = await db
    .update(panels)
    .set({ ...values, version: sql`${panels.version} + 1`, updatedAt: new Date() })
    .where(and(eq(panels.id, key.id), eq(panels.version, key.expectedVersion)))
    .returning();
  return row;
}

/** Optimistic update of the quotas (their own version, so editing settings does not clash with them). */
export async function updatePanelQuotas(
  db: Database,
  key: { id: string; expectedVersion: number },
  values: Pick<PanelRow, 'quotas' | 'quotasCsv' | 'quotasFileName' | 'quotasSha256' | 'updatedBy'>,
) {
  const [row] = await db
    .update(panels)
    .set({ ...values, quotasVersion: sql`${panels.quotasVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(panels.id, key.id), eq(panels.quotasVersion, key.expectedVersion)))
    .returning();
  return row;
}

export async function replacePoolMembers(
  db: Database,
  panelId: string,
  rows: Omit<PoolMemberRow, 'panelId'>[],
) {
  await db.delete(panelPoolMembers).where(eq(panelPoolMembers.panelId, panelId));
  for (let start = 0; start < rows.length; start += POOL_BATCH) {
    await db
      .insert(panelPoolMembers)
      .values(rows.slice(start, start + POOL_BATCH).map((row) => ({ ...row, panelId })));
  }
}

export async function listPoolMembers(
  db: Database,
  panelId: string,
  page?: { offset: number; limit: number },
) {
  const query = db
    .select()
    .from(panelPoolMembers)
    .where(eq(panelPoolMembers.panelId, panelId))
    .orderBy(asc(panelPoolMembers.position));
  return page ? query.offset(page.offset).limit(page.limit) : query;
}

export async function listPoolMembersAt(db: Database, panelId: string, positions: number[]) {
  if (positions.length === 0) return [];
  return db
    .select()
    .from(panelPoolMembers)
    .where(and(eq(panelPoolMembers.panelId, panelId), inArray(panelPoolMembers.position, positions)))
    .orderBy(asc(panelPoolMembers.position));
}

export async function insertRun(db: Database, values: typeof panelRuns.$inferInsert) {
  const [row] = await db.insert(panelRuns).values(values).returning();
  return row!;
}

export async function findRun(db: Database, panelId: string, id: string) {
  const [row] = await db
    .select()
    .from(panelRuns)
    .where(and(eq(panelRuns.panelId, panelId), eq(panelRuns.id, id)));
  return row;
}

export async function findRunById(db: Database, id: string) {
  const [row] = await db.select().from(panelRuns).where(eq(panelRuns.id, id));
  return row;
}

/** Runs of a panel, newest first, without the large per-person arrays. */
export async function listRuns(db: Database, panelId: string) {
  return db
    .select({
      id: panelRuns.id,
      panelId: panelRuns.panelId,
      approachId: panelRuns.approachId,
      algorithm: panelRuns.algorithm,
      status: panelRuns.status,
      poolSha256: panelRuns.poolSha256,
      quotasSha256: panelRuns.quotasSha256,
      quotas: panelRuns.quotas,
      panelSize: panelRuns.panelSize,
      householdColumns: panelRuns.householdColumns,
      settings: panelRuns.settings,
      settingsSha256: panelRuns.settingsSha256,
      progress: panelRuns.progress,
      error: panelRuns.error,
      summary: panelRuns.summary,
      startedBy: panelRuns.startedBy,
      createdAt: panelRuns.createdAt,
      startedAt: panelRuns.startedAt,
      finishedAt: panelRuns.finishedAt,
      cancelRequestedAt: panelRuns.cancelRequestedAt,
    })
    .from(panelRuns)
    .where(eq(panelRuns.panelId, panelId))
    .orderBy(desc(panelRuns.createdAt), desc(panelRuns.id));
}

/** Updates a run only while it is in one of `fromStatuses` (a finished run never changes again). */
export async function updateRun(
  db: Database,
  id: string,
  fromStatuses: readonly PanelRunRow['status'][],
  values: Partial<typeof panelRuns.$inferInsert>,
) {
  const [row] = await db
    .update(panelRuns)
    .set(values)
    .where(and(eq(panelRuns.id, id), inArray(panelRuns.status, [...fromStatuses])))
    .returning({ id: panelRuns.id, status: panelRuns.status });
  return row;
}

/**
 * The instance computing a run says it is alive; answers whether a cancel was asked (or the run
 * ended otherwise, e.g. by the purge). No row: the run is no longer running.
 */
export async function touchRun(db: Database, id: string, at: Date) {
  const [row] = await db
    .update(panelRuns)
    .set({ heartbeatAt: at })
    .where(and(eq(panelRuns.id, id), eq(panelRuns.status, 'running')))
    .returning({ cancelRequestedAt: panelRuns.cancelRequestedAt });
  return row;
}

export async function listUnfinishedRuns(db: Database) {
  return db
    .select({
      id: panelRuns.id,
      status: panelRuns.status,
      createdAt: panelRuns.createdAt,
      startedAt: panelRuns.startedAt,
      heartbeatAt: panelRuns.heartbeatAt,
    })
    .from(panelRuns)
    .where(inArray(panelRuns.status, ['queued', 'running']))
    .orderBy(asc(panelRuns.createdAt));
}

export async function countUnfinishedRuns(db: Database, panelId: string) {
  const rows = await db
    .select({ id: panelRuns.id })
    .from(panelRuns)
    .where(and(eq(panelRuns.panelId, panelId), inArray(panelRuns.status, ['queued', 'running'])));
  return rows.length;
}

export async function insertDraw(db: Database, values: typeof panelDraws.$inferInsert) {
  const [row] = await db.insert(panelDraws).values(values).returning();
  return row!;
}

export async function findDraw(db: Database, panelId: string, id: string) {
  const [row] = await db
    .select()
    .from(panelDraws)
    .where(and(eq(panelDraws.panelId, panelId), eq(panelDraws.id, id)));
  return row;
}

export async function listDraws(db: Database, panelId: string) {
  return db
    .select()
    .from(panelDraws)
    .where(eq(panelDraws.panelId, panelId))
    .orderBy(desc(panelDraws.createdAt), desc(panelDraws.id));
}

export async function listDrawsOfRun(db: Database, runId: string) {
  return db.select().from(panelDraws).where(eq(panelDraws.runId, runId)).orderBy(asc(panelDraws.createdAt));
}

export async function countDraws(db: Database, panelId: string) {
  const rows = await db.select({ id: panelDraws.id }).from(panelDraws).where(eq(panelDraws.panelId, panelId));
  return rows.length;
}

/** Panels whose retention date is today or earlier and whose personal data is still there. */
export async function listPanelsToPurge(db: Database, today: string) {
  return db
    .select({
      id: panels.id,
      approachId: panels.approachId,
      retentionUntil: panels.retentionUntil,
      poolSize: panels.poolSize,
    })
    .from(panels)
    .where(and(isNull(panels.purgedAt), lte(panels.retentionUntil, today)));
}

/** Deletes a panel's personal data; keeps settings, hashes and aggregates. */
export async function purgePanelPersonalData(db: Database, panelId: string, at: Date) {
  const deleted = await db
    .delete(panelPoolMembers)
    .where(eq(panelPoolMembers.panelId, panelId))
    .returning({ position: panelPoolMembers.position });
  await db
    .update(panelRuns)
    .set({ panelMembers: null, personProbabilities: null })
    .where(eq(panelRuns.panelId, panelId));
  await db
    .update(panelDraws)
    .set({ members: null, droppedOut: null, replacements: null })
    .where(eq(panelDraws.panelId, panelId));
  await db.update(panels).set({ purgedAt: at, updatedAt: at }).where(eq(panels.id, panelId));
  return deleted.length;
}

export async function listUserNames(db: Database, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}
