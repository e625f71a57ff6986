/**
 * The route-matrix cases of the neighbourhood analysis (tag Wijkanalyse). The approach of a
 * scenario has Utrecht buurten as its focus area (buildApproachInput), whose 2023 and 2024 figures
 * ensureUtrechtData loads; `prepare` gives a scenario's own municipality figures where a route
 * needs them (the profile of explicit regions of the actor's municipality).
 */
import type { buildScenario } from './harness.ts';
import { getImportService, makeKwbCsv, toBase64Upload } from './analysis-harness.ts';

type Scenario = Awaited<ReturnType<typeof buildScenario>>;

export interface AnalysisRouteCase {
  method: 'GET' | 'POST';
  path: string;
  url: (s: Scenario) => string;
  valid: (s: Scenario) => unknown;
  invalid: ((s: Scenario) => { url?: string; payload?: unknown; fields: string[] }) | null;
  forbiddenFor: 'viewer' | 'partner' | null;
  success: number;
  /** Data the success path needs, made before the request. */
  prepare?: (s: Scenario) => Promise<void>;
}

const A = (s: Scenario) => `/api/v1/approaches/${s.approach.id}`;
const M = '/api/v1/municipalities/GM0344';
let counter = 0;

export const ANALYSIS_CASES: AnalysisRouteCase[] = [
  {
    method: 'GET',
    path: '/indicators',
    url: () => '/api/v1/indicators',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/indicators?domain=weer', fields: ['domain'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/indicators/{indicatorKey}',
    url: () => '/api/v1/indicators/a_inw',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/indicators/A-INW', fields: ['indicatorKey'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/indicators',
    url: () => '/api/v1/indicators',
    valid: (s) => ({
      key: `lokaal_${s.municipality.code.toLowerCase()}_${++counter}`,
      title: 'Ervaren veiligheid',
      unit: '%',
      domain: 'safety',
      direction: 'higher_is_better',
      kind: 'percentage',
    }),
    invalid: () => ({
      payload: { key: 'X', title: '', unit: '', direction: 'omhoog', kind: 'soort' },
      fields: ['key', 'title', 'unit', 'domain', 'direction', 'kind'],
    }),
    forbiddenFor: 'viewer',
    success: 201,
  },
  {
    method: 'GET',
    path: '/analysis-years',
    url: () => '/api/v1/analysis-years',
    valid: () => undefined,
    invalid: null,
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/municipalities/{municipalityCode}/regions',
    url: () => `${M}/regions?year=2023`,
    valid: () => undefined,
    invalid: () => ({
      url: '/api/v1/municipalities/0344/regions?year=negen&level=XX',
      fields: ['municipalityCode', 'year', 'level'],
    }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/municipalities/{municipalityCode}/rankings',
    url: () => `${M}/rankings?indicator=p_huurw&year=2023`,
    valid: () => undefined,
    invalid: () => ({ url: `${M}/rankings?indicator=P!&year=1`, fields: ['indicator', 'year'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/municipalities/{municipalityCode}/accumulation',
    url: () => `${M}/accumulation?year=2023`,
    valid: () => undefined,
    invalid: () => ({ url: `${M}/accumulation?year=x&worstShare=2`, fields: ['year', 'worstShare'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/municipalities/{municipalityCode}/map',
    url: () => `${M}/map?indicator=p_huurw&year=2023`,
    valid: () => undefined,
    invalid: () => ({
      url: '/api/v1/municipalities/GM34/map?year=2023',
      fields: ['municipalityCode', 'indicator'],
    }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/area-profiles',
    url: (s) =>
      `/api/v1/area-profiles?regions=BU${s.municipality.code.slice(2)}0101,BU${s.municipality.code.slice(2)}0102&year=2019`,
    valid: () => undefined,
    invalid: () => ({
      url: '/api/v1/area-profiles?regions=Overvecht&year=3000',
      fields: ['regions.0', 'year'],
    }),
    forbiddenFor: 'partner',
    success: 200,
    prepare: async (s) => {
      await (await getImportService()).importCbsFile(null, makeKwbCsv(s.municipality.code, { year: 2019 }));
    },
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/area-profile',
    url: (s) => `${A(s)}/area-profile?year=2023`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/area-profile?year=twee`, fields: ['year'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/indicator-series',
    url: (s) => `${A(s)}/indicator-series?indicator=a_inw`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/indicator-series`, fields: ['indicator'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/accumulation',
    url: (s) => `${A(s)}/accumulation?year=2023&worstShare=0.25`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/accumulation?year=2023&worstShare=0`, fields: ['worstShare'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/early-signals',
    url: (s) => `${A(s)}/early-signals`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/early-signals?toYear=morgen`, fields: ['toYear'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'GET',
    path: '/approaches/{approachId}/interpretations',
    url: (s) => `${A(s)}/interpretations`,
    valid: () => undefined,
    invalid: (s) => ({ url: `${A(s)}/interpretations?indicator=Veel&year=1`, fields: ['indicator', 'year'] }),
    forbiddenFor: null,
    success: 200,
  },
  {
    method: 'POST',
    path: '/approaches/{approachId}/interpretations',
    url: (s) => `${A(s)}/interpretations`,
    valid: () => ({ indicatorKey: 'p_huurw', year: 2023, text: 'Herkenbaar beeld: veel corporatiebezit.' }),
    invalid: (s) => ({
      url: `${A(s)}/interpretations`,
      payload: { indicatorKey: 'Huur', year: 'dit jaar', text: '', notedOn: 'gisteren' },
      fields: ['indicatorKey', 'year', 'text', 'notedOn'],
    }),
    forbiddenFor: 'viewer',
    success: 201,
  },
  {
    method: 'GET',
    path: '/imports',
    url: () => '/api/v1/imports',
    valid: () => undefined,
    invalid: () => ({ url: '/api/v1/imports?limit=0', fields: ['limit'] }),
    forbiddenFor: 'viewer',
    success: 200,
  },
  {
    method: 'POST',
    path: '/imports',
    url: () => '/api/v1/imports',
    // Unique per scenario (its own municipality), so the success path really imports.
    valid: (s) => toBase64Upload(makeKwbCsv(s.municipality.code, { year: 2018 })),
    invalid: () => ({
      payload: { fileName: '', contentBase64: '%%%', tableId: 'tabel' },
      fields: ['fileName', 'contentBase64', 'tableId'],
    }),
    forbiddenFor: 'viewer',
    success: 201,
  },
];
