/** The local contract: contracts, versions with commitments and signatories, evaluations, proposals, attachments. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  commitmentProposals,
  contractAttachments,
  contractCommitments,
  contractEvaluations,
  contractSignatories,
  contractVersions,
  contracts,
  documents,
  organisations,
  users,
} from './schema/index.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractVersionRow = typeof contractVersions.$inferSelect;
export type CommitmentRow = typeof contractCommitments.$inferSelect;
export type SignatoryRow = typeof contractSignatories.$inferSelect;
export type EvaluationRow = typeof contractEvaluations.$inferSelect;
export type ProposalRow = typeof commitmentProposals.$inferSelect;

export async function insertContract(db: Database, values: typeof contracts.$inferInsert) {
  const [row] = await db.insert(contracts).values(values).returning();
  return row!;
}

export async function findContract(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.approachId, approachId), eq(contracts.id, id)));
  return row;
}

export async function listContracts(db: Database, approachId: string) {
  return db
    .select()
    .from(contracts)
    .where(eq(contracts.approachId, approachId))
    .orderBy(asc(contracts.createdAt));
}

export async function listVersions(db: Database, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return db
    .select()
    .from(contractVersions)
    .where(inArray(contractVersions.contractId, contractIds))
    .orderBy(asc(contractVersions.contractId), asc(contractVersions.number));
}

/** Locks the contract's versions for the rest of the transaction (serialises signing and amending). */
export async function lockVersions(db: Database, contractId: string) {
  return db
    .select()
    .from(contractVersions)
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(asc(contractVersions.number))
    .for('update');
}

export async function insertVersion(db: Database, values: typeof contractVersions.$inferInsert) {
  const [row] = await db.insert(contractVersions).values(values).returning();
  return row!;
}

/** Optimistic update of a draft; undefined when the revision differs or the version is no longer a draft. */
export async function updateDraftVersion(
  db: Database,
  id: string,
  expectedRevision: number,
  values: Partial<typeof contractVersions.$inferInsert>,
) {
  const [row] = await db
    .update(contractVersions)
    .set({ ...values, revision: expectedRevision + 1 })
    .where(
      and(
        eq(contractVersions.id, id),
        eq(contractVersions.revision, expectedRevision),
        eq(contractVersions.status, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function setVersionStatus(
  db: Database,
  id: string,
  values: Pick<typeof contractVersions.$inferInsert, 'status'> &
    Partial<typeof contractVersions.$inferInsert>,
) {
  const [row] = await db.update(contractVersions).set(values).where(eq(contractVersions.id, id)).returning();
  return row!;
}

export async function listCommitments(db: Database, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({ commitment: contractCommitments, organisationName: organisations.name })
    .from(contractCommitments)
    .innerJoin(organisations, eq(organisations.id, contractCommitments.organisationId))
    .where(inArray(contractCommitments.versionId, versionIds))
    .orderBy(asc(contractCommitments.versionId), asc(contractCommitments.position));
}

/** Replaces the commitments of a draft (the draft is saved as a whole). */
export async function replaceCommitments(
  db: Database,
  versionId: string,
  rows: Omit<typeof contractCommitments.$inferInsert, 'versionId' | 'position'>[],
) {
  await db.delete(contractCommitments).where(eq(contractCommitments.versionId, versionId));
  if (rows.length === 0) return;
  await db.insert(contractCommitments).values(rows.map((r, position) => ({ ...r, versionId, position })));
}

export async function listSignatories(db: Database, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({ signatory: contractSignatories, organisationName: organisations.name })
    .from(contractSignatories)
    .innerJoin(organisations, eq(organisations.id, contractSignatories.organisationId))
    .where(inArray(contractSignatories.versionId, versionIds))
    .orderBy(asc(contractSignatories.versionId), asc(contractSignatories.position));
}

export async function insertSignatories(db: Database, rows: (typeof contractSignatories.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(contractSignatories).values(rows);
}

export async function listAttachments(db: Database, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({
      versionId: contractAttachments.versionId,
      document: documents,
      attachedAt: contractAttachments.attachedAt,
    })
    .from(contractAttachments)
    .innerJoin(documents, eq(documents.id, contractAttachments.documentId))
    .where(inArray(contractAttachments.versionId, versionIds))
    .orderBy(asc(contractAttachments.attachedAt));
}

export async function insertAttachment(db: Database, values: typeof contractAttachments.$inferInsert) {
  const [row] = await db.insert(contractAttachments).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteAttachment(db: Database, versionId: string, documentId: string) {
  const [row] = await db
    .delete(contractAttachments)
    .where(and(eq(contractAttachments.versionId, versionId), eq(contractAttachments.documentId, documentId)))
    .returning();
  return row;
}

export async function listEvaluations(db: Database, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return db
    .select({ evaluation: contractEvaluations, recordedByName: users.name })
    .from(contractEvaluations)
    .leftJoin(users, eq(users.id, contractEvaluations.recordedBy))
    .where(inArray(contractEvaluations.contractId, contractIds))
    .orderBy(desc(contractEvaluations.evaluatedOn));
}

export async function insertEvaluation(db: Database, values: typeof contractEvaluations.$inferInsert) {
  const [row] = await db.insert(contractEvaluations).values(values).returning();
  return row!;
}

export async function listProposals(db: Database, contractId: string) {
  return db
    .select({
      proposal: commitmentProposals,
      organisationName: organisations.name,
      proposedByName: users.name,
    })
    .from(commitmentProposals)
    .innerJoin(organisations, eq(organisations.id, commitmentProposals.organisationId))
    .innerJoin(users, eq(users.id, commitmentProposals.proposedBy))
    .where(eq(commitmentProposals.contractId, contractId))
    .orderBy(desc(commitmentProposals.proposedAt));
}

export async function findProposal(db: Database, contractId: string, id: string, options = { lock: false }) {
  const query = db
    .select()
    .from(commitmentProposals)
    .where(and(eq(commitmentProposals.contractId, contractId), eq(commitmentProposals.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertProposal(db: Database, values: typeof commitmentProposals.$inferInsert) {
  const [row] = await db.insert(commitmentProposals).values(values).returning();
  return row!;
}

export async function decideProposal(
  db: Database,
  id: string,
  values: Pick<ProposalRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'appliedToNumber'>,
) {
  const [row] = await db
    .update(commitmentProposals)
    .set(values)
    .where(and(eq(commitmentProposals.id, id), eq(commitmentProposals.status, 'open')))
    .returning();
  return row;
}
