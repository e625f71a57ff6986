/**
 * Values of a local indicator (a municipality's own, e.g. "ervaren overlast" from its wijkpeiling)
 * belong to that municipality alone. Readers map a column to an indicator by its name (a kwb
 * column equal to the key, a StatLine title), so any file can carry a column that lands on a
 * local indicator. Two rules keep it the owner's:
 * - who: only the owning municipality (its coordinators) and the platform administrator import
 *   values for it; anyone else is told it belongs to another municipality, without naming it;
 * - where: only for the owner's own regions (the gemeente itself, its wijken and buurten), so a
 *   file covering other municipalities (a national kwb file with a same-named column) never writes
 *   into it, whoever imports it.
 * A violation refuses the whole file, naming file, row, column and reason (import-issues.ts).
 */
import type { Observation } from '../analysis/observation.ts';
import { getMunicipalityCode } from '../analysis/region-code.ts';
import { ImportIssues } from './import-issues.ts';

/** Who imports: their municipality (CBS code) or none; null for a trusted operator (CLI, demo seed). */
export interface LocalIndicatorImporter {
  municipalityCode: string | null;
  isAdmin: boolean;
}

/** Local indicators (key -> owning municipality) whose values this importer may not write at all. */
export function listForbiddenLocalKeys(
  owners: ReadonlyMap<string, string>,
  importer: LocalIndicatorImporter | null,
): string[] {
  if (importer === null || importer.isAdmin) return [];
  return [...owners].filter(([, owner]) => owner !== importer.municipalityCode).map(([key]) => key);
}

/** Throws DomainError('import_failed') when a file's observations break the rules above. */
export function checkLocalIndicatorValues(input: {
  fileName: string;
  observations: readonly Observation[];
  owners: ReadonlyMap<string, string>;
  importer: LocalIndicatorImporter | null;
}): void {
  const { owners } = input;
  if (owners.size === 0) return;
  const forbidden = new Set(listForbiddenLocalKeys(owners, input.importer));
  const issues = new ImportIssues(input.fileName);
  const reported = new Set<string>();
  for (const observation of input.observations) {
    const key = observation.indicatorKey;
    const owner = owners.get(key);
    if (owner === undefined) continue;
    const where = {
      ...(observation.sourceRow !== null ? { row: observation.sourceRow } : {}),
      column: observation.sourceColumn,
    };
    if (forbidden.has(key)) {
      // One problem per column is enough, and the owner stays unnamed.
      if (!reported.has(key)) {
        reported.add(key);
        issues.add({
          ...where,
          reason: `${key} is een eigen indicator van een andere gemeente; alleen die gemeente en de platformbeheerder kunnen er waarden voor importeren`,
        });
      }
      continue;
    }
    if (getMunicipalityCode(observation.regionCode) !== owner) {
      issues.add({
        ...where,
        reason: `${observation.regionCode} ligt niet in ${owner}, de gemeente van eigen indicator ${key}; waarden alleen voor haar eigen gebieden`,
      });
    }
  }
  issues.throwIfAny();
}
