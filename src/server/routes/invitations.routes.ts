import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { InvitationsService } from '../services/invitations.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';
import { linkBase, linkRateLimitConfig, type LinkRateLimit } from './links.ts';

const TAG = 'Uitnodigingen';
const approachRole = z.enum(['coordinator', 'partner', 'viewer']);
/** A one-time token (base64url); a malformed one is simply unknown (404), never a 400 that names rules. */
const tokenParams = z.object({ token: z.string().min(1).max(200) });

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: approachRole,
    organisation: z.object({ id: z.string(), name: z.string() }),
    invitedBy: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    state: z.enum(['open', 'used', 'expired', 'revoked']),
  })
  .meta({ id: 'Invitation' });

const createdInvitationSchema = invitationSchema
  .extend({
    acceptUrl: z.string().describe('De eenmalige link; alleen nu te zien (opgeslagen wordt alleen een hash)'),
    emailSent: z.boolean().describe('Of de link per e-mail is verstuurd (alleen als e-mail is ingesteld)'),
  })
  .meta({ id: 'CreatedInvitation' });

export const invitationRoutes: FastifyPluginAsyncZod<{
  invitations: InvitationsService;
  publicUrl: string | undefined;
  linkRateLimit: LinkRateLimit;
}> = async (app, { invitations, publicUrl, linkRateLimit }) => {
  const approachParams = z.object({ approachId: uuidParam });

  app.post(
    '/approaches/:approachId/invitations',
    {
      schema: {
        tags: [TAG],
        operationId: 'createInvitation',
        summary: 'Iemand uitnodigen',
        description:
          'Nodigt een persoon uit voor deze wijkaanpak met een rol, namens een organisatie van de gemeente. Het antwoord bevat de eenmalige link (7 dagen geldig) om door te geven; is e-mail ingesteld, dan wordt de link ook gemaild. Een eerdere open uitnodiging van hetzelfde adres vervalt.',
        params: approachParams,
        body: z.object({
          email: z.email('geen geldig e-mailadres').max(320),
          role: approachRole,
          organisationId: uuidParam,
        }),
        response: { 201: createdInvitationSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await invitations.create(requireActor(request), request.params.approachId, request.body, {
          baseUrl: linkBase(request, publicUrl),
        }),
      ),
  );

  app.get(
    '/approaches/:approachId/invitations',
    {
      schema: {
        tags: [TAG],
        operationId: 'listInvitations',
        summary: 'Uitnodigingen',
        description:
          'Alle uitnodigingen voor deze wijkaanpak met hun stand (open, gebruikt, verlopen, ingetrokken).',
        params: approachParams,
        response: { 200: z.array(invitationSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => invitations.list(requireActor(request), request.params.approachId),
  );

  app.delete(
    '/approaches/:approachId/invitations/:invitationId',
    {
      schema: {
        tags: [TAG],
        operationId: 'revokeInvitation',
        summary: 'Uitnodiging intrekken',
        description: 'De link werkt daarna niet meer.',
        params: approachParams.extend({ invitationId: uuidParam }),
        response: { 204: z.null().describe('Ingetrokken'), ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      await invitations.revoke(requireActor(request), request.params.approachId, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { isPublic: true, ...linkRateLimitConfig(linkRateLimit) },
      schema: {
        tags: [TAG],
        operationId: 'getInvitation',
        summary: 'Uitnodiging bekijken',
        description:
          'Wat de uitgenodigde persoon met de link ziet: de wijkaanpak, de organisatie, de rol en of er al een account is met het e-mailadres. 404 onbekend, 409 al gebruikt of ingetrokken, 410 verlopen.',
        params: tokenParams,
        response: {
          200: z
            .object({
              approachTitle: z.string(),
              organisationName: z.string(),
              role: approachRole,
              email: z.string(),
              expiresAt: z.string(),
              hasAccount: z.boolean(),
            })
            .meta({ id: 'InvitationPreview' }),
          ...errorResponses(404, 409, 410, 429),
        },
      },
    },
    async (request) => invitations.describe(request.params.token),
  );

  app.post(
    '/invitations/:token/acceptance',
    {
      config: { isPublic: true, ...linkRateLimitConfig(linkRateLimit) },
      schema: {
        tags: [TAG],
        operationId: 'acceptInvitation',
        summary: 'Uitnodiging aannemen',
        description:
          'Maakt het account aan met naam en wachtwoord (minstens 12 tekens) en geeft de rol op de wijkaanpak; log daarna in met `POST /sessions`. Heeft het e-mailadres al een account, log dan eerst in: de rol komt dan bij dat account. De link werkt één keer: daarna 409, verlopen 410, onbekend 404.',
        params: tokenParams,
        body: z.object({
          name: z.string().trim().min(1, 'vul uw naam in').max(200).optional(),
          password: z.string().max(1024).optional(),
        }),
        response: {
          201: z
            .object({
              userId: z.string(),
              approachId: z.string(),
              email: z.string(),
              role: approachRole,
              isNewAccount: z.boolean(),
            })
            .meta({ id: 'InvitationAcceptance' }),
          ...errorResponses(400, 403, 404, 409, 410, 429),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await invitations.accept(request.params.token, request.body, request.session?.actor)),
  );
};
