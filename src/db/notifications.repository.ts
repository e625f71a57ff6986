/** NOTIFY through the ORM, so that a notification sent inside a transaction is delivered at its commit. */
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export async function notify(db: Database, channel: string, payload: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}
