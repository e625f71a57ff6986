import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { PanelsService } from '../services/panels.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';
import {
  alternatesInput,
  drawInput,
  drawMembersSchema,
  drawSchema,
  feasibilitySchema,
  panelInput,
  panelPatch,
  panelSchema,
  panelSummarySchema,
  poolInspectionSchema,
  poolPageSchema,
  poolUploadInput,
  poolUploadResultSchema,
  quotasInput,
  replaySchema,
  runInput,
  runSchema,
  uploadedFile,
} from './panels.schemas.ts';

const TAG = 'Burgerpanels';
const approachParams = z.object({ approachId: uuidParam });
const panelParams = approachParams.extend({ panelId: uuidParam });
const runParams = panelParams.extend({ runId: uuidParam });
const drawParams = panelParams.extend({ drawId: uuidParam });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = z.string().meta({ format: 'binary' });

/** Pool and quota files come base64 in JSON: their own limit, above the 1 MiB of other JSON bodies. */
const POOL_FILE_BODY_LIMIT = 32 * 1024 * 1024;
export const panelRoutes: FastifyPluginAsyncZod<{ panels: PanelsService }> = async (app, { panels }) => {
  app.get(
    '/approaches/:approachId/panels',
    {
      schema: {
        tags: [TAG],
        operationId: 'listPanels',
        summary: 'Burgerpanels van een wijkaanpak',
        description:
          'De burgerpanels door loting van deze wijkaanpak, met panelgrootte, poolgrootte en bewaartermijn.',
        params: approachParams,
        response: { 200: z.array(panelSummarySchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.list(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/panels',
    {
      schema: {
        tags: [TAG],
        operationId: 'createPanel',
        summary: 'Burgerpanel aanmaken',
        description:
          'Maakt een burgerpanel aan. De bewaartermijn (verplicht, uiterlijk twee jaar vooruit) is de datum waarop de persoonsgegevens automatisch worden verwijderd.',
        params: approachParams,
        body: panelInput,
        response: { 201: panelSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await panels.create(requireActor(request), request.params.approachId, request.body)),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId',
    {
      schema: {
        tags: [TAG],
        operationId: 'getPanel',
        summary: 'Burgerpanel',
        description:
          'Instellingen, pool (alleen aantallen per kenmerkwaarde en de hash van het bestand) en quota.',
        params: panelParams,
        response: { 200: panelSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.get(requireActor(request), request.params),
  );

  app.patch(
    '/approaches/:approachId/panels/:panelId',
    {
      schema: {
        tags: [TAG],
        operationId: 'updatePanel',
        summary: 'Burgerpanel bijwerken',
        description:
          'Wijzigt naam, doel, panelgrootte of bewaartermijn; `version` is de versie waarop de wijziging is gebaseerd (409 als die verouderd is).',
        params: panelParams,
        body: panelPatch,
        response: { 200: panelSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => panels.update(requireActor(request), request.params, request.body),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/pool-inspections',
    {
      bodyLimit: POOL_FILE_BODY_LIMIT,
      schema: {
        tags: [TAG],
        operationId: 'inspectPanelPoolFile',
        summary: 'Poolbestand bekijken',
        description:
          'Leest de kolommen van een CSV- of XLSX-bestand met aanmeldingen, zodat u kiest welke kolommen nodig zijn. Er wordt niets opgeslagen.',
        params: panelParams,
        body: uploadedFile,
        response: { 200: poolInspectionSchema, ...errorResponses(...AUTH_ERRORS, 409, 413) },
      },
    },
    async (request) => panels.inspectPoolFile(requireActor(request), request.params, request.body),
  );

  app.put(
    '/approaches/:approachId/panels/:panelId/pool',
    {
      bodyLimit: POOL_FILE_BODY_LIMIT,
      schema: {
        tags: [TAG],
        operationId: 'uploadPanelPool',
        summary: 'Pool registreren',
        description:
          'Vervangt de pool door de aanmeldingen in het bestand. Alleen de gekozen kolommen (referentie, kenmerken, adres) worden bewaard; de andere worden weggelaten en genoemd.',
        params: panelParams,
        body: poolUploadInput,
        response: { 200: poolUploadResultSchema, ...errorResponses(...AUTH_ERRORS, 409, 413) },
      },
    },
    async (request) => panels.uploadPool(requireActor(request), request.params, request.body),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/pool',
    {
      schema: {
        tags: [TAG],
        operationId: 'listPanelPool',
        summary: 'Aanmeldingen in de pool',
        description:
          'De aanmeldingen (persoonsgegevens). Alleen voor coördinatoren; elke inzage wordt gelogd.',
        params: panelParams,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: poolPageSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.listPool(requireActor(request), request.params, request.query),
  );

  app.put(
    '/approaches/:approachId/panels/:panelId/quotas',
    {
      bodyLimit: POOL_FILE_BODY_LIMIT,
      schema: {
        tags: [TAG],
        operationId: 'setPanelQuotas',
        summary: 'Quota instellen',
        description:
          'Minimum en maximum per kenmerkwaarde, als lijst of als quotabestand (category,feature,min,max). `version` is de quotaversie (409 als die verouderd is).',
        params: panelParams,
        body: quotasInput,
        response: { 200: panelSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => panels.setQuotas(requireActor(request), request.params, request.body),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/feasibility',
    {
      schema: {
        tags: [TAG],
        operationId: 'getPanelFeasibility',
        summary: 'Haalbaarheid van de quota',
        description:
          'Of er een panel bestaat dat aan alle quota voldoet; zo niet, welke quota botsen en de kleinste versoepeling.',
        params: panelParams,
        response: { 200: feasibilitySchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => panels.checkFeasibility(requireActor(request), request.params),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/runs',
    {
      schema: {
        tags: [TAG],
        operationId: 'listPanelRuns',
        summary: 'Selecties',
        description:
          'Alle selecties van dit burgerpanel, nieuwste eerst, met invoerhashes, algoritme, status en samenvatting.',
        params: panelParams,
        response: { 200: z.array(runSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.listRuns(requireActor(request), request.params),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/runs',
    {
      schema: {
        tags: [TAG],
        operationId: 'startPanelRun',
        summary: 'Selectie starten',
        description:
          'Start de berekening van de selectiekansen op de achtergrond (LEXIMIN standaard). Volg de voortgang met GET op de selectie.',
        params: panelParams,
        body: runInput,
        response: { 202: runSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await panels.startRun(requireActor(request), request.params, request.body)),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/runs/:runId',
    {
      schema: {
        tags: [TAG],
        operationId: 'getPanelRun',
        summary: 'Selectie',
        description:
          'Status en voortgang (fase, iteraties, huidige laagste kans) en, als de selectie klaar is, de spreiding van de selectiekansen.',
        params: runParams,
        response: { 200: runSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.getRun(requireActor(request), request.params),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/runs/:runId/cancellation',
    {
      schema: {
        tags: [TAG],
        operationId: 'cancelPanelRun',
        summary: 'Selectie afbreken',
        description: 'Breekt een wachtende of lopende selectie af (409 als die al is afgelopen).',
        params: runParams,
        response: { 202: runSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await panels.cancelRun(requireActor(request), request.params)),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/draws',
    {
      schema: {
        tags: [TAG],
        operationId: 'listPanelDraws',
        summary: 'Lotingen',
        description:
          'Alle lotingen en vervangersrondes van dit burgerpanel, met publieke waarde, seed, invoerhashes en samenstelling.',
        params: panelParams,
        response: { 200: z.array(drawSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.listDraws(requireActor(request), request.params),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/draws',
    {
      schema: {
        tags: [TAG],
        operationId: 'createPanelDraw',
        summary: 'Openbare loting',
        description:
          'Loot één panel uit de verdeling van een voltooide selectie. Seed = SHA-256 van de publiek aangekondigde waarde en de hashes van pool- en quotabestand: iedereen kan de loting herhalen.',
        params: panelParams,
        body: drawInput,
        response: { 201: drawSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await panels.createDraw(requireActor(request), request.params, request.body)),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/draw-replays',
    {
      schema: {
        tags: [TAG],
        operationId: 'replayPanelDraw',
        summary: 'Loting herhalen',
        description:
          'Rekent een loting na zonder iets vast te leggen: dezelfde publieke waarde geeft hetzelfde panel (zelfde index in de verdeling).',
        params: panelParams,
        body: drawInput,
        response: { 200: replaySchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => panels.replayDraw(requireActor(request), request.params, request.body),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/draws/:drawId',
    {
      schema: {
        tags: [TAG],
        operationId: 'getPanelDraw',
        summary: 'Loting',
        description: 'Eén loting met seed, invoerhashes en samenstelling (zonder namen of referenties).',
        params: drawParams,
        response: { 200: drawSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.getDraw(requireActor(request), request.params),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/draws/:drawId/members',
    {
      schema: {
        tags: [TAG],
        operationId: 'listPanelDrawMembers',
        summary: 'Gelote panelleden',
        description:
          'Wie er is geloot (persoonsgegevens). Alleen voor coördinatoren; elke inzage wordt gelogd.',
        params: drawParams,
        response: { 200: drawMembersSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => panels.listDrawMembers(requireActor(request), request.params),
  );

  app.post(
    '/approaches/:approachId/panels/:panelId/draws/:drawId/alternates',
    {
      schema: {
        tags: [TAG],
        operationId: 'createPanelAlternates',
        summary: 'Vervangers loten',
        description:
          'Loot vervangers voor panelleden die afvallen, gegeven wie blijven: de selectie wordt opnieuw berekend voor de open plaatsen en er wordt geloot met een seed waarin de afvallers zijn meegenomen.',
        params: drawParams,
        body: alternatesInput,
        response: { 201: drawSchema, ...errorResponses(...AUTH_ERRORS, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await panels.createAlternates(requireActor(request), request.params, request.body)),
  );

  app.get(
    '/approaches/:approachId/panels/:panelId/draws/:drawId/export',
    {
      schema: {
        tags: [TAG],
        operationId: 'exportPanelDraw',
        summary: 'Panel exporteren',
        description:
          'Het gelote panel (met vervangers en afvallers) als CSV of XLSX; XLSX bevat ook een blad met de verantwoording. Alleen voor coördinatoren; elke export wordt gelogd.',
        params: drawParams,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: {
          200: {
            description: 'Het bestand',
            content: { 'text/csv': { schema: binary }, [XLSX]: { schema: binary } },
          },
          ...errorResponses(...AUTH_ERRORS, 409),
        },
      },
    },
    async (request, reply) => {
      const file = await panels.exportDraw(requireActor(request), request.params, request.query.format);
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          // A Buffer is sent as is (fastify skips the serializer); the schema only documents the file.
          .send(file.body as unknown as string)
      );
    },
  );
};
