import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { createCbaService } from '../services/cba.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';

const caseFile = z
  .object({})
  .catchall(z.unknown())
  .describe('MKBA-casebestand (zie docs/decisions/0102-cba-conventions-and-template.md)');
const resultSchema = z
  .object({
    method: z.string().describe('Hoe is verdisconteerd: (1+r)^-(t - basisjaar)'),
    presentValueCosts: z.number().optional(),
    presentValueBenefits: z.number().optional(),
    netPresentValue: z.number().optional(),
    benefitCostRatio: z.number().nullable().optional(),
    breakEvenYear: z.number().int().nullable().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'CbaResult' });
const summarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'archived']),
    version: z.number().int(),
    updatedAt: z.string(),
    netPresentValue: z.number().nullable(),
    benefitCostRatio: z.number().nullable(),
    problemCount: z
      .number()
      .int()
      .describe(
        'Aantal problemen van een opgeslagen casebestand dat niet (meer) aan de regels voldoet; dan zijn de kerncijfers null',
      ),
  })
  .meta({ id: 'CbaCaseSummary' });
const detailSchema = summarySchema
  .extend({
    caseFile,
    result: resultSchema.nullable().describe('null als het opgeslagen casebestand niet (meer) geldig is'),
    problems: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
          code: z.string().optional(),
        }),
      )
      .describe('Wat er aan het opgeslagen casebestand moet worden verbeterd (leeg als het geldig is)'),
    updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'CbaCase' });
/** The largest case the core accepts (case-schema.ts: 500 items x 100 years) is about 0.7 MB of JSON. */
const CBA_BODY_LIMIT = 2 * 1024 * 1024;
const approachParams = z.object({ approachId: uuidParam });
const caseParams = approachParams.extend({ caseId: uuidParam });

export const cbaRoutes: FastifyPluginAsyncZod<{ cba: ReturnType<typeof createCbaService> }> = async (
  app,
  { cba },
) => {
  app.get(
    '/cba-templates/:templateId',
    {
      schema: {
        tags: ['MKBA'],
        operationId: 'getCbaTemplate',
        summary: 'MKBA-sjabloon',
        description:
          'Het sjabloon "16 stedelijke vernieuwingsgebieden (2021)" uit de nota, met zijn aannames.',
        params: z.object({ templateId: z.enum(['sixteen-areas']) }),
        response: { 200: caseFile, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      requireActor(request);
      return cba.template(request.params.templateId) as unknown as Record<string, unknown>;
    },
  );

  app.post(
    '/cba-evaluations',
    {
      bodyLimit: CBA_BODY_LIMIT,
      schema: {
        tags: ['MKBA'],
        operationId: 'evaluateCba',
        summary: 'MKBA doorrekenen',
        description:
          'Rekent een casebestand door zonder het op te slaan (contante waarden, NCW, baten/kostenverhouding, terugverdienjaar, gevoeligheid).',
        body: z.object({ caseFile }),
        response: { 200: resultSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireActor(request);
      return (await cba.evaluate(request.body.caseFile)) as unknown as z.infer<typeof resultSchema>;
    },
  );

  app.get(
    '/approaches/:approachId/cba-cases',
    {
      schema: {
        tags: ['MKBA'],
        operationId: 'listCbaCases',
        summary: "MKBA's van een wijkaanpak",
        description: 'De maatschappelijke kosten-batenanalyses van deze wijkaanpak met hun kerncijfers.',
        params: approachParams,
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(summarySchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      cba.list(requireActor(request), request.params.approachId, {
        includeArchived: request.query.includeArchived === 'true',
      }),
  );

  app.post(
    '/approaches/:approachId/cba-cases',
    {
      bodyLimit: CBA_BODY_LIMIT,
      schema: {
        tags: ['MKBA'],
        operationId: 'createCbaCase',
        summary: 'MKBA aanmaken',
        description: 'Maakt een MKBA aan uit een casebestand of een sjabloon.',
        params: approachParams,
        body: z.object({ caseFile: caseFile.optional(), template: z.enum(['sixteen-areas']).optional() }),
        response: { 201: detailSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cba.create(requireActor(request), request.params.approachId, request.body)),
  );

  app.get(
    '/approaches/:approachId/cba-cases/:caseId',
    {
      schema: {
        tags: ['MKBA'],
        operationId: 'getCbaCase',
        summary: 'MKBA',
        description: 'Eén MKBA met casebestand en doorgerekende resultaten.',
        params: caseParams,
        response: { 200: detailSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => cba.get(requireActor(request), request.params.approachId, request.params.caseId),
  );

  app.put(
    '/approaches/:approachId/cba-cases/:caseId',
    {
      bodyLimit: CBA_BODY_LIMIT,
      schema: {
        tags: ['MKBA'],
        operationId: 'updateCbaCase',
        summary: 'MKBA bijwerken',
        description:
          'Vervangt het casebestand; `version` is de versie waarop de wijziging is gebaseerd (409 als die verouderd is).',
        params: caseParams,
        body: z.object({
          version: z.number().int().min(1),
          caseFile,
          status: z.enum(['active', 'archived']).optional(),
        }),
        response: { 200: detailSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      cba.update(requireActor(request), request.params.approachId, request.params.caseId, request.body),
  );
};
