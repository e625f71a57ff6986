/**
 * Login through the organisation's identity provider (OpenID Connect, decision 0902): the login
 * methods the login page offers, the redirect to the provider and the provider's callback. The
 * callback always answers with a redirect into the app: with a new session cookie, or to the login
 * page with a short reason code (never a token, claim or personal detail in a URL).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import type { OidcService } from '../services/oidc.service.ts';
import { errorResponses } from './common.ts';

const ATTEMPT_COOKIE = 'wk_oidc';
const ATTEMPT_COOKIE_PATH = '/api/v1/oidc';

/** What the login page says per refusal (see login-page.tsx). */
const REFUSAL_CODES = { failed: 'mislukt', organisation: 'organisatie', no_account: 'geen-account' } as const;

export const oidcRoutes: FastifyPluginAsyncZod<{ oidc: OidcService; secureCookies: boolean }> = async (
  app,
  options,
) => {
  app.get(
    '/login-methods',
    {
      config: { isPublic: true },
      schema: {
        tags: ['Sessies'],
        operationId: 'getLoginMethods',
        summary: 'Manieren van inloggen',
        description:
          'Welke manieren van inloggen deze installatie biedt: altijd e-mailadres en wachtwoord, en inloggen via de identity provider van de organisatie wanneer die is ingesteld.',
        response: {
          200: z
            .object({
              password: z.boolean().describe('Inloggen met e-mailadres en wachtwoord'),
              organisation: z
                .boolean()
                .describe('Inloggen via de identity provider van de organisatie (OpenID Connect)'),
            })
            .meta({ id: 'LoginMethods' }),
        },
      },
    },
    async () => ({ password: true, organisation: options.oidc.isEnabled }),
  );

  app.get(
    '/oidc/authorization',
    {
      config: { isPublic: true },
      schema: {
        tags: ['Sessies'],
        operationId: 'startOrganisationLogin',
        summary: 'Inloggen via de organisatie beginnen',
        description:
          'Stuurt door naar de identity provider van de organisatie (authorization code flow met PKCE, NL GOV-profiel). `terug` is een pad in deze applicatie om na het inloggen naar terug te gaan.',
        querystring: z.object({ terug: z.string().max(500).optional() }),
        response: {
          302: z.null().describe('Doorverwezen naar de identity provider'),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const started = await options.oidc.begin(request.query.terug);
      if (!started)
        throw new DomainError(
          'not_found',
          'Inloggen via de organisatie is op deze installatie niet ingesteld.',
        );
      reply.setCookie(ATTEMPT_COOKIE, started.attemptId, {
        path: ATTEMPT_COOKIE_PATH,
        httpOnly: true,
        // Lax: the cookie must come along on the provider's top-level redirect back to the callback.
        sameSite: 'lax',
        secure: options.secureCookies,
        maxAge: 600,
      });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/oidc/callback',
    {
      config: { isPublic: true },
      schema: {
        tags: ['Sessies'],
        operationId: 'completeOrganisationLogin',
        summary: 'Terugkeer van de identity provider',
        description:
          'De identity provider stuurt de browser hierheen met `code` en `state` (of `error`). Bij succes een nieuwe sessie en door naar de app; anders door naar de inlogpagina met `fout`.',
        querystring: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(2000).optional(),
          iss: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(2000).optional(),
          session_state: z.string().max(2000).optional(),
        }),
        response: {
          303: z.null().describe('Doorverwezen naar de app (ingelogd) of naar de inlogpagina (met fout)'),
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const outcome = await options.oidc.complete(
        query,
        request.cookies[ATTEMPT_COOKIE],
        request.sessionToken,
      );
      reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_COOKIE_PATH });
      if (!outcome.ok) return reply.redirect(`/inloggen?fout=oidc-${REFUSAL_CODES[outcome.refusal]}`, 303);
      reply.setCookie(SESSION_COOKIE, outcome.session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        expires: outcome.session.expiresAt,
      });
      return reply.redirect(outcome.returnPath, 303);
    },
  );
};
