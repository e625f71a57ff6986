import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FRAMEWORK } from '../../core/framework/index.ts';

const discussionPoint = z.object({ id: z.string(), text: z.string() });
const step = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  consideration: z.string(),
  principleIds: z.array(z.string()),
  successFactorIds: z.array(z.string()),
  discussionPoints: z.array(discussionPoint),
});
const phase = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  introduction: z.string(),
  subSteps: z.array(z.string()),
  steps: z.array(step),
});
const knowledgeItem = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
});
export const frameworkSchema = z
  .object({
    version: z.string(),
    phases: z.array(phase),
    principles: z.array(knowledgeItem),
    successFactors: z.array(knowledgeItem),
  })
  .meta({ id: 'Framework' });

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/framework',
    {
      config: { isPublic: true },
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'getFramework',
        summary: 'Het afwegingskader',
        description:
          'Fasen, stappen met hun afweging, alle gesprekspunten, uitgangspunten en succesfactoren van het afwegingskader (Programma Leefbaarheid en Veiligheid, 2022), in de volgorde van de nota.',
        response: { 200: frameworkSchema },
      },
    },
    async () => FRAMEWORK,
  );
};
