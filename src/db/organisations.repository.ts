/** Partner organisations of a municipality (the municipality itself is an organisation too). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { organisations, users } from './schema/index.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The municipality and its partner organisations, with how many active accounts each has. */
export async function listMunicipalityOrganisations(db: Database, municipalityCode: string) {
  return db
    .select({
      organisation: organisations,
      accountCount: sql<number>`(SELECT count(*)::int FROM ${users} u WHERE u.organisation_id = ${organisations.id} AND NOT u.is_disabled)`,
    })
    .from(organisations)
    .where(
      sql`${organisations.code} = ${municipalityCode} OR ${organisations.municipalityCode} = ${municipalityCode}`,
    )
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

/** Partner organisations with no municipality (left by the CLI before issue 13): the administrator links them. */
export async function listUnlinkedPartners(db: Database) {
  return db
    .select({ organisation: organisations, accountCount: sql<number>`0` })
    .from(organisations)
    .where(and(eq(organisations.kind, 'partner'), sql`${organisations.municipalityCode} IS NULL`))
    .orderBy(asc(organisations.name));
}

export async function findOrganisationByName(db: Database, municipalityCode: string, name: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.municipalityCode, municipalityCode),
        sql`lower(${organisations.name}) = lower(${name})`,
      ),
    );
  return row;
}

/** Optimistic update; undefined when the stored version differs from `expectedVersion`. */
export async function updateOrganisation(
  db: Database,
  id: string,
  expectedVersion: number,
  values: Partial<Pick<OrganisationRow, 'name' | 'partnerKind' | 'domains' | 'municipalityCode'>>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), eq(organisations.version, expectedVersion)))
    .returning();
  return row;
}
