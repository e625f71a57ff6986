import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import { exportFileName, writeCommitmentsXlsx } from '../services/contract-export.ts';
import type { ContractProposalsService } from '../services/contract-proposals.service.ts';
import type { ContractsService } from '../services/contracts.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';
import {
  contractInput,
  contractPatch,
  contractSchema,
  contractSummarySchema,
  decisionInput,
  evaluationInput,
  proposalInput,
  proposalSchema,
  signingInput,
} from './contracts.schemas.ts';

const TAG = 'Lokaal contract';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = z.string().meta({ format: 'binary' });
const versionNumber = z.coerce.number().int().min(1).max(10_000);

export const contractRoutes: FastifyPluginAsyncZod<{
  contracts: ContractsService;
  proposals: ContractProposalsService;
}> = async (app, { contracts, proposals }) => {
  const approachParams = z.object({ approachId: uuidParam });
  const contractParams = approachParams.extend({ contractId: uuidParam });
  const versionParams = contractParams.extend({ versionNumber });

  app.get(
    '/approaches/:approachId/contracts',
    {
      schema: {
        tags: [TAG],
        operationId: 'listContracts',
        summary: 'Lokale contracten',
        description: 'De contracten, convenanten of pacten van deze wijkaanpak met hun laatste versie.',
        params: approachParams,
        response: { 200: z.array(contractSummarySchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => contracts.list(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/contracts',
    {
      schema: {
        tags: [TAG],
        operationId: 'createContract',
        summary: 'Lokaal contract opstellen',
        description:
          'Maakt versie 1 als concept (`status: draft`) met ambities, uitgangspunten, prioriteiten en de toezeggingen van de partners (inzet, bedrag per jaar, periode, regulier of additioneel geld).',
        params: approachParams,
        body: contractInput,
        response: { 201: contractSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await contracts.create(requireActor(request), request.params.approachId, request.body)),
  );

  app.get(
    '/approaches/:approachId/contracts/:contractId',
    {
      schema: {
        tags: [TAG],
        operationId: 'getContract',
        summary: 'Lokaal contract',
        description:
          'Het hele contract in zijn laatste versie: toezeggingen met totalen per partner en jaar, ondertekenaars, bijlagen, versies, evaluaties en wat deze versie verandert.',
        params: contractParams,
        response: { 200: contractSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      contracts.get(requireActor(request), request.params.approachId, request.params.contractId),
  );

  for (const method of ['put', 'patch'] as const) {
    app[method](
      '/approaches/:approachId/contracts/:contractId',
      {
        schema: {
          tags: [TAG],
          operationId: method === 'put' ? 'replaceContractDraft' : 'updateContractDraft',
          summary: method === 'put' ? 'Concept opslaan' : 'Concept wijzigen',
          description:
            'Wijzigt het concept (de laatste versie). Een ondertekende versie verandert nooit: 409 `read_only`; begin dan een wijziging (`POST …/versions`). `revision` is de revisie waarop u uw wijziging baseert (409 `stale_version` als die verouderd is).',
          params: contractParams,
          body:
            method === 'put'
              ? contractInput.extend({ revision: contractPatch.shape.revision })
              : contractPatch,
          response: { 200: contractSchema, ...errorResponses(...AUTH_ERRORS, 409) },
        },
      },
      async (request) =>
        contracts.update(
          requireActor(request),
          request.params.approachId,
          request.params.contractId,
          request.body,
        ),
    );
  }

  app.post(
    '/approaches/:approachId/contracts/:contractId/signing',
    {
      schema: {
        tags: [TAG],
        operationId: 'signContract',
        summary: 'Ondertekenen',
        description:
          'Legt de ondertekening van het concept vast (naam, functie, organisatie, datum per ondertekenaar). Het concept wordt `signed` en verandert daarna niet meer; een eerder ondertekende versie wordt `superseded`. De evaluatie volgt 3 tot 4 jaar later (standaard 4). Zonder concept: 409.',
        params: contractParams,
        body: signingInput,
        response: { 200: contractSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      contracts.sign(
        requireActor(request),
        request.params.approachId,
        request.params.contractId,
        request.body,
      ),
  );

  app.post(
    '/approaches/:approachId/contracts/:contractId/versions',
    {
      schema: {
        tags: [TAG],
        operationId: 'amendContract',
        summary: 'Wijziging beginnen',
        description:
          'Een nieuwe versie als concept, overgenomen van de laatst ondertekende. Het antwoord toont wat zij verandert (eerst niets). 409 als er al een concept is.',
        params: contractParams,
        response: { 201: contractSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await contracts.amend(requireActor(request), request.params.approachId, request.params.contractId),
        ),
  );

  app.get(
    '/approaches/:approachId/contracts/:contractId/versions/:versionNumber',
    {
      schema: {
        tags: [TAG],
        operationId: 'getContractVersion',
        summary: 'Eén versie',
        description: 'Het contract zoals het in deze versie luidt, met de verschillen met de versie ervoor.',
        params: versionParams,
        response: { 200: contractSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      contracts.get(
        requireActor(request),
        request.params.approachId,
        request.params.contractId,
        request.params.versionNumber,
      ),
  );

  app.post(
    '/approaches/:approachId/contracts/:contractId/versions/:versionNumber/attachments',
    {
      schema: {
        tags: [TAG],
        operationId: 'attachContractDocument',
        summary: 'Bijlage toevoegen',
        description:
          'Koppelt een document van de wijkaanpak aan een versie, bv. de getekende PDF aan de ondertekende versie (de afspraken zelf veranderen daardoor niet). Niet aan een vervangen versie.',
        params: versionParams,
        body: z.object({ documentId: uuidParam }),
        response: { 201: contractSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await contracts.attach(
            requireActor(request),
            request.params.approachId,
            request.params.contractId,
            request.params.versionNumber,
            request.body.documentId,
          ),
        ),
  );

  app.delete(
    '/approaches/:approachId/contracts/:contractId/versions/:versionNumber/attachments/:documentId',
    {
      schema: {
        tags: [TAG],
        operationId: 'detachContractDocument',
        summary: 'Bijlage loskoppelen',
        description: 'Alleen bij een concept; wat bij een ondertekende versie hoort blijft (409).',
        params: versionParams.extend({ documentId: uuidParam }),
        response: { 204: z.null().describe('Losgekoppeld'), ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      await contracts.detach(
        requireActor(request),
        request.params.approachId,
        request.params.contractId,
        request.params.versionNumber,
        request.params.documentId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/approaches/:approachId/contracts/:contractId/evaluations',
    {
      schema: {
        tags: [TAG],
        operationId: 'evaluateContract',
        summary: 'Evaluatie vastleggen',
        description:
          'De uitkomst van de evaluatie (voortzetten, bijstellen, herzien, beëindigen) en de volgende evaluatie, 3 tot 4 jaar later.',
        params: contractParams,
        body: evaluationInput,
        response: { 201: contractSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await contracts.evaluate(
            requireActor(request),
            request.params.approachId,
            request.params.contractId,
            request.body,
          ),
        ),
  );

  app.get(
    '/approaches/:approachId/contracts/:contractId/commitments-export',
    {
      schema: {
        tags: [TAG],
        operationId: 'exportContractCommitments',
        summary: 'Toezeggingen als Excel',
        description:
          'De toezeggingen van een versie (standaard de laatste) met bedragen per jaar en de totalen per partner.',
        params: contractParams,
        querystring: z.object({ version: versionNumber.optional() }),
        response: {
          200: { description: 'Het werkboek', content: { [XLSX]: { schema: binary } } },
          ...errorResponses(...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const contract = await contracts.get(
        requireActor(request),
        request.params.approachId,
        request.params.contractId,
        request.query.version,
      );
      const body = await writeCommitmentsXlsx(contract);
      return (
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${exportFileName(contract)}"`)
          // A Buffer is sent as is (fastify skips the serializer); the schema only documents the file.
          .send(body as unknown as string)
      );
    },
  );

  app.get(
    '/approaches/:approachId/contracts/:contractId/proposals',
    {
      schema: {
        tags: [TAG],
        operationId: 'listCommitmentProposals',
        summary: 'Voorstellen van partners',
        description: 'Voorgestelde wijzigingen van toezeggingen, open en besloten.',
        params: contractParams,
        response: { 200: z.array(proposalSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) =>
      proposals.list(requireActor(request), request.params.approachId, request.params.contractId),
  );

  app.post(
    '/approaches/:approachId/contracts/:contractId/proposals',
    {
      schema: {
        tags: [TAG],
        operationId: 'proposeCommitmentChange',
        summary: 'Wijziging voorstellen',
        description:
          'Een partner stelt een wijziging, aanvulling of intrekking voor van een toezegging van de eigen organisatie (een andere organisatie: 403). Een coördinator neemt het voorstel aan of wijst het af.',
        params: contractParams,
        body: proposalInput,
        response: { 201: proposalSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await proposals.propose(
            requireActor(request),
            request.params.approachId,
            request.params.contractId,
            request.body,
          ),
        ),
  );

  app.post(
    '/approaches/:approachId/contracts/:contractId/proposals/:proposalId/decision',
    {
      schema: {
        tags: [TAG],
        operationId: 'decideCommitmentProposal',
        summary: 'Voorstel aannemen of afwijzen',
        description:
          'Aangenomen: de wijziging komt in het open concept, of in een nieuwe versie (wijziging) als het contract al is ondertekend. 409 als er al over is besloten.',
        params: contractParams.extend({ proposalId: uuidParam }),
        body: decisionInput,
        response: { 200: proposalSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) =>
      proposals.decide(
        requireActor(request),
        request.params.approachId,
        request.params.contractId,
        request.params.proposalId,
        request.body,
      ),
  );
};
