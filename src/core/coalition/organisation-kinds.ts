/** What a partner organisation is (PRODUCT.md: who uses it; issue 13). */
import type { CoalitionDomain } from './domains.ts';

export const PARTNER_KINDS = [
  'housing_corporation',
  'police',
  'public_prosecutor',
  'school_board',
  'care_welfare',
  'employer',
  'national_government',
  'resident_organisation',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  housing_corporation: 'Woningcorporatie',
  police: 'Politie',
  public_prosecutor: 'Openbaar Ministerie',
  school_board: 'Schoolbestuur',
  care_welfare: 'Zorg- of welzijnsorganisatie',
  employer: 'Werkgever',
  national_government: 'Rijk',
  resident_organisation: 'Bewonersorganisatie',
  other: 'Andere organisatie',
};

/** The domain a kind usually works in: the form's suggestion when no domain was chosen. */
export const DEFAULT_DOMAINS: Record<PartnerKind, CoalitionDomain[]> = {
  housing_corporation: ['housing'],
  police: ['safety'],
  public_prosecutor: ['justice'],
  school_board: ['education'],
  care_welfare: ['care_welfare'],
  employer: ['work_income'],
  national_government: [],
  resident_organisation: ['social'],
  other: [],
};
