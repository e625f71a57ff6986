/**
 * Citizens' panels by lottery (burgerpanels, capability 7): the panel's settings, its pool of
 * registrants (personal data, deleted on the retention date), every selection run and every draw.
 *
 * What survives the purge: settings, quotas, the SHA-256 hashes of the input files, counts per
 * feature value, each run's summary and panel probabilities (so a draw can still be replayed), each
 * draw's seed, ticket and composition. What goes: the pool rows, and every list of pool positions
 * (per-person probabilities, the members of panels and draws).
 */
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  date,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SelectionSettings } from '../../core/sortition/record.ts';
import type { Quota } from '../../core/sortition/types.ts';
import { users } from './accounts.ts';
import { approaches } from './approaches.ts';

export const PANEL_RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const PANEL_ALGORITHMS = ['leximin', 'maximin', 'legacy'] as const;

/** Which columns of the uploaded pool file were kept, and which were dropped (never stored). */
export interface PoolColumns {
  idColumn: string | null;
  featureColumns: string[];
  householdColumns: string[];
  droppedColumns: string[];
}

/** Registrants per feature and value, e.g. { gender: { female: 104, male: 96 } }. */
export type FeatureCounts = Record<string, Record<string, number>>;

export const panels = pgTable(
  'panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    panelSize: integer('panel_size').notNull(),
    /** Personal data (the pool and who was drawn) is deleted on this date (Europe/Amsterdam). */
    retentionUntil: date('retention_until', { mode: 'string' }).notNull(),
    /** Settings and pool: optimistic version. */
    version: integer('version').notNull().default(1),
    poolFileName: text('pool_file_name'),
    poolFileKind: text('pool_file_kind', { enum: ['csv', 'xlsx'] }),
    /** SHA-256 of the uploaded pool file's bytes (hex); an input of the draw seed. */
    poolSha256: text('pool_sha256'),
    poolSize: integer('pool_size'),
    poolColumns: jsonb('pool_columns').$type<PoolColumns>(),
    poolCounts: jsonb('pool_counts').$type<FeatureCounts>(),
    poolUploadedAt: timestamp('pool_uploaded_at', { withTimezone: true }),
    quotas: jsonb('quotas').$type<Quota[]>().notNull().default([]),
    /** The quota file as uploaded, or written from the quotas set in the app (category,feature,min,max). */
    quotasCsv: text('quotas_csv'),
    quotasFileName: text('quotas_file_name'),
    quotasSha256: text('quotas_sha256'),
    quotasVersion: integer('quotas_version').notNull().default(1),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panels_approach_idx').on(t.approachId), index('panels_retention_idx').on(t.retentionUntil)],
);

/** The registrants (personal data): only the kept columns, in the order of the file. */
export const panelPoolMembers = pgTable(
  'panel_pool_members',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    /** 0-based position in the file; the engine's index. */
    position: integer('position').notNull(),
    reference: text('reference').notNull(),
    /** Feature and household columns only. */
    values: jsonb('values').$type<Record<string, string>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.position] })],
);

export interface RunProgress {
  phase: string;
  iterations: number;
  panels: number;
  solverCalls: number;
  fixed?: number | undefined;
  lowerBound?: number | undefined;
  upperBound?: number | undefined;
  samples?: number | undefined;
  total?: number | undefined;
}

export interface RunError {
  code: string;
  message: string;
  conflicts?: unknown[];
  relaxations?: unknown[];
}

/** Aggregates of a finished run: what partners see and what is kept after the purge. */
export interface RunSummary {
  minProbability: number;
  maxProbability: number;
  meanProbability: number;
  gini: number;
  /** Registrants per probability band [from, to). */
  histogram: { from: number; to: number; count: number }[];
  /** Per feature value: registrants, mean and lowest probability. */
  byValue: {
    category: string;
    value: string;
    count: number;
    meanProbability: number;
    minProbability: number;
  }[];
  stats: Record<string, number>;
  panelCount: number;
}

export const panelRuns = pgTable(
  'panel_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    approachId: uuid('approach_id').notNull(),
    algorithm: text('algorithm', { enum: PANEL_ALGORITHMS }).notNull(),
    status: text('status', { enum: PANEL_RUN_STATUSES }).notNull().default('queued'),
    poolSha256: text('pool_sha256').notNull(),
    quotasSha256: text('quotas_sha256').notNull(),
    quotas: jsonb('quotas').$type<Quota[]>().notNull(),
    panelSize: integer('panel_size').notNull(),
    householdColumns: jsonb('household_columns').$type<string[]>().notNull(),
    /** The engine's selection settings (src/core/sortition/record.ts), canonical JSON hashed below. */
    settings: jsonb('settings').$type<SelectionSettings>().notNull(),
    settingsSha256: text('settings_sha256').notNull(),
    progress: jsonb('progress').$type<RunProgress>(),
    error: jsonb('error').$type<RunError>(),
    summary: jsonb('summary').$type<RunSummary>(),
    /** Probability of each panel of the distribution, in the engine's canonical order (kept). */
    panelProbabilities: jsonb('panel_probabilities').$type<number[]>(),
    /** Pool positions of each panel's members (personal data: purged). */
    panelMembers: jsonb('panel_members').$type<number[][]>(),
    /** Selection probability per pool position (personal data: purged). */
    personProbabilities: jsonb('person_probabilities').$type<number[]>(),
    startedBy: uuid('started_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
    /** Written every few seconds by the instance computing the run; a stale one means that instance died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [
    index('panel_runs_panel_idx').on(t.panelId, t.createdAt),
    index('panel_runs_status_idx').on(t.status),
  ],
);

export const panelDraws = pgTable(
  'panel_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => panelRuns.id, { onDelete: 'cascade' }),
    approachId: uuid('approach_id').notNull(),
    kind: text('kind', { enum: ['panel', 'alternates'] }).notNull(),
    /** Alternates: the draw whose panel lost members. */
    parentDrawId: uuid('parent_draw_id'),
    publicValue: text('public_value').notNull(),
    seed: text('seed').notNull(),
    inputHashes: jsonb('input_hashes').$type<string[]>().notNull(),
    panelIndex: integer('panel_index'),
    ticket: doublePrecision('ticket'),
    size: integer('size').notNull(),
    /** Counts per feature value of the resulting panel (kept after the purge). */
    composition: jsonb('composition').$type<FeatureCounts>().notNull(),
    droppedOutCount: integer('dropped_out_count').notNull().default(0),
    /** Pool positions of the resulting panel (personal data: purged). */
    members: jsonb('members').$type<number[]>(),
    /** Alternates: who dropped out and who replaced them (pool positions; purged). */
    droppedOut: jsonb('dropped_out').$type<number[]>(),
    replacements: jsonb('replacements').$type<number[]>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_draws_panel_idx').on(t.panelId, t.createdAt)],
);
