/**
 * NUL characters and the log (issue 10, finding 6): a NUL in any text is a 400 naming the field;
 * a database error caused by input is a 400; no query parameter (residents' names) reaches the log.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { findSqlState, serializeErrorForLog } from '../../src/server/plugins/problem.ts';
import { buildPanel, buildScenario, getTestApp, problemOf } from './harness.ts';

describe('NUL characters and database errors (issue 10, finding 6)', () => {
  it('a NUL in a text field is a 400 naming the field, not a 500', async () => {
    const s = await buildScenario();
    const response = await s.coordinator.request('PATCH', `/api/v1/approaches/${s.approach.id}`, {
      version: s.approach.version,
      title: 'Wijk\u0000aanpak',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(problemOf(response).errors).toEqual([expect.objectContaining({ in: 'body', path: ['title'] })]);
  });

  it('a pool file with NUL characters is a 400 naming row and column, and its names stay out of the log', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false });
    const { database } = await getTestApp();
    const lines: string[] = [];
    const app = await buildApp({
      database: database.handle,
      webRoot: null,
      logLevel: 'info',
      logStream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    try {
      const csv =
        'naam,gender,leaning\nJozefientje Verbeekhoven,vrouw,links\nHarm\u0000Oosterwijk-Plas,man,rechts\n';
      const response = await app.inject({
        method: 'POST',
        url: `${panel.url}/pool-inspections`,
        headers: { cookie: s.coordinator.cookie, 'x-csrf-token': s.coordinator.csrfToken },
        payload: { fileName: 'pool.csv', content: Buffer.from(csv).toString('base64') },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(problemOf(response).errors).toEqual([expect.objectContaining({ path: ['content', 3, 'naam'] })]);
      expect(response.body).not.toContain('Oosterwijk');
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).not.toContain('Verbeekhoven');
    expect(log).not.toContain('Oosterwijk');
  });

  it('a database error keeps its SQLSTATE and loses its parameters in the log', async () => {
    const { database } = await getTestApp();
    const error = await database.handle.db.execute(sql`SELECT ${'Harm\u0000Oosterwijk'}::text AS name`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(findSqlState(error)).toMatch(/^22/);
    const logged = JSON.stringify(serializeErrorForLog(error));
    expect(logged).not.toContain('Oosterwijk');
    expect(logged).toContain('params: [not logged]');
  });
});
