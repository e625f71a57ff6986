/** Shared pieces of the analysis services: looking things up, who sees what, presenting an indicator. */
import type { Actor } from '../../core/access/actor.ts';
import { DOMAIN_LABELS, type Indicator } from '../../core/analysis/indicator.ts';
import { getRegionLevel, isRegionCode } from '../../core/analysis/region-code.ts';
import type { YearTable } from '../../core/analysis/year-table.ts';
import { DomainError } from '../../core/errors.ts';
import type { AnalysisData, StoredCatalogue } from './analysis-data.ts';

/** Every figure shown must say where it comes from (CBS open data licence, CC BY 4.0). */
export const ATTRIBUTION = 'Bron: CBS';

export async function requireYearTable(data: AnalysisData, year: number): Promise<YearTable> {
  const table = await data.getYearTable(year);
  if (table === null) {
    throw new DomainError('not_found', `Er zijn geen cijfers voor ${year}.`, {
      issues: [{ path: ['year'], message: `geen cijfers voor ${year}` }],
    });
  }
  return table;
}

/** Whether a municipality (CBS code) sees an indicator: every CBS one, and its own local ones. */
export function isIndicatorVisible(
  stored: StoredCatalogue,
  key: string,
  viewer: { municipalityCode: string | null; isAdmin: boolean },
): boolean {
  const owner = stored.owners.get(key);
  return owner === undefined || viewer.isAdmin || owner === viewer.municipalityCode;
}

/** The municipality an actor speaks for: their organisation when it is one, else none. */
export function getActorMunicipality(actor: Actor): string | null {
  return actor.organisationKind === 'municipality' && getRegionLevel(actor.organisationCode) === 'GM'
    ? actor.organisationCode
    : null;
}

export function viewerOf(actor: Actor) {
  return { municipalityCode: getActorMunicipality(actor), isAdmin: actor.role === 'admin' };
}

export function requireIndicator(
  stored: StoredCatalogue,
  key: string,
  viewer: { municipalityCode: string | null; isAdmin: boolean },
  path = 'indicator',
): Indicator {
  const indicator = stored.catalogue.get(key);
  if (indicator === undefined || !isIndicatorVisible(stored, key, viewer)) {
    throw new DomainError('not_found', `Indicator ${key} bestaat niet.`, {
      issues: [{ path: [path], message: `onbekende indicator ${key}` }],
    });
  }
  return indicator;
}

export function requireMunicipalityCode(code: string): string {
  if (!isRegionCode(code) || getRegionLevel(code) !== 'GM') {
    throw new DomainError('invalid_input', `${code} is geen gemeentecode.`, {
      issues: [{ path: ['municipalityCode'], message: 'verwacht GMnnnn' }],
    });
  }
  return code;
}

export function presentIndicator(indicator: Indicator, stored: StoredCatalogue) {
  return {
    key: indicator.key,
    title: indicator.title,
    definition: indicator.definition,
    unit: indicator.unit,
    domain: indicator.domain,
    domainLabel: indicator.domain === null ? null : DOMAIN_LABELS[indicator.domain],
    direction: indicator.direction,
    kind: indicator.kind,
    base: indicator.base,
    notAggregatableReason: indicator.notAggregatableReason ?? null,
    origin: indicator.origin,
    source: indicator.source ?? null,
    derivation: indicator.derivation ?? null,
    municipalityCode: stored.owners.get(indicator.key) ?? null,
  };
}

/** Region name in a table, or null. */
export function getRegionName(table: YearTable, code: string): string | null {
  const at = table.index.get(code);
  return at === undefined ? null : (table.names[at] ?? null);
}
