/**
 * Configuration of the staff login through the organisation's identity provider (OpenID Connect,
 * NL GOV Assurance profile; decision 0902), read from the environment with the rest of config.ts.
 * Either none of the WIJKKOMPAS_OIDC_* variables is set (local accounts only), or all required ones.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AccountRole } from '../core/access/actor.ts';

/** Roles an account may get when the identity provider's login creates it (never the administrator). */
export const PROVISIONABLE_ROLES = [
  'viewer',
  'partner',
  'coordinator',
] as const satisfies readonly AccountRole[];

export interface OidcOrganisationRule {
  /** A value of the organisation claim, as the identity provider sends it. */
  claimValue: string;
  /** The Wijkkompas organisation (its code, e.g. GM0344) such users belong to. */
  organisationCode: string;
  /** 'match': only existing accounts of that organisation; provision: new accounts get this role. */
  accounts: 'match' | { provision: (typeof PROVISIONABLE_ROLES)[number] };
}

/** The callback route; the configured redirect URL must end in it. */
export const OIDC_CALLBACK_PATH = '/api/v1/oidc/callback';

export const oidcEnvSchema = z.object({
  WIJKKOMPAS_OIDC_ISSUER: z.url().optional(),
  WIJKKOMPAS_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  WIJKKOMPAS_OIDC_CLIENT_SECRET: z.string().min(16, 'minstens 16 tekens').max(1000).optional(),
  WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  WIJKKOMPAS_OIDC_PRIVATE_KEY_ID: z.string().min(1).max(200).optional(),
  WIJKKOMPAS_OIDC_REDIRECT_URL: z.url().optional(),
  WIJKKOMPAS_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'scopes gescheiden door spaties')
    .optional(),
  WIJKKOMPAS_OIDC_ORGANISATION_CLAIM: z.string().min(1).max(200).optional(),
  WIJKKOMPAS_OIDC_ORGANISATIONS: z.string().min(1).max(10_000).optional(),
});

type OidcEnv = z.infer<typeof oidcEnvSchema>;

export type OidcClientAuth =
  | { method: 'client_secret_basic'; secret: string }
  | { method: 'private_key_jwt'; pkcs8: Buffer; keyType: 'rsa' | 'ec'; keyId: string | undefined };

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientAuth: OidcClientAuth;
  redirectUrl: URL;
  scope: string;
  organisationClaim: string;
  /** Per value of the organisation claim: the organisation code and matching or provisioning. */
  organisations: OidcOrganisationRule[];
}

const isLoopback = (url: URL) => ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
/** HTTPS, or HTTP on this machine only (development and tests). */
const isSecureOrLocal = (url: URL) =>
  url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));

/**
 * `value=CODE:match` or `value=CODE:provision-<role>`, separated by `;`. A value of the claim not
 * listed is refused.
 */
export function parseOrganisationRules(text: string): { rules: OidcOrganisationRule[]; problems: string[] } {
  const rules: OidcOrganisationRule[] = [];
  const problems: string[] = [];
  for (const [index, entry] of text.split(';').entries()) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const match = /^(.+)=([A-Za-z0-9_-]+):(match|provision-([a-z]+))$/.exec(trimmed);
    const role = match?.[4];
    if (!match || (role !== undefined && !(PROVISIONABLE_ROLES as readonly string[]).includes(role))) {
      problems.push(
        `WIJKKOMPAS_OIDC_ORGANISATIONS: regel ${index + 1} moet de vorm waarde=CODE:match of waarde=CODE:provision-<${PROVISIONABLE_ROLES.join('|')}> hebben`,
      );
      continue;
    }
    if (rules.some((rule) => rule.claimValue === match[1]))
      problems.push(`WIJKKOMPAS_OIDC_ORGANISATIONS: waarde ${match[1]} staat er twee keer in`);
    rules.push({
      claimValue: match[1]!,
      organisationCode: match[2]!,
      accounts: role ? { provision: role as (typeof PROVISIONABLE_ROLES)[number] } : 'match',
    });
  }
  if (rules.length === 0 && problems.length === 0)
    problems.push('WIJKKOMPAS_OIDC_ORGANISATIONS: noem minstens één organisatie');
  return { rules, problems };
}

function readClientAuth(e: OidcEnv, problems: string[]): OidcClientAuth | undefined {
  if (Boolean(e.WIJKKOMPAS_OIDC_CLIENT_SECRET) === Boolean(e.WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE)) {
    problems.push(
      'WIJKKOMPAS_OIDC_CLIENT_SECRET of WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: geef er precies één (private_key_jwt aanbevolen)',
    );
    return undefined;
  }
  if (e.WIJKKOMPAS_OIDC_CLIENT_SECRET)
    return { method: 'client_secret_basic', secret: e.WIJKKOMPAS_OIDC_CLIENT_SECRET };
  try {
    const key = createPrivateKey(readFileSync(e.WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE!));
    const keyType = key.asymmetricKeyType;
    if (keyType !== 'rsa' && !(keyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')) {
      problems.push('WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: een RSA-sleutel of een EC-sleutel op P-256 is nodig');
      return undefined;
    }
    return {
      method: 'private_key_jwt',
      pkcs8: key.export({ type: 'pkcs8', format: 'der' }),
      keyType,
      keyId: e.WIJKKOMPAS_OIDC_PRIVATE_KEY_ID,
    };
  } catch (error) {
    problems.push(
      `WIJKKOMPAS_OIDC_PRIVATE_KEY_FILE: niet te lezen als private sleutel (PEM): ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

export function readOidcConfig(
  e: OidcEnv,
): { ok: true; config: OidcConfig | null } | { ok: false; problems: string[] } {
  const given = Object.entries(e).filter(
    ([name, value]) => name.startsWith('WIJKKOMPAS_OIDC_') && value !== undefined,
  );
  if (given.length === 0) return { ok: true, config: null };
  const problems: string[] = [];
  const required = [
    'WIJKKOMPAS_OIDC_ISSUER',
    'WIJKKOMPAS_OIDC_CLIENT_ID',
    'WIJKKOMPAS_OIDC_REDIRECT_URL',
    'WIJKKOMPAS_OIDC_ORGANISATION_CLAIM',
    'WIJKKOMPAS_OIDC_ORGANISATIONS',
  ] as const;
  for (const name of required)
    if (!e[name]) problems.push(`${name}: verplicht zodra een WIJKKOMPAS_OIDC_-variabele gezet is`);
  const issuer = e.WIJKKOMPAS_OIDC_ISSUER ? new URL(e.WIJKKOMPAS_OIDC_ISSUER) : undefined;
  if (issuer && !isSecureOrLocal(issuer)) problems.push('WIJKKOMPAS_OIDC_ISSUER: moet https:// zijn');
  const redirectUrl = e.WIJKKOMPAS_OIDC_REDIRECT_URL ? new URL(e.WIJKKOMPAS_OIDC_REDIRECT_URL) : undefined;
  if (redirectUrl && !isSecureOrLocal(redirectUrl))
    problems.push('WIJKKOMPAS_OIDC_REDIRECT_URL: moet https:// zijn');
  if (redirectUrl && (redirectUrl.pathname !== OIDC_CALLBACK_PATH || redirectUrl.search || redirectUrl.hash))
    problems.push(`WIJKKOMPAS_OIDC_REDIRECT_URL: moet eindigen op ${OIDC_CALLBACK_PATH} (zonder ? of #)`);
  const scope = e.WIJKKOMPAS_OIDC_SCOPE ?? 'openid profile email';
  if (!scope.split(' ').includes('openid')) problems.push('WIJKKOMPAS_OIDC_SCOPE: moet openid bevatten');
  const clientAuth = readClientAuth(e, problems);
  const organisations = e.WIJKKOMPAS_OIDC_ORGANISATIONS
    ? parseOrganisationRules(e.WIJKKOMPAS_OIDC_ORGANISATIONS)
    : undefined;
  problems.push(...(organisations?.problems ?? []));
  if (problems.length > 0 || !issuer || !redirectUrl || !clientAuth || !organisations)
    return { ok: false, problems };
  return {
    ok: true,
    config: {
      issuer,
      clientId: e.WIJKKOMPAS_OIDC_CLIENT_ID!,
      clientAuth,
      redirectUrl,
      scope,
      organisationClaim: e.WIJKKOMPAS_OIDC_ORGANISATION_CLAIM!,
      organisations: organisations.rules,
    },
  };
}
