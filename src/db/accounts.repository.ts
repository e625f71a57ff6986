/** Organisations, users and sessions. */
import { and, asc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { oidcLoginAttempts, organisations, sessions, users } from './schema/index.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function findOrganisationByCode(
  db: Database,
  code: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.code, code));
  return row;
}

export async function findOrganisationById(db: Database, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(db: Database, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

/** The municipality itself and the partner organisations working in it. */
export async function listOrganisationsOfMunicipality(db: Database, municipalityCode: string) {
  return db
    .select()
    .from(organisations)
    .where(or(eq(organisations.code, municipalityCode), eq(organisations.municipalityCode, municipalityCode)))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function listOrganisationsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(sql`${organisations.id} = ANY(${sql.param(ids)}::uuid[])`);
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(db: Database, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function insertSession(db: Database, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/** The live session with its user and organisation, or undefined when expired or unknown. */
export async function findLiveSession(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isDisabled, false)));
  return row;
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Database, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function findUserByOidcSubject(db: Database, issuer: string, subject: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return row;
}

/** Links an account to the identity provider's subject; only an account not yet linked (false otherwise). */
export async function linkOidcSubject(db: Database, userId: string, issuer: string, subject: string) {
  const rows = await db
    .update(users)
    .set({ oidcIssuer: issuer, oidcSubject: subject })
    .where(and(eq(users.id, userId), sql`${users.oidcSubject} IS NULL`))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function insertOidcLoginAttempt(db: Database, values: typeof oidcLoginAttempts.$inferInsert) {
  await db.insert(oidcLoginAttempts).values(values);
}

/** Takes (deletes and returns) a login attempt that has not expired; expired ones are deleted on the way. */
export async function takeOidcLoginAttempt(db: Database, idHash: string, now: Date) {
  await db.delete(oidcLoginAttempts).where(lt(oidcLoginAttempts.expiresAt, now));
  const [row] = await db.delete(oidcLoginAttempts).where(eq(oidcLoginAttempts.idHash, idHash)).returning();
  return row;
}
/** Accounts of a municipality and of its partner organisations (never a password hash). */
export async function listUsersOfMunicipality(db: Database, municipalityCode: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isDisabled: users.isDisabled,
      version: users.version,
      createdAt: users.createdAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationCode: organisations.code,
      organisationKind: organisations.kind,
      municipalityCode: organisations.municipalityCode,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(or(eq(organisations.code, municipalityCode), eq(organisations.municipalityCode, municipalityCode)))
    .orderBy(asc(users.name));
}

/** A user with their organisation (for the municipality check). */
export async function findUserWithOrganisation(db: Database, id: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row;
}

/** Optimistic update of an account; undefined when the stored version differs. */
export async function updateUser(
  db: Database,
  id: string,
  expectedVersion: number | null,
  values: Partial<Pick<UserRow, 'name' | 'role' | 'isDisabled' | 'passwordHash'>>,
) {
  const where =
    expectedVersion === null ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, expectedVersion));
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(where)
    .returning();
  return row;
}

/** Ends every session of a user (deactivation, password reset); returns the hashes for the cache. */
export async function deleteSessionsOfUser(db: Database, userId: string) {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}
