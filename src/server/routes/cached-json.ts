/**
 * Large analysis results (an area profile is ~0.5 MB) are computed once per data generation and
 * memoized by the service (analysis-data.ts), so the same object comes back for every request.
 * This validates such an object against its response schema once, keeps the JSON text beside it
 * (WeakMap: dropped with the memo), and sends that text on later requests instead of validating
 * and serialising the same object again.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

const texts = new WeakMap<object, string>();

export function sendCachedJson(reply: FastifyReply, schema: z.ZodType, value: object) {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(schema.parse(value));
    texts.set(value, text);
  }
  return reply.type('application/json; charset=utf-8').send(text);
}
