/**
 * Accumulation of problems (opstapeling): in how many domains an area is among the worst share of
 * buurten (default the worst 20% of the country), and which indicators drive it. A domain counts
 * when at least one of its indicators puts the area in that worst share; neutral indicators and
 * (by default) counts, which mostly measure size, never count.
 * Runs for every buurt of the country at once: one sort per indicator, binary searches per buurt.
 */
import { DomainError } from '../errors.ts';
import { computeAreaValue } from './area-value.ts';
import type { Domain, Indicator } from './indicator.ts';
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import type { Distribution } from './rank.ts';
import { buildDistribution, locateValue, rankMembers } from './rank.ts';
import { getMunicipalityCode } from './region-code.ts';
import type { YearTable } from './year-table.ts';

export interface AccumulationOptions {
  /** Share of buurten called "worst", 0 < share < 1; default 0.2. */
  worstShare?: number;
  /** Compare with all buurten of the country (default) or of the buurt's own gemeente. */
  scope?: 'country' | 'municipality';
  /**
   * Indicators to use; default every non-neutral percentage or average with a domain in the table,
   * except local ones: a municipality's own indicator has figures for its buurten only, so "the
   * worst share of the country" would silently be the worst share of that one municipality (and
   * would show its own figures in every other municipality's accumulation).
   */
  indicatorKeys?: readonly string[];
  includeCounts?: boolean;
}

export interface AccumulationDriver {
  key: string;
  domain: Domain;
  value: number;
  rank: number;
  n: number;
  worstPercentile: number;
}

export interface RegionAccumulation {
  regionCode: string;
  /** Number of domains in which the area is among the worst share. */
  domainCount: number;
  domains: Domain[];
  drivers: AccumulationDriver[];
}

export interface AccumulationResult {
  year: number;
  worstShare: number;
  scope: 'country' | 'municipality';
  indicatorKeys: string[];
  /** Domains that had at least one usable indicator: the maximum domainCount. */
  domainsConsidered: Domain[];
  regions: RegionAccumulation[];
}

const DEFAULT_WORST_SHARE = 0.2;

function checkShare(share: number): void {
  if (!(share > 0 && share < 1)) {
    throw new DomainError('invalid_input', 'Het aandeel slechtste buurten moet tussen 0 en 1 liggen.', {
      issues: [{ path: ['worstShare'], message: `${share} ligt niet tussen 0 en 1` }],
    });
  }
}

/** The indicators accumulation uses for this table. */
export function selectAccumulationIndicators(
  table: YearTable,
  catalogue: IndicatorCatalogue,
  options: AccumulationOptions = {},
): Indicator[] {
  const isUsable = (indicator: Indicator) =>
    indicator.origin !== 'local' &&
    indicator.direction !== 'neutral' &&
    indicator.domain !== null &&
    (indicator.kind === 'percentage' ||
      indicator.kind === 'average' ||
      (options.includeCounts === true && indicator.kind === 'count'));
  if (options.indicatorKeys !== undefined) {
    const problems = options.indicatorKeys.flatMap((key) => {
      const indicator = catalogue.get(key);
      if (indicator === undefined) return [{ path: ['indicatorKeys', key], message: 'onbekende indicator' }];
      if (indicator.direction === 'neutral' || indicator.domain === null) {
        return [
          { path: ['indicatorKeys', key], message: 'neutrale of niet ingedeelde indicator telt niet mee' },
        ];
      }
      return [];
    });
    if (problems.length > 0) {
      throw new DomainError('invalid_input', 'Niet alle indicatoren zijn bruikbaar voor opstapeling.', {
        issues: problems,
      });
    }
    return options.indicatorKeys
      .map((key) => catalogue.get(key) as Indicator)
      .filter((i) => table.columns.has(i.key));
  }
  return catalogue.indicators.filter((indicator) => isUsable(indicator) && table.columns.has(indicator.key));
}

/** Accumulation for every buurt of the table. */
export function computeAccumulation(
  table: YearTable,
  catalogue: IndicatorCatalogue,
  options: AccumulationOptions = {},
): AccumulationResult {
  const worstShare = options.worstShare ?? DEFAULT_WORST_SHARE;
  checkShare(worstShare);
  const scope = options.scope ?? 'country';
  const indicators = selectAccumulationIndicators(table, catalogue, options);
  const limit = worstShare * 100;
  const groups = scope === 'country' ? [table.buurten] : [...table.buurtenByMunicipality.values()];
  const drivers = new Map<number, AccumulationDriver[]>();

  for (const indicator of indicators) {
    const column = table.columns.get(indicator.key);
    if (column === undefined || indicator.domain === null) continue;
    for (const members of groups) {
      const ranking = rankMembers(column.values, members, indicator.direction);
      for (let k = 0; k < members.length; k++) {
        const worst = ranking.worstPercentile[k] ?? Number.NaN;
        if (!(worst <= limit)) continue;
        const at = members[k] ?? 0;
        const list = drivers.get(at) ?? [];
        list.push({
          key: indicator.key,
          domain: indicator.domain,
          value: column.values[at] ?? Number.NaN,
          rank: ranking.rank[k] ?? 0,
          n: ranking.n,
          worstPercentile: worst,
        });
        drivers.set(at, list);
      }
    }
  }

  const regions: RegionAccumulation[] = Array.from(table.buurten, (at) => {
    const list = drivers.get(at) ?? [];
    const domains = [...new Set(list.map((driver) => driver.domain))];
    return { regionCode: table.codes[at] ?? '', domainCount: domains.length, domains, drivers: list };
  });
  regions.sort((a, b) => b.domainCount - a.domainCount || a.regionCode.localeCompare(b.regionCode));
  return {
    year: table.year,
    worstShare,
    scope,
    indicatorKeys: indicators.map((indicator) => indicator.key),
    domainsConsidered: [...new Set(indicators.map((indicator) => indicator.domain as Domain))],
    regions,
  };
}

/**
 * Accumulation for a focus area: its aggregated value per indicator, placed among the buurten of
 * the country (or of its gemeente).
 */
export function computeAreaAccumulation(
  table: YearTable,
  catalogue: IndicatorCatalogue,
  areaCodes: readonly string[],
  options: AccumulationOptions = {},
): RegionAccumulation & { areaCodes: string[] } {
  const worstShare = options.worstShare ?? DEFAULT_WORST_SHARE;
  checkShare(worstShare);
  const scope = options.scope ?? 'country';
  let members = table.buurten;
  if (scope === 'municipality') {
    const municipalities = new Set(areaCodes.map((code) => getMunicipalityCode(code)));
    const only = municipalities.size === 1 ? [...municipalities][0] : undefined;
    if (only === undefined || only === null) {
      throw new DomainError('invalid_input', 'Het gebied ligt niet in één gemeente.', {
        issues: [{ path: ['areaCodes'], message: 'vergelijking binnen de gemeente vraagt één gemeente' }],
      });
    }
    members = table.buurtenByMunicipality.get(only) ?? new Int32Array();
  }
  const driversList: AccumulationDriver[] = [];
  for (const indicator of selectAccumulationIndicators(table, catalogue, options)) {
    const column = table.columns.get(indicator.key);
    if (column === undefined || indicator.domain === null) continue;
    const area = computeAreaValue(table, indicator, areaCodes);
    const distribution: Distribution = buildDistribution(column.values, members);
    const position = locateValue(distribution, area.value, indicator.direction);
    if (position === null || position.worstPercentile === null || position.worstPercentile > worstShare * 100)
      continue;
    driversList.push({
      key: indicator.key,
      domain: indicator.domain,
      value: area.value as number,
      rank: position.rank,
      n: position.n,
      worstPercentile: position.worstPercentile,
    });
  }
  const domains = [...new Set(driversList.map((driver) => driver.domain))];
  return {
    regionCode: areaCodes.length === 1 ? (areaCodes[0] ?? '') : `${areaCodes.length} buurten`,
    areaCodes: [...areaCodes],
    domainCount: domains.length,
    domains,
    drivers: driversList,
  };
}
