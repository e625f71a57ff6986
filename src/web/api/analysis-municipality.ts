/**
 * The municipality half of the neighbourhood analysis: indicator catalogue, report years, the map,
 * rankings and accumulation of a municipality's buurten, the focus area's accumulation, CBS
 * imports, and a municipality's own (local) indicators with the regions their value files list. Types are inferred from the server's zod schemas (type-only imports, stripped by vite).
 * Uploads travel as base64 in JSON (POST /imports, `contentBase64`).
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportReport } from '../../core/cbs-import/read-result.ts';
import type {
  areaAccumulationSchema,
  importSchema,
  indicatorSchema,
  localIndicatorInput,
  mapSchema,
  municipalityAccumulationSchema,
  rankingSchema,
  regionSchema,
  yearSchema,
} from '../../server/routes/analysis.schemas.ts';
import { request } from './client.ts';

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorDirection = Indicator['direction'];
export type AnalysisYear = z.infer<typeof yearSchema>;
export type BuurtRanking = z.infer<typeof rankingSchema>;
export type RankedBuurt = BuurtRanking['buurten'][number];
export type BuurtMap = z.infer<typeof mapSchema>;
export type BuurtMapFeature = BuurtMap['features'][number];
export type FigureStatus = BuurtMapFeature['properties']['status'];
export type MunicipalityAccumulation = z.infer<typeof municipalityAccumulationSchema>;
export type AreaAccumulation = z.infer<typeof areaAccumulationSchema>;
export type AccumulationDriver = AreaAccumulation['area']['drivers'][number];
export type DataImport = z.infer<typeof importSchema>;
/** What POST /indicators accepts: a municipality's own indicator (the server trims and checks it). */
export type LocalIndicatorInput = z.input<typeof localIndicatorInput>;
export type Region = z.infer<typeof regionSchema>;
/** The report of a CBS data file as the readers write it (metadata and boundary imports have other fields). */
export type CbsImportReport = Partial<ImportReport> & Record<string, unknown>;

export interface ImportUpload {
  fileName: string;
  contentBase64: string;
  year?: number;
  tableId?: string;
}

const municipality = (code: string) => `/municipalities/${encodeURIComponent(code)}`;

export const municipalityAnalysisApi = {
  listIndicators: () => request<Indicator[]>('GET', '/indicators'),
  createLocalIndicator: (input: LocalIndicatorInput) =>
    request<Indicator>('POST', '/indicators', { body: input }),
  listYears: () => request<AnalysisYear[]>('GET', '/analysis-years'),
  listRegions: (code: string, year: number) =>
    request<Region[]>('GET', `${municipality(code)}/regions`, { query: { year } }),
  getMap: (code: string, input: { indicator: string; year: number }) =>
    request<BuurtMap>('GET', `${municipality(code)}/map`, { query: input }),
  rankBuurten: (code: string, input: { indicator: string; year: number }) =>
    request<BuurtRanking>('GET', `${municipality(code)}/rankings`, { query: input }),
  getAccumulation: (code: string, input: { year: number; worstShare: number }) =>
    request<MunicipalityAccumulation>('GET', `${municipality(code)}/accumulation`, { query: input }),
  getApproachAccumulation: (approachId: string, input: { year: number; worstShare: number }) =>
    request<AreaAccumulation>('GET', `/approaches/${encodeURIComponent(approachId)}/accumulation`, {
      query: input,
    }),
  listImports: (limit = 100) => request<DataImport[]>('GET', '/imports', { query: { limit } }),
  uploadImport: (input: ImportUpload) => request<DataImport>('POST', '/imports', { body: input }),
};

export const municipalityAnalysisKeys = {
  indicators: ['analysis', 'indicators'] as const,
  years: ['analysis', 'years'] as const,
  regions: (code: string, year: number) => ['analysis', 'regions', code, year] as const,
  map: (code: string, indicator: string, year: number) => ['analysis', 'map', code, indicator, year] as const,
  ranking: (code: string, indicator: string, year: number) =>
    ['analysis', 'ranking', code, indicator, year] as const,
  accumulation: (code: string, year: number, worstShare: number) =>
    ['analysis', 'accumulation', code, year, worstShare] as const,
  approachAccumulation: (approachId: string, year: number, worstShare: number) =>
    ['approach', approachId, 'analysis', 'accumulation', year, worstShare] as const,
  imports: ['analysis', 'imports'] as const,
};

/** The catalogue and years change only with an import: kept for five minutes. */
const CATALOGUE_STALE_MS = 5 * 60_000;

export const useIndicators = () =>
  useQuery({
    queryKey: municipalityAnalysisKeys.indicators,
    queryFn: municipalityAnalysisApi.listIndicators,
    staleTime: CATALOGUE_STALE_MS,
  });

export const useAnalysisYears = () =>
  useQuery({
    queryKey: municipalityAnalysisKeys.years,
    queryFn: municipalityAnalysisApi.listYears,
    staleTime: CATALOGUE_STALE_MS,
  });

export const useBuurtMap = (code: string, indicator: string | null, year: number | null) =>
  useQuery({
    queryKey: municipalityAnalysisKeys.map(code, indicator ?? '', year ?? 0),
    queryFn: () => municipalityAnalysisApi.getMap(code, { indicator: indicator ?? '', year: year ?? 0 }),
    enabled: indicator !== null && year !== null,
  });

export const useBuurtRanking = (code: string, indicator: string | null, year: number | null) =>
  useQuery({
    queryKey: municipalityAnalysisKeys.ranking(code, indicator ?? '', year ?? 0),
    queryFn: () => municipalityAnalysisApi.rankBuurten(code, { indicator: indicator ?? '', year: year ?? 0 }),
    enabled: indicator !== null && year !== null,
  });

export const useMunicipalityAccumulation = (code: string, year: number | null, worstShare: number) =>
  useQuery({
    queryKey: municipalityAnalysisKeys.accumulation(code, year ?? 0, worstShare),
    queryFn: () => municipalityAnalysisApi.getAccumulation(code, { year: year ?? 0, worstShare }),
    enabled: year !== null,
  });

export const useApproachAccumulation = (approachId: string, year: number | null, worstShare: number) =>
  useQuery({
    queryKey: municipalityAnalysisKeys.approachAccumulation(approachId, year ?? 0, worstShare),
    queryFn: () =>
      municipalityAnalysisApi.getApproachAccumulation(approachId, { year: year ?? 0, worstShare }),
    enabled: year !== null,
  });

export const useImports = (enabled: boolean) =>
  useQuery({
    queryKey: municipalityAnalysisKeys.imports,
    queryFn: () => municipalityAnalysisApi.listImports(),
    enabled,
    staleTime: 0,
  });
