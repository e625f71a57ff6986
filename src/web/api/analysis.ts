/**
 * The focus-area half of the neighbourhood analysis (Gebiedsanalyse): report years, indicator
 * catalogue, the area profile of an approach's focus area, an indicator's series over the years,
 * early signals and interpretations (warme duiding). Types are inferred from the server's zod
 * schemas (type-only imports, stripped by vite). The catalogue and year keys are the same as in
 * analysis-municipality.ts, so both halves share one cached copy.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  areaProfileSchema,
  earlySignalsSchema,
  indicatorSchema,
  interpretationSchema,
  provenanceSchema,
  seriesSchema,
  yearSchema,
} from '../../server/routes/analysis.schemas.ts';
import { request } from './client.ts';

export type AnalysisIndicator = z.infer<typeof indicatorSchema>;
export type AnalysisYearInfo = z.infer<typeof yearSchema>;
export type AreaProfile = z.infer<typeof areaProfileSchema>;
export type ProfileIndicator = AreaProfile['indicators'][number];
export type FigureProvenance = z.infer<typeof provenanceSchema>;
export type IndicatorSeries = z.infer<typeof seriesSchema>;
export type SeriesDevelopment = IndicatorSeries['area'];
export type SeriesPoint = SeriesDevelopment['points'][number];
export type EarlySignals = z.infer<typeof earlySignalsSchema>;
export type EarlySignal = EarlySignals['signals'][number];
export type Interpretation = z.infer<typeof interpretationSchema>;
export type IndicatorDirection = AnalysisIndicator['direction'];

/** Body of POST /approaches/{id}/interpretations. */
export interface InterpretationInput {
  indicatorKey: string;
  year: number;
  regionCodes?: string[];
  text: string;
  authorName?: string;
  organisationName?: string;
  notedOn?: string;
}

const approach = (approachId: string) => `/approaches/${encodeURIComponent(approachId)}`;

export const analysisApi = {
  listYears: () => request<AnalysisYearInfo[]>('GET', '/analysis-years'),
  listIndicators: () => request<AnalysisIndicator[]>('GET', '/indicators'),
  getAreaProfile: (approachId: string, year: number) =>
    request<AreaProfile>('GET', `${approach(approachId)}/area-profile`, { query: { year } }),
  getIndicatorSeries: (approachId: string, indicator: string) =>
    request<IndicatorSeries>('GET', `${approach(approachId)}/indicator-series`, { query: { indicator } }),
  getEarlySignals: (approachId: string, toYear?: number) =>
    request<EarlySignals>('GET', `${approach(approachId)}/early-signals`, { query: { toYear } }),
  listInterpretations: (approachId: string, input: { indicator?: string; year?: number } = {}) =>
    request<Interpretation[]>('GET', `${approach(approachId)}/interpretations`, { query: input }),
  createInterpretation: (approachId: string, input: InterpretationInput) =>
    request<Interpretation>('POST', `${approach(approachId)}/interpretations`, { body: input }),
};

export const analysisKeys = {
  indicators: ['analysis', 'indicators'] as const,
  years: ['analysis', 'years'] as const,
  profile: (approachId: string, year: number) =>
    ['approach', approachId, 'analysis', 'profile', year] as const,
  series: (approachId: string, indicator: string) =>
    ['approach', approachId, 'analysis', 'series', indicator] as const,
  signals: (approachId: string, toYear: number | null) =>
    ['approach', approachId, 'analysis', 'signals', toYear] as const,
  interpretations: (approachId: string) => ['approach', approachId, 'analysis', 'interpretations'] as const,
};

/** The catalogue and years change only with an import: kept for five minutes. */
const CATALOGUE_STALE_MS = 5 * 60_000;

export const useAnalysisYearList = () =>
  useQuery({ queryKey: analysisKeys.years, queryFn: analysisApi.listYears, staleTime: CATALOGUE_STALE_MS });

export const useIndicatorCatalogue = () =>
  useQuery({
    queryKey: analysisKeys.indicators,
    queryFn: analysisApi.listIndicators,
    staleTime: CATALOGUE_STALE_MS,
  });

export const useAreaProfile = (approachId: string, year: number | null) =>
  useQuery({
    queryKey: analysisKeys.profile(approachId, year ?? 0),
    queryFn: () => analysisApi.getAreaProfile(approachId, year ?? 0),
    enabled: year !== null,
    staleTime: CATALOGUE_STALE_MS,
  });

export const useIndicatorSeries = (approachId: string, indicator: string | null, enabled = true) =>
  useQuery({
    queryKey: analysisKeys.series(approachId, indicator ?? ''),
    queryFn: () => analysisApi.getIndicatorSeries(approachId, indicator ?? ''),
    enabled: enabled && indicator !== null,
    staleTime: CATALOGUE_STALE_MS,
  });

export const useEarlySignals = (approachId: string, toYear: number | null) =>
  useQuery({
    queryKey: analysisKeys.signals(approachId, toYear),
    queryFn: () => analysisApi.getEarlySignals(approachId, toYear ?? undefined),
    enabled: toYear !== null,
    staleTime: CATALOGUE_STALE_MS,
  });

/** All notes of the approach (few), filtered on the page: one request serves every indicator. */
export const useInterpretations = (approachId: string) =>
  useQuery({
    queryKey: analysisKeys.interpretations(approachId),
    queryFn: () => analysisApi.listInterpretations(approachId),
  });
