/**
 * Authentication before the body is read, and body limits per route (issue 10, finding 5).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildScenario, getTestApp, problemOf } from './harness.ts';

/** A body of `megabytes` MB produced lazily, counting how much of it the server pulled. */
function countingBody(megabytes: number) {
  const chunk = Buffer.alloc(1 << 20, 0x41);
  const counter = { pulled: 0 };
  let left = megabytes;
  const stream = new Readable({
    read() {
      if (left === 0) return this.push(null);
      left -= 1;
      counter.pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, counter };
}

describe('authentication before the body (issue 10, finding 5)', () => {
  it('refuses an anonymous 63 MB upload with 401 without reading its body', async () => {
    const { app } = await getTestApp();
    const { stream, counter } = countingBody(63);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?fileName=kwb-2024.csv',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(63 << 20) },
      payload: stream,
    });
    expect(response.statusCode).toBe(401);
    expect(problemOf(response).code).toBe('unauthenticated');
    // A few chunks may be in flight; the body as a whole is never buffered.
    expect(counter.pulled).toBeLessThan(8 << 20);
  });

  it('refuses a state-changing request without CSRF token before reading its body', async () => {
    const s = await buildScenario();
    const { app } = await getTestApp();
    const cookie = s.coordinator.cookie;
    const { stream, counter } = countingBody(32);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?fileName=kwb-2024.csv',
      headers: { cookie, 'content-type': 'application/octet-stream', 'content-length': String(32 << 20) },
      payload: stream,
    });
    expect(response.statusCode).toBe(403);
    expect(counter.pulled).toBeLessThan(8 << 20);
  });
});

describe('body limits per route (issue 10, finding 5)', () => {
  it('a JSON route takes at most 1 MiB; a 2 MiB body is a 413', async () => {
    const s = await buildScenario();
    const response = await s.coordinator.request('PATCH', `/api/v1/approaches/${s.approach.id}`, {
      version: s.approach.version,
      description: 'x'.repeat(2 << 20),
    });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response).status).toBe(413);
  });

  it('a pool file upload has its own, larger limit', async () => {
    const s = await buildScenario();
    const { buildPanel } = await import('./harness.ts');
    const panel = await buildPanel(s, { pool: false });
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},vrouw,links`).join('\n');
    const csv = `id,gender,leaning\n${rows}\n`;
    expect(csv.length).toBeGreaterThan(1 << 20);
    const response = await s.coordinator.request('POST', `${panel.url}/pool-inspections`, {
      fileName: 'pool.csv',
      content: Buffer.from(csv).toString('base64'),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().rows).toBe(60_000);
  });
});
