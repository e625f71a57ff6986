import { describe, expect, it } from 'vitest';
import {
  canCreateApproach,
  canManageMunicipality,
  canPerform,
  canProposeFor,
  computeApproachRole,
} from './approach-role.ts';

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

describe('coalition permissions', () => {
  it('lets partners add to the stakeholder map and propose, but not edit the contract or coalition', () => {
    expect(canPerform('partner', 'edit_stakeholders')).toBe(true);
    expect(canPerform('partner', 'propose_commitment_change')).toBe(true);
    expect(canPerform('partner', 'upload_documents')).toBe(true);
    expect(canPerform('partner', 'edit_contract')).toBe(false);
    expect(canPerform('partner', 'manage_coalition')).toBe(false);
    expect(canPerform('partner', 'delete_documents')).toBe(false);
    expect(canPerform('viewer', 'edit_stakeholders')).toBe(false);
    expect(canPerform('viewer', 'propose_commitment_change')).toBe(false);
    expect(canPerform('coordinator', 'edit_contract')).toBe(true);
  });
  it('lets only the own municipality coordinators and the administrator manage a municipality', () => {
    const coordinator = { role: 'coordinator' as const, organisationKind: 'municipality' as const };
    expect(canManageMunicipality({ ...coordinator, organisationCode: 'GM0344' }, 'GM0344')).toBe(true);
    expect(canManageMunicipality({ ...coordinator, organisationCode: 'GM0307' }, 'GM0344')).toBe(false);
    expect(
      canManageMunicipality(
        { role: 'coordinator', organisationKind: 'partner', organisationCode: 'GM0344' },
        'GM0344',
      ),
    ).toBe(false);
    expect(
      canManageMunicipality(
        { role: 'viewer', organisationKind: 'municipality', organisationCode: 'GM0344' },
        'GM0344',
      ),
    ).toBe(false);
    expect(
      canManageMunicipality(
        { role: 'admin', organisationKind: 'municipality', organisationCode: 'GM0344' },
        'GM0307',
      ),
    ).toBe(true);
  });
  it('lets an actor propose only for its own organisation', () => {
    expect(canProposeFor({ organisationId: 'corp' }, 'corp')).toBe(true);
    expect(canProposeFor({ organisationId: 'corp' }, 'police')).toBe(false);
  });
});
