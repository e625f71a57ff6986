/** Invitations to an approach and password resets: one-time links stored as SHA-256 hashes. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { approaches, invitations, organisations, passwordResets, users } from './schema/index.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function insertInvitation(db: Database, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function listInvitations(db: Database, approachId: string) {
  return db
    .select({ invitation: invitations, organisationName: organisations.name, invitedByName: users.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.approachId, approachId))
    .orderBy(desc(invitations.createdAt));
}

export async function findInvitation(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.approachId, approachId), eq(invitations.id, id)));
  return row;
}

/** The invitation behind a link, with what the invited person may see before accepting. */
export async function findInvitationByTokenHash(db: Database, tokenHash: string, options = { lock: false }) {
  const query = db
    .select({
      invitation: invitations,
      approachTitle: approaches.title,
      municipalityId: approaches.municipalityId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(approaches, eq(approaches.id, invitations.approachId))
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, tokenHash));
  const [row] = options.lock ? await query.for('update', { of: invitations }) : await query;
  return row;
}

/** Marks an open invitation used; undefined when someone else used it first (single use). */
export async function markInvitationAccepted(db: Database, id: string, userId: string, at: Date) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: at, acceptedUserId: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row;
}

export async function revokeInvitation(db: Database, id: string, at: Date) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row;
}

export async function insertPasswordReset(db: Database, values: typeof passwordResets.$inferInsert) {
  const [row] = await db.insert(passwordResets).values(values).returning();
  return row!;
}

export async function findPasswordResetByTokenHash(
  db: Database,
  tokenHash: string,
  options = { lock: false },
) {
  const query = db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  const [row] = options.lock ? await query.for('update', { of: passwordResets }) : await query;
  return row;
}

/** Uses every open link of the user at once: after a reset, older links no longer work. */
export async function markPasswordResetsUsed(db: Database, userId: string, at: Date) {
  return db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
}

/** Deletes links that expired more than `olderThan` ago (housekeeping; their hashes are useless). */
export async function deleteExpiredLinks(db: Database, before: Date) {
  await db.delete(passwordResets).where(sql`${passwordResets.expiresAt} < ${before}`);
}
