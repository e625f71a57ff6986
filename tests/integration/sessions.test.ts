import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import {
  anonymous,
  buildMunicipality,
  buildUser,
  getTestApp,
  login,
  PASSWORD,
  problemOf,
} from './harness.ts';

describe('sessions', () => {
  it('logs in with a correct password and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'coordinator' });
    const response = await anonymous('POST', '/api/v1/sessions', {
      email: user.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === 'wk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
    const body = response.json();
    expect(body.user).toMatchObject({
      email: user.email,
      role: 'coordinator',
      organisation: { code: municipality.code, kind: 'municipality' },
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'viewer' });
    const { database } = await getTestApp();
    const [row] = await database.handle.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const response = await anonymous('POST', '/api/v1/sessions', { email: user.email, password: PASSWORD });
    const token = response.cookies.find((c) => c.name === 'wk_session')!.value;
    const stored = await database.handle.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(stored).toHaveLength(0);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401 problem', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'viewer' });
    const wrong = await anonymous('POST', '/api/v1/sessions', {
      email: user.email,
      password: 'not-the-password',
    });
    const unknown = await anonymous('POST', '/api/v1/sessions', {
      email: 'nobody@test.example',
      password: PASSWORD,
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(problemOf(wrong).detail).toBe(problemOf(unknown).detail);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('answers 400 with every field error on a malformed login', async () => {
    const response = await anonymous('POST', '/api/v1/sessions', { email: '', password: 5 });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('invalid_input');
    expect(problem.errors!.map((e) => e.path.join('.')).sort()).toEqual(['email', 'password']);
  });

  it('returns the current session, and 401 without one', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'partner' });
    const client = await login(user.email);
    const current = await client.request('GET', '/api/v1/sessions/current');
    expect(current.statusCode).toBe(200);
    expect(current.json().user.id).toBe(user.id);
    expect(current.json().csrfToken).toBe(client.csrfToken);
    const none = await anonymous('GET', '/api/v1/sessions/current');
    expect(none.statusCode).toBe(401);
    expect(problemOf(none).code).toBe('unauthenticated');
  });

  it('logs out: the session stops working on the server', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'coordinator' });
    const client = await login(user.email);
    expect((await client.request('GET', '/api/v1/approaches')).statusCode).toBe(200);
    const out = await client.request('DELETE', '/api/v1/sessions/current');
    expect(out.statusCode).toBe(204);
    expect((await client.request('GET', '/api/v1/approaches')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'coordinator' });
    const client = await login(user.email);
    const response = await client.request(
      'POST',
      '/api/v1/approaches',
      { title: 'Zonder token' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(problemOf(response).code).toBe('csrf');
    const logout = await client.request('DELETE', '/api/v1/sessions/current', undefined, { csrf: false });
    expect(logout.statusCode).toBe(403);
  });

  it('refuses a login posted from another origin', async () => {
    const { app } = await getTestApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { origin: 'https://evil.example', host: 'wijkkompas.test' },
      payload: { email: 'x@test.example', password: 'whatever' },
    });
    expect(response.statusCode).toBe(403);
    expect(problemOf(response).code).toBe('csrf');
  });

  it('rate-limits on the normalised e-mail: spaces and capitals do not bypass it (issue 10, finding 9)', async () => {
    const { database } = await getTestApp();
    const app = await buildApp({
      database: database.handle,
      webRoot: null,
      loginRateLimit: { max: 3, timeWindow: 60_000 },
    });
    const spellings = [
      'spaces@test.example',
      ' spaces@test.example',
      'spaces@test.example  ',
      'SPACES@test.example',
      '\tSpaces@Test.Example ',
    ];
    const statuses = [];
    for (const email of spellings) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email, password: 'guess-guess' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });

  it('rate-limits one address across e-mails (password spraying, issue 10 finding 9)', async () => {
    const { database } = await getTestApp();
    const app = await buildApp({
      database: database.handle,
      webRoot: null,
      loginRateLimit: { max: 3, maxPerAddress: 4, timeWindow: 60_000 },
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: `spray${i}@test.example`, password: 'Welkom2026!' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      remoteAddress: '192.0.2.7',
      payload: { email: 'spray9@test.example', password: 'Welkom2026!' },
    });
    expect(elsewhere.statusCode).toBe(401);
    await app.close();
  });

  it('rate-limits login attempts per address and e-mail (429 problem)', async () => {
    const { database } = await getTestApp();
    const app = await buildApp({
      database: database.handle,
      webRoot: null,
      loginRateLimit: { max: 3, timeWindow: 60_000 },
    });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: 'brute@test.example', password: 'guess-guess' },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await attempt();
    expect(problemOf(limited).code).toBe('rate_limited');
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'someone-else@test.example', password: 'guess-guess' },
    });
    expect(other.statusCode).toBe(401);
    await app.close();
  });
});
