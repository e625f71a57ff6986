/**
 * Login, logout and sessions. Passwords are hashed with argon2id (OWASP parameters: m=19 MiB,
 * t=2, p=1); session tokens are 256 random bits, stored only as SHA-256 hashes.
 */
import { describePasswordProblem } from '../../core/access/password-rule.ts';
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Actor, AccountRole } from '../../core/access/actor.ts';
import { PARTNER_KINDS, type PartnerKind } from '../../core/coalition/organisation-kinds.ts';
import { DomainError } from '../../core/errors.ts';
import {
  deleteSession,
  findLiveSession,
  findOrganisationByCode,
  findUserByEmail,
  insertOrganisation,
  insertSession,
  insertUser,
} from '../../db/accounts.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction } from './context.ts';
import type { ClusterEvents } from './cluster-events.ts';
import { ShortCache } from './short-cache.ts';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verified against when the e-mail is unknown, so a login takes as long either way.
let dummyHash: Promise<string> | undefined;

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Resolved sessions are kept a few seconds (decision 0105): every API request needs one, and on
 * PGlite a query blocks the event loop. Logout here drops the entry at once; a logout or disabled
 * account in another process is seen within this time.
 */
const SESSION_CACHE_MS = 5000;
const SESSION_CACHE_SIZE = 10_000;

/** How an e-mail address is compared (login, rate limit): trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface AuthServiceOptions {
  sessionHours: number;
  /** Ends of sessions made by other instances (decision 0901); without it, this process only. */
  events?: ClusterEvents;
}

export function createAuthService(ctx: ServiceContext, options: AuthServiceOptions) {
  const { events } = options;
  const resolved = new ShortCache<SessionInfo>(
    SESSION_CACHE_MS,
    SESSION_CACHE_SIZE,
    undefined,
    events?.isLive,
  );
  events?.subscribe('session', (key) =>
    key === null || key === '*' ? resolved.clear() : resolved.delete(key),
  );

  /** Ends a session everywhere: the row, this process's cache, and every other instance's cache. */
  async function endSession(tokenHash: string) {
    resolved.delete(tokenHash);
    await deleteSession(ctx.db, tokenHash);
    await events?.publish('session', tokenHash);
  }

  /** A new session for a user whose identity was checked (password or identity provider). */
  async function startSession(userId: string, previousToken: string | undefined) {
    if (previousToken) await endSession(hashToken(previousToken));
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(ctx.clock.now().getTime() + options.sessionHours * 3600_000);
    await insertSession(ctx.db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt });
    const session = await service.resolve(token);
    if (!session) throw new DomainError('unauthenticated', 'Sessie kon niet worden gestart.');
    return { ...session, token };
  }

  const service = {
    /**
     * Checks the password and starts a new session. `previousToken` (the cookie the browser sent, if
     * any) is ended: the session id is always new after a login (no session fixation).
     */
    async login(
      input: { email: string; password: string },
      options: { previousToken?: string | undefined } = {},
    ): Promise<SessionInfo & { token: string }> {
      const user = await findUserByEmail(ctx.db, normaliseEmail(input.email));
      if (!user || user.isDisabled) {
        dummyHash ??= hashPassword('dummy-password-for-timing');
        await verify(await dummyHash, input.password).catch(() => false);
        throw new DomainError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.');
      }
      const ok = await verify(user.passwordHash, input.password).catch(() => false);
      if (!ok) throw new DomainError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.');
      return startSession(user.id, options.previousToken);
    },

    async logout(token: string): Promise<void> {
      await endSession(hashToken(token));
    },

    /** Drops sessions that were ended in the database (deactivation, password reset) from the cache. */
    forgetSessions(tokenHashes: string[]): void {
      for (const tokenHash of tokenHashes) {
        resolved.delete(tokenHash);
        // Every other instance too (decision 0901).
        void events?.publish('session', tokenHash).catch(() => undefined);
      }
    },

    async resolve(token: string): Promise<SessionInfo | undefined> {
      const tokenHash = hashToken(token);
      const now = ctx.clock.now();
      const cached = resolved.get(tokenHash);
      if (cached !== undefined && cached.expiresAt > now) return cached;
      const row = await findLiveSession(ctx.db, tokenHash, now);
      if (!row) return undefined;
      const session: SessionInfo = Object.freeze({
        csrfToken: row.session.csrfToken,
        expiresAt: row.session.expiresAt,
        actor: Object.freeze({
          userId: row.user.id,
          name: row.user.name,
          email: row.user.email,
          role: row.user.role,
          organisationId: row.organisation.id,
          organisationCode: row.organisation.code,
          organisationName: row.organisation.name,
          organisationKind: row.organisation.kind,
        }),
      });
      resolved.set(tokenHash, session, session.expiresAt.getTime() - now.getTime());
      return session;
    },

    startSession,
  };
  return service;
}

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  organisationCode: string;
  /** Needed only when the organisation does not exist yet. */
  organisationName?: string | undefined;
  /**
   * A new partner organisation belongs to a municipality (GMnnnn, must exist): so it appears among
   * the municipality's organisations and can take part in its approaches. Only an administrator's
   * own organisation may stand alone.
   */
  municipalityCode?: string | undefined;
  /** The kind of a new partner organisation (default: other). */
  partnerKind?: PartnerKind | undefined;
  role: AccountRole;
}

/** Creates an account (used by the CLI and the demo seed). Audited with no actor (system). */
export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  const issues = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    issues.push({ path: ['email'], message: 'geen geldig e-mailadres' });
  if (input.name.trim().length === 0) issues.push({ path: ['name'], message: 'naam is verplicht' });
  const passwordProblem = describePasswordProblem(input.password);
  if (passwordProblem) issues.push({ path: ['password'], message: passwordProblem });
  if (issues.length > 0)
    throw new DomainError('invalid_input', 'Ongeldige gegevens voor het account.', { issues });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (db) => {
    if (await findUserByEmail(db, input.email)) {
      throw new DomainError('conflict', `Er bestaat al een account met e-mailadres ${input.email}.`);
    }
    let organisation = await findOrganisationByCode(db, input.organisationCode);
    if (!organisation) {
      const isMunicipality = /^GM\d{4}$/.test(input.organisationCode);
      if (!input.organisationName) {
        throw new DomainError(
          'not_found',
          `Organisatie ${input.organisationCode} bestaat niet; geef --organisation-name om haar aan te maken.`,
        );
      }
      let municipalityCode: string | null = null;
      if (!isMunicipality && input.municipalityCode) {
        const municipality = await findOrganisationByCode(db, input.municipalityCode);
        if (!municipality || municipality.kind !== 'municipality') {
          throw new DomainError(
            'not_found',
            `Gemeente ${input.municipalityCode} bestaat niet; maak eerst een account bij die gemeente.`,
          );
        }
        municipalityCode = municipality.code;
      } else if (!isMunicipality && input.role !== 'admin') {
        throw new DomainError(
          'invalid_input',
          `Organisatie ${input.organisationCode} is nieuw: geef met --municipality GMnnnn aan bij welke gemeente zij hoort.`,
          {
            issues: [{ path: ['municipalityCode'], message: 'verplicht voor een nieuwe partnerorganisatie' }],
          },
        );
      }
      if (input.partnerKind && !PARTNER_KINDS.includes(input.partnerKind)) {
        throw new DomainError('invalid_input', `Onbekende soort organisatie: ${input.partnerKind}.`, {
          issues: [{ path: ['partnerKind'], message: `een van ${PARTNER_KINDS.join(', ')}` }],
        });
      }
      organisation = await insertOrganisation(db, {
        code: input.organisationCode,
        name: input.organisationName,
        kind: isMunicipality ? 'municipality' : 'partner',
        municipalityCode,
        partnerKind: isMunicipality ? null : (input.partnerKind ?? 'other'),
      });
      await insertAuditEvent(db, {
        actorUserId: null,
        approachId: null,
        entityType: 'organisation',
        entityId: organisation.id,
        action: 'create',
        before: null,
        after: organisation,
      });
    }
    const user = await insertUser(db, {
      email: input.email.trim(),
      name: input.name.trim(),
      organisationId: organisation.id,
      role: input.role,
      passwordHash,
    });
    const { passwordHash: _omit, ...visible } = user;
    await insertAuditEvent(db, {
      actorUserId: null,
      approachId: null,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      before: null,
      after: visible,
    });
    return { user: visible, organisation };
  });
}
