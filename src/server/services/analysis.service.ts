/**
 * Analyses of an area: the area profile (a year), the development of an indicator (all years, with
 * breaks), accumulation of problems and early signals. The area is an approach's focus area
 * (approach-scoped: loadApproachFor, 404 for other municipalities) or explicit regions of the
 * actor's own municipality. The figures come from the in-memory year tables (analysis-data.ts).
 */
import type { Actor } from '../../core/access/actor.ts';
import { computeAccumulation, computeAreaAccumulation } from '../../core/analysis/accumulation.ts';
import type { AreaProfile } from '../../core/analysis/area-profile.ts';
import { buildAreaProfile } from '../../core/analysis/area-profile.ts';
import { MIN_COUNTRY_SHARE, restrictToNationalFigures } from '../../core/analysis/country-coverage.ts';
import type { Development } from '../../core/analysis/development.ts';
import { computeDevelopment } from '../../core/analysis/development.ts';
import { computeEarlySignals } from '../../core/analysis/early-signals.ts';
import { getMunicipalityCode } from '../../core/analysis/region-code.ts';
import type { YearTable } from '../../core/analysis/year-table.ts';
import { DomainError } from '../../core/errors.ts';
import { loadApproachFor } from './approach-access.ts';
import type { AnalysisData } from './analysis-data.ts';
import {
  ATTRIBUTION,
  getActorMunicipality,
  getRegionName,
  isIndicatorVisible,
  presentIndicator,
  requireIndicator,
  requireYearTable,
} from './analysis-common.ts';
import type { ServiceContext } from './context.ts';
import type { ClusterEvents } from './cluster-events.ts';
import { ShortCache } from './short-cache.ts';

interface Area {
  name: string;
  codes: string[];
  /** The gemeente the area lies in (from its codes), or null when it spans several. */
  municipalityCode: string | null;
  /** Whose local indicators the area's analyses may show: the approach's municipality. */
  ownerCode: string | null;
}

function getAreaMunicipality(codes: readonly string[]): string | null {
  const municipalities = new Set(codes.map((code) => getMunicipalityCode(code)));
  return municipalities.size === 1 ? ([...municipalities][0] ?? null) : null;
}

const DEFAULT_WORST_SHARE = 0.2;
/** Comparison series keep their provenance only when it is one published row (not 14 000 buurten). */
const MAX_COMPARISON_PROVENANCE = 1;

/**
 * Focus areas an actor may read, per approach and user, kept a few seconds (decision 0105): the
 * analyses are memoized, so without this the access check would be most of a request's cost. The
 * approaches service clears it after any change to an approach or its members in this process.
 */
export type ApproachAreaCache = ShortCache<Area>;
const APPROACH_AREA_CACHE_MS = 5000;

/**
 * Kept only while changes of other instances are heard (`events`); emptied on any change of an
 * approach's access, wherever it was made (decision 0901). Without `events`: this process only.
 */
export function createApproachAreaCache(events?: ClusterEvents): ApproachAreaCache {
  const cache = new ShortCache<Area>(APPROACH_AREA_CACHE_MS, 10_000, undefined, events?.isLive);
  events?.subscribe('approach-access', () => cache.clear());
  return cache;
}

async function loadApproachArea(
  ctx: ServiceContext,
  actor: Actor,
  approachId: string,
  cache: ApproachAreaCache,
): Promise<Area> {
  const key = `${approachId}:${actor.userId}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const found = await loadApproachFor(ctx.db, actor, approachId, 'read');
  const area: Area = Object.freeze({
    name: found.approach.title,
    codes: [...found.approach.focusArea],
    municipalityCode: getAreaMunicipality(found.approach.focusArea),
    ownerCode: found.municipalityCode,
  });
  cache.set(key, area);
  return area;
}

/** Explicit regions: only of the actor's own municipality (the platform administrator: any one). */
function toExplicitArea(actor: Actor, codes: readonly string[]): Area {
  const unique = [...new Set(codes)];
  const own = getActorMunicipality(actor);
  if (actor.role !== 'admin') {
    const foreign = unique.filter((code) => own === null || getMunicipalityCode(code) !== own);
    if (foreign.length > 0) {
      throw new DomainError(
        'forbidden',
        'U kunt alleen gebieden van uw eigen gemeente opvragen; gebruik anders de wijkaanpak.',
        {
          issues: foreign.map((code) => ({ path: ['regions', code], message: 'ligt niet in uw gemeente' })),
        },
      );
    }
  }
  return {
    name: unique.length === 1 ? unique[0]! : `${unique.length} gebieden`,
    codes: unique,
    municipalityCode: getAreaMunicipality(unique),
    ownerCode: own,
  };
}

function checkShare(worstShare: number) {
  if (!(worstShare > 0 && worstShare < 1)) {
    throw new DomainError('invalid_input', 'Het aandeel slechtste buurten moet tussen 0 en 1 liggen.', {
      issues: [{ path: ['worstShare'], message: 'tussen 0 en 1' }],
    });
  }
}

function presentPoint(point: Development['points'][number], keepProvenance: boolean) {
  return {
    year: point.year,
    value: point.value,
    coverage: point.coverage,
    method: point.method,
    parts: point.parts.length,
    provenance:
      keepProvenance || point.provenance.length <= MAX_COMPARISON_PROVENANCE ? point.provenance : [],
  };
}

function presentDevelopment(
  development: Development,
  keepProvenance: boolean,
  isShown: (point: Development['points'][number]) => boolean = () => true,
) {
  return {
    points: development.points.map((p) =>
      isShown(p) ? presentPoint(p, keepProvenance) : { ...presentPoint(p, false), value: null },
    ),
    breaks: development.breaks,
    segments: development.segments,
  };
}

export function createAnalysisService(
  ctx: ServiceContext,
  data: AnalysisData,
  areas: ApproachAreaCache = createApproachAreaCache(),
) {
  async function visibleKeys(area: Area, actor: Actor | null) {
    const stored = await data.getStoredCatalogue();
    const viewer =
      actor === null
        ? { municipalityCode: null, isAdmin: true }
        : { municipalityCode: area.ownerCode, isAdmin: actor.role === 'admin' };
    return stored.catalogue.indicators
      .map((i) => i.key)
      .filter((key) => isIndicatorVisible(stored, key, viewer));
  }

  async function computeProfile(area: Area, year: number, actor: Actor | null) {
    const keys = await visibleKeys(area, actor);
    const viewer = actor === null || actor.role === 'admin' ? '*' : (area.ownerCode ?? '-');
    return data.memo(`profile:${year}:${viewer}:${area.name}:${area.codes.join(',')}`, async () => {
      const table = await requireYearTable(data, year);
      const catalogue = await data.getCatalogue();
      const profile: AreaProfile = restrictToNationalFigures(
        buildAreaProfile({ table, catalogue, areaCodes: area.codes, name: area.name, indicatorKeys: keys }),
        table,
      );
      return { ...profile, name: area.name, attribution: ATTRIBUTION };
    });
  }

  async function loadTables(until?: number): Promise<YearTable[]> {
    const years = (await data.listYears()).filter((year) => until === undefined || year <= until);
    const tables = await Promise.all(years.map((year) => data.getYearTable(year)));
    return tables.filter((table): table is YearTable => table !== null);
  }

  async function computeSeries(area: Area, indicatorKey: string, actor: Actor) {
    const stored = await data.getStoredCatalogue();
    const indicator = requireIndicator(stored, indicatorKey, {
      municipalityCode: area.ownerCode,
      isAdmin: actor.role === 'admin',
    });
    return data.memo(`series:${indicator.key}:${area.codes.join(',')}`, async () => {
      const tables = (await loadTables()).filter((table) => table.columns.has(indicator.key));
      const catalogue = stored.catalogue;
      const of = (codes: readonly string[], withProvenance = true) =>
        computeDevelopment({ tables, catalogue, indicatorKey: indicator.key, area: codes, withProvenance });
      return {
        indicator: presentIndicator(indicator, stored),
        areaName: area.name,
        regionCodes: area.codes,
        municipalityCode: area.municipalityCode,
        years: tables.map((t) => t.year),
        area: presentDevelopment(of(area.codes), true),
        municipality:
          area.municipalityCode === null
            ? null
            : presentDevelopment(of([area.municipalityCode], false), false),
        country: presentDevelopment(of(['NL00'], false), false, (point) => {
          const table = tables.find((t) => t.year === point.year);
          return (
            point.method === 'observed' ||
            (table !== undefined && table.index.has('NL00') && point.coverage >= MIN_COUNTRY_SHARE)
          );
        }),
        attribution: ATTRIBUTION,
      };
    });
  }

  async function computeAccumulationFor(area: Area, year: number, worstShare: number) {
    checkShare(worstShare);
    return data.memo(`accumulation:${year}:${worstShare}:${area.codes.join(',')}`, async () => {
      const table = await requireYearTable(data, year);
      const catalogue = await data.getCatalogue();
      const missing = area.codes.filter((code) => !table.index.has(code));
      if (missing.length > 0) {
        throw new DomainError('invalid_input', `Het gebied bevat codes die in ${year} niet bestaan.`, {
          issues: missing.map((code) => ({ path: ['areaCodes', code], message: `geen regio in ${year}` })),
        });
      }
      const whole = computeAreaAccumulation(table, catalogue, area.codes, { worstShare });
      const all = await data.memo(`accumulation-all:${year}:${worstShare}`, async () =>
        computeAccumulation(table, catalogue, { worstShare }),
      );
      const inArea = new Set(area.codes.flatMap((code) => (code.startsWith('BU') ? [code] : [])));
      const prefixes = area.codes.filter((code) => code.startsWith('WK')).map((code) => `BU${code.slice(2)}`);
      const buurten = all.regions
        .filter((r) => inArea.has(r.regionCode) || prefixes.some((prefix) => r.regionCode.startsWith(prefix)))
        .map((r) => ({ ...r, name: getRegionName(table, r.regionCode) }));
      return {
        year,
        worstShare,
        scope: all.scope,
        indicatorKeys: all.indicatorKeys,
        domainsConsidered: all.domainsConsidered,
        area: { ...whole, name: area.name },
        buurten,
        attribution: ATTRIBUTION,
      };
    });
  }

  async function computeSignals(area: Area, toYear: number | undefined, actor: Actor) {
    // Only the indicators this area's viewers may see: the result lists every one it evaluated.
    const indicatorKeys = await visibleKeys(area, actor);
    const viewer = actor.role === 'admin' ? '*' : (area.ownerCode ?? '-');
    return data.memo(`signals:${toYear ?? 'latest'}:${viewer}:${area.codes.join(',')}`, async () => {
      const tables = await loadTables(toYear);
      if (tables.length === 0)
        throw new DomainError('not_found', 'Er zijn geen cijfers om een trend over te berekenen.');
      const catalogue = await data.getCatalogue();
      const result = computeEarlySignals({ tables, catalogue, area: area.codes, indicatorKeys });
      const stored = await data.getStoredCatalogue();
      const describe = (key: string) => {
        const indicator = stored.catalogue.get(key);
        return {
          title: indicator?.title ?? key,
          unit: indicator?.unit ?? '',
          domain: indicator?.domain ?? null,
          direction: indicator?.direction ?? 'neutral',
        };
      };
      return {
        areaName: area.name,
        regionCodes: area.codes,
        municipalityCode: result.municipalityCode,
        method: result.method,
        signals: result.signals.map((s) => ({ ...s, ...describe(s.indicatorKey) })),
        evaluated: result.evaluated.map((s) => ({ ...s, ...describe(s.indicatorKey) })),
        attribution: ATTRIBUTION,
      };
    });
  }

  return {
    /** For the CLI and the benchmark: the profile of explicit regions, without an actor (trusted caller). */
    async computeRegionsProfile(input: { regionCodes: string[]; year: number }) {
      const codes = [...new Set(input.regionCodes)];
      const area = {
        name: codes.length === 1 ? codes[0]! : `${codes.length} gebieden`,
        codes,
        municipalityCode: getAreaMunicipality(codes),
        ownerCode: null,
      };
      return computeProfile(area, input.year, null);
    },

    async getApproachProfile(actor: Actor, input: { approachId: string; year: number }) {
      return computeProfile(await loadApproachArea(ctx, actor, input.approachId, areas), input.year, actor);
    },

    async getRegionsProfile(actor: Actor, input: { regionCodes: string[]; year: number }) {
      return computeProfile(toExplicitArea(actor, input.regionCodes), input.year, actor);
    },

    async getApproachSeries(actor: Actor, input: { approachId: string; indicatorKey: string }) {
      return computeSeries(
        await loadApproachArea(ctx, actor, input.approachId, areas),
        input.indicatorKey,
        actor,
      );
    },

    async getApproachAccumulation(
      actor: Actor,
      input: { approachId: string; year: number; worstShare?: number | undefined },
    ) {
      return computeAccumulationFor(
        await loadApproachArea(ctx, actor, input.approachId, areas),
        input.year,
        input.worstShare ?? DEFAULT_WORST_SHARE,
      );
    },

    async getApproachEarlySignals(actor: Actor, input: { approachId: string; toYear?: number | undefined }) {
      return computeSignals(await loadApproachArea(ctx, actor, input.approachId, areas), input.toYear, actor);
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
