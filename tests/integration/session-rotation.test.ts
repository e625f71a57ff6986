/**
 * The session id is rotated at every login (issue 10 item 4; OWASP ASVS 5.0 V7.2.4): a cookie the
 * browser brought to the login — a session of its own, or one planted by someone else — never
 * becomes the logged-in session, and an earlier session of the browser ends.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser, getTestApp, PASSWORD } from './harness.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function loginWith(email: string, headers: Record<string, string> = {}) {
  const { app } = await getTestApp();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
    headers,
  });
  expect(response.statusCode, response.body).toBe(201);
  return {
    token: response.cookies.find((c) => c.name === 'wk_session')!.value,
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
  };
}

async function currentWith(token: string) {
  const { app } = await getTestApp();
  return (
    await app.inject({
      method: 'GET',
      url: '/api/v1/sessions/current',
      headers: { cookie: `wk_session=${token}` },
    })
  ).statusCode;
}

describe('session rotation at login', () => {
  it('issues a new session id at a login from a logged-in browser and ends the old session', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'viewer' });
    const first = await loginWith(user.email);
    expect(await currentWith(first.token)).toBe(200);
    const second = await loginWith(user.email, {
      cookie: `wk_session=${first.token}`,
      'x-csrf-token': first.csrfToken,
    });
    expect(second.token).not.toBe(first.token);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect(await currentWith(first.token)).toBe(401);
    expect(await currentWith(second.token)).toBe(200);
    const { database } = await getTestApp();
    const rows = await database.handle.query('SELECT 1 FROM sessions WHERE token_hash = $1', [
      sha256(first.token),
    ]);
    expect(rows).toHaveLength(0);
  });

  it('never adopts a session id planted in the browser before the login', async () => {
    const municipality = await buildMunicipality();
    const user = await buildUser({ organisationCode: municipality.code, role: 'viewer' });
    const planted = 'a'.repeat(43);
    const session = await loginWith(user.email, { cookie: `wk_session=${planted}` });
    expect(session.token).not.toBe(planted);
    expect(await currentWith(planted)).toBe(401);
    expect(await currentWith(session.token)).toBe(200);
  });
});
