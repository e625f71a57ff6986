/** Documents of an approach: metadata and, separately, the bytes. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import {
  contractAttachments,
  contractVersions,
  cycles,
  documentContents,
  documents,
  pointAnswers,
  users,
} from './schema/index.ts';

export type DocumentRow = typeof documents.$inferSelect;

export async function insertDocument(db: Database, values: typeof documents.$inferInsert, content: Buffer) {
  const [row] = await db.insert(documents).values(values).returning();
  await db.insert(documentContents).values({ documentId: row!.id, content });
  return row!;
}

export async function listDocuments(db: Database, approachId: string) {
  return db
    .select({ document: documents, uploadedByName: users.name })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(eq(documents.approachId, approachId))
    .orderBy(desc(documents.uploadedAt));
}

export async function findDocument(db: Database, approachId: string, id: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.approachId, approachId), eq(documents.id, id)));
  return row;
}

export async function readDocumentContent(db: Database, id: string) {
  const [row] = await db.select().from(documentContents).where(eq(documentContents.documentId, id));
  return row?.content;
}

export async function deleteDocument(db: Database, id: string) {
  await db.delete(documents).where(eq(documents.id, id));
}

/** The contract versions a document is attached to, with their status. */
export async function listDocumentAttachments(db: Database, documentId: string) {
  return db
    .select({
      versionId: contractVersions.id,
      number: contractVersions.number,
      status: contractVersions.status,
    })
    .from(contractAttachments)
    .innerJoin(contractVersions, eq(contractVersions.id, contractAttachments.versionId))
    .where(eq(contractAttachments.documentId, documentId))
    .orderBy(asc(contractVersions.number));
}

/** Discussion points (any cycle of the approach) that cite the document as evidence. */
export async function listPointsCitingDocument(db: Database, approachId: string, documentId: string) {
  const citation = JSON.stringify([{ kind: 'upload', reference: documentId }]);
  return db
    .select({ pointId: pointAnswers.pointId, cycleNumber: cycles.number })
    .from(pointAnswers)
    .innerJoin(cycles, eq(cycles.id, pointAnswers.cycleId))
    .where(and(eq(cycles.approachId, approachId), sql`${pointAnswers.evidence} @> ${citation}::jsonb`))
    .orderBy(asc(cycles.number), asc(pointAnswers.pointId));
}
