/**
 * Domain errors: the closed set of codes the core (and services) may throw.
 * The server maps each code to an HTTP status in one table (src/server/errors.ts).
 */
export const DOMAIN_ERROR_CODES = [
  'invalid_input', // input breaks a rule of the domain (field paths in `details`)
  'not_found', // the record does not exist or is not visible to the actor
  'forbidden', // the actor may see the record but not do this
  'unauthenticated', // no valid session
  'stale_version', // optimistic concurrency: the record changed since the client read it
  'conflict', // the request conflicts with the current state (e.g. duplicate key)
  'invalid_transition', // a status change the domain does not allow
  'read_only', // the record is closed (e.g. an ended cycle)
  'infeasible', // constraints cannot be met (e.g. sortition quotas)
  'import_failed', // a file could not be imported (file, row, column, reason in `details`)
  'expired', // a one-time link (invitation, password reset) is past its expiry
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One field-level problem: `path` is the field path, e.g. ["items", 3, "amounts", "2031"]. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: FieldIssue[];
  /** Extra machine-readable data, e.g. the current record on a stale version. */
  readonly data: Record<string, unknown> | undefined;

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; data?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.data = options.data;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
