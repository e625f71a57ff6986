/** Schemas of the local contract routes. */
import { z } from 'zod';
import {
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  EVALUATION_OUTCOMES,
  MAX_AMOUNT,
  MAX_YEAR,
  MIN_YEAR,
  MONEY_KINDS,
} from '../../core/coalition/contract.ts';
import { PROPOSAL_STATUSES } from '../../core/coalition/proposals.ts';
import { documentSchema } from './documents.routes.ts';
import { isoDate, uuidParam } from './common.ts';

const organisationRef = z.object({ id: z.string(), name: z.string() });

/** Euros per calendar year: at most 30 years, each YYYY within 2000-2100, each amount 0..100 bn. */
export const amounts = z
  .record(
    z.string().regex(/^\d{4}$/, 'een jaar (JJJJ)'),
    z.number().min(0, 'niet negatief').max(MAX_AMOUNT, 'hoogstens 100 miljard'),
  )
  .superRefine((value, ctx) => {
    const years = Object.keys(value);
    if (years.length > 30) ctx.addIssue({ code: 'custom', message: 'hoogstens 30 jaren' });
    for (const year of years) {
      const y = Number(year);
      if (y < MIN_YEAR || y > MAX_YEAR)
        ctx.addIssue({ code: 'custom', path: [year], message: `een jaar tussen ${MIN_YEAR} en ${MAX_YEAR}` });
    }
  })
  .describe('Bedrag in euro per kalenderjaar, bv. {"2026": 250000}');

export const commitmentInput = z.object({
  id: uuidParam.optional().describe('Het id van een bestaande toezegging in dit concept (weglaten: nieuw)'),
  organisationId: uuidParam,
  description: z.string().trim().min(1, 'beschrijf de inzet').max(5000),
  amounts,
  money: z.enum(MONEY_KINDS),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
});

const priority = z.object({ text: z.string().trim().min(1, 'beschrijf de prioriteit').max(1000) });

const contentFields = {
  title: z.string().trim().min(3, 'minstens 3 tekens').max(300),
  kind: z.enum(CONTRACT_KINDS).optional(),
  ambitions: z.string().max(20_000).optional(),
  principles: z.string().max(20_000).optional(),
  priorities: z.array(priority).max(50).optional(),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
  commitments: z.array(commitmentInput).max(500),
};

export const contractInput = z.object(contentFields);

export const contractPatch = z
  .object(contentFields)
  .partial()
  .extend({
    revision: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'De revisie van het concept waarop u uw wijziging baseert (verplicht; 409 als die verouderd is)',
      ),
  });

export const signingInput = z.object({
  signatories: z
    .array(
      z.object({
        name: z.string().trim().min(1, 'naam is verplicht').max(200),
        function: z.string().trim().min(1, 'functie is verplicht').max(200),
        organisationId: uuidParam,
        signedOn: isoDate,
      }),
    )
    .min(1, 'minstens één ondertekenaar')
    .max(100),
  evaluationDue: isoDate.nullable().optional().describe('Standaard 4 jaar na de laatste handtekening'),
  revision: z.number().int().min(1).optional(),
});

export const evaluationInput = z.object({
  evaluatedOn: isoDate,
  outcome: z.enum(EVALUATION_OUTCOMES),
  summary: z.string().trim().min(1, 'vat de uitkomst samen').max(20_000),
  nextEvaluationDue: isoDate.nullable().optional(),
});

export const proposalInput = z.object({
  commitmentId: uuidParam
    .nullable()
    .optional()
    .describe('De toezegging die u wilt wijzigen of intrekken; leeg: een nieuwe'),
  organisationId: uuidParam.optional().describe('Standaard uw eigen organisatie'),
  proposed: z
    .object({
      description: z.string().trim().min(1, 'beschrijf de inzet').max(5000),
      amounts,
      money: z.enum(MONEY_KINDS),
      periodStart: isoDate.nullable().optional(),
      periodEnd: isoDate.nullable().optional(),
    })
    .nullable()
    .describe('De toezegging zoals u haar voorstelt; null trekt haar in'),
  reason: z.string().trim().min(1, 'waarom deze wijziging?').max(5000),
});

export const decisionInput = z.object({
  decision: z.enum(['accepted', 'declined']),
  note: z.string().trim().max(5000).optional(),
});

const commitmentSchema = z.object({
  id: z.string(),
  organisation: organisationRef,
  description: z.string(),
  amounts: z.record(z.string(), z.number()),
  money: z.enum(MONEY_KINDS),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
});

const diffCommitment = z.object({
  id: z.string(),
  organisationId: z.string(),
  description: z.string(),
  amounts: z.record(z.string(), z.number()),
  money: z.enum(MONEY_KINDS),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  goalIds: z.array(z.string()),
  interventionIds: z.array(z.string()),
});

const split = { regular: z.number(), additional: z.number(), total: z.number() };
const textPart = z.object({ value: z.string(), change: z.enum(['added', 'removed', 'same']) });

export const contractSchema = z
  .object({
    id: z.string(),
    approachId: z.string(),
    version: z.number().int().describe('Het nummer van de getoonde versie'),
    status: z.enum(CONTRACT_STATUSES),
    revision: z.number().int().describe('Voor gelijktijdig bewerken van een concept'),
    title: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    ambitions: z.string(),
    principles: z.string(),
    priorities: z.array(z.object({ text: z.string() })),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    evaluationDue: z.string().nullable(),
    basedOnVersion: z.number().int().nullable(),
    signedAt: z.string().nullable(),
    commitments: z.array(commitmentSchema),
    signatories: z.array(
      z.object({
        name: z.string(),
        function: z.string(),
        organisation: organisationRef,
        signedOn: z.string(),
      }),
    ),
    attachments: z.array(documentSchema),
    totals: z.object({
      years: z.array(z.string()),
      byOrganisation: z.array(
        z.object({ organisation: organisationRef, byYear: z.record(z.string(), z.number()), ...split }),
      ),
      byYear: z.record(z.string(), z.object(split)),
      ...split,
    }),
    changes: z
      .object({
        fields: z.array(
          z.object({
            field: z.string(),
            before: z.string().nullable(),
            after: z.string().nullable(),
            parts: z.array(textPart),
          }),
        ),
        priorities: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
        commitments: z.object({
          added: z.array(diffCommitment),
          removed: z.array(diffCommitment),
          changed: z.array(
            z.object({
              id: z.string(),
              organisationId: z.string(),
              fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
            }),
          ),
        }),
        hasChanges: z.boolean(),
      })
      .nullable()
      .describe('Wat deze versie verandert ten opzichte van de versie waarvan zij is afgeleid'),
    versions: z.array(
      z.object({
        number: z.number().int(),
        status: z.enum(CONTRACT_STATUSES),
        title: z.string(),
        signedAt: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    currentSignedVersion: z.number().int().nullable(),
    nextEvaluationDue: z.string().nullable(),
    evaluations: z.array(
      z.object({
        id: z.string(),
        versionNumber: z.number().int(),
        evaluatedOn: z.string(),
        outcome: z.enum(EVALUATION_OUTCOMES),
        summary: z.string(),
        nextEvaluationDue: z.string().nullable(),
        recordedBy: z.string(),
      }),
    ),
    openProposals: z.number().int(),
  })
  .meta({ id: 'Contract' });

export const contractSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    version: z.number().int(),
    status: z.enum(CONTRACT_STATUSES),
    currentSignedVersion: z.number().int().nullable(),
    signedAt: z.string().nullable(),
    evaluationDue: z.string().nullable(),
  })
  .meta({ id: 'ContractSummary' });

export const proposalSchema = z
  .object({
    id: z.string(),
    versionNumber: z.number().int(),
    organisation: organisationRef,
    commitmentId: z.string().nullable(),
    proposed: z
      .object({
        description: z.string(),
        amounts: z.record(z.string(), z.number()),
        money: z.enum(MONEY_KINDS),
        periodStart: z.string().nullable(),
        periodEnd: z.string().nullable(),
      })
      .nullable(),
    reason: z.string(),
    status: z.enum(PROPOSAL_STATUSES),
    proposedBy: organisationRef,
    proposedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    appliedToVersion: z.number().int().nullable(),
  })
  .meta({ id: 'CommitmentProposal' });
