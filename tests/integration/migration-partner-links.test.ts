/**
 * Migration 0005 repairs partner organisations that `user create` left without a municipality: each
 * is linked to the one municipality whose approaches its people are members of, and the old free
 * sector text becomes a partner kind and domains. Runs the real migrations up to 0004, writes the old
 * shape of data, then runs the rest (PGlite, or a fresh database on DATABASE_URL).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/db/client.ts';

interface Migrator {
  migrate: (folder: string) => Promise<void>;
  query: <T>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

async function openMigrator(): Promise<Migrator> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = new PGlite();
    const db = drizzle(client);
    return {
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      close: () => client.close(),
    };
  }
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const name = `wk_test_migration_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const db = drizzle(pool);
  return {
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'wk-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { tag: string; idx: number }[];
  };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, stop);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0005: partner organisations linked to their municipality', () => {
  it('links a partner to the one municipality its people work in and maps the old sector', async () => {
    const db = await openMigrator();
    const early = migrationsBefore('0005_organisations_invitations');
    try {
      await db.migrate(early);
      const insertOrg = async (code: string, kind: string, sector: string | null) =>
        (
          await db.query<{ id: string }>(
            'INSERT INTO organisations (code, name, kind, sector) VALUES ($1, $1, $2, $3) RETURNING id',
            [code, kind, sector],
          )
        )[0]!.id;
      const utrecht = await insertOrg('GM0344', 'municipality', null);
      const amersfoort = await insertOrg('GM0307', 'municipality', null);
      const corp = await insertOrg('CORP', 'partner', 'wonen');
      const national = await insertOrg('RIJK', 'partner', null);
      const idle = await insertOrg('IDLE', 'partner', 'veiligheid');
      const user = async (email: string, organisationId: string) =>
        (
          await db.query<{ id: string }>(
            "INSERT INTO users (email, name, organisation_id, role, password_hash) VALUES ($1, $1, $2, 'partner', 'x') RETURNING id",
            [email, organisationId],
          )
        )[0]!.id;
      const approach = async (municipalityId: string) =>
        (
          await db.query<{ id: string }>(
            "INSERT INTO approaches (municipality_id, title, focus_area, focus_area_year, start_date) VALUES ($1, 'A', '{WK034403}', 2024, '2025-01-01') RETURNING id",
            [municipalityId],
          )
        )[0]!.id;
      const overvecht = await approach(utrecht);
      const kruiskamp = await approach(amersfoort);
      const member = (approachId: string, userId: string) =>
        db.query("INSERT INTO approach_members (approach_id, user_id, role) VALUES ($1, $2, 'partner')", [
          approachId,
          userId,
        ]);
      await member(overvecht, await user('corp1@x', corp));
      await member(overvecht, await user('corp2@x', corp));
      const rijk = await user('rijk@x', national);
      await member(overvecht, rijk);
      await member(kruiskamp, rijk);
      await user('idle@x', idle);

      await db.migrate(MIGRATIONS_FOLDER);
      const rows = await db.query<{
        code: string;
        municipality_code: string | null;
        partner_kind: string;
        domains: string[];
      }>(
        "SELECT code, municipality_code, partner_kind, domains FROM organisations WHERE kind = 'partner' ORDER BY code",
      );
      expect(rows).toEqual([
        {
          code: 'CORP',
          municipality_code: 'GM0344',
          partner_kind: 'housing_corporation',
          domains: ['housing'],
        },
        // No approach membership: nothing to go by; the administrator links it (GET /organisations?unlinked=true).
        { code: 'IDLE', municipality_code: null, partner_kind: 'police', domains: ['safety'] },
        // Members in two municipalities: ambiguous, left for the administrator.
        { code: 'RIJK', municipality_code: null, partner_kind: 'other', domains: [] },
      ]);
    } finally {
      rmSync(early, { recursive: true, force: true });
      await db.close();
    }
  });
});
