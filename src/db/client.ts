/**
 * Opens the database: embedded PGlite (default, data in a folder) or a real PostgreSQL server
 * (DATABASE_URL). Both run the same migrations from src/db/migrations.
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pgModule from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL with positional parameters (bulk loads, maintenance). */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /**
   * Runs SQL for a library that brings its own (the job queue): with parameters one statement,
   * without parameters any number of statements (the result is the last one's).
   */
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * LISTEN on a channel (database/notifications.ts explains the use). `onState(false)` when the
   * listening connection is lost (notifications may have been missed), `onState(true)` when it
   * listens again. Resolves with a function that stops listening.
   */
  listen: (
    channel: string,
    onNotify: (payload: string) => void,
    onState?: (isListening: boolean) => void,
  ) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target.url);
  return openPglite(target.dataDir);
}

async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // One process per data folder (data-dir-lock.ts); dataDir null = in memory (tests).
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const client = dataDir ? new PGlite(dataDir) : new PGlite();
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Database;
    await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      kind: 'pglite',
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      executeSql: async (text, values = []) => {
        if (values.length > 0) return client.query<Record<string, unknown>>(text, values);
        try {
          const results = await client.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        } catch (error) {
          // One connection serves everything: a script that failed inside BEGIN must not leave it aborted.
          await client.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      },
      listen: async (channel, onNotify, onState) => {
        const stop = await client.listen(channel, onNotify);
        onState?.(true);
        return stop;
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * An idle pooled connection that the server closes (a restart, a failover, an administrator's
 * pg_terminate_backend) makes the pool emit 'error'; without a listener Node ends the process.
 * The pool has already dropped that client and opens a new one on the next query, so the app
 * reports the event on stderr and carries on.
 */
export function keepPoolAliveOnIdleErrors(
  pool: { on(event: 'error', listener: (error: Error) => void): unknown },
  report: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
) {
  pool.on('error', (error) => {
    const code = (error as { code?: string }).code;
    report(
      `PostgreSQL sloot een ongebruikte verbinding${code ? ` (${code})` : ''}: ${error.message}. De volgende opdracht opent een nieuwe.`,
    );
  });
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  keepPoolAliveOnIdleErrors(pool);
  // Fail fast with a clear message when the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle(pool, { schema }) as unknown as Database;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    kind: 'postgres',
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    executeSql: async (text, values = []) => {
      const result = (await pool.query(text, values)) as unknown;
      // A script of several statements answers one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: ((last as { rows?: unknown[] } | undefined)?.rows ?? []) as Record<string, unknown>[] };
    },
    listen: async (channel, onNotify, onState) => {
      const stop = await listenOnPostgres(pg.default, url, channel, onNotify, onState);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own for as long as it listens (a pooled one goes back to the pool).
 * When that connection is lost it reports `onState(false)` and connects again after a pause, up to
 * every 5 s, until stopped.
 */
async function listenOnPostgres(
  pg: typeof pgModule,
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onState?: (isListening: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pgModule.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'wijkkompas-listen' });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${quoted}`);
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    onState?.(true);
  };
  const lost = (which: pgModule.Client) => {
    if (which !== client || stopped) return;
    client = undefined;
    onState?.(false);
    void which.end().catch(() => undefined);
    const attempt = (delayMs: number) => {
      retry = setTimeout(() => {
        if (stopped) return;
        connect().catch(() => attempt(Math.min(delayMs * 2, 5000)));
      }, delayMs);
      retry.unref();
    };
    attempt(250);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  };
}
