/** Where links in responses and e-mails point: the configured public URL, else the request's own origin. */
import type { FastifyRequest } from 'fastify';

export function linkBase(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Rate limit of the public one-time-link routes (per address). */
export interface LinkRateLimit {
  max: number;
  timeWindow: number;
}

export function linkRateLimitConfig(limit: LinkRateLimit) {
  return {
    rateLimit: {
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: (req: FastifyRequest) => req.ip,
    },
  };
}
