/**
 * Documents of an approach (decision 0702): PDF, office documents and images, uploaded as evidence
 * on discussion points or as attachments of a contract version. The type is read from the bytes
 * (file-type's magic numbers) and must agree with the file name; size at most 10 MiB. Downloads only
 * for those who may see the approach, each one audited.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../core/access/actor.ts';
import { canPerform } from '../../core/access/approach-role.ts';
import { DomainError } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  deleteDocument,
  findDocument,
  insertDocument,
  listDocumentAttachments,
  listDocuments,
  listPointsCitingDocument,
  readDocumentContent,
  type DocumentRow,
} from '../../db/documents.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * What is accepted: the type file-type finds in the bytes, the extensions that type may carry, and
 * the media type it is stored and served as. Old Office files (.doc/.xls/.ppt) share one container
 * format (CFB); the extension says which.
 */
const ACCEPTED: Record<string, { extensions: Record<string, string> }> = {
  'application/pdf': { extensions: { pdf: 'application/pdf' } },
  'image/png': { extensions: { png: 'image/png' } },
  'image/jpeg': { extensions: { jpg: 'image/jpeg', jpeg: 'image/jpeg' } },
  'image/gif': { extensions: { gif: 'image/gif' } },
  'image/webp': { extensions: { webp: 'image/webp' } },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: { pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  },
  'application/vnd.oasis.opendocument.text': {
    extensions: { odt: 'application/vnd.oasis.opendocument.text' },
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    extensions: { ods: 'application/vnd.oasis.opendocument.spreadsheet' },
  },
  'application/vnd.oasis.opendocument.presentation': {
    extensions: { odp: 'application/vnd.oasis.opendocument.presentation' },
  },
  'application/x-cfb': {
    extensions: {
      doc: 'application/msword',
      xls: 'application/vnd.ms-excel',
      ppt: 'application/vnd.ms-powerpoint',
    },
  },
};

export const ACCEPTED_EXTENSIONS = Object.values(ACCEPTED).flatMap((a) => Object.keys(a.extensions));

/** The base name without folders or control characters (a name, never a path). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 200)
  );
}

/** Checks the bytes: size, a known type found in the content, the file name's extension agreeing with it. */
export async function inspectDocument(fileName: string, content: Buffer, declaredType?: string) {
  const invalid = (message: string) =>
    new DomainError('invalid_input', message, { issues: [{ path: ['content'], message }] });
  if (content.length === 0) throw invalid('het bestand is leeg');
  if (content.length > MAX_DOCUMENT_BYTES)
    throw invalid(`het bestand is ${(content.length / 1048576).toFixed(1)} MB; de grens is 10 MB`);
  const detected = await fileTypeFromBuffer(content);
  const accepted = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !accepted) {
    throw invalid(
      `dit is geen PDF, Office-document of afbeelding${detected ? ` (de inhoud is ${detected.mime})` : ''}; toegestaan: ${ACCEPTED_EXTENSIONS.join(', ')}`,
    );
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const mediaType = accepted.extensions[extension];
  if (!mediaType) {
    throw new DomainError('invalid_input', 'De bestandsnaam past niet bij de inhoud.', {
      issues: [
        {
          path: ['fileName'],
          message: `de inhoud is ${detected.mime}; de naam moet eindigen op .${Object.keys(accepted.extensions).join(' of .')}`,
        },
      ],
    });
  }
  if (declaredType && declaredType !== 'application/octet-stream' && declaredType !== mediaType) {
    throw new DomainError('invalid_input', 'Het opgegeven type past niet bij de inhoud.', {
      issues: [{ path: ['mediaType'], message: `opgegeven ${declaredType}, de inhoud is ${mediaType}` }],
    });
  }
  return { mediaType, sha256: createHash('sha256').update(content).digest('hex') };
}

export function presentDocument(row: DocumentRow, uploadedByName: string | null) {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy ? { id: row.uploadedBy, name: uploadedByName ?? '' } : null,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
export type DocumentView = ReturnType<typeof presentDocument>;

export function createDocumentsService(ctx: ServiceContext) {
  return {
    async upload(
      actor: Actor,
      approachId: string,
      input: {
        title?: string | undefined;
        fileName: string;
        mediaType?: string | undefined;
        content: Buffer;
      },
    ) {
      const fileName = cleanFileName(input.fileName);
      if (fileName === '')
        throw new DomainError('invalid_input', 'Geef het bestand een naam.', {
          issues: [{ path: ['fileName'], message: 'verplicht' }],
        });
      await loadApproachFor(ctx.db, actor, approachId, 'upload_documents');
      const { mediaType, sha256 } = await inspectDocument(fileName, input.content, input.mediaType);
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'upload_documents');
        const row = await insertDocument(
          db,
          {
            approachId,
            title: input.title?.trim() || fileName,
            fileName,
            mediaType,
            sizeBytes: input.content.length,
            sha256,
            uploadedBy: actor.userId,
            uploadedAt: ctx.clock.now(),
          },
          input.content,
        );
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'document',
          entityId: row.id,
          action: 'upload',
          before: null,
          after: row,
        });
        return presentDocument(row, actor.name);
      });
    },

    async list(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const rows = await listDocuments(ctx.db, approachId);
      return rows.map((r) => presentDocument(r.document, r.uploadedByName));
    },

    /** The file for a download; the download itself is audited (who read which document when). */
    async download(actor: Actor, approachId: string, documentId: string) {
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'read');
        const row = await findDocument(db, approachId, documentId);
        if (!row) throw new DomainError('not_found', 'Dit document bestaat niet.');
        const content = await readDocumentContent(db, documentId);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'document',
          entityId: documentId,
          action: 'download',
          before: null,
          after: { fileName: row.fileName, sha256: row.sha256 },
        });
        return { fileName: row.fileName, mediaType: row.mediaType, content: content! };
      });
    },

    /** The uploader or a coordinator deletes a document nobody relies on (no evidence, no signed contract). */
    async remove(actor: Actor, approachId: string, documentId: string) {
      await inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'read');
        const row = await findDocument(db, approachId, documentId);
        if (!row) throw new DomainError('not_found', 'Dit document bestaat niet.');
        if (!canPerform(approach.role, 'delete_documents') && row.uploadedBy !== actor.userId) {
          throw new DomainError(
            'forbidden',
            'Alleen wie het document uploadde of een coördinator kan het verwijderen.',
          );
        }
        const attachments = await listDocumentAttachments(db, documentId);
        if (attachments.length > 0) {
          throw new DomainError(
            'conflict',
            `Dit document is een bijlage van het lokaal contract (versie ${attachments.map((a) => a.number).join(', ')}) en blijft bewaard.`,
          );
        }
        const citing = await listPointsCitingDocument(db, approachId, documentId);
        if (citing.length > 0) {
          throw new DomainError(
            'conflict',
            `Dit document is bewijs bij gesprekspunt ${citing.map((c) => `${c.pointId} (cyclus ${c.cycleNumber})`).join(', ')}; haal het daar eerst weg.`,
          );
        }
        await deleteDocument(db, documentId);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'document',
          entityId: documentId,
          action: 'delete',
          before: row,
          after: null,
        });
      });
    },

    /** For evidence links: whether a document belongs to the approach. */
    async exists(approachId: string, documentId: string) {
      return (await findDocument(ctx.db, approachId, documentId)) !== undefined;
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
