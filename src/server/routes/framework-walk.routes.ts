import { z } from 'zod';
import {
  COALITION_EVIDENCE_PARTS,
  CONTRACT_REFERENCE_PATTERN,
  DOCUMENT_REFERENCE_PATTERN,
  isCoalitionEvidencePart,
} from '../../core/coalition/evidence.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FIGURE_REFERENCE_PATTERN } from '../../core/analysis/figure-reference.ts';
import { ALTERNATIVE_ROUTES, POINT_STATUSES } from '../../core/framework/index.ts';
import { EVIDENCE_KINDS } from '../../db/schema/framework.ts';
import { requireActor } from '../plugins/auth.ts';
import type { createFrameworkWalkService } from '../services/framework-walk.service.ts';
import { AUTH_ERRORS, errorResponses, isoDate, uuidParam } from './common.ts';

const pointStatus = z.enum(POINT_STATUSES);
const phaseId = z.enum(['orienteren', 'initieren', 'ontwerpen', 'uitvoeren']);

const evidenceLink = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().trim().min(1, 'titel is verplicht').max(300),
    reference: z.string().trim().min(1, 'verwijzing is verplicht').max(2000),
  })
  .superRefine((link, ctx) => {
    if (link.kind === 'url' && !/^https?:\/\/\S+$/i.test(link.reference)) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'moet een http(s)-adres zijn' });
    }
    if (link.kind === 'cba_case' && !/^[0-9a-f-]{36}$/i.test(link.reference)) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'moet het id van een MKBA zijn' });
    }
    if (link.kind === 'upload' && !DOCUMENT_REFERENCE_PATTERN.test(link.reference)) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: 'moet het id van een document zijn' });
    }
    if (link.kind === 'coalition' && !isCoalitionEvidencePart(link.reference)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: `moet een onderdeel van de coalitie zijn: ${COALITION_EVIDENCE_PARTS.join(', ')}`,
      });
    }
    if (link.kind === 'contract' && !CONTRACT_REFERENCE_PATTERN.test(link.reference)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: 'moet een contract zijn (id) of een versie ervan (id@versie)',
      });
    }
    if (link.kind === 'figure' && !FIGURE_REFERENCE_PATTERN.test(link.reference)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: 'moet een cijfer zijn: indicator@jaar:CODE[,CODE...], bv. p_huurw@2023:WK034403',
      });
    }
  })
  .meta({ id: 'EvidenceLink' });

const person = z.object({ id: z.string(), name: z.string() });

export const pointSchema = z
  .object({
    pointId: z.string(),
    phaseId: phaseId,
    stepId: z.string(),
    text: z.string(),
    status: pointStatus,
    answer: z.string().nullable(),
    skipReason: z.string().nullable(),
    evidence: z.array(evidenceLink),
    participants: z.array(person),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedBy: person.nullable(),
  })
  .meta({ id: 'DiscussionPointAnswer' });

const revisionSchema = z
  .object({
    version: z.number().int(),
    status: pointStatus,
    answer: z.string().nullable(),
    skipReason: z.string().nullable(),
    evidence: z.array(evidenceLink),
    participantOrganisationIds: z.array(z.string()),
    editedBy: person.nullable(),
    editedAt: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'DiscussionPointRevision' });

const counts = {
  total: z.number().int(),
  open: z.number().int(),
  inDiscussion: z.number().int(),
  answered: z.number().int(),
  skipped: z.number().int(),
  done: z.number().int(),
  percentDone: z.number().int(),
};
const progressSchema = z
  .object({
    cycle: z.object({ number: z.number().int(), status: z.enum(['active', 'closed']) }),
    currentDecision: z.object({ outcome: z.enum(['go', 'no_go']), decidedOn: z.string() }).nullable(),
    ...counts,
    phases: z.array(
      z.object({
        phaseId,
        isBeforeGo: z.boolean(),
        ...counts,
        steps: z.array(z.object({ stepId: z.string(), ...counts })),
      }),
    ),
  })
  .meta({ id: 'FrameworkProgress' });

const cycleSchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    status: z.enum(['active', 'closed']),
    frameworkVersion: z.string(),
    startedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Cycle' });

const decisionInput = z.object({
  outcome: z.enum(['go', 'no_go']),
  decidedOn: isoDate,
  decidedBy: z.string().max(300),
  rationale: z.string().max(20_000),
  alternativeRoutes: z.array(z.enum(ALTERNATIVE_ROUTES)).max(ALTERNATIVE_ROUTES.length).default([]),
  alternativeOther: z.string().max(2000).nullable().default(null),
  followUpDate: isoDate.nullable().default(null),
});

const decisionSchema = z
  .object({
    id: z.string(),
    cycleNumber: z.number().int(),
    outcome: z.enum(['go', 'no_go']),
    decidedOn: z.string(),
    decidedBy: z.string(),
    rationale: z.string(),
    alternativeRoutes: z.array(z.enum(ALTERNATIVE_ROUTES)),
    alternativeOther: z.string().nullable(),
    followUpDate: z.string().nullable(),
    supersedesId: z.string().nullable(),
    recordedBy: person,
    recordedAt: z.string(),
    isCurrent: z.boolean(),
  })
  .meta({ id: 'Decision' });

const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: person.nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });

const approachParams = z.object({ approachId: uuidParam });
const cycleParams = z.object({ approachId: uuidParam, cycleNumber: z.coerce.number().int().min(1) });
const pointParams = cycleParams.extend({
  pointId: z.string().regex(/^\d+\.\d+\.\d+$/, 'moet een gesprekspuntnummer zijn, bv. 1.2.3'),
});

export const frameworkWalkRoutes: FastifyPluginAsyncZod<{
  walk: ReturnType<typeof createFrameworkWalkService>;
}> = async (app, { walk }) => {
  app.get(
    '/approaches/:approachId/cycles',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'listCycles',
        summary: 'Cycli',
        description: 'Alle cycli van de wijkaanpak; afgesloten cycli blijven leesbaar en ongewijzigd.',
        params: approachParams,
        response: { 200: z.array(cycleSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.listCycles(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/cycles',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'startCycle',
        summary: 'Nieuwe cyclus starten',
        description:
          'Sluit de lopende cyclus af en start de volgende, uitgaande van de antwoorden van de vorige.',
        params: approachParams,
        body: z.object({ title: z.string().max(200).optional() }),
        response: { 201: cycleSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await walk.startCycle(requireActor(request), request.params.approachId, request.body)),
  );

  app.get(
    '/approaches/:approachId/cycles/:cycleNumber/points',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'listDiscussionPoints',
        summary: 'Gesprekspunten van een cyclus',
        description:
          'De gesprekspunten met status en antwoord, in de volgorde van de nota; filterbaar op status, fase en stap.',
        params: cycleParams,
        querystring: z.object({
          status: pointStatus.optional(),
          phaseId: phaseId.optional(),
          stepId: z
            .string()
            .regex(/^\d+\.\d+$/)
            .optional(),
        }),
        response: {
          200: z.object({
            cycle: z.object({ number: z.number().int(), status: z.enum(['active', 'closed']) }),
            points: z.array(pointSchema),
          }),
          ...errorResponses(...AUTH_ERRORS),
        },
      },
    },
    async (request) => walk.listPoints(requireActor(request), { ...request.params, ...request.query }),
  );

  app.get(
    '/approaches/:approachId/cycles/:cycleNumber/points/:pointId',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'getDiscussionPoint',
        summary: 'Gesprekspunt',
        description: 'Eén gesprekspunt met status, antwoord, onderbouwing en deelnemers.',
        params: pointParams,
        response: { 200: pointSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.getPoint(requireActor(request), request.params),
  );

  app.put(
    '/approaches/:approachId/cycles/:cycleNumber/points/:pointId',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'updateDiscussionPoint',
        summary: 'Gesprekspunt bijwerken',
        description:
          'Slaat status, antwoord, reden van overslaan, onderbouwing en deelnemende organisaties op. `version` is de versie waarop de wijziging is gebaseerd; is die verouderd, dan volgt 409 met de huidige stand in `current`.',
        params: pointParams,
        body: z.object({
          version: z.number().int().min(0),
          status: pointStatus,
          answer: z.string().max(50_000).nullable().default(null),
          skipReason: z.string().max(10_000).nullable().default(null),
          evidence: z.array(evidenceLink).max(100).default([]),
          participantOrganisationIds: z.array(uuidParam).max(200).default([]),
        }),
        response: { 200: pointSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request) => walk.updatePoint(requireActor(request), request.params, request.body),
  );

  app.get(
    '/approaches/:approachId/cycles/:cycleNumber/points/:pointId/revisions',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'listDiscussionPointRevisions',
        summary: 'Versiegeschiedenis van een gesprekspunt',
        description: 'Alle opgeslagen versies, nieuwste eerst.',
        params: pointParams,
        response: { 200: z.array(revisionSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.listRevisions(requireActor(request), request.params),
  );

  app.get(
    '/approaches/:approachId/cycles/:cycleNumber/progress',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'getFrameworkProgress',
        summary: 'Voortgang',
        description:
          'Voortgang per fase en stap; fasen na de oriëntatie zijn gemarkeerd zolang er geen go-besluit is.',
        params: cycleParams,
        response: { 200: progressSchema, ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.progress(requireActor(request), request.params),
  );

  app.get(
    '/approaches/:approachId/decisions',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'listDecisions',
        summary: 'Go/no-go-besluiten',
        description: 'Alle besluiten, nieuwste eerst; het geldende besluit heeft isCurrent.',
        params: approachParams,
        response: { 200: z.array(decisionSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.listDecisions(requireActor(request), request.params.approachId),
  );

  app.post(
    '/approaches/:approachId/decisions',
    {
      schema: {
        tags: ['Afwegingskader'],
        operationId: 'recordDecision',
        summary: 'Go/no-go-besluit vastleggen',
        description:
          'Legt een onveranderlijk besluit vast; een later besluit vervangt het vorige. Bij no-go zijn een alternatieve route en een vervolgdatum verplicht.',
        params: approachParams,
        body: decisionInput,
        response: { 201: decisionSchema, ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await walk.recordDecision(requireActor(request), request.params.approachId, request.body)),
  );

  app.get(
    '/approaches/:approachId/audit-events',
    {
      schema: {
        tags: ['Wijkaanpakken'],
        operationId: 'listAuditEvents',
        summary: 'Geschiedenis',
        description:
          'Auditlog van de wijkaanpak: wie wanneer wat wijzigde, met de waarden ervoor en erna. Alleen voor coördinatoren.',
        params: approachParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          beforeId: z.coerce.number().int().min(1).optional(),
        }),
        response: { 200: z.array(auditEventSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => walk.listHistory(requireActor(request), request.params.approachId, request.query),
  );
};
