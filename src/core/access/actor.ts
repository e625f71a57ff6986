/** Who acts: the logged-in user as services see them (never the HTTP request). */
export type AccountRole = 'admin' | 'coordinator' | 'partner' | 'viewer';
export type ApproachRole = 'coordinator' | 'partner' | 'viewer';

export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: AccountRole;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  organisationKind: 'municipality' | 'partner';
}
