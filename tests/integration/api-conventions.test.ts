import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK } from '../../src/core/framework/index.ts';
import { getOpenApiDocument } from '../../src/server/app.ts';
import { anonymous, getTestApp, problemOf } from './harness.ts';

describe('NL API Design Rules', () => {
  it('sends API-Version on every response, errors included', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/health'],
      ['GET', '/api/v1/approaches'],
      ['GET', '/api/v1/does-not-exist'],
      ['POST', '/api/v1/sessions'],
    ] as const) {
      const response = await anonymous(method, url, method === 'POST' ? {} : undefined);
      expect(response.headers['api-version'], `${method} ${url}`).toBe('1.0.0');
    }
  });

  it('answers unknown resources and trailing slashes with a 404 problem', async () => {
    const unknown = await anonymous('GET', '/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(problemOf(unknown)).toMatchObject({
      status: 404,
      code: 'not_found',
      type: 'urn:wijkkompas:problem:not_found',
    });
    const trailing = await anonymous('GET', '/api/v1/framework/');
    expect(trailing.statusCode).toBe(404);
  });

  it('reports health with the database', async () => {
    const response = await anonymous('GET', '/api/v1/health');
    expect(response.json()).toEqual({ status: 'ok', apiVersion: '1.0.0', database: 'ok' });
  });

  it('publishes the OpenAPI 3.0 document with CORS, servers /api/v1, and API-Version on every 2xx', async () => {
    const response = await anonymous('GET', '/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers).toEqual([{ url: '/api/v1', description: 'Deze server' }]);
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/openapi.json');
    for (const path of paths) {
      expect(path).not.toMatch(/\/$/);
      expect(path).toMatch(/^(\/([a-z0-9-.]+|\{[A-Za-z]+\}))+$/);
      for (const [method, operation] of Object.entries(
        doc.paths[path] as Record<
          string,
          { responses: Record<string, { headers?: object; content?: object }> }
        >,
      )) {
        for (const [status, r] of Object.entries(operation.responses)) {
          if (/^2/.test(status))
            expect(r.headers, `${method} ${path} ${status}`).toHaveProperty('API-Version');
          if (/^[45]/.test(status))
            expect(Object.keys(r.content ?? {}), `${method} ${path} ${status}`).toEqual([
              'application/problem+json',
            ]);
        }
      }
    }
  });

  it('matches the committed docs/openapi.json (regenerate with npm run openapi)', async () => {
    const { app } = await getTestApp();
    const generated = `${JSON.stringify(getOpenApiDocument(app), null, 2)}\n`;
    expect(generated).toBe(readFileSync('docs/openapi.json', 'utf8'));
  });
});

describe('GET /api/v1/framework', () => {
  it('is public and holds the seed framework: 4 phases, 22 steps, 92 points, 6 principles, 10 success factors', async () => {
    const response = await anonymous('GET', '/api/v1/framework');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.phases.map((p: { id: string }) => p.id)).toEqual([
      'orienteren',
      'initieren',
      'ontwerpen',
      'uitvoeren',
    ]);
    expect(body.phases.flatMap((p: { steps: unknown[] }) => p.steps)).toHaveLength(22);
    expect(
      body.phases.flatMap((p: { steps: { discussionPoints: unknown[] }[] }) =>
        p.steps.flatMap((st) => st.discussionPoints),
      ),
    ).toHaveLength(92);
    expect(body.principles).toHaveLength(6);
    expect(body.successFactors).toHaveLength(10);
    expect(body).toEqual(JSON.parse(JSON.stringify(FRAMEWORK)));
    const urgency = body.phases[0].steps[0];
    expect(urgency).toMatchObject({
      id: '1.1',
      title: 'Urgentie',
      successFactorIds: ['success-factor-1'],
      principleIds: [],
    });
    expect(urgency.discussionPoints[3].text).toMatch(
      /^Voor wijken waar \(nog\) geen sprake is van urgente problemen/,
    );
  });
});
