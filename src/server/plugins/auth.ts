/**
 * Sessions and CSRF. The session cookie is httpOnly and SameSite=Strict; every state-changing
 * request with a session must also carry the session's CSRF token in the X-CSRF-Token header
 * (synchroniser token), and the login itself must come from the same origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/actor.ts';
import { DomainError } from '../../core/errors.ts';
import type { SessionInfo } from '../services/auth.service.ts';
import { sendProblem } from './problem.ts';

export const SESSION_COOKIE = 'wk_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | undefined;
    sessionToken: string | undefined;
  }
  interface FastifyContextConfig {
    /** Reachable without login (health, framework, OpenAPI, login). */
    isPublic?: boolean;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function registerAuth(
  app: FastifyInstance,
  resolve: (token: string) => Promise<SessionInfo | undefined>,
) {
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionToken', undefined);

  // Everything here runs on the headers alone, before the body is read (issue 10, finding 5): an
  // anonymous or forged request is refused without its body being buffered, and an anonymous request
  // learns nothing about the input rules.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.sessionToken = token;
      request.session = await resolve(token);
    }
    const isPublic = request.routeOptions.config?.isPublic === true || request.is404;
    if (!isPublic && !request.session) {
      return sendProblem(reply, request, {
        status: 401,
        code: 'unauthenticated',
        detail: 'U bent niet ingelogd of uw sessie is verlopen.',
      });
    }
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (request.session) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, request.session.csrfToken)) {
        return sendProblem(reply, request, {
          status: 403,
          code: 'csrf',
          detail: 'CSRF-token ontbreekt of klopt niet. Laad de pagina opnieuw.',
        });
      }
    } else if (!isSameOrigin(request)) {
      return sendProblem(reply, request, {
        status: 403,
        code: 'csrf',
        detail: 'Verzoek van een andere herkomst geweigerd.',
      });
    }
  });
}

/** The logged-in actor; the onRequest hook guarantees one on non-public routes. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new DomainError('unauthenticated', 'U bent niet ingelogd.');
  return request.session.actor;
}
