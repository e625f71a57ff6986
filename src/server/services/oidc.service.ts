/**
 * Staff login through the organisation's identity provider: OpenID Connect authorization code flow
 * with PKCE (S256), state and nonce, following the NL GOV Assurance profile for OIDC (decision 0902),
 * with openid-client as the relying party. The ID token's signature, issuer, audience, expiry and
 * nonce are checked by openid-client; `alg: none` and symmetric algorithms are never accepted.
 *
 * Between the redirect and the callback the browser holds a random id in a cookie; state, nonce and
 * the PKCE verifier are kept in the database under its SHA-256 (any instance may take the callback),
 * used once and for at most 10 minutes. Nothing of the tokens or the claims is logged.
 */
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as oidc from 'openid-client';
import { insertOidcLoginAttempt, takeOidcLoginAttempt } from '../../db/accounts.repository.ts';
import type { OidcConfig } from '../oidc-config.ts';
import type { createAuthService } from './auth.service.ts';
import type { ServiceContext } from './context.ts';
import { resolveOidcAccount, type OidcRefusal } from './oidc-accounts.ts';

const ATTEMPT_MINUTES = 10;

export type OidcOutcome =
  | {
      ok: true;
      session: Awaited<ReturnType<ReturnType<typeof createAuthService>['startSession']>>;
      returnPath: string;
    }
  | { ok: false; refusal: OidcRefusal };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Only a path inside this app is a place to return to. */
export function toReturnPath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/';
}

async function importClientKey(auth: Extract<OidcConfig['clientAuth'], { method: 'private_key_jwt' }>) {
  const algorithm =
    auth.keyType === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  const key = await webcrypto.subtle.importKey('pkcs8', auth.pkcs8, algorithm, false, ['sign']);
  return { key: key as unknown as CryptoKey, ...(auth.keyId ? { kid: auth.keyId } : {}) };
}

/** The failed check in the library's words, with its cause's (no values of claims or tokens in either). */
function describeCheck(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 200);
}

export function createOidcService(
  ctx: ServiceContext,
  config: OidcConfig | null,
  auth: ReturnType<typeof createAuthService>,
  log: (message: string, fields: Record<string, string>) => void,
) {
  let discovered: Promise<oidc.Configuration> | undefined;

  /** The provider's metadata (discovery), fetched at the first login and kept; fetched again after a failure. */
  function getConfiguration(settings: OidcConfig): Promise<oidc.Configuration> {
    discovered ??= (async () => {
      const clientAuth =
        settings.clientAuth.method === 'client_secret_basic'
          ? oidc.ClientSecretBasic(settings.clientAuth.secret)
          : oidc.PrivateKeyJwt(await importClientKey(settings.clientAuth));
      return oidc.discovery(
        settings.issuer,
        settings.clientId,
        { redirect_uris: [settings.redirectUrl.href], response_types: ['code'] },
        clientAuth,
        {
          // The NL GOV profile: the RP validates the ID token's signature, also when it comes straight
          // from the token endpoint (openid-client skips that by default, trusting TLS).
          execute: [
            oidc.enableNonRepudiationChecks,
            // http:// only on this machine (config.ts allows nothing else).
            ...(settings.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
          ],
        },
      );
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  }

  return {
    isEnabled: config !== null,

    /** Starts a login: the provider's authorization URL and the id for the browser's cookie. */
    async begin(returnTo: string | undefined): Promise<{ url: string; attemptId: string } | null> {
      if (!config) return null;
      const configuration = await getConfiguration(config);
      const attemptId = randomBytes(32).toString('base64url');
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await insertOidcLoginAttempt(ctx.db, {
        idHash: sha256(attemptId),
        state,
        nonce,
        codeVerifier,
        returnPath: toReturnPath(returnTo),
        expiresAt: new Date(ctx.clock.now().getTime() + ATTEMPT_MINUTES * 60_000),
      });
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: config.redirectUrl.href,
        response_type: 'code',
        scope: config.scope,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, attemptId };
    },

    /**
     * The callback: `query` is the callback's query string as received. Any failure of the protocol
     * (state, the provider's error, the token request, any check of the ID token) or of the account
     * rules ends without a session; only the kind of refusal and the library's error code are logged.
     */
    async complete(
      query: string,
      attemptId: string | undefined,
      previousToken: string | undefined,
    ): Promise<OidcOutcome> {
      if (!config) return { ok: false, refusal: 'failed' };
      const attempt = attemptId
        ? await takeOidcLoginAttempt(ctx.db, sha256(attemptId), ctx.clock.now())
        : undefined;
      if (!attempt) {
        log('oidc login refused', { reason: 'no_attempt' });
        return { ok: false, refusal: 'failed' };
      }
      let claims: Record<string, unknown>;
      try {
        const configuration = await getConfiguration(config);
        const callbackUrl = new URL(config.redirectUrl.href);
        callbackUrl.search = query;
        const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new Error('no ID token');
        claims = { ...idClaims };
        // The organisation or e-mail may come only from the UserInfo endpoint (same subject required).
        if (claims[config.organisationClaim] === undefined || claims.email === undefined) {
          const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
          claims = { ...info, ...idClaims };
        }
      } catch (error) {
        // The library's code and message name the failed check (a claim's name, never its value).
        const code = (error as { code?: unknown }).code;
        log('oidc login refused', {
          reason: 'protocol',
          error: typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
          check: describeCheck(error),
        });
        return { ok: false, refusal: 'failed' };
      }
      const account = await resolveOidcAccount(ctx, config, claims);
      if (!account.ok) {
        log('oidc login refused', { reason: account.refusal });
        return { ok: false, refusal: account.refusal };
      }
      const session = await auth.startSession(account.userId, previousToken);
      return { ok: true, session, returnPath: attempt.returnPath };
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
