/** Stakeholder map, media image and coalition of an approach. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  boardSeats,
  coalitionMembers,
  coalitionSettings,
  mediaItems,
  organisations,
  stakeholders,
} from './schema/index.ts';

export type StakeholderRow = typeof stakeholders.$inferSelect;
export type MediaItemRow = typeof mediaItems.$inferSelect;
export type CoalitionMemberRow = typeof coalitionMembers.$inferSelect;
export type BoardSeatRow = typeof boardSeats.$inferSelect;
export type CoalitionSettingsRow = typeof coalitionSettings.$inferSelect;

const bump = (table: { version: typeof stakeholders.version }) => sql`${table.version} + 1`;

export async function listStakeholders(db: Database, approachId: string) {
  return db
    .select({ stakeholder: stakeholders, organisationName: organisations.name })
    .from(stakeholders)
    .leftJoin(organisations, eq(organisations.id, stakeholders.organisationId))
    .where(eq(stakeholders.approachId, approachId))
    .orderBy(asc(stakeholders.name));
}

export async function findStakeholder(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.approachId, approachId), eq(stakeholders.id, id)));
  return row;
}

export async function insertStakeholder(db: Database, values: typeof stakeholders.$inferInsert) {
  const [row] = await db.insert(stakeholders).values(values).returning();
  return row!;
}

export async function updateStakeholder(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<typeof stakeholders.$inferInsert>,
) {
  const [row] = await db
    .update(stakeholders)
    .set({ ...values, version: bump(stakeholders) })
    .where(and(eq(stakeholders.id, id), eq(stakeholders.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteStakeholder(db: Database, id: string) {
  await db.delete(stakeholders).where(eq(stakeholders.id, id));
}

export async function listMediaItems(db: Database, approachId: string) {
  return db
    .select()
    .from(mediaItems)
    .where(eq(mediaItems.approachId, approachId))
    .orderBy(desc(mediaItems.observedOn), asc(mediaItems.source));
}

export async function findMediaItem(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.approachId, approachId), eq(mediaItems.id, id)));
  return row;
}

export async function insertMediaItem(db: Database, values: typeof mediaItems.$inferInsert) {
  const [row] = await db.insert(mediaItems).values(values).returning();
  return row!;
}

export async function updateMediaItem(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<typeof mediaItems.$inferInsert>,
) {
  const [row] = await db
    .update(mediaItems)
    .set({ ...values, version: sql`${mediaItems.version} + 1` })
    .where(and(eq(mediaItems.id, id), eq(mediaItems.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteMediaItem(db: Database, id: string) {
  await db.delete(mediaItems).where(eq(mediaItems.id, id));
}

export async function listCoalitionMembers(db: Database, approachId: string) {
  return db
    .select({ member: coalitionMembers, organisationName: organisations.name })
    .from(coalitionMembers)
    .innerJoin(organisations, eq(organisations.id, coalitionMembers.organisationId))
    .where(eq(coalitionMembers.approachId, approachId))
    .orderBy(asc(organisations.name), asc(coalitionMembers.joinedOn));
}

export async function findCoalitionMember(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(coalitionMembers)
    .where(and(eq(coalitionMembers.approachId, approachId), eq(coalitionMembers.id, id)));
  return row;
}

export async function insertCoalitionMember(db: Database, values: typeof coalitionMembers.$inferInsert) {
  const [row] = await db.insert(coalitionMembers).values(values).returning();
  return row!;
}

export async function updateCoalitionMember(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<typeof coalitionMembers.$inferInsert>,
) {
  const [row] = await db
    .update(coalitionMembers)
    .set({ ...values, version: sql`${coalitionMembers.version} + 1` })
    .where(and(eq(coalitionMembers.id, id), eq(coalitionMembers.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteCoalitionMember(db: Database, id: string) {
  await db.delete(coalitionMembers).where(eq(coalitionMembers.id, id));
}

export async function listBoardSeats(db: Database, approachId: string) {
  return db
    .select({ seat: boardSeats, organisationName: organisations.name })
    .from(boardSeats)
    .leftJoin(organisations, eq(organisations.id, boardSeats.organisationId))
    .where(eq(boardSeats.approachId, approachId));
}

export async function findBoardSeat(db: Database, approachId: string, seat: string) {
  const [row] = await db
    .select()
    .from(boardSeats)
    .where(and(eq(boardSeats.approachId, approachId), eq(boardSeats.seat, seat)));
  return row;
}

export async function insertBoardSeat(db: Database, values: typeof boardSeats.$inferInsert) {
  const [row] = await db.insert(boardSeats).values(values).returning();
  return row!;
}

export async function updateBoardSeat(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<typeof boardSeats.$inferInsert>,
) {
  const [row] = await db
    .update(boardSeats)
    .set({ ...values, version: sql`${boardSeats.version} + 1` })
    .where(and(eq(boardSeats.id, id), eq(boardSeats.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteBoardSeat(db: Database, id: string) {
  await db.delete(boardSeats).where(eq(boardSeats.id, id));
}

export async function findCoalitionSettings(db: Database, approachId: string) {
  const [row] = await db.select().from(coalitionSettings).where(eq(coalitionSettings.approachId, approachId));
  return row;
}

/**
 * Saves the settings with optimistic concurrency. Version 0 means "never saved": the row is created
 * then; two first saves at once leave one (the primary key), the other gets no row back (stale).
 */
export async function saveCoalitionSettings(
  db: Database,
  approachId: string,
  expectedVersion: number,
  values: Omit<typeof coalitionSettings.$inferInsert, 'approachId' | 'version'>,
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(coalitionSettings)
      .values({ ...values, approachId, version: 1 })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(coalitionSettings)
    .set({ ...values, version: sql`${coalitionSettings.version} + 1` })
    .where(and(eq(coalitionSettings.approachId, approachId), eq(coalitionSettings.version, expectedVersion)))
    .returning();
  return row;
}
