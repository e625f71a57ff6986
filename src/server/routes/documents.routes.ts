import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../plugins/auth.ts';
import {
  ACCEPTED_EXTENSIONS,
  MAX_DOCUMENT_BYTES,
  type DocumentsService,
} from '../services/documents.service.ts';
import { AUTH_ERRORS, errorResponses, uuidParam } from './common.ts';

const TAG = 'Documenten';
const binary = z.string().meta({ format: 'binary' });

export const documentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string().describe('Het type zoals gevonden in de inhoud'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Document' });

/** A header value percent-encoded as UTF-8 (file names and titles may hold any character). */
const encodedText = (max: number) =>
  z
    .string()
    .max(max * 3)
    .transform((value, ctx) => {
      try {
        return decodeURIComponent(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'moet percent-gecodeerd UTF-8 zijn (encodeURIComponent)' });
        return z.NEVER;
      }
    });

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes: FastifyPluginAsyncZod<{ documents: DocumentsService }> = async (
  app,
  { documents },
) => {
  // Uploads arrive as raw bytes: no JSON or base64 to parse, read at most 10 MiB (413 beyond).
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_request, body, done) => done(null, body),
  );
  const approachParams = z.object({ approachId: uuidParam });
  const documentParams = approachParams.extend({ documentId: uuidParam });

  app.post(
    '/approaches/:approachId/documents',
    {
      bodyLimit: MAX_DOCUMENT_BYTES,
      // Login and CSRF are checked in onRequest (plugins/auth.ts), before a single byte of the body is read.
      schema: {
        tags: [TAG],
        operationId: 'uploadDocument',
        summary: 'Document uploaden',
        description: `Slaat een bestand op bij de wijkaanpak (bewijs bij gesprekspunten, bijlage van het lokaal contract). De body is het bestand zelf; \`Content-Type\` het type volgens de afzender, \`X-File-Name\` de bestandsnaam (percent-gecodeerd). Toegestaan: ${ACCEPTED_EXTENSIONS.join(', ')}, tot 10 MB. Het type wordt aan de inhoud herkend (magic bytes) en moet bij de bestandsnaam passen.`,
        consumes: ['application/octet-stream', 'application/pdf', 'image/png', 'image/jpeg'],
        params: approachParams,
        headers: z.object({
          'x-file-name': encodedText(200)
            .pipe(z.string().trim().min(1, 'bestandsnaam ontbreekt').max(200))
            .describe('De bestandsnaam, percent-gecodeerd UTF-8 (encodeURIComponent)'),
          'x-document-title': encodedText(300)
            .pipe(z.string().trim().max(300))
            .optional()
            .describe('Een titel, percent-gecodeerd; standaard de bestandsnaam'),
        }),
        body: z
          .custom<Buffer>((value) => Buffer.isBuffer(value), 'stuur de bytes van het bestand (geen JSON)')
          .meta({ type: 'string', format: 'binary', description: 'Het bestand' }),
        response: { 201: documentSchema, ...errorResponses(...AUTH_ERRORS, 413) },
      },
    },
    async (request, reply) => {
      const declared = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      return reply.status(201).send(
        await documents.upload(requireActor(request), request.params.approachId, {
          fileName: request.headers['x-file-name'],
          title: request.headers['x-document-title'],
          mediaType: declared,
          content: request.body,
        }),
      );
    },
  );

  app.get(
    '/approaches/:approachId/documents',
    {
      schema: {
        tags: [TAG],
        operationId: 'listDocuments',
        summary: 'Documenten',
        description: 'De documenten van deze wijkaanpak (zonder inhoud).',
        params: approachParams,
        response: { 200: z.array(documentSchema), ...errorResponses(...AUTH_ERRORS) },
      },
    },
    async (request) => documents.list(requireActor(request), request.params.approachId),
  );

  app.get(
    '/approaches/:approachId/documents/:documentId/content',
    {
      schema: {
        tags: [TAG],
        operationId: 'downloadDocument',
        summary: 'Document downloaden',
        description:
          'Het bestand, als bijlage (nooit in de browser geopend), met het type dat in de inhoud is gevonden. Elke download wordt gelogd.',
        params: documentParams,
        response: {
          200: {
            description: 'Het bestand',
            content: {
              'application/octet-stream': { schema: binary },
              'application/pdf': { schema: binary },
              'image/png': { schema: binary },
              'image/jpeg': { schema: binary },
            },
          },
          ...errorResponses(...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const file = await documents.download(
        requireActor(request),
        request.params.approachId,
        request.params.documentId,
      );
      return (
        reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // A Buffer is sent as is (fastify skips the serializer); the schema only documents the file.
          .send(file.content as unknown as string)
      );
    },
  );

  app.delete(
    '/approaches/:approachId/documents/:documentId',
    {
      schema: {
        tags: [TAG],
        operationId: 'deleteDocument',
        summary: 'Document verwijderen',
        description:
          'Door wie het uploadde of een coördinator; niet als het bewijs is bij een gesprekspunt of een bijlage van het lokaal contract (409).',
        params: documentParams,
        response: { 204: z.null().describe('Verwijderd'), ...errorResponses(...AUTH_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      await documents.remove(requireActor(request), request.params.approachId, request.params.documentId);
      return reply.status(204).send(null);
    },
  );
};
