import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import type { AccountsService } from '../services/accounts.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';
import { linkBase, linkRateLimitConfig, type LinkRateLimit } from './links.ts';

const accountRole = z.enum(['admin', 'coordinator', 'partner', 'viewer']);
const tokenParams = z.object({ token: z.string().min(1).max(200) });

const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: accountRole,
    isDisabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    organisation: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  })
  .meta({ id: 'Account' });

export const accountRoutes: FastifyPluginAsyncZod<{
  accounts: AccountsService;
  publicUrl: string | undefined;
  linkRateLimit: LinkRateLimit;
}> = async (app, { accounts, publicUrl, linkRateLimit }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['Accounts'],
        operationId: 'listUsers',
        summary: 'Accounts van de gemeente',
        description:
          'De accounts bij de gemeente en haar partnerorganisaties. Voor coördinatoren van de gemeente en de platformbeheerder (die met `municipalityCode` een gemeente kiest).',
        querystring: z.object({
          municipalityCode: z
            .string()
            .regex(/^GM\d{4}$/, 'moet een gemeentecode zijn (GMnnnn)')
            .optional(),
        }),
        response: { 200: z.array(accountSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      accounts.list(requireActor(request), { municipalityCode: request.query.municipalityCode }),
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['Accounts'],
        operationId: 'updateUser',
        summary: 'Account deactiveren, activeren of rol wijzigen',
        description:
          '`isDisabled: true` deactiveert het account: inloggen kan niet meer en lopende sessies eindigen direct. `role` is de standaardrol op de wijkaanpakken van de eigen gemeente. `version` is de versie waarop u uw wijziging baseert (409 als die verouderd is).',
        params: z.object({ userId: uuidParam }),
        body: z.object({
          version: z.number().int().min(1),
          isDisabled: z.boolean().optional(),
          role: accountRole.optional(),
        }),
        response: { 200: accountSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => accounts.update(requireActor(request), request.params.userId, request.body),
  );

  app.post(
    '/users/:userId/password-resets',
    {
      schema: {
        tags: ['Accounts'],
        operationId: 'issuePasswordReset',
        summary: 'Herstellink maken',
        description:
          'Maakt een eenmalige link (24 uur geldig) waarmee de persoon een nieuw wachtwoord kiest; om door te geven, en gemaild als e-mail is ingesteld.',
        params: z.object({ userId: uuidParam }),
        response: {
          201: z
            .object({ id: z.string(), resetUrl: z.string(), expiresAt: z.string(), emailSent: z.boolean() })
            .meta({ id: 'IssuedPasswordReset' }),
          ...errorResponses(...AUTH_ERRORS, 409),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await accounts.issueReset(requireActor(request), request.params.userId, {
          baseUrl: linkBase(request, publicUrl),
        }),
      ),
  );

  app.post(
    '/password-resets',
    {
      config: { isPublic: true, ...linkRateLimitConfig(linkRateLimit) },
      schema: {
        tags: ['Accounts'],
        operationId: 'requestPasswordReset',
        summary: 'Wachtwoord vergeten',
        description:
          'Stuurt een herstellink (1 uur geldig) naar het adres als daar een actief account bij hoort. Het antwoord is voor elk adres hetzelfde. `emailEnabled: false`: deze installatie verstuurt geen e-mail; vraag dan een coördinator om een herstellink.',
        body: z.object({ email: z.string().trim().min(3).max(320) }),
        response: {
          202: z.object({ emailEnabled: z.boolean() }).meta({ id: 'PasswordResetRequest' }),
          ...errorResponses(400, 429),
        },
      },
    },
    async (request, reply) => {
      const { emailEnabled } = accounts.requestReset(request.body.email, {
        baseUrl: linkBase(request, publicUrl),
      });
      return reply.status(202).send({ emailEnabled });
    },
  );

  app.get(
    '/password-resets/:token',
    {
      config: { isPublic: true, ...linkRateLimitConfig(linkRateLimit) },
      schema: {
        tags: ['Accounts'],
        operationId: 'getPasswordReset',
        summary: 'Herstellink controleren',
        description:
          'Of de link nog werkt, voor welk account en tot wanneer. 404 onbekend, 409 gebruikt, 410 verlopen.',
        params: tokenParams,
        response: {
          200: z.object({ email: z.string(), expiresAt: z.string() }).meta({ id: 'PasswordResetPreview' }),
          ...errorResponses(404, 409, 410, 429),
        },
      },
    },
    async (request) => accounts.describeReset(request.params.token),
  );

  app.post(
    '/password-resets/:token/completion',
    {
      config: { isPublic: true, ...linkRateLimitConfig(linkRateLimit) },
      schema: {
        tags: ['Accounts'],
        operationId: 'completePasswordReset',
        summary: 'Nieuw wachtwoord instellen',
        description:
          'Zet het nieuwe wachtwoord (minstens 12 tekens). De link en alle andere open herstellinks van het account vervallen; alle sessies van het account eindigen.',
        params: tokenParams,
        body: z.object({ password: z.string().min(1, 'verplicht').max(1024) }),
        response: {
          204: z.null().describe('Wachtwoord ingesteld'),
          ...errorResponses(400, 403, 404, 409, 410, 429),
        },
      },
    },
    async (request, reply) => {
      await accounts.completeReset(request.params.token, request.body);
      return reply.status(204).send(null);
    },
  );
};
