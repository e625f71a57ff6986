import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_VERSION } from '../plugins/openapi.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ checkDatabase: () => Promise<boolean> }> = async (
  app,
  options,
) => {
  app.get(
    '/health',
    {
      config: { isPublic: true },
      schema: {
        tags: ['Systeem'],
        operationId: 'getHealth',
        summary: 'Gezondheid van de dienst',
        description: 'Geeft aan of de dienst en de database bereikbaar zijn.',
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            apiVersion: z.string(),
            database: z.enum(['ok', 'unreachable']),
          }),
        },
      },
    },
    async () => {
      const dbOk = await options.checkDatabase().catch(() => false);
      return {
        status: dbOk ? ('ok' as const) : ('degraded' as const),
        apiVersion: API_VERSION,
        database: dbOk ? ('ok' as const) : ('unreachable' as const),
      };
    },
  );
};
