/** Which municipality an actor manages (its organisations and accounts): its own, or any for the administrator. */
import type { Actor } from '../../core/access/actor.ts';
import { canManageMunicipality } from '../../core/access/approach-role.ts';
import { DomainError } from '../../core/errors.ts';
import { findOrganisationByCode } from '../../db/accounts.repository.ts';
import type { Database } from '../../db/client.ts';

export async function loadManagedMunicipality(db: Database, actor: Actor, requestedCode?: string) {
  const code = requestedCode ?? actor.organisationCode;
  if (actor.role !== 'admin' && requestedCode && requestedCode !== actor.organisationCode) {
    // Another municipality does not exist for this actor (never 403: nothing to learn about it).
    throw new DomainError('not_found', `Gemeente ${requestedCode} bestaat niet of is niet zichtbaar voor u.`);
  }
  if (!canManageMunicipality(actor, code)) {
    throw new DomainError(
      'forbidden',
      'Alleen coördinatoren van de gemeente en de platformbeheerder beheren organisaties en accounts.',
    );
  }
  const municipality = await findOrganisationByCode(db, code);
  if (!municipality || municipality.kind !== 'municipality') {
    throw new DomainError('not_found', `Gemeente ${code} bestaat niet.`, {
      issues: [{ path: ['municipalityCode'], message: 'onbekende gemeente' }],
    });
  }
  return municipality;
}

/** Whether an organisation is the municipality itself or one of its partners. */
export function belongsToMunicipality(
  organisation: { code: string; municipalityCode: string | null },
  municipalityCode: string,
): boolean {
  return organisation.code === municipalityCode || organisation.municipalityCode === municipalityCode;
}
