import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE, requireActor } from '../plugins/auth.ts';
import { sendProblem } from '../plugins/problem.ts';
import { normaliseEmail, type createAuthService } from '../services/auth.service.ts';
import { errorResponses } from './common.ts';

const sessionView = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['admin', 'coordinator', 'partner', 'viewer']),
      organisation: z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(['municipality', 'partner']),
      }),
    }),
    csrfToken: z.string().describe('Stuur mee als X-CSRF-Token bij elke wijzigende aanvraag'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

type SessionInfo = Awaited<ReturnType<ReturnType<typeof createAuthService>['login']>>;

function present(s: Omit<SessionInfo, 'token'>) {
  const a = s.actor;
  return {
    user: {
      id: a.userId,
      name: a.name,
      email: a.email,
      role: a.role,
      organisation: {
        id: a.organisationId,
        code: a.organisationCode,
        name: a.organisationName,
        kind: a.organisationKind,
      },
    },
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
  };
}

export interface LoginRateLimit {
  /** Attempts per address and e-mail address per window. */
  max: number;
  /** Attempts per address over all e-mail addresses per window (default 5 × max). */
  maxPerAddress?: number;
  /** Milliseconds. */
  timeWindow: number;
}

export const sessionRoutes: FastifyPluginAsyncZod<{
  auth: ReturnType<typeof createAuthService>;
  secureCookies: boolean;
  loginRateLimit: LoginRateLimit;
}> = async (app, options) => {
  const { max, timeWindow, maxPerAddress = max * 5 } = options.loginRateLimit;
  const checkPerAccount = app.createRateLimit({
    max,
    timeWindow,
    keyGenerator: (req) =>
      `login|${req.ip}|${normaliseEmail(String((req.body as { email?: unknown } | undefined)?.email ?? ''))}`,
  });
  app.post(
    '/sessions',
    {
      // Password spraying: one address trying many accounts, counted before the body is read.
      onRequest: app.rateLimit({ max: maxPerAddress, timeWindow, keyGenerator: (req) => `login|${req.ip}` }),
      // Guessing one account's password: per address and normalised e-mail (as the login compares it).
      // A second limiter on one request needs createRateLimit (rateLimit() runs once per request).
      preHandler: async (request, reply) => {
        const limit = await checkPerAccount(request);
        if (limit.isAllowed || !limit.isExceeded) return;
        reply.header('retry-after', String(limit.ttlInSeconds));
        return sendProblem(reply, request, {
          status: 429,
          code: 'rate_limited',
          detail: `Te veel inlogpogingen voor dit e-mailadres. Probeer het over ${limit.ttlInSeconds} seconden opnieuw.`,
        });
      },
      config: { isPublic: true },
      schema: {
        tags: ['Sessies'],
        operationId: 'createSession',
        summary: 'Inloggen',
        description: 'Logt in met e-mailadres en wachtwoord; zet een httpOnly-sessiecookie.',
        body: z.object({
          email: z.string().min(1, 'verplicht').max(320),
          password: z.string().min(1, 'verplicht').max(1024),
        }),
        response: { 201: sessionView, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const session = await options.auth.login(request.body, { previousToken: request.sessionToken });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        expires: session.expiresAt,
      });
      return reply.status(201).send(present(session));
    },
  );

  app.get(
    '/sessions/current',
    {
      schema: {
        tags: ['Sessies'],
        operationId: 'getCurrentSession',
        summary: 'Huidige sessie',
        description: 'De ingelogde gebruiker en het CSRF-token van de sessie.',
        response: { 200: sessionView, ...errorResponses(401) },
      },
    },
    async (request) => {
      requireActor(request);
      return present(request.session!);
    },
  );

  app.delete(
    '/sessions/current',
    {
      schema: {
        tags: ['Sessies'],
        operationId: 'deleteCurrentSession',
        summary: 'Uitloggen',
        description: 'Beëindigt de sessie op de server en wist het cookie.',
        response: { 204: z.null().describe('Uitgelogd'), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      if (request.sessionToken) await options.auth.logout(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
