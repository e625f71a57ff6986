/** Typed functions for every /api/v1 endpoint the web app calls (see src/server/routes). */
import { ApiError, rememberCsrfToken, request } from './client.ts';
import type {
  Approach,
  ApproachDetail,
  ApproachInput,
  ApproachPatch,
  AuditEvent,
  CbaCaseDetail,
  CbaCaseFile,
  CbaCaseSummary,
  CbaResult,
  CbaTemplateId,
  Cycle,
  Decision,
  DecisionInput,
  FrameworkProgress,
  LoginInput,
  LoginMethods,
  Organisation,
  PointAnswer,
  PointRevision,
  PointStatus,
  PointUpdate,
  Session,
} from './types.ts';

const approach = (id: string) => `/approaches/${encodeURIComponent(id)}`;
const cycle = (id: string, n: number) => `${approach(id)}/cycles/${n}`;
const cbaCase = (id: string, caseId: string) => `${approach(id)}/cba-cases/${encodeURIComponent(caseId)}`;
const point = (id: string, n: number, pointId: string) =>
  `${cycle(id, n)}/points/${encodeURIComponent(pointId)}`;

export const api = {
  /** The current session, or null when nobody is logged in. */
  async getSession(): Promise<Session | null> {
    try {
      const session = await request<Session>('GET', '/sessions/current', { isSessionCall: true });
      rememberCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        rememberCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  async login(input: LoginInput): Promise<Session> {
    const session = await request<Session>('POST', '/sessions', { body: input, isSessionCall: true });
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  /** Which ways of logging in this installation offers. */
  getLoginMethods: () => request<LoginMethods>('GET', '/login-methods'),
  async logout(): Promise<void> {
    try {
      await request<void>('DELETE', '/sessions/current');
    } finally {
      rememberCsrfToken(null);
    }
  },

  listApproaches: (includeArchived = false) =>
    request<Approach[]>('GET', '/approaches', { query: { includeArchived } }),
  createApproach: (input: ApproachInput) => request<Approach>('POST', '/approaches', { body: input }),
  getApproach: (id: string) => request<ApproachDetail>('GET', approach(id)),
  updateApproach: (id: string, patch: ApproachPatch) =>
    request<Approach>('PATCH', approach(id), { body: patch }),
  listOrganisations: (id: string) => request<Organisation[]>('GET', `${approach(id)}/organisations`),

  listCycles: (id: string) => request<Cycle[]>('GET', `${approach(id)}/cycles`),
  startCycle: (id: string, title?: string) =>
    request<Cycle>('POST', `${approach(id)}/cycles`, { body: title ? { title } : {} }),
  getProgress: (id: string, n: number) => request<FrameworkProgress>('GET', `${cycle(id, n)}/progress`),
  listPoints: (
    id: string,
    n: number,
    filter: { stepId?: string; phaseId?: string; status?: PointStatus } = {},
  ) =>
    request<{ cycle: { number: number; status: 'active' | 'closed' }; points: PointAnswer[] }>(
      'GET',
      `${cycle(id, n)}/points`,
      { query: filter },
    ),
  getPoint: (id: string, n: number, pointId: string) => request<PointAnswer>('GET', point(id, n, pointId)),
  updatePoint: (id: string, n: number, pointId: string, update: PointUpdate) =>
    request<PointAnswer>('PUT', point(id, n, pointId), { body: update }),
  listRevisions: (id: string, n: number, pointId: string) =>
    request<PointRevision[]>('GET', `${point(id, n, pointId)}/revisions`),

  listDecisions: (id: string) => request<Decision[]>('GET', `${approach(id)}/decisions`),
  recordDecision: (id: string, input: DecisionInput) =>
    request<Decision>('POST', `${approach(id)}/decisions`, { body: input }),

  listAuditEvents: (id: string, options: { limit?: number; beforeId?: number } = {}) =>
    request<AuditEvent[]>('GET', `${approach(id)}/audit-events`, { query: options }),

  listCbaCases: (id: string, includeArchived = false) =>
    request<CbaCaseSummary[]>('GET', `${approach(id)}/cba-cases`, { query: { includeArchived } }),
  createCbaCase: (id: string, input: { caseFile: CbaCaseFile } | { template: CbaTemplateId }) =>
    request<CbaCaseDetail>('POST', `${approach(id)}/cba-cases`, { body: input }),
  getCbaCase: (id: string, caseId: string) => request<CbaCaseDetail>('GET', cbaCase(id, caseId)),
  updateCbaCase: (
    id: string,
    caseId: string,
    update: { version: number; caseFile: CbaCaseFile; status?: 'active' | 'archived' },
  ) => request<CbaCaseDetail>('PUT', cbaCase(id, caseId), { body: update }),
  /** Evaluates a case file without saving it (the live recalculation while editing). */
  evaluateCba: (caseFile: CbaCaseFile) =>
    request<CbaResult>('POST', '/cba-evaluations', { body: { caseFile } }),
  getCbaTemplate: (templateId: CbaTemplateId) =>
    request<CbaCaseFile>('GET', `/cba-templates/${encodeURIComponent(templateId)}`),
};
