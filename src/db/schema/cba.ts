/** Social cost-benefit analyses (MKBA) of an approach: the case as the core's case file, versioned. */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { approaches } from './approaches.ts';

export const cbaCases = pgTable(
  'cba_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The case file exactly as src/core/cba's schema defines it (validated on every write). */
    caseFile: jsonb('case_file').notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cba_cases_approach_idx').on(t.approachId)],
);
