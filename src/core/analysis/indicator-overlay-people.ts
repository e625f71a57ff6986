/**
 * Curated overlay: population, households and education (KWB themes Bevolking, Onderwijs).
 * v4 measure codes: the four in the shared woningen files are checked against the data; the others
 * are the CBS measure codes of the 2025 KWB table (86165NED) matched to the kwb columns by title.
 * Persons and households per wijk and buurt are published rounded to multiples of 5 (checked in
 * kwb-2023/2024-utrecht.xlsx: every WK/BU value is a multiple of 5; the GM row is exact).
 */
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { defineBase, defineCount } from './indicator-overlay-entry.ts';

const persons = (key: string, title: string, v3: string[], v4: string[], extra: Partial<OverlayEntry> = {}) =>
  defineCount(key, title, 'demography', { v3, v4, rounding: 5, ...extra });

export const PEOPLE_OVERLAY: readonly OverlayEntry[] = [
  persons('a_inw', 'Aantal inwoners', ['AantalInwoners'], ['T001036'], {
    definition: 'Het aantal inwoners op 1 januari volgens de Basisregistratie Personen.',
  }),
  persons('a_man', 'Mannen', ['Mannen'], ['3000']),
  persons('a_vrouw', 'Vrouwen', ['Vrouwen'], ['4000']),
  persons('a_00_14', 'Inwoners 0 tot 15 jaar', ['k_0Tot15Jaar'], ['10680']),
  persons('a_15_24', 'Inwoners 15 tot 25 jaar', ['k_15Tot25Jaar'], ['53050']),
  persons('a_25_44', 'Inwoners 25 tot 45 jaar', ['k_25Tot45Jaar'], ['53310']),
  persons('a_45_64', 'Inwoners 45 tot 65 jaar', ['k_45Tot65Jaar'], ['53715']),
  persons('a_65_oo', 'Inwoners 65 jaar of ouder', ['k_65JaarOfOuder'], ['80200']),
  persons('a_ongeh', 'Ongehuwd', ['Ongehuwd'], ['1010']),
  persons('a_gehuwd', 'Gehuwd', ['Gehuwd'], ['1020']),
  persons('a_gesch', 'Gescheiden', ['Gescheiden'], ['1080']),
  persons('a_verwed', 'Verweduwd', ['Verweduwd'], ['1050']),
  // Herkomst (since KWB 2022). The stems repeat in three groups; v3Group and this order tell them apart.
  persons('a_nl_all', 'Herkomstland Nederland', ['Nederland'], ['1012600_1'], { v3Group: 'herkomstland' }),
  persons('a_eur_al', 'Herkomst Europa (exclusief Nederland)', ['EuropaExclusiefNederland'], ['H007933_1'], {
    v3Group: 'herkomstland',
  }),
  persons('a_neu_al', 'Herkomst buiten Europa', ['BuitenEuropa'], ['H008859_1'], { v3Group: 'herkomstland' }),
  persons('a_geb_nl', 'Geboren in Nederland, herkomst Nederland', ['Nederland'], ['1012600_2'], {
    v3Group: 'geboren in nederland',
  }),
  persons('a_geb_eu', 'Geboren in Nederland, herkomst Europa', ['EuropaExclusiefNederland'], ['H007933_2'], {
    v3Group: 'geboren in nederland',
  }),
  persons('a_geb_ne', 'Geboren in Nederland, herkomst buiten Europa', ['BuitenEuropa'], ['H008859_2'], {
    v3Group: 'geboren in nederland',
  }),
  persons(
    'a_gbl_eu',
    'Geboren buiten Nederland, herkomst Europa',
    ['EuropaExclusiefNederland'],
    ['H007933_3'],
    {
      v3Group: 'geboren buiten nederland',
    },
  ),
  persons('a_gbl_ne', 'Geboren buiten Nederland, herkomst buiten Europa', ['BuitenEuropa'], ['H008859_3'], {
    v3Group: 'geboren buiten nederland',
  }),
  persons('a_geb', 'Geboorte totaal', ['GeboorteTotaal'], ['M000173_1']),
  {
    key: 'p_geb',
    title: 'Geboorte relatief',
    unit: 'per 1 000 inwoners',
    domain: 'demography',
    direction: 'neutral',
    kind: 'percentage',
    // CBS: levendgeborenen per 1 000 inwoners op 1 januari.
    base: defineBase('a_inw', true, 'CBS: per 1 000 inwoners op 1 januari (a_inw).'),
    v3: ['GeboorteRelatief'],
    v4: ['M000173_2'],
  },
  persons('a_ste', 'Sterfte totaal', ['SterfteTotaal'], ['M000179_1']),
  {
    key: 'p_ste',
    title: 'Sterfte relatief',
    unit: 'per 1 000 inwoners',
    domain: 'demography',
    direction: 'neutral',
    kind: 'percentage',
    base: defineBase('a_inw', true, 'CBS: per 1 000 inwoners op 1 januari (a_inw).'),
    v3: ['SterfteRelatief'],
    v4: ['M000179_2'],
  },
  persons('a_hh', 'Huishoudens totaal', ['HuishoudensTotaal'], ['1050010_2']),
  persons('a_1p_hh', 'Eenpersoonshuishoudens', ['Eenpersoonshuishoudens'], ['1050015']),
  persons('a_hh_z_k', 'Huishoudens zonder kinderen', ['HuishoudensZonderKinderen'], ['1016040']),
  persons('a_hh_m_k', 'Huishoudens met kinderen', ['HuishoudensMetKinderen'], ['1016030']),
  {
    key: 'g_hhgro',
    title: 'Gemiddelde huishoudensgrootte',
    unit: 'aantal',
    domain: 'demography',
    direction: 'neutral',
    kind: 'average',
    // CBS: personen in particuliere huishoudens gedeeld door het aantal particuliere huishoudens.
    base: defineBase(
      'a_hh',
      true,
      'CBS: personen in particuliere huishoudens per particulier huishouden (a_hh).',
    ),
    v3: ['GemiddeldeHuishoudensgrootte'],
    v4: ['M000114'],
  },
  {
    key: 'bev_dich',
    title: 'Bevolkingsdichtheid',
    unit: 'aantal inwoners per km²',
    domain: 'demography',
    direction: 'neutral',
    kind: 'average',
    // CBS: inwoners op 1 januari gedeeld door de landoppervlakte. a_lan_ha is in whole hectares,
    // so for small buurten the weights carry a rounding error of up to 0.5 ha.
    base: defineBase(
      'a_lan_ha',
      true,
      'CBS: inwoners per km² land (a_lan_ha, in hele hectaren gepubliceerd).',
    ),
    v3: ['Bevolkingsdichtheid'],
    v4: ['M000100'],
  },
  // Onderwijs. a_opl_* are persons 15-75 by highest level attained; since KWB 2024 CBS names the
  // columns a_opl_bvm / a_opl_hvm / a_opl_hw, the same three-way split as laag / midden / hoog.
  defineCount('a_opl_lg', 'Opleidingsniveau laag (basisonderwijs, vmbo, mbo1)', 'education', {
    kwb: ['a_opl_bvm'],
    v3: ['BasisonderwijsVmboMbo1', 'OpleidingsniveauLaag'],
    v4: ['2018700'],
    rounding: 5,
  }),
  defineCount('a_opl_md', 'Opleidingsniveau midden (havo, vwo, mbo2-4)', 'education', {
    kwb: ['a_opl_hvm'],
    v3: ['HavoVwoMbo24', 'OpleidingsniveauMiddelbaar'],
    v4: ['2018740'],
    rounding: 5,
  }),
  defineCount('a_opl_hg', 'Opleidingsniveau hoog (hbo, wo)', 'education', {
    kwb: ['a_opl_hw'],
    v3: ['HboWo', 'OpleidingsniveauHoog'],
    v4: ['2018790'],
    rounding: 5,
  }),
  defineCount('a_ons_po', 'Leerlingen primair onderwijs', 'education', {
    v3: ['LeerlingenPo'],
    v4: ['A025301'],
  }),
  defineCount('a_ons_vovavo', 'Leerlingen voortgezet onderwijs (incl. vavo)', 'education', {
    v3: ['LeerlingenVoInclVavo'],
    v4: ['T001345'],
  }),
  defineCount('a_ons_mbo', 'Studenten mbo (excl. extranei)', 'education', {
    v3: ['StudentenMboExclExtranei'],
    v4: ['A041867'],
  }),
  defineCount('a_ons_hbo', 'Studenten hbo', 'education', { v3: ['StudentenHbo'], v4: ['A025294'] }),
  defineCount('a_ons_wo', 'Studenten wo', 'education', { v3: ['StudentenWo'], v4: ['A025297'] }),
  {
    key: 'd_opl_lg',
    title: 'Aandeel laag opgeleiden (15-75 jaar)',
    unit: '%',
    domain: 'education',
    direction: 'higher_is_worse',
    kind: 'percentage',
    definition:
      'Afgeleid door Wijkkompas: opleidingsniveau laag als percentage van alle personen van 15 tot 75 jaar ' +
      'met een bekend opleidingsniveau (a_opl_lg + a_opl_md + a_opl_hg).',
    base: defineBase(
      ['a_opl_lg', 'a_opl_md', 'a_opl_hg'],
      true,
      'Personen 15-75 jaar met bekend opleidingsniveau.',
    ),
    derivation: { numerator: 'a_opl_lg', denominator: ['a_opl_lg', 'a_opl_md', 'a_opl_hg'], scale: 100 },
  },
];
