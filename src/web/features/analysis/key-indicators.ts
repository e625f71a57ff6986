/**
 * The indicators the area profile shows as key figures, per domain, and the few it charts over the
 * years. Chosen after the seed's "grip op de opgaven" and the CBS kwb core set: population and
 * households, tenure and WOZ value, income, benefits and labour, education, crime, youth care and
 * Wmo, distance to basic amenities. A key indicator without a figure in the chosen year is named,
 * not hidden; every other indicator is in the full table.
 */
import type { Domain } from '../../../core/analysis/indicator.ts';

export const KEY_INDICATORS: Record<Domain, readonly string[]> = {
  demography: ['a_inw', 'a_hh', 'g_hhgro', 'a_00_14', 'a_65_oo'],
  housing: ['a_woning', 'p_huurw', 'p_wcorpw', 'g_wozbag', 'p_leegsw'],
  work_income: ['p_arb_pp', 'g_ink_pi', 'p_hh_li', 'p_hh_osm', 'd_soz_wb'],
  education: ['d_opl_lg'],
  safety: ['d_misdr', 'geregistreerde_misdrijven'],
  care_welfare: ['p_jz_tn', 'p_wmo_t'],
  social: [],
  amenities: ['g_afs_hp', 'g_afs_gs', 'g_afs_sc'],
  physical_environment: ['bev_dich', 'g_pau_hh'],
};

/** Charted over all years on the profile (each chart loads only when scrolled into view). */
export const CHARTED_INDICATORS = ['a_inw', 'p_huurw', 'g_wozbag', 'd_misdr'] as const;
