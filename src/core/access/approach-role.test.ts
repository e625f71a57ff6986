import { describe, expect, it } from 'vitest';
import { canCreateApproach, canPerform, computeApproachRole } from './approach-role.ts';

const MUNI = 'muni-utrecht';

describe('computeApproachRole', () => {
  it('gives the platform administrator coordinator rights everywhere', () => {
    expect(
      computeApproachRole({
        actor: { role: 'admin', organisationId: 'x' },
        approachMunicipalityId: MUNI,
        membershipRole: null,
      }),
    ).toBe('coordinator');
  });
  it('lets an explicit membership win over the account role', () => {
    expect(
      computeApproachRole({
        actor: { role: 'coordinator', organisationId: MUNI },
        approachMunicipalityId: MUNI,
        membershipRole: 'viewer',
      }),
    ).toBe('viewer');
  });
  it('gives users of the own municipality their account role', () => {
    expect(
      computeApproachRole({
        actor: { role: 'partner', organisationId: MUNI },
        approachMunicipalityId: MUNI,
        membershipRole: null,
      }),
    ).toBe('partner');
  });
  it('gives users of another municipality nothing unless invited', () => {
    const actor = { role: 'coordinator' as const, organisationId: 'muni-other' };
    expect(computeApproachRole({ actor, approachMunicipalityId: MUNI, membershipRole: null })).toBeNull();
    expect(computeApproachRole({ actor, approachMunicipalityId: MUNI, membershipRole: 'partner' })).toBe(
      'partner',
    );
  });
});

describe('canPerform', () => {
  it('allows coordinators everything, partners answers, viewers reading', () => {
    expect(canPerform('coordinator', 'record_decision')).toBe(true);
    expect(canPerform('partner', 'edit_points')).toBe(true);
    expect(canPerform('partner', 'skip_points')).toBe(false);
    expect(canPerform('partner', 'record_decision')).toBe(false);
    expect(canPerform('viewer', 'read')).toBe(true);
    expect(canPerform('viewer', 'edit_points')).toBe(false);
    expect(canPerform(null, 'read')).toBe(false);
  });
  it('lets only municipal coordinators and the administrator create approaches', () => {
    expect(canCreateApproach({ role: 'coordinator', organisationKind: 'municipality' })).toBe(true);
    expect(canCreateApproach({ role: 'coordinator', organisationKind: 'partner' })).toBe(false);
    expect(canCreateApproach({ role: 'partner', organisationKind: 'municipality' })).toBe(false);
    expect(canCreateApproach({ role: 'admin', organisationKind: 'partner' })).toBe(true);
  });
});
