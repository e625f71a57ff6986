/** Zod schemas of the citizens' panel routes (request bodies and responses; the web app infers its types from these). */
import { z } from 'zod';
import { SORTITION_ALGORITHMS } from '../../core/sortition/types.ts';
import { isoDate } from './common.ts';

const sha256 = z.string().describe('SHA-256 (64 hexadecimale tekens)');
const columnName = z.string().trim().min(1, 'kolomnaam ontbreekt').max(200);

export const uploadedFile = z.object({
  fileName: z.string().trim().min(1, 'bestandsnaam ontbreekt').max(255),
  content: z
    .base64({ message: 'moet base64 zijn' })
    .min(1, 'het bestand is leeg')
    .describe('De bytes van het bestand, base64'),
});

export const panelInput = z.object({
  name: z.string().trim().min(3, 'minstens 3 tekens').max(200),
  purpose: z.string().trim().max(5_000).default(''),
  panelSize: z.number().int().min(1, 'minstens 1').max(10_000),
  retentionUntil: isoDate.describe('Bewaartermijn: op deze datum worden de persoonsgegevens verwijderd'),
});

export const panelPatch = z.object({
  version: z.number().int().min(1),
  name: panelInput.shape.name.optional(),
  purpose: z.string().trim().max(5_000).optional(),
  panelSize: panelInput.shape.panelSize.optional(),
  retentionUntil: isoDate.optional(),
});

export const poolUploadInput = uploadedFile.extend({
  version: z.number().int().min(1),
  idColumn: columnName.nullable().describe('Kolom met de referentie; null: het regelnummer'),
  featureColumns: z.array(columnName).min(1, 'kies minstens één kenmerk').max(20),
  householdColumns: z.array(columnName).max(10).default([]),
});

const quotaSchema = z
  .object({
    category: z.string().trim().min(1, 'kenmerk ontbreekt').max(200),
    value: z.string().trim().min(1, 'waarde ontbreekt').max(200),
    min: z.number().int().min(0),
    max: z.number().int().min(0),
  })
  .meta({ id: 'PanelQuota' });

export const quotasInput = z.object({
  version: z.number().int().min(1).describe('Quotaversie (quotasVersion)'),
  quotas: z.array(quotaSchema).max(500).optional(),
  file: uploadedFile.optional().describe('Quotabestand category,feature,min,max of feature,value,min,max'),
});

export const runInput = z.object({ algorithm: z.enum(SORTITION_ALGORITHMS).default('leximin') });

export const drawInput = z.object({
  runId: z.uuid({ message: 'moet een UUID zijn' }),
  publicValue: z.string().trim().min(1, 'vul de publiek aangekondigde waarde in').max(500),
});

export const alternatesInput = z.object({
  publicValue: drawInput.shape.publicValue,
  droppedOut: z.array(z.string().trim().min(1).max(200)).min(1, 'kies minstens één afvaller').max(1000),
});

export const panelSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    purpose: z.string(),
    panelSize: z.number().int(),
    retentionUntil: z.string(),
    status: z.enum(['open', 'purged']),
    purgedAt: z.string().nullable(),
    poolSize: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PanelSummary' });

const featureCounts = z.array(
  z.object({
    category: z.string(),
    values: z.array(z.object({ value: z.string(), count: z.number().int(), share: z.number() })),
  }),
);

export const panelSchema = panelSummarySchema
  .extend({
    quotasVersion: z.number().int(),
    pool: z
      .object({
        fileName: z.string(),
        fileKind: z.enum(['csv', 'xlsx']),
        sha256,
        size: z.number().int(),
        uploadedAt: z.string(),
        idColumn: z.string().nullable(),
        featureColumns: z.array(z.string()),
        householdColumns: z.array(z.string()),
        droppedColumns: z.array(z.string()),
        counts: featureCounts,
      })
      .nullable(),
    quotas: z.array(quotaSchema),
    quotasFile: z.object({ fileName: z.string(), sha256, csv: z.string() }).nullable(),
    canManage: z.boolean(),
    canReadPersonalData: z.boolean(),
  })
  .meta({ id: 'Panel' });

export const poolInspectionSchema = z
  .object({
    fileName: z.string(),
    fileKind: z.enum(['csv', 'xlsx']),
    sha256,
    rows: z.number().int(),
    columns: z.array(
      z.object({
        name: z.string(),
        distinctCount: z.number().int(),
        emptyCount: z.number().int(),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })).nullable(),
        suggestedRole: z.enum(['id', 'feature', 'household', 'drop']),
      }),
    ),
  })
  .meta({ id: 'PanelPoolInspection' });

export const poolUploadResultSchema = z
  .object({ panel: panelSchema, droppedColumns: z.array(z.string()), quotasReset: z.boolean() })
  .meta({ id: 'PanelPoolUpload' });

const personRow = z.object({
  position: z.number().int(),
  reference: z.string(),
  values: z.record(z.string(), z.string()),
});

export const poolPageSchema = z
  .object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    purgedAt: z.string().nullable(),
    columns: z.array(z.string()),
    members: z.array(personRow),
  })
  .meta({ id: 'PanelPoolPage' });

const quotaRef = z.object({
  category: z.string(),
  value: z.string(),
  bound: z.enum(['min', 'max']),
  limit: z.number(),
});
const conflict = z.object({ reason: z.string(), quotas: z.array(quotaRef) });
const relaxation = z.object({
  category: z.string(),
  value: z.string(),
  bound: z.enum(['min', 'max']),
  from: z.number(),
  to: z.number(),
});

export const feasibilitySchema = z
  .object({
    feasible: z.boolean(),
    conflicts: z.array(conflict),
    relaxations: z.array(relaxation),
    relaxable: z.boolean(),
    message: z.string(),
  })
  .meta({ id: 'PanelFeasibility' });

export const runSchema = z
  .object({
    id: z.string(),
    algorithm: z.enum(SORTITION_ALGORITHMS),
    status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
    poolSha256: sha256,
    quotasSha256: sha256,
    settingsSha256: sha256,
    settings: z.object({
      algorithm: z.enum(SORTITION_ALGORITHMS),
      panelSize: z.number().int(),
      householdColumns: z.array(z.string()),
      idColumn: z.string().nullable(),
      samples: z.number().int().optional(),
    }),
    inputHashes: z
      .array(sha256)
      .describe('SHA-256 van quotabestand, poolbestand en instellingen: de invoer van de seed'),
    panelSize: z.number().int(),
    quotas: z.array(quotaSchema),
    isCurrentPool: z.boolean(),
    progress: z
      .object({
        phase: z.string().describe('feasibility, initial-panels, column-generation, final of sampling'),
        iterations: z.number().int(),
        panels: z.number().int(),
        solverCalls: z.number().int(),
        fixed: z.number().int().optional(),
        lowerBound: z.number().optional().describe('Huidige laagste selectiekans (ondergrens)'),
        upperBound: z.number().optional(),
        samples: z.number().int().optional(),
        total: z.number().int().optional(),
      })
      .nullable(),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        conflicts: z.array(z.unknown()),
        relaxations: z.array(z.unknown()),
      })
      .nullable(),
    summary: z
      .object({
        minProbability: z.number(),
        maxProbability: z.number(),
        meanProbability: z.number(),
        gini: z.number(),
        histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
        byValue: z.array(
          z.object({
            category: z.string(),
            value: z.string(),
            count: z.number().int(),
            meanProbability: z.number(),
            minProbability: z.number(),
          }),
        ),
        stats: z.record(z.string(), z.number()),
        panelCount: z.number().int(),
      })
      .nullable(),
    startedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    cancelRequestedAt: z.string().nullable(),
  })
  .meta({ id: 'PanelRun' });

export const drawSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    kind: z.enum(['panel', 'alternates']),
    parentDrawId: z.string().nullable(),
    publicValue: z.string(),
    seed: sha256,
    inputHashes: z.array(sha256).describe('SHA-256 van quotabestand, poolbestand en instellingen'),
    panelIndex: z.number().int().nullable(),
    ticket: z.number().nullable(),
    size: z.number().int(),
    droppedOutCount: z.number().int(),
    composition: z.array(
      z.object({
        category: z.string(),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })),
      }),
    ),
    hasMembers: z.boolean().describe('false na het verstrijken van de bewaartermijn'),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PanelDraw' });

const memberRow = personRow.extend({ status: z.enum(['member', 'replacement', 'dropped_out']) });

export const drawMembersSchema = z
  .object({
    drawId: z.string(),
    purgedAt: z.string().nullable(),
    columns: z.array(z.string()),
    members: z.array(memberRow),
    droppedOut: z.array(memberRow),
  })
  .meta({ id: 'PanelDrawMembers' });

export const replaySchema = z
  .object({
    runId: z.string(),
    publicValue: z.string(),
    seed: sha256,
    inputHashes: z.array(sha256),
    panelIndex: z.number().int(),
    ticket: z.number(),
    matchingDrawIds: z.array(z.string()).describe('Vastgelegde lotingen van deze selectie met dezelfde seed'),
  })
  .meta({ id: 'PanelDrawReplay' });
