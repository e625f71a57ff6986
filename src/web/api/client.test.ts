import { describe, expect, it } from 'vitest';
import { ApiError, decodeError } from './client.ts';

function problem(status: number, body: unknown, type = 'application/problem+json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('decodeError', () => {
  it('reads a validation problem with every field error and its path', async () => {
    const error = await decodeError(
      problem(400, {
        type: 'urn:wijkkompas:problem:invalid_input',
        title: 'Ongeldige invoer',
        status: 400,
        code: 'invalid_input',
        detail: 'De invoer bevat 2 fout(en)',
        errors: [
          { in: 'body', path: ['focusArea', 3], message: 'moet een CBS-gebiedscode zijn' },
          { in: 'body', path: ['title'], message: 'minstens 3 tekens' },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_input');
    expect(error.errors).toEqual([
      { path: 'focusArea.3', segments: ['focusArea', 3], message: 'moet een CBS-gebiedscode zijn' },
      { path: 'title', segments: ['title'], message: 'minstens 3 tekens' },
    ]);
  });

  it('keeps the current record of a stale version', async () => {
    const current = { pointId: '1.1.1', version: 4 };
    const error = await decodeError(
      problem(409, { status: 409, code: 'stale_version', title: 'Conflict', detail: 'gewijzigd', current }),
    );
    expect(error.isStale).toBe(true);
    expect(error.current).toEqual(current);
  });

  it('gives a Dutch message for a response that is not problem+json', async () => {
    const error = await decodeError(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal');
    expect(error.detail).toMatch(/server/);
    expect(error.errors).toEqual([]);
    expect(error.isStale).toBe(false);
  });
});
