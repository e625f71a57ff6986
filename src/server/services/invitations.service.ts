/**
 * Invitations (issue 13): a coordinator invites a person to an approach with a role, on behalf of
 * an organisation of the municipality. The one-time link (7 days) is shown to the inviter and, when
 * e-mail is configured, sent to the person. Accepting creates the account (name and password) or,
 * for someone who already has one, adds the role after they logged in with it.
 */
import type { Actor, AccountRole, ApproachRole } from '../../core/access/actor.ts';
import {
  computeExpiry,
  computeLinkState,
  INVITATION_LIFETIME_HOURS,
} from '../../core/access/one-time-link.ts';
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { findOrganisationById, findUserByEmail, insertUser } from '../../db/accounts.repository.ts';
import { upsertMember } from '../../db/approaches.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
  type InvitationRow,
} from '../../db/invitations.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { loadApproachFor } from './approach-access.ts';
import { describePasswordProblem } from '../../core/access/password-rule.ts';
import { hashPassword, hashToken } from './auth.service.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { belongsToMunicipality } from './municipality-access.ts';
import {
  buildLink,
  createLinkToken,
  formatExpiry,
  INVITATION_PATH,
  isWellFormedToken,
  ROLE_LABELS,
} from './one-time-links.ts';

export interface InvitationInput {
  email: string;
  role: ApproachRole;
  organisationId: string;
}

function presentInvitation(
  row: InvitationRow,
  extra: { organisationName: string; invitedByName: string },
  now: Date,
) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organisation: { id: row.organisationId, name: extra.organisationName },
    invitedBy: { id: row.invitedBy, name: extra.invitedByName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    state: computeLinkState(
      { usedAt: row.acceptedAt, revokedAt: row.revokedAt, expiresAt: row.expiresAt },
      now,
    ),
  };
}

/** Audit rows never hold the token's hash: a hash is as good as the token for a lookup. */
function auditView(row: InvitationRow) {
  const { tokenHash: _omit, ...rest } = row;
  return rest;
}

/**
 * The account role of someone who joins through an invitation: least privilege. Staff of the
 * municipality become viewers of its other approaches (the invitation gives the role on this
 * one); people of a partner organisation get partner (or viewer), which only counts where invited.
 */
function accountRoleFor(organisationKind: 'municipality' | 'partner', role: ApproachRole): AccountRole {
  if (organisationKind === 'municipality') return 'viewer';
  return role === 'viewer' ? 'viewer' : 'partner';
}

function linkProblem(state: 'used' | 'expired' | 'revoked') {
  if (state === 'expired')
    return new DomainError('expired', 'Deze uitnodiging is verlopen. Vraag de coördinator om een nieuwe.');
  if (state === 'revoked')
    return new DomainError(
      'conflict',
      'Deze uitnodiging is ingetrokken. Vraag de coördinator om een nieuwe.',
    );
  return new DomainError('conflict', 'Deze uitnodiging is al gebruikt. Log in met uw account.');
}

const unknownLink = () =>
  new DomainError(
    'not_found',
    'Deze uitnodiging bestaat niet. Controleer of u de hele link hebt gekopieerd.',
  );

export function createInvitationsService(
  ctx: ServiceContext,
  options: { mailer: Mailer; onAccessChange?: () => void; logError?: (message: string) => void },
) {
  async function findOpenByToken(db: Database, token: string, lock: boolean) {
    if (!isWellFormedToken(token)) throw unknownLink();
    const row = await findInvitationByTokenHash(db, hashToken(token), { lock });
    if (!row) throw unknownLink();
    const i = row.invitation;
    const state = computeLinkState(
      { usedAt: i.acceptedAt, revokedAt: i.revokedAt, expiresAt: i.expiresAt },
      ctx.clock.now(),
    );
    if (state !== 'open') throw linkProblem(state);
    return row;
  }

  return {
    async create(actor: Actor, approachId: string, input: InvitationInput, link: { baseUrl: string }) {
      const { token, tokenHash } = createLinkToken();
      const now = ctx.clock.now();
      const created = await inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'manage_members');
        const organisation = await findOrganisationById(db, input.organisationId);
        if (!organisation || !belongsToMunicipality(organisation, approach.municipalityCode)) {
          throw new DomainError(
            'invalid_input',
            'Deze organisatie hoort niet bij de gemeente van deze wijkaanpak.',
            {
              issues: [{ path: ['organisationId'], message: 'geen organisatie van deze gemeente' }],
            },
          );
        }
        // An earlier open invitation of the same person to this approach stops working.
        for (const earlier of await listInvitations(db, approachId)) {
          const e = earlier.invitation;
          if (e.email.toLowerCase() !== input.email.toLowerCase()) continue;
          if (
            computeLinkState(
              { usedAt: e.acceptedAt, revokedAt: e.revokedAt, expiresAt: e.expiresAt },
              now,
            ) !== 'open'
          )
            continue;
          const revoked = await revokeInvitation(db, e.id, now);
          if (revoked)
            await insertAuditEvent(db, {
              actorUserId: actor.userId,
              approachId,
              entityType: 'invitation',
              entityId: e.id,
              action: 'revoke',
              before: auditView(e),
              after: auditView(revoked),
            });
        }
        const row = await insertInvitation(db, {
          approachId,
          email: input.email.trim(),
          role: input.role,
          organisationId: organisation.id,
          tokenHash,
          expiresAt: computeExpiry(now, INVITATION_LIFETIME_HOURS),
          invitedBy: actor.userId,
          createdAt: now,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'invitation',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditView(row),
        });
        return { row, approach, organisation };
      });
      const acceptUrl = buildLink(link.baseUrl, INVITATION_PATH, token);
      let emailSent = false;
      if (options.mailer.isEnabled) {
        try {
          await options.mailer.send({
            to: created.row.email,
            subject: `Uitnodiging: ${created.approach.approach.title}`,
            text: [
              `${actor.name} (${actor.organisationName}) nodigt u uit om als ${ROLE_LABELS[input.role]} mee te werken aan "${created.approach.approach.title}" in Wijkkompas, namens ${created.organisation.name}.`,
              '',
              'Open deze link om de uitnodiging aan te nemen:',
              acceptUrl,
              '',
              `De link werkt één keer en is geldig tot ${formatExpiry(created.row.expiresAt)}.`,
              'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
            ].join('\n'),
          });
          emailSent = true;
        } catch (error) {
          options.logError?.(
            `Uitnodiging ${created.row.id}: e-mail niet verstuurd (${(error as Error).message})`,
          );
        }
      }
      return {
        ...presentInvitation(
          created.row,
          { organisationName: created.organisation.name, invitedByName: actor.name },
          now,
        ),
        acceptUrl,
        emailSent,
      };
    },

    async list(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'manage_members');
      const now = ctx.clock.now();
      const rows = await listInvitations(ctx.db, approachId);
      return rows.map((r) => presentInvitation(r.invitation, r, now));
    },

    async revoke(actor: Actor, approachId: string, invitationId: string) {
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_members');
        const current = await findInvitation(db, approachId, invitationId);
        if (!current) throw new DomainError('not_found', 'Deze uitnodiging bestaat niet.');
        const revoked = await revokeInvitation(db, invitationId, ctx.clock.now());
        if (!revoked) throw new DomainError('conflict', 'Deze uitnodiging is al gebruikt of ingetrokken.');
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'invitation',
          entityId: invitationId,
          action: 'revoke',
          before: auditView(current),
          after: auditView(revoked),
        });
      });
    },

    /** What the invited person sees before accepting (only with the link). */
    async describe(token: string) {
      const row = await findOpenByToken(ctx.db, token, false);
      const existing = await findUserByEmail(ctx.db, row.invitation.email);
      return {
        approachTitle: row.approachTitle,
        organisationName: row.organisationName,
        role: row.invitation.role,
        email: row.invitation.email,
        expiresAt: row.invitation.expiresAt.toISOString(),
        hasAccount: existing !== undefined,
      };
    },

    /**
     * Accepts an invitation. A new person sets name and password (the account is made); someone
     * whose e-mail already has an account must be logged in with it. The link is used up either way.
     */
    async accept(
      token: string,
      input: { name?: string | undefined; password?: string | undefined },
      session?: Actor,
    ) {
      // Hash the password before the transaction: argon2 takes tens of milliseconds.
      const passwordHash =
        input.password !== undefined && describePasswordProblem(input.password) === null
          ? await hashPassword(input.password)
          : null;
      const result = await inTransaction(ctx, async (db) => {
        const row = await findOpenByToken(db, token, true);
        const invitation = row.invitation;
        const now = ctx.clock.now();
        const existing = await findUserByEmail(db, invitation.email);
        let userId: string;
        let isNewAccount = false;
        if (existing) {
          if (!session || session.userId !== existing.id) {
            throw new DomainError(
              'conflict',
              'Er bestaat al een account met dit e-mailadres. Log eerst in met dat account en open de link daarna opnieuw.',
              { data: { reason: 'login_required' } },
            );
          }
          if (existing.isDisabled) throw new DomainError('forbidden', 'Dit account is gedeactiveerd.');
          userId = existing.id;
        } else {
          const issues: FieldIssue[] = [];
          const name = input.name?.trim() ?? '';
          if (name.length === 0) issues.push({ path: ['name'], message: 'vul uw naam in' });
          if (!passwordHash)
            issues.push({
              path: ['password'],
              message: describePasswordProblem(input.password ?? '') ?? 'kies een wachtwoord',
            });
          if (issues.length > 0)
            throw new DomainError('invalid_input', 'Vul uw naam en een wachtwoord in.', { issues });
          const organisation = await findOrganisationById(db, invitation.organisationId);
          const user = await insertUser(db, {
            email: invitation.email,
            name,
            organisationId: invitation.organisationId,
            role: accountRoleFor(organisation!.kind, invitation.role),
            passwordHash: passwordHash!,
          });
          const { passwordHash: _omit, ...visible } = user;
          await insertAuditEvent(db, {
            actorUserId: user.id,
            approachId: null,
            entityType: 'user',
            entityId: user.id,
            action: 'create',
            before: null,
            after: { ...visible, viaInvitation: invitation.id },
          });
          userId = user.id;
          isNewAccount = true;
        }
        const accepted = await markInvitationAccepted(db, invitation.id, userId, now);
        if (!accepted) throw linkProblem('used');
        const member = await upsertMember(db, {
          approachId: invitation.approachId,
          userId,
          role: invitation.role,
        });
        await insertAuditEvent(db, {
          actorUserId: userId,
          approachId: invitation.approachId,
          entityType: 'invitation',
          entityId: invitation.id,
          action: 'accept',
          before: auditView(invitation),
          after: auditView(accepted),
        });
        await insertAuditEvent(db, {
          actorUserId: userId,
          approachId: invitation.approachId,
          entityType: 'approach_member',
          entityId: userId,
          action: 'upsert',
          before: null,
          after: member,
        });
        return {
          userId,
          approachId: invitation.approachId,
          email: invitation.email,
          role: invitation.role,
          isNewAccount,
        };
      });
      options.onAccessChange?.();
      return result;
    },
  };
}
export type InvitationsService = ReturnType<typeof createInvitationsService>;
