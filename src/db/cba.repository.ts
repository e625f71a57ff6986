/** MKBA cases of an approach. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { cbaCases, users } from './schema/index.ts';

export type CbaCaseRow = typeof cbaCases.$inferSelect;

export async function listCbaCases(db: Database, approachId: string, options: { includeArchived: boolean }) {
  const where = options.includeArchived
    ? eq(cbaCases.approachId, approachId)
    : and(eq(cbaCases.approachId, approachId), eq(cbaCases.status, 'active'));
  return db.select().from(cbaCases).where(where).orderBy(asc(cbaCases.name));
}

export async function findCbaCase(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select({ row: cbaCases, updatedByName: users.name })
    .from(cbaCases)
    .leftJoin(users, eq(users.id, cbaCases.updatedBy))
    .where(and(eq(cbaCases.approachId, approachId), eq(cbaCases.id, id)));
  return row;
}

export async function insertCbaCase(db: Database, values: typeof cbaCases.$inferInsert) {
  const [row] = await db.insert(cbaCases).values(values).returning();
  return row!;
}

export async function updateCbaCase(
  db: Database,
  key: { approachId: string; id: string; expectedVersion: number },
  values: Pick<CbaCaseRow, 'name' | 'caseFile' | 'status' | 'updatedBy'>,
) {
  const [row] = await db
    .update(cbaCases)
    .set({ ...values, version: sql`${cbaCases.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(cbaCases.approachId, key.approachId),
        eq(cbaCases.id, key.id),
        eq(cbaCases.version, key.expectedVersion),
      ),
    )
    .returning();
  return row;
}
