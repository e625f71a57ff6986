/**
 * The one table from domain error codes to HTTP statuses, and the problem+json shape (RFC 9457)
 * every error leaves the server in.
 */
import { z } from 'zod';
import type { DomainErrorCode } from '../core/errors.ts';

export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  stale_version: 409,
  conflict: 409,
  invalid_transition: 409,
  read_only: 409,
  infeasible: 422,
  import_failed: 422,
  expired: 410,
};

export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  409: 'Conflict',
  410: 'Verlopen',
  413: 'Te groot',
  415: 'Mediatype niet ondersteund',
  422: 'Niet verwerkbaar',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
};

export function problemType(code: string): string {
  return `urn:wijkkompas:problem:${code}`;
}

export const fieldErrorSchema = z.object({
  in: z.enum(['body', 'query', 'path', 'header']).optional(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string().optional(),
});

export const problemSchema = z
  .object({
    type: z.string().describe('URI reference that identifies the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Machine-readable error code, e.g. stale_version'),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
