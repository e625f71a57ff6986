/**
 * The indicator catalogue as users see it (CBS indicators plus their municipality's own), local
 * indicators added by a municipality, and the report years with figures.
 */
import type { Actor } from '../../core/access/actor.ts';
import type { Direction, Domain, Indicator, IndicatorKind } from '../../core/analysis/indicator.ts';
import { emptyAliases } from '../../core/analysis/indicator.ts';
import { DomainError } from '../../core/errors.ts';
import { findOrganisationByCode } from '../../db/accounts.repository.ts';
import {
  countRegionsByYear,
  findIndicatorRow,
  insertMissingIndicators,
  listImportYears,
} from '../../db/analysis.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { AnalysisData } from './analysis-data.ts';
import { isIndicatorVisible, presentIndicator, requireIndicator, viewerOf } from './analysis-common.ts';
import { toIndicatorInput } from './analysis-import.service.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export interface LocalIndicatorInput {
  key: string;
  title: string;
  definition: string;
  unit: string;
  domain: Domain | null;
  direction: Direction;
  kind: IndicatorKind;
  baseKeys?: string[] | undefined;
  /** Only the platform administrator names the municipality; others add to their own. */
  municipalityCode?: string | undefined;
}

export function createAnalysisCatalogueService(ctx: ServiceContext, data: AnalysisData) {
  return {
    async listIndicators(actor: Actor, filter: { domain?: Domain | undefined }) {
      const stored = await data.getStoredCatalogue();
      const viewer = viewerOf(actor);
      return stored.catalogue.indicators
        .filter((indicator) => isIndicatorVisible(stored, indicator.key, viewer))
        .filter((indicator) => filter.domain === undefined || indicator.domain === filter.domain)
        .map((indicator) => presentIndicator(indicator, stored))
        .sort((a, b) => a.key.localeCompare(b.key));
    },

    async getIndicator(actor: Actor, key: string) {
      const stored = await data.getStoredCatalogue();
      return presentIndicator(requireIndicator(stored, key, viewerOf(actor), 'indicatorKey'), stored);
    },

    /** A municipality's own indicator (e.g. from its own monitor): coordinators of that municipality. */
    async createLocalIndicator(actor: Actor, input: LocalIndicatorInput) {
      const isAdmin = actor.role === 'admin';
      if (!isAdmin && !(actor.role === 'coordinator' && actor.organisationKind === 'municipality')) {
        throw new DomainError(
          'forbidden',
          'Alleen een coördinator van een gemeente kan een eigen indicator toevoegen.',
        );
      }
      const code = input.municipalityCode ?? actor.organisationCode;
      if (!isAdmin && code !== actor.organisationCode)
        throw new DomainError('forbidden', 'U kunt alleen indicatoren voor uw eigen gemeente toevoegen.');
      const stored = await data.getStoredCatalogue();
      const baseKeys = input.baseKeys ?? [];
      const unknown = baseKeys.filter((key) => stored.catalogue.get(key) === undefined);
      if (unknown.length > 0) {
        throw new DomainError('invalid_input', 'De basis noemt onbekende indicatoren.', {
          issues: unknown.map((key) => ({
            path: ['baseKeys', baseKeys.indexOf(key)],
            message: `onbekende indicator ${key}`,
          })),
        });
      }
      const created = await inTransaction(ctx, async (db) => {
        const municipality = await findOrganisationByCode(db, code);
        if (!municipality || municipality.kind !== 'municipality') {
          throw new DomainError('invalid_input', `Gemeente ${code} bestaat niet.`, {
            issues: [{ path: ['municipalityCode'], message: 'onbekende gemeente' }],
          });
        }
        if (stored.catalogue.get(input.key) !== undefined || (await findIndicatorRow(db, input.key))) {
          throw new DomainError('conflict', `Er bestaat al een indicator ${input.key}.`, {
            issues: [{ path: ['key'], message: 'sleutel bestaat al' }],
          });
        }
        const indicator: Indicator = {
          key: input.key,
          title: input.title.trim(),
          definition: input.definition.trim(),
          unit: input.unit.trim(),
          domain: input.domain,
          direction: input.direction,
          kind: input.kind,
          base:
            baseKeys.length > 0
              ? { keys: baseKeys, isExact: true, note: `Opgegeven door ${municipality.name}.` }
              : null,
          aliases: { ...emptyAliases(), kwbColumns: [input.key] },
          origin: 'local',
        };
        const [key] = await insertMissingIndicators(db, [toIndicatorInput(indicator, municipality.id)]);
        if (key === undefined) throw new DomainError('conflict', `Er bestaat al een indicator ${input.key}.`);
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: null,
          entityType: 'indicator',
          entityId: key,
          action: 'create',
          before: null,
          after: { ...indicator, municipalityCode: code },
        });
        return indicator;
      });
      data.invalidate();
      return presentIndicator(created, { ...stored, owners: new Map([[created.key, code]]) });
    },

    async listYears(_actor: Actor) {
      const [years, regions] = await Promise.all([listImportYears(ctx.db), countRegionsByYear(ctx.db)]);
      const count = (year: number, level: string) =>
        regions.find((r) => r.year === year && r.level === level)?.n ?? 0;
      return years.map((y) => ({
        year: y.year,
        imports: y.imports,
        municipalities: count(y.year, 'GM'),
        wijken: count(y.year, 'WK'),
        buurten: count(y.year, 'BU'),
      }));
    },
  };
}
