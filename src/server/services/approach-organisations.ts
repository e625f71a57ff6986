/** Which organisations may act in an approach: the municipality itself and its partner organisations. */
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { listOrganisationsOfMunicipality } from '../../db/accounts.repository.ts';
import type { Database } from '../../db/client.ts';

export async function loadOrganisationNames(db: Database, municipalityCode: string) {
  const rows = await listOrganisationsOfMunicipality(db, municipalityCode);
  return new Map(rows.map((o) => [o.id, o.name]));
}

/** Throws 400 naming each field whose organisation is not one of the municipality's. */
export function assertOrganisationsOfMunicipality(
  known: Map<string, string>,
  references: { id: string | null | undefined; path: (string | number)[] }[],
): void {
  const issues: FieldIssue[] = references
    .filter((r) => r.id && !known.has(r.id))
    .map((r) => ({ path: r.path, message: 'geen organisatie van deze gemeente' }));
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      'Een organisatie hoort niet bij de gemeente van deze wijkaanpak.',
      {
        issues,
      },
    );
}
