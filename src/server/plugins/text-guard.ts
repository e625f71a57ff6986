/**
 * NUL characters (U+0000) in any text of a request are refused with a 400 naming each field (issue 10,
 * finding 6): PostgreSQL cannot store them in text or jsonb, so they used to end as a 500 with the
 * failed query's parameters in the log. Checked once for every route, on the parsed body, query and
 * path parameters (object keys too), before the route's own zod schema.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.ts';

const MAX_REPORTED = 20;
const NUL = '\u0000';

type Path = (string | number)[];

export function findNulPaths(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findNulPaths(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) found.push([...path, key]);
      else findNulPaths(item, [...path, key], found);
    }
  }
  return found;
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request, reply) => {
    const errors = (
      [
        ['path', request.params],
        ['query', request.query],
        ['body', request.body],
      ] as const
    ).flatMap(([where, value]) =>
      findNulPaths(value).map((path) => ({
        in: where,
        path,
        message: 'bevat een NUL-teken (\\u0000); dat kan niet worden opgeslagen',
      })),
    );
    if (errors.length === 0) return;
    return sendProblem(reply, request, {
      status: 400,
      code: 'invalid_input',
      detail: `De invoer bevat een NUL-teken (\\u0000) in: ${errors.map((e) => e.path.join('.') || '(geheel)').join(', ')}.`,
      errors,
    });
  });
}
