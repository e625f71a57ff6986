/** The walk through the framework: answers per discussion point per cycle, revisions, decisions. */
import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  bigserial,
  index,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { approaches, cycles } from './approaches.ts';

export const EVIDENCE_KINDS = [
  'url',
  'document',
  'cba_case',
  'figure',
  'upload',
  'coalition',
  'contract',
] as const;

export interface EvidenceLink {
  kind: (typeof EVIDENCE_KINDS)[number];
  title: string;
  /** A URL (url), a document reference such as a file number (document), the id of an MKBA of the
   * same approach (cba_case), a figure as `indicatorKey@year:CODE[,CODE...]` (figure), the id of an
   * uploaded document of the approach (upload), a part of its coalition: members, board,
   * programme_bureau, process_direction (coalition), or a contract `id` or version `id@number` (contract). */
  reference: string;
}

export const POINT_STATUS_VALUES = ['open', 'in_discussion', 'answered', 'skipped'] as const;

export const pointAnswers = pgTable(
  'point_answers',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    pointId: text('point_id').notNull(),
    status: text('status', { enum: POINT_STATUS_VALUES }).notNull().default('open'),
    answer: text('answer'),
    skipReason: text('skip_reason'),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    participantOrganisationIds: uuid('participant_organisation_ids').array().notNull().default([]),
    version: integer('version').notNull().default(0),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.pointId] })],
);

/** Every saved state of a point (append-only). */
export const pointRevisions = pgTable(
  'point_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    pointId: text('point_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: POINT_STATUS_VALUES }).notNull(),
    answer: text('answer'),
    skipReason: text('skip_reason'),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull(),
    participantOrganisationIds: uuid('participant_organisation_ids').array().notNull(),
    editedBy: uuid('edited_by').references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [index('point_revisions_point_idx').on(t.cycleId, t.pointId)],
);

/** Go/no-go decisions: immutable; a later decision supersedes an earlier one. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: ['go', 'no_go'] }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedBy: text('decided_by').notNull(),
    rationale: text('rationale').notNull(),
    alternativeRoutes: text('alternative_routes').array().notNull().default([]),
    alternativeOther: text('alternative_other'),
    followUpDate: date('follow_up_date', { mode: 'string' }),
    supersedesId: uuid('supersedes_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_approach_idx').on(t.approachId)],
);

/** Audit log of every change: who, when, which record, values before and after. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The approach the record belongs to, when it belongs to one (for the approach's history). */
    approachId: uuid('approach_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_approach_idx').on(t.approachId, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
  ],
);
