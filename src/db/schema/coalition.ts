/**
 * Stakeholder map, coalition and local contract of an approach (issue 13). Every editable row has a
 * `version` for optimistic concurrency; contract versions use `revision` for that, because
 * `number` and `status` are what the API calls a contract's version (draft -> signed -> superseded).
 */
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.ts';
import { approaches } from './approaches.ts';
import { documents } from './documents.ts';

const audited = {
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export interface StakeholderFlowValue {
  kind: 'policy' | 'money';
  description: string;
  amountPerYear: number | null;
}

export const stakeholders = pgTable(
  'stakeholders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** A partner organisation of the municipality this stakeholder is, when it is one. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    domains: text('domains').array().notNull().default([]),
    interest: smallint('interest').notNull(),
    influence: smallint('influence').notNull(),
    engagement: text('engagement').notNull(),
    channels: text('channels').array().notNull().default([]),
    relationNotes: text('relation_notes').notNull().default(''),
    flows: jsonb('flows').$type<StakeholderFlowValue[]>().notNull().default([]),
    ...audited,
  },
  (t) => [index('stakeholders_approach_idx').on(t.approachId)],
);

export const mediaItems = pgTable(
  'media_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    medium: text('medium').notNull(),
    tone: text('tone').notNull(),
    summary: text('summary').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    url: text('url'),
    ...audited,
  },
  (t) => [index('media_items_approach_idx').on(t.approachId)],
);

export const coalitionMembers = pgTable(
  'coalition_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    joinReason: text('join_reason').notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leaveReason: text('leave_reason'),
    ...audited,
  },
  (t) => [index('coalition_members_approach_idx').on(t.approachId)],
);

/** The administrative board: one seat per domain (unique), with its representative. */
export const boardSeats = pgTable(
  'board_seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    seat: text('seat').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    representativeName: text('representative_name').notNull(),
    representativeFunction: text('representative_function').notNull(),
    ...audited,
  },
  (t) => [uniqueIndex('board_seats_approach_seat_key').on(t.approachId, t.seat)],
);

/** Per approach: the board's name and rhythm, the programme bureau and who holds the process direction. */
export const coalitionSettings = pgTable('coalition_settings', {
  approachId: uuid('approach_id')
    .primaryKey()
    .references(() => approaches.id, { onDelete: 'cascade' }),
  boardName: text('board_name').notNull().default('Bestuurlijk overleg'),
  boardRhythm: text('board_rhythm').notNull().default(''),
  programmeBureau: text('programme_bureau').notNull().default(''),
  processDirectionHolder: text('process_direction_holder').notNull().default('not_yet_assigned'),
  /** The process director's name and role: a professional function, as signatories are. */
  processDirectorName: text('process_director_name').notNull().default(''),
  processDirectionOrganisationId: uuid('process_direction_organisation_id').references(
    () => organisations.id,
  ),
  processDirectionMandate: text('process_direction_mandate').notNull().default(''),
  ...audited,
});

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contracts_approach_idx').on(t.approachId)],
);

export interface PriorityValue {
  text: string;
  goalIds: string[];
}

export const contractVersions = pgTable(
  'contract_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status', { enum: ['draft', 'signed', 'superseded'] })
      .notNull()
      .default('draft'),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('contract'),
    ambitions: text('ambitions').notNull().default(''),
    principles: text('principles').notNull().default(''),
    priorities: jsonb('priorities').$type<PriorityValue[]>().notNull().default([]),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    evaluationDue: date('evaluation_due', { mode: 'string' }),
    /** Optimistic concurrency of a draft (the version's `number` is the contract version). */
    revision: integer('revision').notNull().default(1),
    basedOnNumber: integer('based_on_number'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedRecordedBy: uuid('signed_recorded_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_versions_number_key').on(t.contractId, t.number)],
);

export const contractCommitments = pgTable(
  'contract_commitments',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersions.id, { onDelete: 'cascade' }),
    /** Stable over versions: an amendment keeps the ids of the commitments it copies. */
    id: uuid('id').notNull(),
    position: integer('position').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    description: text('description').notNull(),
    amounts: jsonb('amounts').$type<Record<string, number>>().notNull().default({}),
    money: text('money', { enum: ['regular', 'additional'] }).notNull(),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    goalIds: uuid('goal_ids').array().notNull().default([]),
    interventionIds: uuid('intervention_ids').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.id] })],
);

export const contractSignatories = pgTable(
  'contract_signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    function: text('function').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('contract_signatories_version_idx').on(t.versionId)],
);

/** Attachments of a contract version (the signed PDF, annexes): documents of the approach. */
export const contractAttachments = pgTable(
  'contract_attachments',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersions.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    attachedBy: uuid('attached_by').references(() => users.id),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.documentId] })],
);

export const contractEvaluations = pgTable(
  'contract_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull(),
    summary: text('summary').notNull(),
    nextEvaluationDue: date('next_evaluation_due', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contract_evaluations_contract_idx').on(t.contractId)],
);

export interface ProposedCommitmentValue {
  description: string;
  amounts: Record<string, number>;
  money: 'regular' | 'additional';
  periodStart: string | null;
  periodEnd: string | null;
  goalIds: string[];
  interventionIds: string[];
}

export const commitmentProposals = pgTable(
  'commitment_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** The version the proposer looked at. */
    versionNumber: integer('version_number').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    commitmentId: uuid('commitment_id'),
    proposed: jsonb('proposed').$type<ProposedCommitmentValue | null>(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'declined', 'withdrawn'] })
      .notNull()
      .default('open'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The draft version the accepted change went into. */
    appliedToNumber: integer('applied_to_number'),
  },
  (t) => [index('commitment_proposals_contract_idx').on(t.contractId)],
);
