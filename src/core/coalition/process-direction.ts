/**
 * Who holds the process direction (seed 3.8, step 3.5): preferably an independent process director
 * or a coordinating programme bureau, able to address every partner on its commitments.
 */
export const PROCESS_DIRECTION_HOLDERS = [
  'independent_director',
  'programme_bureau',
  'municipality',
  'partner_organisation',
  'not_yet_assigned',
] as const;
export type ProcessDirectionHolder = (typeof PROCESS_DIRECTION_HOLDERS)[number];

export const PROCESS_DIRECTION_LABELS: Record<ProcessDirectionHolder, string> = {
  independent_director: 'Onafhankelijke procesregisseur',
  programme_bureau: 'Coördinerend programmabureau',
  municipality: 'De gemeente',
  partner_organisation: 'Een partnerorganisatie',
  not_yet_assigned: 'Nog niet belegd',
};

/** The note's advice: direction by an independent entity, so impasses between partners can be broken. */
export function isIndependentDirection(holder: ProcessDirectionHolder): boolean {
  return holder === 'independent_director' || holder === 'programme_bureau';
}
