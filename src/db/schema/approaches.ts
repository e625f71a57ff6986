/** Approaches (wijkaanpakken), memberships per approach, cycles of the framework. */
import {
  index,
  integer,
  pgTable,
  primaryKey,
  date,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.ts';

export const approaches = pgTable(
  'approaches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Focus area: CBS region codes (BU/WK/GM) valid in `focusAreaYear`. */
    focusArea: text('focus_area').array().notNull(),
    focusAreaYear: integer('focus_area_year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approaches_municipality_idx').on(t.municipalityId)],
);

export const APPROACH_ROLES = ['coordinator', 'partner', 'viewer'] as const;

/** Explicit access to an approach: invitations of partners, or a different role than the default. */
export const approachMembers = pgTable(
  'approach_members',
  {
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: APPROACH_ROLES }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.approachId, t.userId] })],
);

/** One walk through the framework; a new cycle starts when a programme period ends. */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    frameworkVersion: text('framework_version').notNull(),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    title: text('title').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('cycles_approach_number_key').on(t.approachId, t.number)],
);
