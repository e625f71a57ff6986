/**
 * The domains partners work in and the seats of the administrative board. The note (seed 3.7, on
 * the NPRZ board) seats "één namens de gemeente, één namens het onderwijs, één voor de veiligheid,
 * één namens de woningcorporaties, één namens het Rijk, enzovoorts": one representative per domain.
 * Domains name policy fields (the analysis domains, without demography, plus justice and culture);
 * the municipality, the national government and the residents also get a seat of their own.
 */
export const COALITION_DOMAINS = [
  'housing',
  'education',
  'work_income',
  'care_welfare',
  'safety',
  'justice',
  'social',
  'physical_environment',
  'amenities',
  'culture_sport',
] as const;
export type CoalitionDomain = (typeof COALITION_DOMAINS)[number];

export const COALITION_DOMAIN_LABELS: Record<CoalitionDomain, string> = {
  housing: 'Wonen',
  education: 'Onderwijs',
  work_income: 'Werk en inkomen',
  care_welfare: 'Zorg en welzijn',
  safety: 'Veiligheid',
  justice: 'Justitie',
  social: 'Sociaal en meedoen',
  physical_environment: 'Fysieke leefomgeving',
  amenities: 'Voorzieningen',
  culture_sport: 'Cultuur en sport',
};

export const BOARD_SEATS = [
  'municipality',
  ...COALITION_DOMAINS,
  'national_government',
  'residents',
] as const;
export type BoardSeat = (typeof BOARD_SEATS)[number];

export const BOARD_SEAT_LABELS: Record<BoardSeat, string> = {
  municipality: 'Gemeente',
  ...COALITION_DOMAIN_LABELS,
  national_government: 'Rijk',
  residents: 'Bewoners',
};
