/**
 * Invitations and password resets (issue 13): one-time links, stored hashed, single use, expiring;
 * e-mail through a local SMTP sink; tokens never in logs; rate-limited; deactivation ends sessions.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import type { Clock } from '../../src/server/services/context.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { anonymous, buildScenario, getTestApp, login, PASSWORD, problemOf, type Client } from './harness.ts';

const NEW_PASSWORD = 'een-heel-nieuw-wachtwoord';
const tokenOf = (url: string) => url.split('/').pop()!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A second app on the shared database, with its own clock, mailer, log stream or limits. */
async function buildExtraApp(options: Partial<Parameters<typeof buildApp>[0]>) {
  const { database } = await getTestApp();
  const app = await buildApp({ database: database.handle, webRoot: null, ...options });
  await app.ready();
  return app;
}

const offsetClock = (hours: number): Clock => ({ now: () => new Date(Date.now() + hours * 3_600_000) });

async function invite(coordinator: Client, approachId: string, body: Record<string, unknown>) {
  const response = await coordinator.request('POST', `/api/v1/approaches/${approachId}/invitations`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    id: string;
    acceptUrl: string;
    expiresAt: string;
    emailSent: boolean;
    state: string;
  };
}

describe('invitations', () => {
  it('invites a new person who accepts once, sets name and password, logs in and has the role', async () => {
    const s = await buildScenario();
    const before = Date.now();
    const created = await invite(s.coordinator, s.approach.id, {
      email: 'Nieuwe.Partner@Test.example',
      role: 'partner',
      organisationId: s.partnerOrg.id,
    });
    expect(Object.keys(created)).toEqual(expect.arrayContaining(['id', 'acceptUrl', 'expiresAt']));
    expect(created.emailSent).toBe(false);
    const token = tokenOf(created.acceptUrl);
    expect(created.acceptUrl).toBe(`http://localhost:80/uitnodiging/${token}`);
    // 32 random bytes in base64url = 256 bits (at least 128 required).
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Valid for 7 days (168 hours) from now.
    const hours = (Date.parse(created.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(167.9);
    expect(hours).toBeLessThanOrEqual(168.01);

    const preview = await anonymous('GET', `/api/v1/invitations/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      approachTitle: 'Wijkaanpak Testwijk',
      organisationName: s.partnerOrg.name,
      role: 'partner',
      hasAccount: false,
    });

    const accepted = await anonymous('POST', `/api/v1/invitations/${token}/acceptance`, {
      name: 'Noor Visser',
      password: NEW_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ approachId: s.approach.id, role: 'partner', isNewAccount: true });

    const partner = await login('nieuwe.partner@test.example', NEW_PASSWORD);
    const approach = await partner.request('GET', `/api/v1/approaches/${s.approach.id}`);
    expect(approach.statusCode).toBe(200);
    expect(approach.json().myRole).toBe('partner');
    const session = (await partner.request('GET', '/api/v1/sessions/current')).json();
    expect(session.user).toMatchObject({
      name: 'Noor Visser',
      role: 'partner',
      organisation: { id: s.partnerOrg.id },
    });

    const again = await anonymous('POST', `/api/v1/invitations/${token}/acceptance`, {
      name: 'Iemand anders',
      password: 'nog-een-ander-wachtwoord',
    });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('conflict');
    expect((await anonymous('GET', `/api/v1/invitations/${token}`)).statusCode).toBe(409);

    const list = (
      await s.coordinator.request('GET', `/api/v1/approaches/${s.approach.id}/invitations`)
    ).json();
    expect(list.find((i: { id: string }) => i.id === created.id).state).toBe('used');
  });

  it('stores only the SHA-256 of the token, and neither token nor hash reaches the audit log', async () => {
    const s = await buildScenario();
    const created = await invite(s.coordinator, s.approach.id, {
      email: 'hash@test.example',
      role: 'viewer',
      organisationId: s.partnerOrg.id,
    });
    const token = tokenOf(created.acceptUrl);
    const { database } = await getTestApp();
    const [row] = await database.handle.query<Record<string, unknown>>(
      'SELECT * FROM invitations WHERE id = $1',
      [created.id],
    );
    expect(row!.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await database.handle.query<{ text: string }>(
      "SELECT after::text AS text FROM audit_events WHERE entity_type = 'invitation' AND entity_id = $1",
      [created.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.text).not.toContain(token);
    expect(audit[0]!.text).not.toContain(sha256(token));
  });

  it('answers 404 to an unknown or malformed token and 400 naming name and password when they are missing', async () => {
    const s = await buildScenario();
    const unknown = 'A'.repeat(43);
    expect((await anonymous('GET', `/api/v1/invitations/${unknown}`)).statusCode).toBe(404);
    const malformed = await anonymous('POST', '/api/v1/invitations/kort/acceptance', {
      name: 'X',
      password: NEW_PASSWORD,
    });
    expect(malformed.statusCode).toBe(404);
    expect(problemOf(malformed).code).toBe('not_found');
    const token = tokenOf(s.invitation.acceptUrl);
    const missing = await anonymous('POST', `/api/v1/invitations/${token}/acceptance`, { password: 'kort' });
    expect(missing.statusCode).toBe(400);
    expect(
      problemOf(missing)
        .errors!.map((e) => e.path.join('.'))
        .sort(),
    ).toEqual(['name', 'password']);
    // A refused acceptance does not use up the link.
    expect((await anonymous('GET', `/api/v1/invitations/${token}`)).statusCode).toBe(200);
  });

  it('expires after 7 days (410) and refuses a withdrawn link (409)', async () => {
    const s = await buildScenario();
    const token = tokenOf(s.invitation.acceptUrl);
    const almost = await buildExtraApp({ clock: offsetClock(7 * 24 - 0.1) });
    const later = await buildExtraApp({ clock: offsetClock(7 * 24 + 0.1) });
    try {
      expect((await almost.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(
        200,
      );
      const expired = await later.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/acceptance`,
        payload: { name: 'Te laat', password: NEW_PASSWORD },
      });
      expect(expired.statusCode).toBe(410);
      expect(problemOf(expired).code).toBe('expired');
    } finally {
      await almost.close();
      await later.close();
    }
    const revoked = await s.coordinator.request(
      'DELETE',
      `/api/v1/approaches/${s.approach.id}/invitations/${s.invitation.id}`,
    );
    expect(revoked.statusCode).toBe(204);
    const after = await anonymous('POST', `/api/v1/invitations/${token}/acceptance`, {
      name: 'Na intrekken',
      password: NEW_PASSWORD,
    });
    expect(after.statusCode).toBe(409);
  });

  it('replaces an earlier open invitation of the same address', async () => {
    const s = await buildScenario();
    const body = { email: 'twee.keer@test.example', role: 'partner', organisationId: s.partnerOrg.id };
    const first = await invite(s.coordinator, s.approach.id, body);
    const second = await invite(s.coordinator, s.approach.id, { ...body, email: 'TWEE.KEER@test.example' });
    expect((await anonymous('GET', `/api/v1/invitations/${tokenOf(first.acceptUrl)}`)).statusCode).toBe(409);
    expect((await anonymous('GET', `/api/v1/invitations/${tokenOf(second.acceptUrl)}`)).statusCode).toBe(200);
  });

  it('gives an existing account the role only when that account accepts while logged in', async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    // The partner of another municipality's scenario already has an account.
    const created = await invite(s.coordinator, s.approach.id, {
      email: other.users.partnerUser.email,
      role: 'viewer',
      organisationId: s.partnerOrg.id,
    });
    const token = tokenOf(created.acceptUrl);
    expect((await anonymous('GET', `/api/v1/invitations/${token}`)).json().hasAccount).toBe(true);
    const anonymousTry = await anonymous('POST', `/api/v1/invitations/${token}/acceptance`, {
      name: 'Overname',
      password: NEW_PASSWORD,
    });
    expect(anonymousTry.statusCode).toBe(409);
    expect(problemOf(anonymousTry).code).toBe('conflict');
    expect(anonymousTry.json().reason).toBe('login_required');
    const wrongAccount = await s.viewer.request('POST', `/api/v1/invitations/${token}/acceptance`, {});
    expect(wrongAccount.statusCode).toBe(409);
    expect((await other.partner.request('GET', `/api/v1/approaches/${s.approach.id}`)).statusCode).toBe(404);
    const accepted = await other.partner.request('POST', `/api/v1/invitations/${token}/acceptance`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().isNewAccount).toBe(false);
    const approach = await other.partner.request('GET', `/api/v1/approaches/${s.approach.id}`);
    expect(approach.json().myRole).toBe('viewer');
    // The password of the existing account is unchanged.
    await login(other.users.partnerUser.email, PASSWORD);
  });

  it('refuses an organisation of another municipality and hides the approach from it (404)', async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const foreign = await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/invitations`, {
      email: 'x@test.example',
      role: 'partner',
      organisationId: other.partnerOrg.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemOf(foreign).errors!.map((e) => e.path.join('.'))).toEqual(['organisationId']);
    const outsider = await other.coordinator.request(
      'POST',
      `/api/v1/approaches/${s.approach.id}/invitations`,
      {
        email: 'x@test.example',
        role: 'partner',
        organisationId: other.partnerOrg.id,
      },
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('audits the invitation, the new account and the membership', async () => {
    const s = await buildScenario();
    const created = await invite(s.coordinator, s.approach.id, {
      email: 'audit@test.example',
      role: 'partner',
      organisationId: s.partnerOrg.id,
    });
    const accepted = await anonymous('POST', `/api/v1/invitations/${tokenOf(created.acceptUrl)}/acceptance`, {
      name: 'Audit Persoon',
      password: NEW_PASSWORD,
    });
    const userId = accepted.json().userId as string;
    const { database } = await getTestApp();
    const rows = await database.handle.query<{ entity_type: string; action: string; actor_user_id: string }>(
      `SELECT entity_type, action, actor_user_id FROM audit_events
       WHERE (entity_type = 'invitation' AND entity_id = $1) OR entity_id = $2 ORDER BY id`,
      [created.id, userId],
    );
    expect(rows.map((r) => `${r.entity_type}:${r.action}`)).toEqual([
      'invitation:create',
      'user:create',
      'invitation:accept',
      'approach_member:upsert',
    ]);
    expect(rows[0]!.actor_user_id).toBe(s.coordinator.userId);
    expect(rows[2]!.actor_user_id).toBe(userId);
    const history = await s.coordinator.request('GET', `/api/v1/approaches/${s.approach.id}/audit-events`);
    expect(
      history.json().map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`),
    ).toContain('invitation:accept');
  });
});

describe('password resets and deactivation', () => {
  it('resets a password through a coordinator-made link: single use, sessions end, old password gone', async () => {
    const s = await buildScenario();
    const issued = await s.coordinator.request(
      'POST',
      `/api/v1/users/${s.users.partnerUser.id}/password-resets`,
    );
    expect(issued.statusCode).toBe(201);
    const { resetUrl, expiresAt } = issued.json();
    expect((Date.parse(expiresAt) - Date.now()) / 3_600_000).toBeGreaterThan(23.9);
    const token = tokenOf(resetUrl);
    expect(resetUrl).toContain(`/wachtwoord-herstellen/${token}`);
    expect((await anonymous('GET', `/api/v1/password-resets/${token}`)).json().email).toBe(
      s.users.partnerUser.email,
    );
    const tooShort = await anonymous('POST', `/api/v1/password-resets/${token}/completion`, {
      password: 'kort',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(problemOf(tooShort).errors![0]!.path).toEqual(['password']);
    const done = await anonymous('POST', `/api/v1/password-resets/${token}/completion`, {
      password: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(204);
    // The partner's running session ended at once.
    expect((await s.partner.request('GET', '/api/v1/sessions/current')).statusCode).toBe(401);
    const old = await anonymous('POST', '/api/v1/sessions', {
      email: s.users.partnerUser.email,
      password: PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    await login(s.users.partnerUser.email, NEW_PASSWORD);
    const again = await anonymous('POST', `/api/v1/password-resets/${token}/completion`, {
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets a reset link expire after 24 hours (410)', async () => {
    const s = await buildScenario();
    const issued = await s.coordinator.request(
      'POST',
      `/api/v1/users/${s.users.viewerUser.id}/password-resets`,
    );
    const token = tokenOf(issued.json().resetUrl);
    const later = await buildExtraApp({ clock: offsetClock(24.1) });
    try {
      const response = await later.inject({
        method: 'POST',
        url: `/api/v1/password-resets/${token}/completion`,
        payload: { password: NEW_PASSWORD },
      });
      expect(response.statusCode).toBe(410);
    } finally {
      await later.close();
    }
  });

  it('deactivates an account: its session ends at once and it cannot log in until reactivated', async () => {
    const s = await buildScenario();
    const url = `/api/v1/users/${s.users.viewerUser.id}`;
    expect((await s.viewer.request('GET', '/api/v1/approaches')).statusCode).toBe(200);
    const off = await s.coordinator.request('PATCH', url, { version: 1, isDisabled: true });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ isDisabled: true, version: 2 });
    expect((await s.viewer.request('GET', '/api/v1/approaches')).statusCode).toBe(401);
    const refused = await anonymous('POST', '/api/v1/sessions', {
      email: s.users.viewerUser.email,
      password: PASSWORD,
    });
    expect(refused.statusCode).toBe(401);
    const stale = await s.coordinator.request('PATCH', url, { version: 1, isDisabled: false });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('stale_version');
    const on = await s.coordinator.request('PATCH', url, { version: 2, isDisabled: false });
    expect(on.statusCode).toBe(200);
    await login(s.users.viewerUser.email);
    const { database } = await getTestApp();
    const actions = await database.handle.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id",
      [s.users.viewerUser.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['create', 'deactivate', 'reactivate']);
    const self = await s.coordinator.request('PATCH', `/api/v1/users/${s.coordinator.userId}`, {
      version: 1,
      isDisabled: true,
    });
    expect(self.statusCode).toBe(403);
  });

  it("hides another municipality's accounts (404) and refuses viewers (403)", async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const url = `/api/v1/users/${s.users.partnerUser.id}`;
    expect((await other.coordinator.request('PATCH', url, { version: 1, isDisabled: true })).statusCode).toBe(
      404,
    );
    expect((await other.coordinator.request('POST', `${url}/password-resets`)).statusCode).toBe(404);
    const listed = (await other.coordinator.request('GET', '/api/v1/users')).json() as { id: string }[];
    expect(listed.map((u) => u.id)).not.toContain(s.users.partnerUser.id);
    expect(listed.map((u) => u.id)).toContain(other.users.partnerUser.id);
    expect((await s.viewer.request('GET', '/api/v1/users')).statusCode).toBe(403);
  });
});

describe('e-mail, logs, limits and headers', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailApp: FastifyInstance;
  const PUBLIC_URL = 'https://wijkkompas.gemeente.test';
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailApp = await buildExtraApp({
      mailer: createMailer({ smtpUrl: sink.url, from: 'Wijkkompas <noreply@gemeente.test>' }),
      publicUrl: PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await mailApp.close();
    await sink.close();
  });

  it('e-mails the invitation link (built from the public URL, not the Host header)', async () => {
    const s = await buildScenario();
    const cookie = await loginCookie(mailApp, s.users.coordinatorUser.email);
    const response = await mailApp.inject({
      method: 'POST',
      url: `/api/v1/approaches/${s.approach.id}/invitations`,
      headers: { cookie: cookie.cookie, 'x-csrf-token': cookie.csrf, host: 'aanvaller.example' },
      payload: { email: 'per.mail@test.example', role: 'partner', organisationId: s.partnerOrg.id },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created.emailSent).toBe(true);
    expect(created.acceptUrl.startsWith(`${PUBLIC_URL}/uitnodiging/`)).toBe(true);
    const mail = sink.messages.find((m) => m.to.includes('per.mail@test.example'))!;
    expect(mail.subject).toBe('Uitnodiging: Wijkaanpak Testwijk');
    expect(mail.text).toContain(created.acceptUrl);
    expect(mail.text).toContain('als partner');
    expect(mail.raw).not.toContain('aanvaller.example');
  });

  it('e-mails a reset link to a known address and answers the same for an unknown one', async () => {
    const s = await buildScenario();
    const count = sink.messages.length;
    const unknown = await mailApp.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      payload: { email: 'niemand@test.example' },
    });
    const known = await mailApp.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      payload: { email: s.users.viewerUser.email },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.json()).toEqual({ emailEnabled: true });
    await vi.waitFor(() => expect(sink.messages.length).toBe(count + 1), { timeout: 10_000 });
    const mail = sink.messages.at(-1)!;
    expect(mail.to).toEqual([s.users.viewerUser.email]);
    const link = /https:\/\/wijkkompas\.gemeente\.test\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/.exec(
      mail.text,
    )![0];
    const preview = await anonymous('GET', `/api/v1/password-resets/${tokenOf(link)}`);
    expect((Date.parse(preview.json().expiresAt) - Date.now()) / 60_000).toBeLessThanOrEqual(60);
    const done = await anonymous('POST', `/api/v1/password-resets/${tokenOf(link)}/completion`, {
      password: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(204);
    await login(s.users.viewerUser.email, NEW_PASSWORD);
  });

  it('says e-mail is off when no SMTP server is configured', async () => {
    const response = await anonymous('POST', '/api/v1/password-resets', { email: 'iemand@test.example' });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ emailEnabled: false });
  });

  it('never writes a one-time token to the log', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const logged = await buildExtraApp({ logLevel: 'info', logStream });
    try {
      const s = await buildScenario();
      const token = tokenOf(s.invitation.acceptUrl);
      await logged.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
      await logged.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/acceptance`,
        payload: { name: 'Log Test', password: NEW_PASSWORD },
      });
      await logged.inject({ method: 'GET', url: `/uitnodiging/${token}` });
      const text = lines.join('');
      expect(text).toContain('/api/v1/invitations/[token]/acceptance');
      expect(text).not.toContain(token);
    } finally {
      await logged.close();
    }
  });

  it('limits the one-time-link routes per address (429) and sends no referrer', async () => {
    const limited = await buildExtraApp({ linkRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await limited.inject({
          method: 'GET',
          url: `/api/v1/invitations/${'B'.repeat(43)}`,
        });
        statuses.push(response.statusCode);
        expect(response.headers['referrer-policy']).toBe('no-referrer');
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});

async function loginCookie(app: FastifyInstance, email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'wk_session')!;
  return { cookie: `wk_session=${cookie.value}`, csrf: response.json().csrfToken as string };
}
