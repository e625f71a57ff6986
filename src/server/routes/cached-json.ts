/**
 * Large analysis results (an area profile is ~0.5 MB) are computed once per data generation and
 * memoized by the service (analysis-data.ts), so the same object comes back for every request.
 * This validates such an object against its response schema once, keeps the UTF-8 JSON beside it
 * (WeakMap: dropped with the memo), and sends those bytes on later requests instead of validating,
 * serialising and encoding the same object again.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

const bodies = new WeakMap<object, Buffer>();

export function sendCachedJson(reply: FastifyReply, schema: z.ZodType, value: object) {
  let body = bodies.get(value);
  if (body === undefined) {
    body = Buffer.from(JSON.stringify(schema.parse(value)), 'utf8');
    bodies.set(value, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
