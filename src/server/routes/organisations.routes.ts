import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COALITION_DOMAINS } from '../../core/coalition/domains.ts';
import { PARTNER_KINDS } from '../../core/coalition/organisation-kinds.ts';
import { requireActor } from '../plugins/auth.ts';
import type { OrganisationsService } from '../services/organisations.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';

const TAG = 'Organisaties';
const municipalityCode = z.string().regex(/^GM\d{4}$/, 'moet een gemeentecode zijn (GMnnnn)');
const partnerKind = z.enum(PARTNER_KINDS);
const domains = z.array(z.enum(COALITION_DOMAINS)).max(COALITION_DOMAINS.length);

export const partnerOrganisationSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['municipality', ...PARTNER_KINDS]),
    isMunicipality: z.boolean(),
    domains: z.array(z.enum(COALITION_DOMAINS)),
    municipalityCode: z.string().nullable(),
    note: z.string().nullable().describe('Vrije omschrijving van vóór de soorten (bv. "wonen")'),
    accountCount: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PartnerOrganisation' });

const organisationParams = z.object({ organisationId: uuidParam });

export const organisationRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationsService }> = async (
  app,
  { organisations },
) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags: [TAG],
        operationId: 'listOrganisations',
        summary: 'Organisaties van de gemeente',
        description:
          'De gemeente en haar partnerorganisaties, met het aantal actieve accounts. Voor coördinatoren van de gemeente en de platformbeheerder (die met `municipalityCode` een gemeente kiest, of met `unlinked=true` de partnerorganisaties zonder gemeente ziet).',
        querystring: z.object({
          municipalityCode: municipalityCode.optional(),
          unlinked: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: z.array(partnerOrganisationSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      organisations.list(requireActor(request), {
        municipalityCode: request.query.municipalityCode,
        unlinked: request.query.unlinked === 'true',
      }),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags: [TAG],
        operationId: 'createOrganisation',
        summary: 'Partnerorganisatie toevoegen',
        description:
          'Voegt een partnerorganisatie toe aan de gemeente van de coördinator (de platformbeheerder noemt de gemeente). Zij kan daarna deelnemen aan gesprekspunten, de coalitie en het lokaal contract van de wijkaanpakken van die gemeente.',
        body: z.object({
          name: z.string().trim().min(2, 'minstens 2 tekens').max(200),
          kind: partnerKind,
          domains: domains.optional(),
          municipalityCode: municipalityCode.optional(),
        }),
        response: { 201: partnerOrganisationSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.create(requireActor(request), request.body)),
  );

  app.get(
    '/organisations/:organisationId',
    {
      schema: {
        tags: [TAG],
        operationId: 'getOrganisation',
        summary: 'Organisatie',
        description: 'Eén organisatie van uw gemeente.',
        params: organisationParams,
        response: { 200: partnerOrganisationSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => organisations.get(requireActor(request), request.params.organisationId),
  );

  app.patch(
    '/organisations/:organisationId',
    {
      schema: {
        tags: [TAG],
        operationId: 'updateOrganisation',
        summary: 'Organisatie wijzigen',
        description:
          'Wijzigt naam, soort of domeinen. De platformbeheerder koppelt met `municipalityCode` een organisatie die nog geen gemeente heeft. `version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: organisationParams,
        body: z.object({
          version: z.number().int().min(1),
          name: z.string().trim().min(2, 'minstens 2 tekens').max(200).optional(),
          kind: partnerKind.optional(),
          domains: domains.optional(),
          municipalityCode: municipalityCode.optional(),
        }),
        response: { 200: partnerOrganisationSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      organisations.update(requireActor(request), request.params.organisationId, request.body),
  );
};
