/**
 * Roles per approach. A user's role on an approach comes from, in order: being the platform
 * administrator (acts as coordinator everywhere), an explicit membership (an invitation, possibly
 * across municipalities), or belonging to the approach's own municipality (their account role).
 * Anyone else has no role: the approach does not exist for them (404, never 403, so that users of
 * one municipality cannot even learn which approaches another one has).
 */
import type { Actor, ApproachRole } from './actor.ts';

export const APPROACH_ACTIONS = [
  'read',
  'edit_points', // answers, evidence, participants, status except skipping
  'skip_points', // consciously skipping a discussion point is a process decision
  'record_decision',
  'manage_cycles',
  'edit_approach',
  'manage_members',
  'read_history',
  'edit_cba', // social cost-benefit analyses (MKBA)
  'manage_panels', // citizens' panels: settings, pool, quotas, selection runs, draws
  'read_panel_personal_data', // the registrants of a citizens' panel (every access is audited)
  'upload_documents', // files as evidence or as a contract attachment
  'delete_documents', // any document of the approach (the uploader may delete their own)
  'edit_stakeholders', // the stakeholder map and the media image (step 1.4)
  'manage_coalition', // coalition members, the board, programme bureau and process direction
  'edit_contract', // drafts of the local contract, signing, amendments, evaluations, proposals' decisions
  'propose_commitment_change', // a partner proposes a change to its own organisation's commitments
] as const;
export type ApproachAction = (typeof APPROACH_ACTIONS)[number];

const PERMISSIONS: Record<ApproachRole, readonly ApproachAction[]> = {
  coordinator: APPROACH_ACTIONS,
  partner: [
    'read',
    'edit_points',
    'edit_cba',
    'upload_documents',
    'edit_stakeholders',
    'propose_commitment_change',
  ],
  viewer: ['read'],
};

export function computeApproachRole(input: {
  actor: Pick<Actor, 'role' | 'organisationId'>;
  approachMunicipalityId: string;
  membershipRole: ApproachRole | null;
}): ApproachRole | null {
  const { actor, approachMunicipalityId, membershipRole } = input;
  if (actor.role === 'admin') return 'coordinator';
  if (membershipRole) return membershipRole;
  if (actor.organisationId === approachMunicipalityId) return actor.role;
  return null;
}

export function canPerform(role: ApproachRole | null, action: ApproachAction): boolean {
  return role !== null && PERMISSIONS[role].includes(action);
}

export function listPermissions(role: ApproachRole | null): ApproachAction[] {
  return role ? [...PERMISSIONS[role]] : [];
}

/**
 * Partner organisations and accounts of a municipality are managed by its coordinators and by the
 * platform administrator (who names the municipality).
 */
export function canManageMunicipality(
  actor: Pick<Actor, 'role' | 'organisationKind' | 'organisationCode'>,
  municipalityCode: string,
): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'coordinator' &&
    actor.organisationKind === 'municipality' &&
    actor.organisationCode === municipalityCode
  );
}

/** A partner proposes changes only to its own organisation's commitments; a coordinator edits all. */
export function canProposeFor(actor: Pick<Actor, 'organisationId'>, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}

/** Only coordinators of a municipality (or the platform administrator) start new approaches. */
export function canCreateApproach(actor: Pick<Actor, 'role' | 'organisationKind'>): boolean {
  return (
    actor.role === 'admin' || (actor.role === 'coordinator' && actor.organisationKind === 'municipality')
  );
}
