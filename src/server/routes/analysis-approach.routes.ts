/** The analysis of an approach's focus area, and the interpretations of its figures. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { createAnalysisInterpretationsService } from '../services/analysis-interpretations.service.ts';
import type { AnalysisService } from '../services/analysis.service.ts';
import {
  areaAccumulationSchema,
  areaProfileSchema,
  earlySignalsSchema,
  indicatorKey,
  interpretationSchema,
  seriesSchema,
  worstShare,
  year,
} from './analysis.schemas.ts';
import { sendCachedJson } from './cached-json.ts';
import { AUTH_ERRORS, errorResponses, isoDate, regionCode, uuidParam } from './common.ts';

const TAGS = ['Wijkanalyse'];
const approachParams = z.object({ approachId: uuidParam });

export const analysisApproachRoutes: FastifyPluginAsyncZod<{
  analysis: AnalysisService;
  interpretations: ReturnType<typeof createAnalysisInterpretationsService>;
}> = async (app, { analysis, interpretations }) => {
  app.get(
    '/approaches/:approachId/area-profile',
    {
      schema: {
        tags: TAGS,
        operationId: 'getApproachAreaProfile',
        summary: 'Gebiedsprofiel van het focusgebied',
        description:
          'Per indicator de waarde van het focusgebied (samengevoegd over de buurten, met dekking), van de gemeente en van Nederland, en het percentiel in land en gemeente; elk cijfer met bestand, tabel, rij en kolom.',
        params: approachParams,
        querystring: z.object({ year }),
        response: { 200: areaProfileSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        areaProfileSchema,
        await analysis.getApproachProfile(requireActor(request), {
          approachId: request.params.approachId,
          year: request.query.year,
        }),
      ),
  );

  app.get(
    '/approaches/:approachId/indicator-series',
    {
      schema: {
        tags: TAGS,
        operationId: 'getApproachIndicatorSeries',
        summary: 'Ontwikkeling van een indicator',
        description:
          'De indicator over alle jaren voor het focusgebied, de gemeente en Nederland, met breuken waar de gebiedsindeling veranderde.',
        params: approachParams,
        querystring: z.object({ indicator: indicatorKey }),
        response: { 200: seriesSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        seriesSchema,
        await analysis.getApproachSeries(requireActor(request), {
          approachId: request.params.approachId,
          indicatorKey: request.query.indicator,
        }),
      ),
  );

  app.get(
    '/approaches/:approachId/accumulation',
    {
      schema: {
        tags: TAGS,
        operationId: 'getApproachAccumulation',
        summary: 'Opstapeling in het focusgebied',
        description:
          'In hoeveel domeinen het focusgebied (en elk van zijn buurten) bij het slechtste deel van de buurten van Nederland hoort; het deel is instelbaar (standaard 0,2).',
        params: approachParams,
        querystring: z.object({ year, worstShare: worstShare.optional() }),
        response: { 200: areaAccumulationSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        areaAccumulationSchema,
        await analysis.getApproachAccumulation(requireActor(request), {
          approachId: request.params.approachId,
          ...request.query,
        }),
      ),
  );

  app.get(
    '/approaches/:approachId/early-signals',
    {
      schema: {
        tags: TAGS,
        operationId: 'getApproachEarlySignals',
        summary: 'Vroege signalen',
        description:
          'Indicatoren waarop het focusgebied duidelijk sneller verslechtert dan de gemeente, met de uitleg van de methode.',
        params: approachParams,
        querystring: z.object({ toYear: year.optional() }),
        response: { 200: earlySignalsSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        earlySignalsSchema,
        await analysis.getApproachEarlySignals(requireActor(request), {
          approachId: request.params.approachId,
          toYear: request.query.toYear,
        }),
      ),
  );

  app.get(
    '/approaches/:approachId/interpretations',
    {
      schema: {
        tags: TAGS,
        operationId: 'listInterpretations',
        summary: 'Duidingen',
        description:
          'Warme duiding: notities van professionals en bewoners bij cijfers van het focusgebied, nieuwste eerst.',
        params: approachParams,
        querystring: z.object({ indicator: indicatorKey.optional(), year: year.optional() }),
        response: { 200: z.array(interpretationSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      interpretations.list(requireActor(request), {
        approachId: request.params.approachId,
        indicatorKey: request.query.indicator,
        year: request.query.year,
      }),
  );

  app.post(
    '/approaches/:approachId/interpretations',
    {
      schema: {
        tags: TAGS,
        operationId: 'createInterpretation',
        summary: 'Duiding toevoegen',
        description:
          'Voegt een duiding toe bij een cijfer (indicator, jaar, gebieden; standaard het focusgebied). Coördinatoren en partners.',
        params: approachParams,
        body: z.object({
          indicatorKey,
          year: z.number().int().min(1990).max(2100),
          regionCodes: z.array(regionCode).max(500).optional(),
          text: z.string().trim().min(3, 'minstens 3 tekens').max(10_000),
          authorName: z.string().trim().max(200).optional(),
          organisationName: z.string().trim().max(300).optional(),
          notedOn: isoDate.optional(),
        }),
        response: { 201: interpretationSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await interpretations.add(requireActor(request), request.params.approachId, request.body)),
  );
};
