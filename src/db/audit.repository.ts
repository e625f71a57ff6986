/** Audit log: append-only record of every change, written inside the change's own transaction. */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from './client.ts';
import { auditEvents, users } from './schema/index.ts';

export interface AuditEntry {
  actorUserId: string | null;
  approachId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export async function insertAuditEvent(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: entry.actorUserId,
    approachId: entry.approachId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function listAuditEventsForApproach(
  db: Database,
  approachId: string,
  options: { limit: number; beforeId?: number | undefined },
) {
  const where = options.beforeId
    ? and(eq(auditEvents.approachId, approachId), lt(auditEvents.id, options.beforeId))
    : eq(auditEvents.approachId, approachId);
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}

export async function countAuditEvents(db: Database, filter: { entityType: string; entityId: string }) {
  const rows = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, filter.entityType), eq(auditEvents.entityId, filter.entityId)));
  return rows.length;
}
