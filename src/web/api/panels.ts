/**
 * Citizens' panels (burgerpanels): types inferred from the server's zod schemas (type-only imports),
 * the typed calls, query keys and hooks. Files travel as base64 in JSON; exports are plain links
 * (GET with the session cookie), so the browser saves them.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  drawMembersSchema,
  drawSchema,
  feasibilitySchema,
  panelSchema,
  panelSummarySchema,
  poolInspectionSchema,
  poolPageSchema,
  poolUploadResultSchema,
  replaySchema,
  runSchema,
} from '../../server/routes/panels.schemas.ts';
import { API_BASE, request } from './client.ts';

export type PanelSummary = z.infer<typeof panelSummarySchema>;
export type Panel = z.infer<typeof panelSchema>;
export type PanelQuota = Panel['quotas'][number];
export type PoolInspection = z.infer<typeof poolInspectionSchema>;
export type PoolUploadResult = z.infer<typeof poolUploadResultSchema>;
export type PoolPage = z.infer<typeof poolPageSchema>;
export type Feasibility = z.infer<typeof feasibilitySchema>;
export type PanelRun = z.infer<typeof runSchema>;
export type PanelDraw = z.infer<typeof drawSchema>;
export type DrawMembers = z.infer<typeof drawMembersSchema>;
export type DrawReplay = z.infer<typeof replaySchema>;
export type SortitionAlgorithm = PanelRun['algorithm'];

export interface UploadedFile {
  fileName: string;
  /** base64 */
  content: string;
}

export interface PanelInput {
  name: string;
  purpose: string;
  panelSize: number;
  retentionUntil: string;
}

const panels = (approachId: string) => `/approaches/${encodeURIComponent(approachId)}/panels`;
const panel = (approachId: string, panelId: string) => `${panels(approachId)}/${encodeURIComponent(panelId)}`;

export const panelsApi = {
  list: (approachId: string) => request<PanelSummary[]>('GET', panels(approachId)),
  create: (approachId: string, input: PanelInput) =>
    request<Panel>('POST', panels(approachId), { body: input }),
  get: (approachId: string, panelId: string) => request<Panel>('GET', panel(approachId, panelId)),
  update: (approachId: string, panelId: string, input: Partial<PanelInput> & { version: number }) =>
    request<Panel>('PATCH', panel(approachId, panelId), { body: input }),
  inspectPool: (approachId: string, panelId: string, file: UploadedFile) =>
    request<PoolInspection>('POST', `${panel(approachId, panelId)}/pool-inspections`, { body: file }),
  uploadPool: (
    approachId: string,
    panelId: string,
    input: UploadedFile & {
      version: number;
      idColumn: string | null;
      featureColumns: string[];
      householdColumns: string[];
    },
  ) => request<PoolUploadResult>('PUT', `${panel(approachId, panelId)}/pool`, { body: input }),
  listPool: (approachId: string, panelId: string, page: { offset: number; limit: number }) =>
    request<PoolPage>('GET', `${panel(approachId, panelId)}/pool`, { query: page }),
  setQuotas: (
    approachId: string,
    panelId: string,
    input: { version: number; quotas?: PanelQuota[]; file?: UploadedFile },
  ) => request<Panel>('PUT', `${panel(approachId, panelId)}/quotas`, { body: input }),
  feasibility: (approachId: string, panelId: string) =>
    request<Feasibility>('GET', `${panel(approachId, panelId)}/feasibility`),
  listRuns: (approachId: string, panelId: string) =>
    request<PanelRun[]>('GET', `${panel(approachId, panelId)}/runs`),
  getRun: (approachId: string, panelId: string, runId: string) =>
    request<PanelRun>('GET', `${panel(approachId, panelId)}/runs/${encodeURIComponent(runId)}`),
  startRun: (approachId: string, panelId: string, algorithm: SortitionAlgorithm) =>
    request<PanelRun>('POST', `${panel(approachId, panelId)}/runs`, { body: { algorithm } }),
  cancelRun: (approachId: string, panelId: string, runId: string) =>
    request<PanelRun>('POST', `${panel(approachId, panelId)}/runs/${encodeURIComponent(runId)}/cancellation`),
  listDraws: (approachId: string, panelId: string) =>
    request<PanelDraw[]>('GET', `${panel(approachId, panelId)}/draws`),
  createDraw: (approachId: string, panelId: string, input: { runId: string; publicValue: string }) =>
    request<PanelDraw>('POST', `${panel(approachId, panelId)}/draws`, { body: input }),
  replayDraw: (approachId: string, panelId: string, input: { runId: string; publicValue: string }) =>
    request<DrawReplay>('POST', `${panel(approachId, panelId)}/draw-replays`, { body: input }),
  listDrawMembers: (approachId: string, panelId: string, drawId: string) =>
    request<DrawMembers>('GET', `${panel(approachId, panelId)}/draws/${encodeURIComponent(drawId)}/members`),
  createAlternates: (
    approachId: string,
    panelId: string,
    drawId: string,
    input: { publicValue: string; droppedOut: string[] },
  ) =>
    request<PanelDraw>(
      'POST',
      `${panel(approachId, panelId)}/draws/${encodeURIComponent(drawId)}/alternates`,
      {
        body: input,
      },
    ),
  /** The address of a draw's export, for a download link. */
  exportUrl: (approachId: string, panelId: string, drawId: string, format: 'csv' | 'xlsx') =>
    `${API_BASE}${panel(approachId, panelId)}/draws/${encodeURIComponent(drawId)}/export?format=${format}`,
};

export const panelKeys = {
  all: (approachId: string) => ['approach', approachId, 'panels'] as const,
  panel: (approachId: string, panelId: string) => ['approach', approachId, 'panels', panelId] as const,
  runs: (approachId: string, panelId: string) => ['approach', approachId, 'panels', panelId, 'runs'] as const,
  draws: (approachId: string, panelId: string) =>
    ['approach', approachId, 'panels', panelId, 'draws'] as const,
  feasibility: (approachId: string, panelId: string, quotasVersion: number, version: number) =>
    ['approach', approachId, 'panels', panelId, 'feasibility', quotasVersion, version] as const,
};

export const usePanels = (approachId: string) =>
  useQuery({ queryKey: panelKeys.all(approachId), queryFn: () => panelsApi.list(approachId) });

export const usePanel = (approachId: string, panelId: string) =>
  useQuery({
    queryKey: panelKeys.panel(approachId, panelId),
    queryFn: () => panelsApi.get(approachId, panelId),
  });

/** The runs; polled every second while one is queued or running (progress of the background run). */
export const usePanelRuns = (approachId: string, panelId: string) =>
  useQuery({
    queryKey: panelKeys.runs(approachId, panelId),
    queryFn: () => panelsApi.listRuns(approachId, panelId),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.some((run) => run.status === 'queued' || run.status === 'running') ? 1000 : false,
  });

export const usePanelDraws = (approachId: string, panelId: string) =>
  useQuery({
    queryKey: panelKeys.draws(approachId, panelId),
    queryFn: () => panelsApi.listDraws(approachId, panelId),
    staleTime: 0,
  });

/** Reads a chosen file as base64 (the API takes files in JSON). */
export async function readFileAsUpload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return { fileName: file.name, content: btoa(binary) };
}
