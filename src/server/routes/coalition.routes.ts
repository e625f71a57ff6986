import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BOARD_SEATS } from '../../core/coalition/domains.ts';
import { PROCESS_DIRECTION_HOLDERS } from '../../core/coalition/process-direction.ts';
import { requireActor } from '../plugins/auth.ts';
import type { CoalitionService } from '../services/coalition.service.ts';
import { AUTH_ERRORS, errorResponses, isoDate, uuidParam } from './common.ts';

const TAG = 'Coalitie';
const organisationRef = z.object({ id: z.string(), name: z.string() });

const memberSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisation: organisationRef,
    joinedOn: z.string(),
    joinReason: z.string(),
    leftOn: z.string().nullable(),
    leaveReason: z.string().nullable(),
    isActive: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'CoalitionMember' });

const seatSchema = z
  .object({
    seat: z.enum(BOARD_SEATS),
    organisation: organisationRef.nullable(),
    representativeName: z.string(),
    representativeFunction: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'BoardSeat' });

const settingsFields = {
  boardName: z.string().trim().max(200),
  boardRhythm: z
    .string()
    .trim()
    .max(500)
    .describe('Hoe vaak en in welke vorm het bestuurlijk overleg samenkomt'),
  programmeBureau: z.string().trim().max(5000).describe('Het programmabureau: wie, welke taken'),
  processDirection: z.object({
    holder: z.enum(PROCESS_DIRECTION_HOLDERS),
    isIndependent: z.boolean(),
    directorName: z.string(),
    organisation: organisationRef.nullable(),
    mandate: z.string(),
  }),
  version: z.number().int(),
};

const settingsSchema = z.object(settingsFields).meta({ id: 'CoalitionSettings' });

const coalitionSchema = z
  .object({
    ...settingsFields,
    today: z.string(),
    members: z.array(memberSchema),
    board: z.array(seatSchema),
    vacantSeats: z.array(z.enum(BOARD_SEATS)),
  })
  .meta({ id: 'Coalition' });

const reason = z.string().trim().max(2000);

export const coalitionRoutes: FastifyPluginAsyncZod<{ coalition: CoalitionService }> = async (
  app,
  { coalition },
) => {
  const approachParams = z.object({ approachId: uuidParam });
  const memberParams = approachParams.extend({ memberId: uuidParam });
  const seatParams = approachParams.extend({ seat: z.enum(BOARD_SEATS) });

  app.get(
    '/approaches/:approachId/coalition',
    {
      schema: {
        tags: [TAG],
        operationId: 'getCoalition',
        summary: 'Coalitie',
        description:
          'De lokale coalitie: leden door de tijd (toetreden en uittreden met redenen), het bestuurlijk overleg met één zetel per domein, het programmabureau en wie de procesregie houdt.',
        params: approachParams,
        response: { 200: coalitionSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => coalition.get(requireActor(request), request.params.approachId),
  );

  app.put(
    '/approaches/:approachId/coalition/settings',
    {
      schema: {
        tags: [TAG],
        operationId: 'saveCoalitionSettings',
        summary: 'Bestuurlijk overleg, programmabureau en procesregie',
        description:
          '`version` is de versie waarop u uw wijziging baseert: 0 als er nog niets is vastgelegd (409 als die verouderd is).',
        params: approachParams,
        body: z.object({
          version: z.number().int().min(0),
          boardName: z.string().trim().max(200).default('Bestuurlijk overleg'),
          boardRhythm: z.string().trim().max(500).default(''),
          programmeBureau: z.string().trim().max(5000).default(''),
          processDirectionHolder: z.enum(PROCESS_DIRECTION_HOLDERS),
          processDirectorName: z
            .string()
            .trim()
            .max(300)
            .default('')
            .describe('Naam en functie van de procesregisseur'),
          processDirectionOrganisationId: uuidParam.nullable().default(null),
          processDirectionMandate: z.string().trim().max(5000).default('').describe('Mandaat en taken'),
        }),
        response: { 200: settingsSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => coalition.saveSettings(requireActor(request), request.params.approachId, request.body),
  );

  app.post(
    '/approaches/:approachId/coalition/members',
    {
      schema: {
        tags: [TAG],
        operationId: 'addCoalitionMember',
        summary: 'Partij treedt toe',
        description:
          'Een organisatie van de gemeente treedt toe tot de coalitie, met datum en reden. Een partij die eerder uittrad kan opnieuw toetreden; perioden overlappen nooit.',
        params: approachParams,
        body: z.object({
          organisationId: uuidParam,
          joinedOn: isoDate,
          joinReason: reason.min(1, 'waarom doet deze partij mee?'),
        }),
        response: { 201: memberSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await coalition.addMember(requireActor(request), request.params.approachId, request.body)),
  );

  app.patch(
    '/approaches/:approachId/coalition/members/:memberId',
    {
      schema: {
        tags: [TAG],
        operationId: 'updateCoalitionMember',
        summary: 'Lidmaatschap wijzigen of partij treedt uit',
        description:
          'Uittreden: `leftOn` met `leaveReason`. `version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: memberParams,
        body: z.object({
          version: z.number().int().min(1),
          joinedOn: isoDate.optional(),
          joinReason: reason.min(1).optional(),
          leftOn: isoDate.nullable().optional(),
          leaveReason: reason.nullable().optional(),
        }),
        response: { 200: memberSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      coalition.updateMember(
        requireActor(request),
        request.params.approachId,
        request.params.memberId,
        request.body,
      ),
  );

  app.delete(
    '/approaches/:approachId/coalition/members/:memberId',
    {
      schema: {
        tags: [TAG],
        operationId: 'deleteCoalitionMember',
        summary: 'Lidmaatschap schrappen',
        description: 'Voor een vergissing; een partij die vertrekt krijgt een datum van uittreden.',
        params: memberParams,
        response: { 204: z.null().describe('Geschrapt'), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await coalition.removeMember(requireActor(request), request.params.approachId, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/approaches/:approachId/coalition/board-seats/:seat',
    {
      schema: {
        tags: [TAG],
        operationId: 'saveBoardSeat',
        summary: 'Zetel in het bestuurlijk overleg',
        description:
          'Eén zetel per domein met de vertegenwoordiger (naam en functie) en diens organisatie. `version` 0 voor een lege zetel (409 als die verouderd is).',
        params: seatParams,
        body: z.object({
          version: z.number().int().min(0),
          organisationId: uuidParam.nullable(),
          representativeName: z.string().trim().min(2, 'naam van de vertegenwoordiger').max(200),
          representativeFunction: z.string().trim().min(2, 'functie van de vertegenwoordiger').max(200),
        }),
        response: { 200: seatSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      coalition.saveSeat(requireActor(request), request.params.approachId, request.params.seat, request.body),
  );

  app.delete(
    '/approaches/:approachId/coalition/board-seats/:seat',
    {
      schema: {
        tags: [TAG],
        operationId: 'vacateBoardSeat',
        summary: 'Zetel vrijmaken',
        description: 'De zetel is daarna vacant.',
        params: seatParams,
        response: { 204: z.null().describe('Vrijgemaakt'), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await coalition.vacateSeat(requireActor(request), request.params.approachId, request.params.seat);
      return reply.status(204).send(null);
    },
  );
};
