/** Query keys and react-query hooks over the typed endpoints. */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { api } from './endpoints.ts';

export const keys = {
  session: ['session'] as const,
  approaches: (includeArchived: boolean) => ['approaches', { includeArchived }] as const,
  approachesAll: ['approaches'] as const,
  approach: (id: string) => ['approach', id] as const,
  organisations: (id: string) => ['approach', id, 'organisations'] as const,
  progress: (id: string, n: number) => ['approach', id, 'cycle', n, 'progress'] as const,
  points: (id: string, n: number, stepId: string) => ['approach', id, 'cycle', n, 'points', stepId] as const,
  revisions: (id: string, n: number, pointId: string) =>
    ['approach', id, 'cycle', n, 'revisions', pointId] as const,
  decisions: (id: string) => ['approach', id, 'decisions'] as const,
  audit: (id: string) => ['approach', id, 'audit'] as const,
  cbaCases: (id: string) => ['approach', id, 'cba-cases'] as const,
  cbaCase: (id: string, caseId: string) => ['approach', id, 'cba-cases', caseId] as const,
  /** Keyed by the case file's JSON text: the same input is never evaluated twice. */
  cbaEvaluation: (caseFileJson: string) => ['cba-evaluation', caseFileJson] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; only retry network and server errors.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}

export const useSession = () =>
  useQuery({ queryKey: keys.session, queryFn: api.getSession, staleTime: 60_000 });

export const useApproaches = (includeArchived: boolean) =>
  useQuery({
    queryKey: keys.approaches(includeArchived),
    queryFn: () => api.listApproaches(includeArchived),
  });

export const useApproach = (id: string) =>
  useQuery({ queryKey: keys.approach(id), queryFn: () => api.getApproach(id) });

export const useOrganisations = (id: string) =>
  useQuery({
    queryKey: keys.organisations(id),
    queryFn: () => api.listOrganisations(id),
    staleTime: 5 * 60_000,
  });

export const useProgress = (id: string, n: number, enabled = true) =>
  useQuery({ queryKey: keys.progress(id, n), queryFn: () => api.getProgress(id, n), enabled });

export const usePoints = (id: string, n: number, stepId: string) =>
  useQuery({ queryKey: keys.points(id, n, stepId), queryFn: () => api.listPoints(id, n, { stepId }) });

export const useRevisions = (id: string, n: number, pointId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.revisions(id, n, pointId),
    queryFn: () => api.listRevisions(id, n, pointId),
    enabled,
    staleTime: 0,
  });

export const useDecisions = (id: string) =>
  useQuery({ queryKey: keys.decisions(id), queryFn: () => api.listDecisions(id) });

export const useCbaCases = (id: string) =>
  useQuery({ queryKey: keys.cbaCases(id), queryFn: () => api.listCbaCases(id) });

export const useCbaCase = (id: string, caseId: string) =>
  useQuery({ queryKey: keys.cbaCase(id, caseId), queryFn: () => api.getCbaCase(id, caseId) });
