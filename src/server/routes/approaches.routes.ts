import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { APPROACH_ACTIONS } from '../../core/access/approach-role.ts';
import { requireActor } from '../plugins/auth.ts';
import type { createApproachesService } from '../services/approaches.service.ts';
import type { createFrameworkWalkService } from '../services/framework-walk.service.ts';
import { AUTH_ERRORS, errorResponses, isoDate, regionCode, uuidParam } from './common.ts';

const approachRole = z.enum(['coordinator', 'partner', 'viewer']);

export const approachSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    municipality: z.object({ code: z.string(), name: z.string() }),
    focusArea: z.array(z.string()),
    focusAreaYear: z.number().int(),
    startDate: z.string(),
    status: z.enum(['active', 'archived']),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Approach' });

const approachDetailSchema = approachSchema
  .extend({
    myRole: approachRole,
    permissions: z.array(z.enum(APPROACH_ACTIONS)),
    cycles: z.array(
      z.object({
        number: z.number().int(),
        status: z.enum(['active', 'closed']),
        title: z.string(),
        startedAt: z.string(),
        closedAt: z.string().nullable(),
      }),
    ),
    currentDecision: z
      .object({ id: z.string(), outcome: z.enum(['go', 'no_go']), decidedOn: z.string() })
      .nullable(),
  })
  .meta({ id: 'ApproachDetail' });

const approachInput = z.object({
  title: z.string().trim().min(3, 'minstens 3 tekens').max(200),
  description: z.string().max(20_000).default(''),
  focusArea: z.array(regionCode).min(1, 'kies minstens één gebied').max(500),
  focusAreaYear: z.number().int().min(2000).max(2100),
  startDate: isoDate,
  municipalityCode: z
    .string()
    .regex(/^GM\d{4}$/, 'moet een gemeentecode zijn (GMnnnn)')
    .optional(),
});

const approachPatch = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(3, 'minstens 3 tekens').max(200).optional(),
  description: z.string().max(20_000).optional(),
  focusArea: z.array(regionCode).min(1).max(500).optional(),
  focusAreaYear: z.number().int().min(2000).max(2100).optional(),
  startDate: isoDate.optional(),
  status: z.enum(['active', 'archived']).optional(),
});

const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: approachRole,
    addedAt: z.string(),
    organisationName: z.string().optional(),
  })
  .meta({ id: 'ApproachMember' });

const organisationSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['municipality', 'partner']),
    sector: z.string().nullable(),
  })
  .meta({ id: 'Organisation' });

const approachParams = z.object({ approachId: uuidParam });

export const approachRoutes: FastifyPluginAsyncZod<{
  approaches: ReturnType<typeof createApproachesService>;
  walk: ReturnType<typeof createFrameworkWalkService>;
}> = async (app, { approaches, walk }) => {
  app.get(
    '/approaches',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'listApproaches',
        summary: 'Wijkaanpakken',
        description:
          'De wijkaanpakken die u mag zien: van uw eigen gemeente en die waarvoor u bent uitgenodigd.',
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(approachSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      approaches.list(requireActor(request), { includeArchived: request.query.includeArchived === 'true' }),
  );

  app.post(
    '/approaches',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'createApproach',
        summary: 'Wijkaanpak starten',
        description:
          'Een coördinator van een gemeente start een wijkaanpak; cyclus 1 met alle gesprekspunten wordt aangemaakt.',
        body: approachInput,
        response: { 201: approachSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await approaches.create(requireActor(request), request.body)),
  );

  app.get(
    '/approaches/:approachId',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'getApproach',
        summary: 'Wijkaanpak',
        description: 'Eén wijkaanpak met uw rol, uw rechten, de cycli en het geldende go/no-go-besluit.',
        params: approachParams,
        response: { 200: approachDetailSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => approaches.get(requireActor(request), request.params.approachId),
  );

  app.patch(
    '/approaches/:approachId',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'updateApproach',
        summary: 'Wijkaanpak wijzigen of archiveren',
        description:
          'Wijzigt velden; `status: archived` archiveert. `version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: approachParams,
        body: approachPatch,
        response: { 200: approachSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => approaches.update(requireActor(request), request.params.approachId, request.body),
  );

  app.get(
    '/approaches/:approachId/members',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'listApproachMembers',
        summary: 'Leden',
        description: 'Gebruikers met een uitdrukkelijke rol op deze wijkaanpak (uitnodigingen).',
        params: approachParams,
        response: { 200: z.array(memberSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => approaches.listMembers(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/members',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'addApproachMember',
        summary: 'Lid uitnodigen',
        description: 'Geeft een bestaand account een rol op deze wijkaanpak, ook van een andere organisatie.',
        params: approachParams,
        body: z.object({ email: z.email('geen geldig e-mailadres'), role: approachRole }),
        response: { 201: memberSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await approaches.addMember(requireActor(request), request.params.approachId, request.body)),
  );

  app.delete(
    '/approaches/:approachId/members/:userId',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'removeApproachMember',
        summary: 'Lid verwijderen',
        description: 'Trekt de uitdrukkelijke rol van een gebruiker op deze wijkaanpak in.',
        params: z.object({ approachId: uuidParam, userId: uuidParam }),
        response: { 204: z.null().describe('Verwijderd'), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      await approaches.removeMember(requireActor(request), request.params.approachId, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/approaches/:approachId/organisations',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'listApproachOrganisations',
        summary: 'Organisaties',
        description:
          'De gemeente en de partnerorganisaties die aan gesprekken over deze wijkaanpak kunnen deelnemen.',
        params: approachParams,
        response: { 200: z.array(organisationSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.listParticipatingOrganisations(requireActor(request), request.params.approachId),
  );
};
