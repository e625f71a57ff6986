/** Loads an approach for an actor and checks what they may do with it. */
import type { Actor } from '../../core/access/actor.ts';
import {
  canPerform,
  computeApproachRole,
  listPermissions,
  type ApproachAction,
} from '../../core/access/approach-role.ts';
import { DomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { findApproach, findMembershipRole } from '../../db/approaches.repository.ts';

export async function loadApproachFor(
  db: Database,
  actor: Actor,
  approachId: string,
  action: ApproachAction,
) {
  const found = await findApproach(db, approachId);
  const membershipRole = found ? await findMembershipRole(db, approachId, actor.userId) : null;
  const role = found
    ? computeApproachRole({ actor, approachMunicipalityId: found.approach.municipalityId, membershipRole })
    : null;
  // Invisible and non-existent look the same from outside: 404.
  if (!found || role === null)
    throw new DomainError('not_found', `Wijkaanpak ${approachId} bestaat niet of is niet zichtbaar voor u.`);
  if (!canPerform(role, action)) {
    throw new DomainError(
      'forbidden',
      `Uw rol (${role}) op deze wijkaanpak staat deze handeling niet toe (${action}).`,
    );
  }
  return { ...found, role, permissions: listPermissions(role) };
}
