/**
 * Accounts of a municipality (issue 13): coordinators see who has an account at the municipality
 * and its partner organisations, deactivate and reactivate accounts (their sessions end at once),
 * change an account's role, and make password reset links. Anyone can ask for a reset link by
 * e-mail when e-mail is configured; the answer never tells whether the address has an account.
 */
import type { Actor, AccountRole } from '../../core/access/actor.ts';
import {
  computeExpiry,
  computeLinkState,
  ISSUED_RESET_LIFETIME_HOURS,
  SELF_SERVICE_RESET_LIFETIME_HOURS,
} from '../../core/access/one-time-link.ts';
import { DomainError } from '../../core/errors.ts';
import {
  deleteSessionsOfUser,
  findUserByEmail,
  findUserWithOrganisation,
  listUsersOfMunicipality,
  updateUser,
  type UserRow,
} from '../../db/accounts.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  findPasswordResetByTokenHash,
  insertPasswordReset,
  markPasswordResetsUsed,
} from '../../db/invitations.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { describePasswordProblem } from '../../core/access/password-rule.ts';
import { hashPassword, hashToken } from './auth.service.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { loadManagedMunicipality } from './municipality-access.ts';
import {
  buildLink,
  createLinkToken,
  formatExpiry,
  isWellFormedToken,
  PASSWORD_RESET_PATH,
} from './one-time-links.ts';

export interface AccountPatch {
  version: number;
  isDisabled?: boolean | undefined;
  role?: AccountRole | undefined;
}

function visibleUser(row: UserRow) {
  const { passwordHash: _omit, ...rest } = row;
  return rest;
}

const unknownLink = () =>
  new DomainError(
    'not_found',
    'Deze herstellink bestaat niet. Controleer of u de hele link hebt gekopieerd.',
  );

export function createAccountsService(
  ctx: ServiceContext,
  options: {
    mailer: Mailer;
    /** Drops cached sessions whose rows were deleted (auth service). */
    onSessionsEnded: (tokenHashes: string[]) => void;
    logError?: (message: string) => void;
  },
) {
  /** The account, if the actor manages its municipality; otherwise it does not exist for them (404). */
  async function loadManagedUser(db: Database, actor: Actor, userId: string) {
    const row = await findUserWithOrganisation(db, userId);
    const municipalityCode = row
      ? row.organisation.kind === 'municipality'
        ? row.organisation.code
        : row.organisation.municipalityCode
      : null;
    const visible =
      row &&
      (actor.role === 'admin' || (municipalityCode !== null && municipalityCode === actor.organisationCode));
    if (!row || !visible)
      throw new DomainError('not_found', `Account ${userId} bestaat niet of is niet zichtbaar voor u.`);
    if (actor.role !== 'admin') await loadManagedMunicipality(db, actor, municipalityCode!);
    return row;
  }

  async function endSessions(db: Database, userId: string) {
    const hashes = await deleteSessionsOfUser(db, userId);
    return hashes;
  }

  async function sendResetMail(to: string, url: string, expiresAt: Date) {
    await options.mailer.send({
      to,
      subject: 'Wachtwoord herstellen in Wijkkompas',
      text: [
        'Er is gevraagd om een nieuw wachtwoord voor uw Wijkkompas-account.',
        '',
        'Open deze link om een nieuw wachtwoord te kiezen:',
        url,
        '',
        `De link werkt één keer en is geldig tot ${formatExpiry(expiresAt)}.`,
        'Vroeg u hier niet om? Dan kunt u dit bericht negeren; uw wachtwoord blijft dan hetzelfde.',
      ].join('\n'),
    });
  }

  return {
    async list(actor: Actor, options: { municipalityCode?: string | undefined }) {
      const municipality = await loadManagedMunicipality(ctx.db, actor, options.municipalityCode);
      const rows = await listUsersOfMunicipality(ctx.db, municipality.code);
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        isDisabled: r.isDisabled,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        organisation: { id: r.organisationId, name: r.organisationName, code: r.organisationCode },
      }));
    },

    async update(actor: Actor, userId: string, patch: AccountPatch) {
      const { result, ended } = await inTransaction(ctx, async (db) => {
        const current = await loadManagedUser(db, actor, userId);
        if (
          userId === actor.userId &&
          (patch.isDisabled || (patch.role && patch.role !== current.user.role))
        ) {
          throw new DomainError(
            'forbidden',
            'U kunt uw eigen account niet deactiveren of uw eigen rol wijzigen.',
          );
        }
        if (actor.role !== 'admin' && (current.user.role === 'admin' || patch.role === 'admin')) {
          throw new DomainError('forbidden', 'Alleen de platformbeheerder wijzigt beheerdersaccounts.');
        }
        if (patch.role === 'coordinator' && current.organisation.kind !== 'municipality') {
          throw new DomainError(
            'invalid_input',
            'Alleen medewerkers van de gemeente kunnen coördinator zijn.',
            {
              issues: [{ path: ['role'], message: 'coördinator kan alleen bij de gemeente' }],
            },
          );
        }
        const updated = await updateUser(db, userId, patch.version, {
          ...(patch.isDisabled !== undefined ? { isDisabled: patch.isDisabled } : {}),
          ...(patch.role ? { role: patch.role } : {}),
        });
        if (!updated) {
          throw new DomainError('stale_version', 'Dit account is intussen door iemand anders gewijzigd.', {
            data: { current: visibleUser(current.user) },
          });
        }
        const ended = patch.isDisabled ? await endSessions(db, userId) : [];
        const action =
          patch.isDisabled === true && !current.user.isDisabled
            ? 'deactivate'
            : patch.isDisabled === false && current.user.isDisabled
              ? 'reactivate'
              : 'update';
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: null,
          entityType: 'user',
          entityId: userId,
          action,
          before: visibleUser(current.user),
          after: { ...visibleUser(updated), endedSessions: ended.length },
        });
        return {
          result: {
            id: updated.id,
            email: updated.email,
            name: updated.name,
            role: updated.role,
            isDisabled: updated.isDisabled,
            version: updated.version,
            createdAt: updated.createdAt.toISOString(),
            organisation: {
              id: current.organisation.id,
              name: current.organisation.name,
              code: current.organisation.code,
            },
          },
          ended,
        };
      });
      options.onSessionsEnded(ended);
      return result;
    },

    /** A coordinator makes a reset link for an account of the municipality (shown to them; e-mailed too when possible). */
    async issueReset(actor: Actor, userId: string, link: { baseUrl: string }) {
      const { token, tokenHash } = createLinkToken();
      const now = ctx.clock.now();
      const { reset, user } = await inTransaction(ctx, async (db) => {
        const target = await loadManagedUser(db, actor, userId);
        if (target.user.isDisabled)
          throw new DomainError('conflict', 'Dit account is gedeactiveerd; activeer het eerst weer.');
        if (actor.role !== 'admin' && target.user.role === 'admin')
          throw new DomainError('forbidden', 'Alleen de platformbeheerder herstelt beheerdersaccounts.');
        const reset = await insertPasswordReset(db, {
          userId,
          tokenHash,
          expiresAt: computeExpiry(now, ISSUED_RESET_LIFETIME_HOURS),
          createdBy: actor.userId,
          createdAt: now,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: null,
          entityType: 'password_reset',
          entityId: reset.id,
          action: 'create',
          before: null,
          after: { userId, expiresAt: reset.expiresAt, createdBy: actor.userId },
        });
        return { reset, user: target.user };
      });
      const resetUrl = buildLink(link.baseUrl, PASSWORD_RESET_PATH, token);
      let emailSent = false;
      if (options.mailer.isEnabled) {
        try {
          await sendResetMail(user.email, resetUrl, reset.expiresAt);
          emailSent = true;
        } catch (error) {
          options.logError?.(`Herstellink ${reset.id}: e-mail niet verstuurd (${(error as Error).message})`);
        }
      }
      return { id: reset.id, resetUrl, expiresAt: reset.expiresAt.toISOString(), emailSent };
    },

    /**
     * Someone asks for a reset link by e-mail. The caller answers at once, the same for every
     * address; `done` settles when the work (nothing, or a link and a message) is finished.
     */
    requestReset(email: string, link: { baseUrl: string }): { emailEnabled: boolean; done: Promise<void> } {
      if (!options.mailer.isEnabled) return { emailEnabled: false, done: Promise.resolve() };
      const done = (async () => {
        const user = await findUserByEmail(ctx.db, email.trim());
        if (!user || user.isDisabled) return;
        const { token, tokenHash } = createLinkToken();
        const now = ctx.clock.now();
        const reset = await inTransaction(ctx, async (db) => {
          const row = await insertPasswordReset(db, {
            userId: user.id,
            tokenHash,
            expiresAt: computeExpiry(now, SELF_SERVICE_RESET_LIFETIME_HOURS),
            createdBy: null,
            createdAt: now,
          });
          await insertAuditEvent(db, {
            actorUserId: null,
            approachId: null,
            entityType: 'password_reset',
            entityId: row.id,
            action: 'request',
            before: null,
            after: { userId: user.id, expiresAt: row.expiresAt, createdBy: null },
          });
          return row;
        });
        await sendResetMail(user.email, buildLink(link.baseUrl, PASSWORD_RESET_PATH, token), reset.expiresAt);
      })().catch((error: unknown) => {
        options.logError?.(`Herstelverzoek: e-mail niet verstuurd (${(error as Error).message})`);
      });
      return { emailEnabled: true, done };
    },

    async describeReset(token: string) {
      if (!isWellFormedToken(token)) throw unknownLink();
      const row = await findPasswordResetByTokenHash(ctx.db, hashToken(token));
      if (!row) throw unknownLink();
      const state = computeLinkState(
        { usedAt: row.reset.usedAt, expiresAt: row.reset.expiresAt },
        ctx.clock.now(),
      );
      if (state === 'expired')
        throw new DomainError('expired', 'Deze herstellink is verlopen. Vraag een nieuwe aan.');
      if (state !== 'open') throw new DomainError('conflict', 'Deze herstellink is al gebruikt.');
      return { email: row.user.email, expiresAt: row.reset.expiresAt.toISOString() };
    },

    /** Sets the new password; every open link of the account and every session of it end. */
    async completeReset(token: string, input: { password: string }) {
      if (!isWellFormedToken(token)) throw unknownLink();
      const passwordProblem = describePasswordProblem(input.password);
      if (passwordProblem) {
        throw new DomainError('invalid_input', 'Het wachtwoord is te kort.', {
          issues: [{ path: ['password'], message: passwordProblem }],
        });
      }
      const passwordHash = await hashPassword(input.password);
      const ended = await inTransaction(ctx, async (db) => {
        const row = await findPasswordResetByTokenHash(db, hashToken(token), { lock: true });
        if (!row) throw unknownLink();
        const now = ctx.clock.now();
        const state = computeLinkState({ usedAt: row.reset.usedAt, expiresAt: row.reset.expiresAt }, now);
        if (state === 'expired')
          throw new DomainError('expired', 'Deze herstellink is verlopen. Vraag een nieuwe aan.');
        if (state !== 'open') throw new DomainError('conflict', 'Deze herstellink is al gebruikt.');
        if (row.user.isDisabled) throw new DomainError('forbidden', 'Dit account is gedeactiveerd.');
        await updateUser(db, row.user.id, null, { passwordHash });
        const used = await markPasswordResetsUsed(db, row.user.id, now);
        const ended = await endSessions(db, row.user.id);
        await insertAuditEvent(db, {
          actorUserId: row.user.id,
          approachId: null,
          entityType: 'user',
          entityId: row.user.id,
          action: 'reset_password',
          before: null,
          after: { resetId: row.reset.id, usedLinks: used.length, endedSessions: ended.length },
        });
        return ended;
      });
      options.onSessionsEnded(ended);
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
