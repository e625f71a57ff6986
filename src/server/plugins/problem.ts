/** Turns every error into application/problem+json. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDomainError } from '../../core/errors.ts';
import { HTTP_STATUS_BY_CODE, TITLE_BY_STATUS, problemType, type Problem } from '../errors.ts';

export interface ProblemInput {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: Problem['errors'];
  [extension: string]: unknown;
}

const CONTEXT_TO_IN: Record<string, 'body' | 'query' | 'path' | 'header'> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

type SafeParser = {
  safeParse: (value: unknown) => {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string; code: string }[] };
  };
};

function isSafeParser(value: unknown): value is SafeParser {
  return typeof (value as SafeParser | undefined)?.safeParse === 'function';
}

function collectAllFieldErrors(request: FastifyRequest) {
  const schema = (request.routeOptions.schema ?? {}) as Record<string, unknown>;
  const parts: [string, 'path' | 'query' | 'body' | 'header', unknown][] = [
    ['params', 'path', request.params],
    ['querystring', 'query', request.query],
    ['body', 'body', request.body],
    ['headers', 'header', request.headers],
  ];
  const errors: {
    in: 'path' | 'query' | 'body' | 'header';
    path: (string | number)[];
    message: string;
    code: string | undefined;
  }[] = [];
  for (const [key, where, value] of parts) {
    const part = schema[key];
    if (!isSafeParser(part)) continue;
    const result = part.safeParse(value);
    if (result.success || !result.error) continue;
    for (const issue of result.error.issues) {
      errors.push({
        in: where,
        path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: issue.message,
        code: issue.code,
      });
    }
  }
  return errors;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemInput) {
  const body: Problem = {
    ...problem,
    type: problemType(problem.code),
    title: problem.title ?? TITLE_BY_STATUS[problem.status] ?? 'Fout',
    instance: request.url,
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

export function registerProblemHandler(app: FastifyInstance, options: { serveAppShell?: boolean } = {}) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Fastify stops at the first invalid part (params, then body, query); re-check every part so
      // the problem lists every field error at once.
      let errors = collectAllFieldErrors(request);
      if (errors.length === 0) {
        errors = error.validation.map((v) => ({
          in:
            CONTEXT_TO_IN[String((error as { validationContext?: string }).validationContext ?? 'body')] ??
            'body',
          path: pointerToPath(v.instancePath),
          message: v.message ?? 'ongeldig',
          code: undefined as string | undefined,
        }));
      }
      return sendProblem(reply, request, {
        status: 400,
        code: 'invalid_input',
        detail: `De invoer bevat ${errors.length} fout(en): ${errors.map((e) => `${e.path.join('.') || '(geheel)'}: ${e.message}`).join('; ')}`,
        errors,
      });
    }
    if (isDomainError(error)) {
      const status = HTTP_STATUS_BY_CODE[error.code];
      const extra = error.data ?? {};
      return sendProblem(reply, request, {
        ...extra,
        status,
        code: error.code,
        detail: error.message,
        ...(error.issues.length > 0 ? { errors: error.issues } : {}),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, request, {
        status: 500,
        code: 'internal',
        detail: 'Het antwoord van de server voldoet niet aan het schema.',
      });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    const code =
      status === 429
        ? 'rate_limited'
        : status >= 500
          ? 'internal'
          : (error.code ?? 'http_error').toLowerCase();
    return sendProblem(reply, request, {
      status,
      code,
      detail:
        status >= 500
          ? 'Er ging iets mis aan de kant van de server. Probeer het later opnieuw.'
          : error.message,
    });
  });

  // Fastify allows one not-found handler per prefix: it also serves the web app's shell for its
  // client-side routes (every GET outside /api) when the app is served (@fastify/static's sendFile).
  app.setNotFoundHandler((request, reply) => {
    if (options.serveAppShell && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, request, {
      status: 404,
      code: 'not_found',
      detail: `Geen resource op ${request.method} ${request.url}.`,
    });
  });
}
