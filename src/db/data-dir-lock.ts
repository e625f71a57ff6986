/**
 * The embedded database's data folder belongs to one process at a time (issue 10, finding 4): PGlite
 * has no lock of its own, and a second process writing the same folder (the CLI beside a running
 * server) corrupted it. The lock is a file in the folder, created exclusively (O_EXCL), holding the
 * owner's pid and host. A lock whose process no longer runs on this host is stale and taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'wijkkompas.lock';

export class DataDirLockedError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') }
      : null;
  } catch {
    return null; // unreadable or half written: treated as stale
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readOwner(path)?.pid === process.pid) unlinkSync(path);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner && (owner.host !== hostname() || isRunning(owner.pid))) {
      throw new DataDirLockedError(
        `De datamap ${dataDir} is in gebruik door een ander Wijkkompas-proces (pid ${owner.pid} op ${owner.host}, sinds ${owner.since}); stop dat eerst (bijvoorbeeld de server) of gebruik DATABASE_URL.`,
      );
    }
    // Stale: its process is gone. Remove it and try once more (another process may win the race).
    try {
      unlinkSync(path);
    } catch {
      // already removed by another process
    }
  }
  throw new DataDirLockedError(
    `De datamap ${dataDir} werd tegelijk door een ander proces in gebruik genomen.`,
  );
}
