import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COALITION_DOMAINS } from '../../core/coalition/domains.ts';
import {
  ENGAGEMENT_LEVELS,
  FLOW_KINDS,
  MAX_FLOW_AMOUNT,
  MEDIA_KINDS,
  MEDIA_TONES,
  STAKEHOLDER_KINDS,
} from '../../core/coalition/stakeholders.ts';
import { requireActor } from '../plugins/auth.ts';
import type { StakeholdersService } from '../services/stakeholders.service.ts';
import { AUTH_ERRORS, errorResponses, isoDate, uuidParam } from './common.ts';

const TAG = 'Krachtenveld';
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const text = (max: number) => z.string().trim().max(max);

const flow = z.object({
  kind: z.enum(FLOW_KINDS),
  description: z.string().trim().min(1, 'beschrijf de stroom').max(500),
  amountPerYear: z.number().min(0).max(MAX_FLOW_AMOUNT).nullable().default(null).describe('Euro per jaar'),
});

const stakeholderFields = {
  name: z
    .string()
    .trim()
    .min(2, 'minstens 2 tekens')
    .max(200)
    .describe('Naam van de partij, of de functie bij een sleutelrol; nooit een privépersoon'),
  kind: z.enum(STAKEHOLDER_KINDS),
  organisationId: uuidParam.nullable(),
  domains: z.array(z.enum(COALITION_DOMAINS)).max(COALITION_DOMAINS.length),
  interest: level.describe('Belang: 1 laag, 2 middel, 3 hoog'),
  influence: level.describe('Invloed: 1 laag, 2 middel, 3 hoog'),
  engagement: z.enum(ENGAGEMENT_LEVELS),
  channels: z.array(z.string().trim().min(1).max(100)).max(20).describe('Participatiekanalen'),
  relationNotes: text(5000),
  flows: z.array(flow).max(30).describe('Beleids- en geldstromen'),
};

const stakeholderInput = z.object({
  ...stakeholderFields,
  organisationId: stakeholderFields.organisationId.default(null),
  domains: stakeholderFields.domains.default([]),
  engagement: stakeholderFields.engagement.default('neutral'),
  channels: stakeholderFields.channels.default([]),
  relationNotes: stakeholderFields.relationNotes.default(''),
  flows: stakeholderFields.flows.default([]),
});

const stakeholderPatch = z
  .object(stakeholderFields)
  .partial()
  .extend({ version: z.number().int().min(1) });

const stakeholderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(STAKEHOLDER_KINDS),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    domains: z.array(z.enum(COALITION_DOMAINS)),
    interest: level,
    influence: level,
    strategy: z.enum(['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor']),
    engagement: z.enum(ENGAGEMENT_LEVELS),
    channels: z.array(z.string()),
    relationNotes: z.string(),
    flows: z.array(
      z.object({ kind: z.enum(FLOW_KINDS), description: z.string(), amountPerYear: z.number().nullable() }),
    ),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Stakeholder' });

const mediaFields = {
  source: z
    .string()
    .trim()
    .min(2, 'minstens 2 tekens')
    .max(200)
    .describe('Medium of kanaal, bv. "AD Utrecht"'),
  medium: z.enum(MEDIA_KINDS),
  tone: z.enum(MEDIA_TONES),
  summary: z.string().trim().min(1, 'vat samen hoe de wijk wordt neergezet').max(5000),
  observedOn: isoDate,
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'moet een http(s)-adres zijn')
    .max(2000)
    .nullable(),
};

const mediaItemSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    medium: z.enum(MEDIA_KINDS),
    tone: z.enum(MEDIA_TONES),
    summary: z.string(),
    observedOn: z.string(),
    url: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'MediaItem' });

export const stakeholderRoutes: FastifyPluginAsyncZod<{ stakeholders: StakeholdersService }> = async (
  app,
  { stakeholders },
) => {
  const approachParams = z.object({ approachId: uuidParam });
  const stakeholderParams = approachParams.extend({ stakeholderId: uuidParam });
  const mediaParams = approachParams.extend({ mediaItemId: uuidParam });

  app.get(
    '/approaches/:approachId/stakeholders',
    {
      schema: {
        tags: [TAG],
        operationId: 'listStakeholders',
        summary: 'Krachtenveld',
        description:
          'De stakeholders van de wijk (stap 1.4) met belang en invloed, betrokkenheid, kanalen en stromen, en het mediabeeld (1.4.5) met de verdeling naar toon.',
        params: approachParams,
        response: {
          200: z
            .object({
              stakeholders: z.array(stakeholderSchema),
              mediaItems: z.array(mediaItemSchema),
              mediaTones: z.record(z.enum(MEDIA_TONES), z.number().int()),
            })
            .meta({ id: 'StakeholderMap' }),
          ...errorResponses(...AUTH_ERRORS),
        },
      },
    },
    async (request) => stakeholders.list(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/stakeholders',
    {
      schema: {
        tags: [TAG],
        operationId: 'createStakeholder',
        summary: 'Stakeholder toevoegen',
        description:
          'Een partij, netwerk, initiatief, vereniging, ondernemer of sleutelrol (functie, geen naam).',
        params: approachParams,
        body: stakeholderInput,
        response: { 201: stakeholderSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await stakeholders.create(requireActor(request), request.params.approachId, request.body)),
  );

  app.patch(
    '/approaches/:approachId/stakeholders/:stakeholderId',
    {
      schema: {
        tags: [TAG],
        operationId: 'updateStakeholder',
        summary: 'Stakeholder wijzigen',
        description:
          'Wijzigt velden, bv. de plaats in het raster (`interest`, `influence`). `version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: stakeholderParams,
        body: stakeholderPatch,
        response: { 200: stakeholderSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      stakeholders.update(
        requireActor(request),
        request.params.approachId,
        request.params.stakeholderId,
        request.body,
      ),
  );

  app.delete(
    '/approaches/:approachId/stakeholders/:stakeholderId',
    {
      schema: {
        tags: [TAG],
        operationId: 'deleteStakeholder',
        summary: 'Stakeholder verwijderen',
        description: 'Haalt de stakeholder van de kaart (de geschiedenis bewaart wat er stond).',
        params: stakeholderParams,
        response: { 204: z.null().describe('Verwijderd'), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await stakeholders.remove(
        requireActor(request),
        request.params.approachId,
        request.params.stakeholderId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/approaches/:approachId/media-items',
    {
      schema: {
        tags: [TAG],
        operationId: 'createMediaItem',
        summary: 'Mediabeeld: bericht toevoegen',
        description: 'Hoe de wijk online of offline wordt neergezet (stap 1.4.5).',
        params: approachParams,
        body: z.object({ ...mediaFields, url: mediaFields.url.default(null) }),
        response: { 201: mediaItemSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await stakeholders.createMediaItem(requireActor(request), request.params.approachId, request.body),
        ),
  );

  app.patch(
    '/approaches/:approachId/media-items/:mediaItemId',
    {
      schema: {
        tags: [TAG],
        operationId: 'updateMediaItem',
        summary: 'Mediabeeld: bericht wijzigen',
        description: '`version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: mediaParams,
        body: z
          .object(mediaFields)
          .partial()
          .extend({ version: z.number().int().min(1) }),
        response: { 200: mediaItemSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      stakeholders.updateMediaItem(
        requireActor(request),
        request.params.approachId,
        request.params.mediaItemId,
        request.body,
      ),
  );

  app.delete(
    '/approaches/:approachId/media-items/:mediaItemId',
    {
      schema: {
        tags: [TAG],
        operationId: 'deleteMediaItem',
        summary: 'Mediabeeld: bericht verwijderen',
        description: 'Haalt het bericht uit het mediabeeld.',
        params: mediaParams,
        response: { 204: z.null().describe('Verwijderd'), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await stakeholders.removeMediaItem(
        requireActor(request),
        request.params.approachId,
        request.params.mediaItemId,
      );
      return reply.status(204).send(null);
    },
  );
};
