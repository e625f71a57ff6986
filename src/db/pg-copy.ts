/**
 * `COPY ... FROM STDIN` over node-postgres without another package: pg's Client accepts any
 * "submittable" (an object with submit()), which is how pg-copy-streams works too. This one sends
 * a prepared buffer in 64 KiB CopyData messages. COPY writes rows in batches (heap_multi_insert),
 * which is why bulk loads use it on PostgreSQL; PGlite has no socket and uses unnest instead
 * (measured: COPY from a blob is no faster there, see docs/benchmarks/analysis.md).
 */
import type { Database } from './client.ts';

interface CopyConnection {
  query: (text: string) => void;
  sendCopyFromChunk: (chunk: Buffer) => void;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
}

interface RawClient {
  query: (submittable: unknown) => unknown;
  connection: unknown;
}

const CHUNK = 64 * 1024;

/**
 * Sends one line per row, made by `toLine` while they are sent: each 64 KiB chunk goes to the socket
 * as soon as it is built, so the server parses and inserts one chunk while this process builds the
 * next (two cores at work instead of one after the other). A line that cannot be built aborts the
 * COPY (CopyFail) and the promise rejects with that error; nothing is written.
 */
class CopyFromRows<T> {
  callback: ((error: Error | null, result?: { rowCount: number }) => void) | undefined;
  private rowCount = 0;
  private isDone = false;
  private failure: Error | null = null;

  constructor(
    readonly text: string,
    private readonly rows: readonly T[],
    private readonly toLine: (row: T) => string,
  ) {}

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    let parts: string[] = [];
    let size = 0;
    try {
      for (const row of this.rows) {
        const line = this.toLine(row);
        parts.push(line);
        size += line.length + 1;
        if (size >= CHUNK) {
          connection.sendCopyFromChunk(Buffer.from(`${parts.join('\n')}\n`, 'utf8'));
          parts = [];
          size = 0;
        }
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      connection.sendCopyFail(this.failure.message);
      return;
    }
    if (parts.length > 0) connection.sendCopyFromChunk(Buffer.from(`${parts.join('\n')}\n`, 'utf8'));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {
    this.finish(null);
  }

  handleError(error: Error): void {
    this.finish(error);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private finish(error: Error | null): void {
    if (this.isDone) return;
    this.isDone = true;
    this.callback?.(this.failure ?? error, { rowCount: this.rowCount });
  }
}

/**
 * The node-postgres client behind a drizzle transaction, or null (PGlite, or a pool outside a
 * transaction, where a COPY could land on another connection than the rest of the work).
 */
export function getPgTransactionClient(db: Database): RawClient | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as
    Partial<RawClient> | undefined;
  if (client === undefined || typeof client.query !== 'function' || client.connection === undefined)
    return null;
  return client as RawClient;
}

/** Escapes a value for COPY's text format. */
export function toCopyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Runs `COPY <target> FROM STDIN` with one line per row (tab-separated, escaped with toCopyField),
 * built by `toLine` while the rows are sent. Returns the rows copied.
 */
export function copyRows<T>(
  client: RawClient,
  target: string,
  rows: readonly T[],
  toLine: (row: T) => string,
): Promise<number> {
  const copy = new CopyFromRows(`COPY ${target} FROM STDIN`, rows, toLine);
  return new Promise((resolve, reject) => {
    copy.callback = (error, result) => (error ? reject(error) : resolve(result?.rowCount ?? 0));
    client.query(copy);
  });
}

/** Runs `COPY <target> FROM STDIN` with finished `lines` (tab-separated, already escaped). Returns the rows copied. */
export function copyLines(client: RawClient, target: string, lines: readonly string[]): Promise<number> {
  return copyRows(client, target, lines, (line) => line);
}
