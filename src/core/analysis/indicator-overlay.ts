/**
 * The curated overlay of the indicator catalogue: what the CBS metadata does not say (domain,
 * direction, kind, base) plus the names an indicator carries in every format and year.
 * The entries themselves are split by theme over indicator-overlay-*.ts.
 *
 * Base choices follow the CBS definitions in DataProperties_85984NED.json ("Het aantal ... als
 * percentage van de totale woningvoorraad" -> a_woning). Where CBS divides by a population it does
 * not publish per buurt (households with a full-year income, persons 15-75 excl. institutions),
 * the closest published count stands in and `isExact` is false; aggregates over such a base are
 * then an approximation, which the base note says.
 */
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { PEOPLE_OVERLAY } from './indicator-overlay-people.ts';
import { HOUSING_OVERLAY } from './indicator-overlay-housing.ts';
import { ECONOMY_OVERLAY } from './indicator-overlay-economy.ts';
import { SERVICES_OVERLAY } from './indicator-overlay-services.ts';

/** All curated entries, in CBS table order (the order resolves ambiguous v3 stems, see v3Group). */
export const INDICATOR_OVERLAY: readonly OverlayEntry[] = [
  ...PEOPLE_OVERLAY,
  ...HOUSING_OVERLAY,
  ...ECONOMY_OVERLAY,
  ...SERVICES_OVERLAY,
];

/** Columns that identify the region rather than measure something; never indicators. */
export const REGION_ATTRIBUTE_COLUMNS = {
  kwb: ['gwb_code_10', 'gwb_code_8', 'gwb_code', 'regio', 'gm_naam', 'recs'],
  v3Stems: ['WijkenEnBuurten', 'RegioS', 'Gemeentenaam', 'SoortRegio', 'Codering', 'ID', 'Perioden'],
  statlinePaths: [
    'wijken en buurten',
    "regio's",
    'perioden',
    'regioaanduiding/gemeentenaam',
    'regioaanduiding/soort regio',
    'regioaanduiding/codering',
  ],
} as const;
