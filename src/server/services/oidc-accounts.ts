/**
 * Which Wijkkompas account a login through the identity provider is (decision 0902):
 * 1. the account already linked to this issuer and subject;
 * 2. otherwise the account with the e-mail claim (unless the provider says it is not verified) —
 *    only within the organisation the organisation claim maps to, only if not linked to another
 *    subject; it is linked from then on;
 * 3. otherwise, where the organisation's rule provisions accounts, a new account with the rule's
 *    role (no password: it logs in only through the provider).
 * An account is never matched across organisations, a disabled account never logs in, and a value
 * of the organisation claim that the configuration does not name is refused. Links and new
 * accounts are audited (no actor: the system), in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import {
  findOrganisationByCode,
  findUserByEmail,
  findUserByOidcSubject,
  insertUser,
  linkOidcSubject,
} from '../../db/accounts.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { OidcConfig, OidcOrganisationRule } from '../oidc-config.ts';
import { inTransaction, type ServiceContext } from './context.ts';

/** failed: the protocol; organisation: the claim is missing or not configured; no_account: the account rules. */
export type OidcRefusal = 'failed' | 'organisation' | 'no_account';

/** A password hash no password verifies against: the account logs in only through the provider. */
function createUnusablePasswordHash() {
  return `!oidc-only:${randomBytes(16).toString('hex')}`;
}

function findRule(config: OidcConfig, claims: Record<string, unknown>): OidcOrganisationRule | undefined {
  const value = claims[config.organisationClaim];
  const values = Array.isArray(value) ? value : [value];
  return config.organisations.find((rule) => values.includes(rule.claimValue));
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : undefined;

export async function resolveOidcAccount(
  ctx: ServiceContext,
  config: OidcConfig,
  claims: Record<string, unknown>,
): Promise<{ ok: true; userId: string } | { ok: false; refusal: OidcRefusal }> {
  const issuer = config.issuer.href;
  const subject = text(claims.sub, 255);
  const rule = findRule(config, claims);
  if (!subject) return { ok: false, refusal: 'failed' };
  if (!rule) return { ok: false, refusal: 'organisation' };
  return inTransaction(ctx, async (db) => {
    const organisation = await findOrganisationByCode(db, rule.organisationCode);
    if (!organisation) return { ok: false, refusal: 'organisation' } as const;
    const linked = await findUserByOidcSubject(db, issuer, subject);
    if (linked) {
      return linked.organisationId === organisation.id && !linked.isDisabled
        ? ({ ok: true, userId: linked.id } as const)
        : ({ ok: false, refusal: 'no_account' } as const);
    }
    const email = text(claims.email, 320);
    if (!email || claims.email_verified === false) return { ok: false, refusal: 'no_account' } as const;
    const existing = await findUserByEmail(db, email);
    if (existing) {
      if (existing.organisationId !== organisation.id || existing.isDisabled || existing.oidcSubject)
        return { ok: false, refusal: 'no_account' } as const;
      if (!(await linkOidcSubject(db, existing.id, issuer, subject)))
        return { ok: false, refusal: 'no_account' } as const;
      await insertAuditEvent(db, {
        actorUserId: null,
        approachId: null,
        entityType: 'user',
        entityId: existing.id,
        action: 'link_identity_provider',
        before: null,
        after: { issuer },
      });
      return { ok: true, userId: existing.id } as const;
    }
    if (rule.accounts === 'match') return { ok: false, refusal: 'no_account' } as const;
    const name =
      text(claims.name, 200) ??
      ([text(claims.given_name, 100), text(claims.family_name, 100)].filter(Boolean).join(' ') || email);
    const user = await insertUser(db, {
      email,
      name,
      organisationId: organisation.id,
      role: rule.accounts.provision,
      passwordHash: createUnusablePasswordHash(),
      oidcIssuer: issuer,
      oidcSubject: subject,
    });
    await insertAuditEvent(db, {
      actorUserId: null,
      approachId: null,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      before: null,
      after: { organisationId: organisation.id, role: user.role, source: 'identity_provider', issuer },
    });
    return { ok: true, userId: user.id } as const;
  });
}
