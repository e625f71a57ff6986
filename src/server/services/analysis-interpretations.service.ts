/**
 * Warm interpretation (warme duiding): notes by professionals and residents on a figure of an
 * approach's area (indicator, year, regions). Everyone on the approach reads them; coordinators and
 * partners add them (the same right as editing discussion points). Every note is audited.
 */
import type { Actor } from '../../core/access/actor.ts';
import { parseFigureReference } from '../../core/analysis/figure-reference.ts';
import { getMunicipalityCode } from '../../core/analysis/region-code.ts';
import { DomainError } from '../../core/errors.ts';
import {
  countFigures,
  insertInterpretation,
  listInterpretations,
  listRegions,
} from '../../db/analysis.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import { loadApproachFor } from './approach-access.ts';
import { loadStoredCatalogue, type AnalysisData } from './analysis-data.ts';
import { isIndicatorVisible } from './analysis-common.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';

export interface InterpretationInput {
  indicatorKey: string;
  year: number;
  regionCodes?: string[] | undefined;
  text: string;
  authorName?: string | undefined;
  organisationName?: string | undefined;
  notedOn?: string | undefined;
}

type InterpretationRow = Awaited<ReturnType<typeof insertInterpretation>>;

function present(row: InterpretationRow) {
  return {
    id: row.id,
    indicatorKey: row.indicatorKey,
    year: row.year,
    regionCodes: row.regionCodes,
    text: row.text,
    authorName: row.authorName,
    organisationName: row.organisationName,
    notedOn: row.notedOn,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Checks that a figure reference (`indicator@year:CODES`, evidence kind 'figure') names a figure
 * that exists: a known indicator and regions of that year with a figure (or, for an indicator
 * Wijkkompas derives, the regions themselves), visible to the approach's municipality. Issues are
 * reported at `path`.
 */
export async function validateFigureReference(
  db: Database,
  reference: string,
  path: (string | number)[],
  municipalityCode: string,
) {
  let figure;
  try {
    figure = parseFigureReference(reference);
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError('invalid_input', error.message, {
        issues: [{ path, message: error.issues[0]?.message ?? 'ongeldig' }],
      });
    throw error;
  }
  const stored = await loadStoredCatalogue(db);
  const indicator = stored.catalogue.get(figure.indicatorKey);
  const fail = (message: string) => {
    throw new DomainError('invalid_input', `Het cijfer ${reference} bestaat niet.`, {
      issues: [{ path, message }],
    });
  };
  // Another municipality's own indicator is as unknown here as anywhere else.
  if (
    indicator === undefined ||
    !isIndicatorVisible(stored, figure.indicatorKey, { municipalityCode, isAdmin: false })
  )
    fail(`onbekende indicator ${figure.indicatorKey}`);
  const regions = await listRegions(db, { year: figure.year, codes: figure.regionCodes });
  if (regions.length !== figure.regionCodes.length) fail(`niet alle gebieden bestaan in ${figure.year}`);
  if (
    indicator?.derivation === undefined &&
    (await countFigures(db, { ...figure, regionCodes: figure.regionCodes })) === 0
  ) {
    fail(`geen cijfer voor ${figure.indicatorKey} in ${figure.year}`);
  }
  return figure;
}

export function createAnalysisInterpretationsService(ctx: ServiceContext, data: AnalysisData) {
  return {
    async list(
      actor: Actor,
      input: { approachId: string; indicatorKey?: string | undefined; year?: number | undefined },
    ) {
      await loadApproachFor(ctx.db, actor, input.approachId, 'read');
      return (await listInterpretations(ctx.db, input)).map(present);
    },

    async add(actor: Actor, approachId: string, input: InterpretationInput) {
      // Read outside the transaction: PGlite has one connection, which the transaction holds.
      const stored = await data.getStoredCatalogue();
      const row = await inTransaction(ctx, async (db) => {
        const found = await loadApproachFor(db, actor, approachId, 'edit_points');
        if (
          !stored.catalogue.get(input.indicatorKey) ||
          !isIndicatorVisible(stored, input.indicatorKey, {
            municipalityCode: found.municipalityCode,
            isAdmin: false,
          })
        ) {
          throw new DomainError('invalid_input', `Indicator ${input.indicatorKey} bestaat niet.`, {
            issues: [{ path: ['indicatorKey'], message: 'onbekende indicator' }],
          });
        }
        const regionCodes =
          input.regionCodes && input.regionCodes.length > 0
            ? [...new Set(input.regionCodes)]
            : [...found.approach.focusArea];
        const foreign = regionCodes.filter(
          (code) =>
            getMunicipalityCode(code) !== found.municipalityCode && !found.approach.focusArea.includes(code),
        );
        if (foreign.length > 0) {
          throw new DomainError(
            'invalid_input',
            'Een duiding hoort bij gebieden van de gemeente van deze wijkaanpak.',
            {
              issues: foreign.map((code) => ({
                path: ['regionCodes', regionCodes.indexOf(code)],
                message: `${code} ligt niet in ${found.municipalityCode}`,
              })),
            },
          );
        }
        const today = todayInNetherlands(ctx.clock);
        if (input.notedOn !== undefined && input.notedOn > today) {
          throw new DomainError('invalid_input', 'De datum van een duiding ligt niet in de toekomst.', {
            issues: [{ path: ['notedOn'], message: 'ligt in de toekomst' }],
          });
        }
        const created = await insertInterpretation(db, {
          approachId,
          regionCodes,
          year: input.year,
          indicatorKey: input.indicatorKey,
          text: input.text.trim(),
          authorName: input.authorName?.trim() || actor.name,
          organisationName: input.organisationName?.trim() || actor.organisationName,
          notedOn: input.notedOn ?? today,
          createdBy: actor.userId,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'interpretation',
          entityId: String(created.id),
          action: 'create',
          before: null,
          after: created,
        });
        return created;
      });
      return present(row);
    },
  };
}
