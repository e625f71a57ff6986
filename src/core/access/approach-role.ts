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
] as const;
export type ApproachAction = (typeof APPROACH_ACTIONS)[number];

const PERMISSIONS: Record<ApproachRole, readonly ApproachAction[]> = {
  coordinator: APPROACH_ACTIONS,
  partner: ['read', 'edit_points', 'edit_cba'],
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

/** Only coordinators of a municipality (or the platform administrator) start new approaches. */
export function canCreateApproach(actor: Pick<Actor, 'role' | 'organisationKind'>): boolean {
  return (
    actor.role === 'admin' || (actor.role === 'coordinator' && actor.organisationKind === 'municipality')
  );
}
