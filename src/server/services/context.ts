/** What every service needs: the database and a clock (injectable for tests). */
import type { Database } from '../../db/client.ts';

export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceContext {
  db: Database;
  clock: Clock;
}

/** Runs `work` in one transaction: everything it writes lands together or not at all. */
export function inTransaction<T>(ctx: ServiceContext, work: (db: Database) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => work(tx as unknown as Database));
}

/** Today's date (YYYY-MM-DD) in the Netherlands, for date rules such as "not in the future". */
export function todayInNetherlands(clock: Clock): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(clock.now());
}
