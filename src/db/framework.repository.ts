/** Answers to discussion points per cycle, their revisions, and go/no-go decisions. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { decisions, pointAnswers, pointRevisions, users } from './schema/index.ts';

export type PointAnswerRow = typeof pointAnswers.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

const answerColumns = {
  answer: pointAnswers,
  updatedByName: users.name,
};

export async function listPointAnswers(db: Database, cycleId: string) {
  return db
    .select(answerColumns)
    .from(pointAnswers)
    .leftJoin(users, eq(users.id, pointAnswers.updatedBy))
    .where(eq(pointAnswers.cycleId, cycleId));
}

export async function findPointAnswer(db: Database, cycleId: string, pointId: string) {
  const [row] = await db
    .select(answerColumns)
    .from(pointAnswers)
    .leftJoin(users, eq(users.id, pointAnswers.updatedBy))
    .where(and(eq(pointAnswers.cycleId, cycleId), eq(pointAnswers.pointId, pointId)));
  return row;
}

/** Creates the rows of a new cycle in one statement (all points of the framework). */
export async function insertPointAnswers(db: Database, rows: (typeof pointAnswers.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(pointAnswers).values(rows);
}

/** Optimistic update; undefined when the stored version differs from `expectedVersion`. */
export async function updatePointAnswer(
  db: Database,
  key: { cycleId: string; pointId: string; expectedVersion: number },
  values: Pick<
    PointAnswerRow,
    'status' | 'answer' | 'skipReason' | 'evidence' | 'participantOrganisationIds' | 'updatedBy' | 'updatedAt'
  >,
) {
  const [row] = await db
    .update(pointAnswers)
    .set({ ...values, version: sql`${pointAnswers.version} + 1` })
    .where(
      and(
        eq(pointAnswers.cycleId, key.cycleId),
        eq(pointAnswers.pointId, key.pointId),
        eq(pointAnswers.version, key.expectedVersion),
      ),
    )
    .returning();
  return row;
}

export async function insertPointRevision(db: Database, values: typeof pointRevisions.$inferInsert) {
  await db.insert(pointRevisions).values(values);
}

export async function insertPointRevisions(db: Database, rows: (typeof pointRevisions.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(pointRevisions).values(rows);
}

export async function listPointRevisions(db: Database, cycleId: string, pointId: string) {
  return db
    .select({ revision: pointRevisions, editedByName: users.name })
    .from(pointRevisions)
    .leftJoin(users, eq(users.id, pointRevisions.editedBy))
    .where(and(eq(pointRevisions.cycleId, cycleId), eq(pointRevisions.pointId, pointId)))
    .orderBy(desc(pointRevisions.version), desc(pointRevisions.id));
}

export async function listDecisions(db: Database, approachId: string) {
  return db
    .select({ decision: decisions, recordedByName: users.name })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.recordedBy))
    .where(eq(decisions.approachId, approachId))
    .orderBy(asc(decisions.recordedAt), asc(decisions.id));
}

export async function insertDecision(db: Database, values: typeof decisions.$inferInsert) {
  const [row] = await db.insert(decisions).values(values).returning();
  return row!;
}
