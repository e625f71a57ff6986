/** Approaches, their members and cycles. */
import { and, asc, desc, eq, or, sql, exists } from 'drizzle-orm';
import type { Database } from './client.ts';
import { approachMembers, approaches, cycles, organisations, users } from './schema/index.ts';

export type ApproachRow = typeof approaches.$inferSelect;
export type CycleRow = typeof cycles.$inferSelect;
export type ApproachRoleValue = (typeof approachMembers.$inferSelect)['role'];

const approachColumns = {
  approach: approaches,
  municipalityCode: organisations.code,
  municipalityName: organisations.name,
};

/** Approaches the user can see: own municipality's, invited ones, or all for the administrator. */
export async function listVisibleApproaches(
  db: Database,
  viewer: { userId: string; organisationId: string; isAdmin: boolean },
  options: { includeArchived: boolean },
) {
  const membership = db
    .select({ one: sql`1` })
    .from(approachMembers)
    .where(and(eq(approachMembers.approachId, approaches.id), eq(approachMembers.userId, viewer.userId)));
  const visible = viewer.isAdmin
    ? sql`true`
    : or(eq(approaches.municipalityId, viewer.organisationId), exists(membership));
  const statusFilter = options.includeArchived ? sql`true` : eq(approaches.status, 'active');
  return db
    .select(approachColumns)
    .from(approaches)
    .innerJoin(organisations, eq(organisations.id, approaches.municipalityId))
    .where(and(visible, statusFilter))
    .orderBy(asc(approaches.status), asc(approaches.title));
}

export async function findApproach(db: Database, id: string) {
  const [row] = await db
    .select(approachColumns)
    .from(approaches)
    .innerJoin(organisations, eq(organisations.id, approaches.municipalityId))
    .where(eq(approaches.id, id));
  return row;
}

export async function findMembershipRole(db: Database, approachId: string, userId: string) {
  const [row] = await db
    .select({ role: approachMembers.role })
    .from(approachMembers)
    .where(and(eq(approachMembers.approachId, approachId), eq(approachMembers.userId, userId)));
  return row?.role ?? null;
}

export async function insertApproach(db: Database, values: typeof approaches.$inferInsert) {
  const [row] = await db.insert(approaches).values(values).returning();
  return row!;
}

/** Optimistic update: only when the stored version equals `expectedVersion`; returns undefined otherwise. */
export async function updateApproach(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<
    Pick<ApproachRow, 'title' | 'description' | 'focusArea' | 'focusAreaYear' | 'startDate' | 'status'>
  >,
) {
  const [row] = await db
    .update(approaches)
    .set({ ...values, version: sql`${approaches.version} + 1`, updatedAt: new Date() })
    .where(and(eq(approaches.id, id), eq(approaches.version, expectedVersion)))
    .returning();
  return row;
}

export async function listMembers(db: Database, approachId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: approachMembers.role,
      organisationName: organisations.name,
      addedAt: approachMembers.addedAt,
    })
    .from(approachMembers)
    .innerJoin(users, eq(users.id, approachMembers.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(approachMembers.approachId, approachId))
    .orderBy(asc(users.name));
}

export async function upsertMember(
  db: Database,
  values: { approachId: string; userId: string; role: ApproachRoleValue },
) {
  const [row] = await db
    .insert(approachMembers)
    .values(values)
    .onConflictDoUpdate({
      target: [approachMembers.approachId, approachMembers.userId],
      set: { role: values.role },
    })
    .returning();
  return row!;
}

export async function deleteMember(db: Database, approachId: string, userId: string) {
  const [row] = await db
    .delete(approachMembers)
    .where(and(eq(approachMembers.approachId, approachId), eq(approachMembers.userId, userId)))
    .returning();
  return row;
}

export async function listCycles(db: Database, approachId: string) {
  return db.select().from(cycles).where(eq(cycles.approachId, approachId)).orderBy(asc(cycles.number));
}

export async function findCycle(db: Database, approachId: string, number: number) {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.approachId, approachId), eq(cycles.number, number)));
  return row;
}

export async function findActiveCycle(db: Database, approachId: string) {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.approachId, approachId), eq(cycles.status, 'active')))
    .orderBy(desc(cycles.number))
    .limit(1);
  return row;
}

export async function insertCycle(db: Database, values: typeof cycles.$inferInsert) {
  const [row] = await db.insert(cycles).values(values).returning();
  return row!;
}

export async function closeCycle(db: Database, cycleId: string, at: Date) {
  const [row] = await db
    .update(cycles)
    .set({ status: 'closed', closedAt: at })
    .where(and(eq(cycles.id, cycleId), eq(cycles.status, 'active')))
    .returning();
  return row;
}

/** Locks the approach row for the rest of the transaction (serialises cycle changes and decisions). */
export async function lockApproach(db: Database, approachId: string) {
  await db.execute(sql`SELECT id FROM approaches WHERE id = ${approachId} FOR UPDATE`);
}
