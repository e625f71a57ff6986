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

/** The SQLSTATE of a database error (node-postgres and PGlite set `code`; drizzle wraps it in `cause`). */
export function findSqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}

/**
 * The logger's error serializer: type, message, stack, code and cause, and nothing else. A failed
 * query's parameters (drizzle puts them in the message and in `params`; PostgreSQL's `detail` repeats
 * key values) never reach the log, where the retention purge of personal data cannot reach them.
 */
export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeErrorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { message: 'non-error thrown', type: typeof error, stack: '' };
  const strip = (text: string | undefined) =>
    (text ?? '').replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [not logged]');
  const { code, cause, statusCode } = error as Error & {
    code?: unknown;
    cause?: unknown;
    statusCode?: unknown;
  };
  return {
    type: error.name,
    message: strip(error.message),
    stack: strip(error.stack),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: serializeErrorForLog(cause, depth + 1) } : {}),
  };
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
    const sqlState = findSqlState(error);
    if (sqlState?.startsWith('22')) {
      // A data exception (SQLSTATE class 22: invalid text, numeric overflow ...) comes from the input.
      // Logged by its code only: the failed query's parameters may hold personal data.
      request.log.warn({ sqlState }, 'input the database could not store');
      return sendProblem(reply, request, {
        status: 400,
        code: 'invalid_input',
        detail: `De invoer bevat een waarde die de database niet kan opslaan (SQLSTATE ${sqlState}).`,
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
