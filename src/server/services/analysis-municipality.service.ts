/**
 * Analyses of all buurten of a municipality in one year: ranking on an indicator (rank and
 * percentile in the municipality and in the country), accumulation of problems per buurt, and the
 * map (GeoJSON of the buurten with the indicator's value). CBS figures are public data: every
 * logged-in user may ask for any municipality.
 */
import type { Actor } from '../../core/access/actor.ts';
import { computeAccumulation } from '../../core/analysis/accumulation.ts';
import { computeAreaValue } from '../../core/analysis/area-value.ts';
import { isNationalCoverage, MIN_COUNTRY_SHARE } from '../../core/analysis/country-coverage.ts';
import { getDistribution } from '../../core/analysis/area-profile.ts';
import { locateValue, rankMembers } from '../../core/analysis/rank.ts';
import type { YearTable } from '../../core/analysis/year-table.ts';
import { getProvenance, STATUS_MISSING, STATUS_OK, STATUS_SECRET } from '../../core/analysis/year-table.ts';
import { DomainError } from '../../core/errors.ts';
import { listGeometries, listGeometryYears, listRegions } from '../../db/analysis.repository.ts';
import type { AnalysisData } from './analysis-data.ts';
import {
  ATTRIBUTION,
  getRegionName,
  presentIndicator,
  requireIndicator,
  requireMunicipalityCode,
  requireYearTable,
  viewerOf,
} from './analysis-common.ts';
import type { ServiceContext } from './context.ts';

function statusAt(table: YearTable, key: string, at: number): 'ok' | 'missing' | 'secret' | 'absent' {
  const status = table.columns.get(key)?.status[at];
  return status === STATUS_OK
    ? 'ok'
    : status === STATUS_MISSING
      ? 'missing'
      : status === STATUS_SECRET
        ? 'secret'
        : 'absent';
}

function finite(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** The boundaries' year for a requested year: the same year, else the nearest earlier one, else the nearest later one. */
export function pickGeometryYear(available: readonly number[], year: number): number | null {
  if (available.includes(year)) return year;
  const earlier = available.filter((y) => y < year);
  if (earlier.length > 0) return Math.max(...earlier);
  const later = available.filter((y) => y > year);
  return later.length > 0 ? Math.min(...later) : null;
}

export function createAnalysisMunicipalityService(ctx: ServiceContext, data: AnalysisData) {
  async function rank(actor: Actor, input: { municipalityCode: string; indicatorKey: string; year: number }) {
    const municipalityCode = requireMunicipalityCode(input.municipalityCode);
    const stored = await data.getStoredCatalogue();
    const indicator = requireIndicator(stored, input.indicatorKey, viewerOf(actor));
    if (indicator.kind === 'code') {
      throw new DomainError(
        'invalid_input',
        `${indicator.title} is een code of klasse en wordt niet gerangschikt.`,
        { issues: [{ path: ['indicator'], message: 'niet te rangschikken' }] },
      );
    }
    return data.memo(`ranking:${input.year}:${municipalityCode}:${indicator.key}`, async () => {
      const table = await requireYearTable(data, input.year);
      const column = table.columns.get(indicator.key);
      const members = table.buurtenByMunicipality.get(municipalityCode) ?? new Int32Array();
      const inMunicipality = column ? rankMembers(column.values, members, indicator.direction) : null;
      const distribution = column ? getDistribution(column.values, table.buurten) : null;
      // A percentile "in the country" only among a national set of buurten (see country-coverage.ts).
      const country =
        distribution !== null && isNationalCoverage(table, distribution.sorted.length) ? distribution : null;
      const countryValue = computeAreaValue(table, indicator, ['NL00'], { withProvenance: false });
      const buurten = Array.from(members, (at, k) => {
        const code = table.codes[at] ?? '';
        const value = column ? finite(column.values[at]) : null;
        const position = country ? locateValue(country, value, indicator.direction) : null;
        const hasRank = value !== null && inMunicipality !== null;
        return {
          code,
          name: table.names[at] ?? null,
          value,
          status: statusAt(table, indicator.key, at),
          rank: hasRank ? (inMunicipality.rank[k] ?? null) : null,
          percentileInMunicipality: hasRank ? finite(inMunicipality.percentile[k]) : null,
          worstPercentileInMunicipality: hasRank ? finite(inMunicipality.worstPercentile[k]) : null,
          rankInCountry: position?.rank ?? null,
          percentileInCountry: position?.percentile ?? null,
          provenance: getProvenance(table, code, indicator.key),
        };
      }).sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          a.code.localeCompare(b.code),
      );
      return {
        indicator: presentIndicator(indicator, stored),
        year: input.year,
        municipalityCode,
        municipalityName: getRegionName(table, municipalityCode),
        municipalityValue: computeAreaValue(table, indicator, [municipalityCode], { withProvenance: false })
          .value,
        countryValue:
          countryValue.method === 'observed' ||
          (table.index.has('NL00') && countryValue.coverage >= MIN_COUNTRY_SHARE)
            ? countryValue.value
            : null,
        n: inMunicipality?.n ?? 0,
        nInCountry: country?.sorted.length ?? 0,
        buurten,
        attribution: ATTRIBUTION,
      };
    });
  }

  async function accumulate(input: { municipalityCode: string; year: number; worstShare: number }) {
    const municipalityCode = requireMunicipalityCode(input.municipalityCode);
    if (!(input.worstShare > 0 && input.worstShare < 1)) {
      throw new DomainError('invalid_input', 'Het aandeel slechtste buurten moet tussen 0 en 1 liggen.', {
        issues: [{ path: ['worstShare'], message: 'tussen 0 en 1' }],
      });
    }
    const table = await requireYearTable(data, input.year);
    const catalogue = await data.getCatalogue();
    const all = await data.memo(`accumulation-all:${input.year}:${input.worstShare}`, async () =>
      computeAccumulation(table, catalogue, { worstShare: input.worstShare }),
    );
    const prefix = `BU${municipalityCode.slice(2)}`;
    return {
      year: input.year,
      worstShare: input.worstShare,
      scope: all.scope,
      municipalityCode,
      indicatorKeys: all.indicatorKeys,
      domainsConsidered: all.domainsConsidered,
      buurten: all.regions
        .filter((r) => r.regionCode.startsWith(prefix))
        .map((r) => ({ ...r, name: getRegionName(table, r.regionCode) })),
      attribution: ATTRIBUTION,
    };
  }

  async function map(actor: Actor, input: { municipalityCode: string; indicatorKey: string; year: number }) {
    const municipalityCode = requireMunicipalityCode(input.municipalityCode);
    const stored = await data.getStoredCatalogue();
    const indicator = requireIndicator(stored, input.indicatorKey, viewerOf(actor));
    return data.memo(`map:${input.year}:${municipalityCode}:${indicator.key}`, async () => {
      const table = await requireYearTable(data, input.year);
      const prefix = `BU${municipalityCode.slice(2)}`;
      const geometryYear = pickGeometryYear(await listGeometryYears(ctx.db, prefix), input.year);
      const geometries =
        geometryYear === null ? [] : await listGeometries(ctx.db, { year: geometryYear, codePrefix: prefix });
      const byCode = new Map(geometries.map((g) => [g.code, g.geometry]));
      const members = table.buurtenByMunicipality.get(municipalityCode) ?? new Int32Array();
      const column = table.columns.get(indicator.key);
      const withoutGeometry: string[] = [];
      const features = Array.from(members).flatMap((at) => {
        const code = table.codes[at] ?? '';
        const geometry = byCode.get(code);
        if (geometry === undefined) {
          withoutGeometry.push(code);
          return [];
        }
        return [
          {
            type: 'Feature' as const,
            id: code,
            geometry: geometry as Record<string, unknown>,
            properties: {
              code,
              name: table.names[at] ?? null,
              value: column ? finite(column.values[at]) : null,
              status: statusAt(table, indicator.key, at),
              provenance: getProvenance(table, code, indicator.key)[0] ?? null,
            },
          },
        ];
      });
      return {
        type: 'FeatureCollection' as const,
        features,
        indicator: presentIndicator(indicator, stored),
        year: input.year,
        geometryYear,
        municipalityCode,
        withoutGeometry,
        attribution: ATTRIBUTION,
      };
    });
  }

  return {
    rankBuurten: rank,

    async getAccumulation(
      _actor: Actor,
      input: { municipalityCode: string; year: number; worstShare?: number | undefined },
    ) {
      return accumulate({ ...input, worstShare: input.worstShare ?? 0.2 });
    },

    getMap: map,

    async listRegions(
      _actor: Actor,
      input: { municipalityCode: string; year: number; level?: 'GM' | 'WK' | 'BU' | undefined },
    ) {
      const municipalityCode = requireMunicipalityCode(input.municipalityCode);
      const rows = await listRegions(ctx.db, {
        year: input.year,
        municipalityCode,
        ...(input.level ? { level: input.level } : {}),
      });
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        year: r.year,
      }));
    },
  };
}
