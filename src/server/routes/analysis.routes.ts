/**
 * Neighbourhood analysis, public CBS data behind login: the indicator catalogue, report years,
 * regions of a municipality, and per municipality the ranking, accumulation and map of its buurten;
 * the profile of explicit regions of the actor's own municipality.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { createAnalysisCatalogueService } from '../services/analysis-catalogue.service.ts';
import type { createAnalysisMunicipalityService } from '../services/analysis-municipality.service.ts';
import type { AnalysisService } from '../services/analysis.service.ts';
import {
  areaProfileSchema,
  domain,
  indicatorKey,
  indicatorSchema,
  localIndicatorInput,
  mapSchema,
  municipalityAccumulationSchema,
  municipalityCode,
  rankingSchema,
  regionList,
  regionSchema,
  worstShare,
  year,
  yearSchema,
} from './analysis.schemas.ts';
import { sendCachedJson } from './cached-json.ts';
import { errorResponses } from './common.ts';

const TAGS = ['Wijkanalyse'];
const municipalityParams = z.object({ municipalityCode });

export const analysisRoutes: FastifyPluginAsyncZod<{
  catalogue: ReturnType<typeof createAnalysisCatalogueService>;
  municipality: ReturnType<typeof createAnalysisMunicipalityService>;
  analysis: AnalysisService;
}> = async (app, { catalogue, municipality, analysis }) => {
  app.get(
    '/indicators',
    {
      schema: {
        tags: TAGS,
        operationId: 'listIndicators',
        summary: 'Indicatorencatalogus',
        description:
          'Alle CBS-indicatoren (eenheid, domein, richting, definitie, bron) en de eigen indicatoren van uw gemeente.',
        querystring: z.object({ domain: domain.optional() }),
        response: { 200: z.array(indicatorSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => catalogue.listIndicators(requireActor(request), request.query),
  );

  app.get(
    '/indicators/:indicatorKey',
    {
      schema: {
        tags: TAGS,
        operationId: 'getIndicator',
        summary: 'Indicator',
        description: 'Eén indicator uit de catalogus.',
        params: z.object({ indicatorKey }),
        response: { 200: indicatorSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => catalogue.getIndicator(requireActor(request), request.params.indicatorKey),
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags: TAGS,
        operationId: 'createLocalIndicator',
        summary: 'Eigen indicator toevoegen',
        description:
          'Voegt een indicator van de eigen gemeente toe (bijvoorbeeld uit de eigen wijkmonitor). Alleen coördinatoren van een gemeente en de platformbeheerder. ' +
          'Alleen die gemeente (en de platformbeheerder) ziet de indicator, in catalogus, profielen, reeksen, rangordes, kaart en vroege signalen; opstapeling gebruikt geen eigen indicatoren (er is geen landelijke vergelijking). ' +
          'Een percentage of gemiddelde wordt over gebieden gewogen met `baseKeys` (bijvoorbeeld `a_inw`), een aantal opgeteld. ' +
          'De waarden komen daarna via `POST /imports`: een CSV in de kwb-indeling met de kop `gwb_code_10;regio;<key>` en één rij per gebied van de eigen gemeente (zie daar).',
        body: localIndicatorInput,
        response: { 201: indicatorSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createLocalIndicator(requireActor(request), request.body)),
  );

  app.get(
    '/analysis-years',
    {
      schema: {
        tags: TAGS,
        operationId: 'listAnalysisYears',
        summary: 'Beschikbare jaren',
        description: 'De verslagjaren met cijfers, met het aantal imports en gebieden per niveau.',
        response: { 200: z.array(yearSchema), ...errorResponses(401) },
      },
    },
    async (request) => catalogue.listYears(requireActor(request)),
  );

  app.get(
    '/municipalities/:municipalityCode/regions',
    {
      schema: {
        tags: TAGS,
        operationId: 'listMunicipalityRegions',
        summary: 'Gebieden van een gemeente',
        description:
          'De gemeente, haar wijken en buurten zoals ze in het gevraagde jaar heetten (CBS-codes veranderen tussen jaren).',
        params: municipalityParams,
        querystring: z.object({ year, level: z.enum(['GM', 'WK', 'BU']).optional() }),
        response: { 200: z.array(regionSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      municipality.listRegions(requireActor(request), { ...request.params, ...request.query }),
  );

  app.get(
    '/municipalities/:municipalityCode/rankings',
    {
      schema: {
        tags: TAGS,
        operationId: 'rankMunicipalityBuurten',
        summary: 'Rangorde van de buurten',
        description:
          'De buurten van de gemeente op één indicator in één jaar: rang (1 = slechtste), percentiel in de gemeente en in het land, met de herkomst van elk cijfer.',
        params: municipalityParams,
        querystring: z.object({ indicator: indicatorKey, year }),
        response: { 200: rankingSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        rankingSchema,
        await municipality.rankBuurten(requireActor(request), {
          municipalityCode: request.params.municipalityCode,
          indicatorKey: request.query.indicator,
          year: request.query.year,
        }),
      ),
  );

  app.get(
    '/municipalities/:municipalityCode/accumulation',
    {
      schema: {
        tags: TAGS,
        operationId: 'getMunicipalityAccumulation',
        summary: 'Opstapeling per buurt',
        description:
          'Voor elke buurt van de gemeente: in hoeveel domeinen zij bij het slechtste deel van de buurten van Nederland hoort (standaard 20%), en door welke indicatoren.',
        params: municipalityParams,
        querystring: z.object({ year, worstShare: worstShare.optional() }),
        response: { 200: municipalityAccumulationSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      municipality.getAccumulation(requireActor(request), { ...request.params, ...request.query }),
  );

  app.get(
    '/municipalities/:municipalityCode/map',
    {
      schema: {
        tags: TAGS,
        operationId: 'getMunicipalityMap',
        summary: 'Kaart van de buurten',
        description:
          'GeoJSON FeatureCollection (WGS84) van de buurten van de gemeente met de waarde van de indicator per buurt in het gevraagde jaar.',
        params: municipalityParams,
        querystring: z.object({ indicator: indicatorKey, year }),
        response: { 200: mapSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        mapSchema,
        await municipality.getMap(requireActor(request), {
          municipalityCode: request.params.municipalityCode,
          indicatorKey: request.query.indicator,
          year: request.query.year,
        }),
      ),
  );

  app.get(
    '/area-profiles',
    {
      schema: {
        tags: TAGS,
        operationId: 'getRegionsProfile',
        summary: 'Gebiedsprofiel van gekozen gebieden',
        description:
          'Het profiel van gebieden van uw eigen gemeente (samengevoegd): per indicator de waarde, dekking, gemeente, land en percentiel, met herkomst.',
        querystring: z.object({ regions: regionList, year }),
        response: { 200: areaProfileSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        areaProfileSchema,
        await analysis.getRegionsProfile(requireActor(request), {
          regionCodes: request.query.regions,
          year: request.query.year,
        }),
      ),
  );
};
