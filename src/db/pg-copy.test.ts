import { describe, expect, it } from 'vitest';
import { copyRows, toCopyField } from './pg-copy.ts';

/** A stand-in for node-postgres's client and connection that records the COPY protocol messages. */
function fakeClient(serverError?: Error) {
  const sent: { query: string[]; chunks: Buffer[]; ended: boolean; failed: string | null } = {
    query: [],
    chunks: [],
    ended: false,
    failed: null,
  };
  const connection = {
    query: (text: string) => sent.query.push(text),
    sendCopyFromChunk: (chunk: Buffer) => sent.chunks.push(Buffer.from(chunk)),
    endCopyFrom: () => (sent.ended = true),
    sendCopyFail: (message: string) => (sent.failed = message),
  };
  const client = {
    connection,
    query: (submittable: unknown) => {
      const copy = submittable as {
        submit(c: typeof connection): void;
        handleCopyInResponse(c: typeof connection): void;
        handleCommandComplete(m: { text?: string }): void;
        handleError(e: Error): void;
        handleReadyForQuery(): void;
      };
      copy.submit(connection);
      copy.handleCopyInResponse(connection);
      // The server's answer: the rows it read, or the error it reports after a CopyFail.
      const lines = Buffer.concat(sent.chunks)
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      if (sent.failed !== null)
        copy.handleError(serverError ?? new Error(`COPY from stdin failed: ${sent.failed}`));
      else copy.handleCommandComplete({ text: `COPY ${lines.length}` });
      copy.handleReadyForQuery();
    },
  };
  return { client, sent };
}

describe('copyRows', () => {
  it('sends every row once, in order, in chunks of at least 64 KiB but the last', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      code: `BU${String(i).padStart(8, '0')}`,
      name: i % 7 === 0 ? null : `Buurt\t${i}`,
    }));
    const { client, sent } = fakeClient();
    const count = await copyRows(
      client,
      'regions (code, name)',
      rows,
      (r) => `${toCopyField(r.code)}\t${toCopyField(r.name)}`,
    );
    expect(count).toBe(20_000);
    expect(sent.query).toEqual(['COPY regions (code, name) FROM STDIN']);
    expect(sent.ended).toBe(true);
    expect(sent.chunks.length).toBeGreaterThan(1);
    for (const chunk of sent.chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
    // Every chunk ends a line: no row is split between two messages.
    for (const chunk of sent.chunks) expect(chunk.at(-1)).toBe(0x0a);
    const lines = Buffer.concat(sent.chunks).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('BU00000000\t\\N');
    expect(lines[1]).toBe('BU00000001\tBuurt\\t1');
    expect(lines).toHaveLength(20_000);
  });

  it('aborts the COPY when a row cannot be built, and rejects with that error', async () => {
    const { client, sent } = fakeClient();
    const rows = Array.from({ length: 50_000 }, (_, i) => i);
    const copying = copyRows(client, 'observations (value)', rows, (i) => {
      if (i === 40_000) throw new Error('rij 40000: geen getal');
      return String(i);
    });
    await expect(copying).rejects.toThrow('rij 40000: geen getal');
    expect(sent.failed).toBe('rij 40000: geen getal');
    expect(sent.ended).toBe(false);
  });
});
