/**
 * The one HTTP client of the web app: same-origin fetch with the session cookie, the CSRF token on
 * every state-changing request, and every error decoded in one place (`decodeError`) from
 * application/problem+json (RFC 9457, see src/server/errors.ts) into an `ApiError`.
 */

export const API_BASE = '/api/v1';

/** One field problem of a 400 response; `path` is the dotted field path, e.g. `evidence.0.reference`. */
export interface FieldError {
  path: string;
  segments: (string | number)[];
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** On 409 stale_version: the current state of the resource (so nothing typed is lost). */
  readonly current?: unknown;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: FieldError[];
    current?: unknown;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    if (init.current !== undefined) this.current = init.current;
  }

  get isStale(): boolean {
    return this.status === 409 && this.code === 'stale_version';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Conflict',
  429: 'Te veel verzoeken',
};

function toSegments(path: unknown): (string | number)[] {
  if (Array.isArray(path))
    return path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (typeof path === 'string' && path !== '') return path.split('.');
  return [];
}

/** Turns any failed response into an ApiError; problem+json when the server sent it, a generic error otherwise. */
export async function decodeError(response: Response): Promise<ApiError> {
  const status = response.status;
  let body: Record<string, unknown> | undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  }
  const rawErrors = Array.isArray(body?.errors)
    ? (body.errors as { path?: unknown; message?: unknown }[])
    : [];
  const errors = rawErrors.map((e) => {
    const segments = toSegments(e.path);
    return {
      path: segments.join('.'),
      segments,
      message: typeof e.message === 'string' ? e.message : 'ongeldig',
    };
  });
  return new ApiError({
    status,
    code: typeof body?.code === 'string' ? body.code : status >= 500 ? 'internal' : 'http_error',
    title: typeof body?.title === 'string' ? body.title : (FALLBACK_TITLES[status] ?? 'Er ging iets mis'),
    detail:
      typeof body?.detail === 'string'
        ? body.detail
        : status >= 500
          ? 'Er ging iets mis aan de kant van de server. Probeer het later opnieuw.'
          : `De server antwoordde met status ${status}.`,
    errors,
    current: body?.current,
  });
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token (from login or GET /sessions/current); null on logout. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an API call finds the session gone (401), so the app can ask to log in again. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function fetchCsrfToken(): Promise<string | null> {
  const response = await fetch(`${API_BASE}/sessions/current`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return null;
  const session = (await response.json()) as { csrfToken?: string };
  csrfToken = session.csrfToken ?? null;
  return csrfToken;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** Do not report a 401 as a lost session (the login call itself, the session probe). */
  isSessionCall?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(method: string, url: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && !options.isSessionCall) {
    const token = csrfToken ?? (await fetchCsrfToken());
    if (token) headers['x-csrf-token'] = token;
  }
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      title: 'Geen verbinding',
      detail:
        'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw; uw invoer staat nog op het scherm.',
    });
  }
}

/** Calls the API; resolves with the parsed JSON (undefined on 204) or rejects with an ApiError. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const url = buildUrl(path, options.query);
  let response = await send(method, url, options);
  if (!response.ok && response.status === 403 && UNSAFE.has(method) && !options.isSessionCall) {
    // The token may be from an earlier session (logged in again in another tab): fetch it once more.
    const error = await decodeError(response.clone());
    if (error.code === 'csrf') {
      csrfToken = null;
      response = await send(method, url, options);
    }
  }
  if (!response.ok) {
    const error = await decodeError(response);
    // A lost session while reading sends the user to the login page. Not while saving: the form
    // keeps what was typed and shows the error, so nothing is lost.
    if (error.status === 401 && method === 'GET' && !options.isSessionCall) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
