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

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemInput) {
  const body: Problem = {
    ...problem,
    type: problemType(problem.code),
    title: problem.title ?? TITLE_BY_STATUS[problem.status] ?? 'Fout',
    instance: request.url,
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const params = v.params as { issue?: { path?: (string | number)[]; code?: string } } | undefined;
        const path = params?.issue?.path ?? pointerToPath(v.instancePath);
        const where = CONTEXT_TO_IN[String((error as { validationContext?: string }).validationContext ?? 'body')];
        return { in: where, path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: v.message ?? 'ongeldig', code: params?.issue?.code };
      });
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
      return sendProblem(reply, request, { status: 500, code: 'internal', detail: 'Het antwoord van de server voldoet niet aan het schema.' });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    const code = status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : (error.code ?? 'http_error').toLowerCase();
    return sendProblem(reply, request, {
      status,
      code,
      detail: status >= 500 ? 'Er ging iets mis aan de kant van de server. Probeer het later opnieuw.' : error.message,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: 404, code: 'not_found', detail: `Geen resource op ${request.method} ${request.url}.` }),
  );
}
