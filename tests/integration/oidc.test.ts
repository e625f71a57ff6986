/**
 * Staff login through the organisation's identity provider (issue 10 item 4, decision 0902), against
 * a real OpenID Provider on loopback (tests/support/oidc-provider.ts): the code flow with PKCE,
 * matching and provisioning per organisation, session rotation, and every tampering the relying
 * party must refuse — state, nonce, issuer, audience, expiry, a foreign signature and `alg: none` —
 * each without a session. The log and the redirects carry no token, code or personal detail.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { OIDC_CALLBACK_PATH } from '../../src/server/oidc-config.ts';
import { startTestProvider, type TestAccount, type TestProvider } from '../support/oidc-provider.ts';
import { buildMunicipality, buildUser, getTestApp, PASSWORD } from './harness.ts';

const REDIRECT_URI = `http://127.0.0.1:8080${OIDC_CALLBACK_PATH}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let provider: TestProvider;
let secretApp: FastifyInstance;
let keyApp: FastifyInstance;
let municipality: { id: string; code: string };
let partnerMunicipality: { id: string; code: string };
const logLines: string[] = [];

/** The environment an administrator would set, through the same validation as at start-up. */
function configFor(client: 'secret' | 'key') {
  const env: Record<string, string> = {
    WIJKKOMPAS_OIDC_ISSUER: provider.issuer,
    WIJKKOMPAS_OIDC_REDIRECT_URL: REDIRECT_URI,
    WIJKKOMPAS_OIDC_SCOPE: 'openid email profile organisation',
    WIJKKOMPAS_OIDC_ORGANISATION_CLAIM: 'organisation',
    WIJKKOMPAS_OIDC_ORGANISATIONS: `gemeente-a=${municipality.code}:provision-viewer; gemeente-b=${partnerMunicipality.code}:match`,
  };
  if (client === 'secret') {
    env.WIJKKOMPAS_OIDC_CLIENT_ID = provider.secretClient.clientId;
    env.WIJKKOMPAS_OIDC_CLIENT_SECRET = provider.secretClient.clientSecret;
  } else {
    const file = join(mkdtempSync(join(tmpdir(), 'wk-oidc-')), 'client.pem');
    writeFileSync(file, provider.keyClient.privateKeyPem);
    env.WIJKKOMPAS_OIDC_CLIENT_ID = provider.keyClient.clientId;
    env.WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE = file;
    env.WIJKKOMPAS_OIDC_PRIVATE_KEY_ID = provider.keyClient.keyId;
  }
  return loadConfig(env).oidc;
}

beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: REDIRECT_URI });
  municipality = await buildMunicipality();
  partnerMunicipality = await buildMunicipality();
  const { database } = await getTestApp();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const common = { database: database.handle, webRoot: null, runConcurrency: 0, logStream, logLevel: 'info' };
  secretApp = await buildApp({ ...common, oidc: configFor('secret') });
  keyApp = await buildApp({ ...common, oidc: configFor('key') });
  await secretApp.ready();
  await keyApp.ready();
});

afterAll(async () => {
  await secretApp?.close();
  await keyApp?.close();
  await provider?.close();
});

interface Flow {
  /** The callback as the provider sent the browser to it (path and query). */
  callback: string;
  /** The login attempt cookie our app set at the start. */
  attemptCookie: string;
}

/** The browser's part: start at the app, follow the provider's redirects (with its cookies) to the callback. */
async function runProvider(app: FastifyInstance, account: TestAccount, cookie?: string): Promise<Flow> {
  provider.setAccount(account);
  const start = await app.inject({
    method: 'GET',
    url: '/api/v1/oidc/authorization?terug=/aanpakken',
    ...(cookie ? { headers: { cookie } } : {}),
  });
  expect(start.statusCode, start.body).toBe(302);
  const attemptCookie = start.cookies.find((c) => c.name === 'wk_oidc')!;
  expect(attemptCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/oidc' });
  let url = String(start.headers.location);
  const authorization = new URL(url);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  const jar = new Map<string, string>();
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(REDIRECT_URI))
      return { callback: url.slice('http://127.0.0.1:8080'.length), attemptCookie: attemptCookie.value };
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`provider stopped at ${response.status}: ${await response.text()}`);
    url = new URL(next, url).href;
  }
  throw new Error('too many redirects');
}

async function callback(app: FastifyInstance, flow: Flow, extraCookie = '') {
  return app.inject({
    method: 'GET',
    url: flow.callback,
    headers: { cookie: `wk_oidc=${flow.attemptCookie}${extraCookie}` },
  });
}

const sessionCookie = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === 'wk_session' && c.value !== '');

async function sessionsOf(email: string) {
  const { database } = await getTestApp();
  const rows = await database.handle.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE lower(u.email) = lower($1)',
    [email],
  );
  return rows[0]!.n;
}

/** A refused callback: to the login page with the reason, no session cookie, no session row. */
async function expectRefused(response: LightMyRequestResponse, reason: string, email?: string) {
  expect(response.statusCode, response.body).toBe(303);
  expect(response.headers.location).toBe(`/inloggen?fout=oidc-${reason}`);
  expect(sessionCookie(response)).toBeUndefined();
  if (email) expect(await sessionsOf(email)).toBe(0);
}

let counter = 0;
function newAccount(organisation = 'gemeente-a'): TestAccount {
  counter += 1;
  return {
    sub: `subject-${counter}-${Date.now()}`,
    email: `medewerker${counter}.${Date.now()}@gemeente.example`,
    email_verified: true,
    name: `Medewerker ${counter}`,
    organisation,
  };
}

describe('login through the identity provider', () => {
  it('offers the organisation login only when configured', async () => {
    const { app } = await getTestApp();
    expect((await app.inject({ method: 'GET', url: '/api/v1/login-methods' })).json()).toEqual({
      password: true,
      organisation: false,
    });
    expect((await secretApp.inject({ method: 'GET', url: '/api/v1/login-methods' })).json()).toEqual({
      password: true,
      organisation: true,
    });
    const off = await app.inject({ method: 'GET', url: '/api/v1/oidc/authorization' });
    expect(off.statusCode).toBe(404);
  });

  it('logs in with code + PKCE, provisions a viewer in the mapped municipality, and finds the same account next time', async () => {
    const account = newAccount();
    const response = await callback(secretApp, await runProvider(secretApp, account));
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe('/aanpakken');
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const current = await secretApp.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie: `wk_session=${cookie.value}` },
    });
    expect(current.json().user).toMatchObject({
      email: account.email,
      name: account.name,
      role: 'viewer',
      organisation: { code: municipality.code },
    });
    const again = await callback(secretApp, await runProvider(secretApp, account));
    expect(sessionCookie(again)).toBeDefined();
    const { database } = await getTestApp();
    const users = await database.handle.query<{ oidc_subject: string; password_hash: string }>(
      'SELECT oidc_subject, password_hash FROM users WHERE lower(email) = lower($1)',
      [account.email],
    );
    expect(users).toHaveLength(1);
    expect(users[0]!.oidc_subject).toBe(account.sub);
    // The provisioned account has no password that anything verifies.
    const byPassword = await secretApp.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: account.email, password: users[0]!.password_hash },
    });
    expect(byPassword.statusCode).toBe(401);
  });

  it('logs in with private_key_jwt client authentication', async () => {
    const account = newAccount();
    const response = await callback(keyApp, await runProvider(keyApp, account));
    expect(response.headers.location).toBe('/aanpakken');
    expect(sessionCookie(response)).toBeDefined();
  });

  it('matches an existing account only within the mapped organisation, and never provisions where the rule says match', async () => {
    const existing = await buildUser({ organisationCode: partnerMunicipality.code, role: 'coordinator' });
    const matched = await callback(
      secretApp,
      await runProvider(secretApp, {
        sub: `match-${existing.id}`,
        email: existing.email.toUpperCase(),
        organisation: 'gemeente-b',
      }),
    );
    expect(sessionCookie(matched)).toBeDefined();
    const { database } = await getTestApp();
    const [row] = await database.handle.query<{ oidc_subject: string }>(
      'SELECT oidc_subject FROM users WHERE id = $1',
      [existing.id],
    );
    expect(row!.oidc_subject).toBe(`match-${existing.id}`);

    // The same e-mail claimed through the other organisation's value: never across organisations.
    const elsewhere = await buildUser({ organisationCode: partnerMunicipality.code, role: 'viewer' });
    await expectRefused(
      await callback(
        secretApp,
        await runProvider(secretApp, { sub: 'x1', email: elsewhere.email, organisation: 'gemeente-a' }),
      ),
      'geen-account',
      elsewhere.email,
    );
    // 'match' does not create accounts.
    const stranger = newAccount('gemeente-b');
    await expectRefused(await callback(secretApp, await runProvider(secretApp, stranger)), 'geen-account');
    const none = await database.handle.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [
      stranger.email,
    ]);
    expect(none).toHaveLength(0);
    // An unverified e-mail is not matched.
    const unverifiedUser = await buildUser({ organisationCode: partnerMunicipality.code, role: 'viewer' });
    await expectRefused(
      await callback(
        secretApp,
        await runProvider(secretApp, {
          sub: 'x2',
          email: unverifiedUser.email,
          email_verified: false,
          organisation: 'gemeente-b',
        }),
      ),
      'geen-account',
      unverifiedUser.email,
    );
  });

  it('refuses an organisation the configuration does not name, and a missing organisation claim', async () => {
    const unknown = newAccount('gemeente-z');
    await expectRefused(await callback(secretApp, await runProvider(secretApp, unknown)), 'organisatie');
    const { organisation: _none, ...withoutClaim } = newAccount();
    await expectRefused(await callback(secretApp, await runProvider(secretApp, withoutClaim)), 'organisatie');
  });

  it('rotates the session id: the browser’s earlier session ends at the login', async () => {
    const viewer = await buildUser({ organisationCode: municipality.code, role: 'viewer' });
    const local = await secretApp.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: viewer.email, password: PASSWORD },
    });
    const earlier = sessionCookie(local)!.value;
    const flow = await runProvider(secretApp, newAccount(), `wk_session=${earlier}`);
    const response = await callback(secretApp, flow, `; wk_session=${earlier}`);
    const fresh = sessionCookie(response)!;
    expect(fresh.value).not.toBe(earlier);
    const { database } = await getTestApp();
    expect(
      await database.handle.query('SELECT 1 FROM sessions WHERE token_hash = $1', [sha256(earlier)]),
    ).toHaveLength(0);
    const old = await secretApp.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie: `wk_session=${earlier}` },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('the relying party refuses what it must (no session)', () => {
  it('a tampered state', async () => {
    const account = newAccount();
    const flow = await runProvider(secretApp, account);
    const url = new URL(flow.callback, 'http://x');
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    await expectRefused(
      await callback(secretApp, { ...flow, callback: `${url.pathname}${url.search}` }),
      'mislukt',
      account.email,
    );
  });

  it('a callback without its attempt cookie, and the same callback twice', async () => {
    const account = newAccount();
    const flow = await runProvider(secretApp, account);
    await expectRefused(
      await secretApp.inject({ method: 'GET', url: flow.callback }),
      'mislukt',
      account.email,
    );
    const second = await runProvider(secretApp, account);
    expect(sessionCookie(await callback(secretApp, second))).toBeDefined();
    await expectRefused(await callback(secretApp, second), 'mislukt');
  });

  it('a nonce in the ID token other than the one this login sent', async () => {
    const account = newAccount();
    const flow = await runProvider(secretApp, account);
    const { database } = await getTestApp();
    await database.handle.query("UPDATE oidc_login_attempts SET nonce = 'another-nonce' WHERE id_hash = $1", [
      sha256(flow.attemptCookie),
    ]);
    await expectRefused(await callback(secretApp, flow), 'mislukt', account.email);
  });

  // Each refusal must come from its own check (the log names it), not from some other failure.
  const tampering: [string, Parameters<TestProvider['tamperNextIdToken']>[0], string][] = [
    [
      'another issuer',
      { kind: 'claims', change: (c) => ({ ...c, iss: 'http://127.0.0.1:1/evil' }) },
      'unexpected JWT \\"iss\\" (issuer) claim value',
    ],
    [
      'another audience',
      { kind: 'claims', change: (c) => ({ ...c, aud: 'someone-else' }) },
      'unexpected JWT \\"aud\\" (audience) claim value',
    ],
    [
      'an expired token',
      {
        kind: 'claims',
        change: (c) => ({
          ...c,
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      },
      'unexpected JWT \\"exp\\" (expiration time) claim value',
    ],
    ['a signature by another key', { kind: 'foreign-key' }, 'JWT signature verification failed'],
    ['alg: none', { kind: 'alg-none' }, 'unexpected JWT \\"alg\\" header parameter'],
  ];
  for (const [name, tamper, expected] of tampering) {
    it(`an ID token with ${name}`, async () => {
      const account = newAccount();
      const flow = await runProvider(secretApp, account);
      provider.tamperNextIdToken(tamper);
      const before = logLines.length;
      await expectRefused(await callback(secretApp, flow), 'mislukt', account.email);
      // Refused by the ID token check itself (not a network error or a timeout).
      expect(logLines.slice(before).join('')).toContain(expected);
    });
  }

  it('an error answer of the provider', async () => {
    const start = await secretApp.inject({ method: 'GET', url: '/api/v1/oidc/authorization' });
    const attempt = start.cookies.find((c) => c.name === 'wk_oidc')!.value;
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const response = await secretApp.inject({
      method: 'GET',
      url: `${OIDC_CALLBACK_PATH}?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      headers: { cookie: `wk_oidc=${attempt}` },
    });
    await expectRefused(response, 'mislukt');
  });

  it('wrote no token, code, e-mail address or name to the log', () => {
    const log = logLines.join('');
    expect(log).toContain('oidc login refused');
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // a JWT
    expect(log).toContain('/api/v1/oidc/callback?[weggelaten]');
    expect(log).not.toMatch(/code=|id_token|access_token/);
    expect(log).not.toMatch(/@gemeente\.example|Medewerker \d/);
  });
});
