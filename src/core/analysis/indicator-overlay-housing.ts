/**
 * Curated overlay: dwellings, energy, vehicles, area and urbanity (KWB themes Wonen en vastgoed,
 * Energie, Motorvoertuigen, Oppervlakte, Postcode, Stedelijkheid).
 * Housing shares are "percentage van de totale woningvoorraad" (CBS, 85984NED), so weighted by a_woning.
 */
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { DWELLINGS_BASE, defineBase, defineCount } from './indicator-overlay-entry.ts';

const dwellingShare = (
  key: string,
  title: string,
  v3: string[],
  v4: string[],
  extra: Partial<OverlayEntry> = {},
): OverlayEntry => ({
  key,
  title,
  unit: '%',
  domain: 'housing',
  direction: 'neutral',
  kind: 'percentage',
  base: DWELLINGS_BASE,
  v3,
  v4,
  ...extra,
});

const NO_TYPE_COUNTS =
  'Het aantal woningen per woningtype of eigendom is niet per buurt gepubliceerd, dus er is geen gewicht.';

/** Average energy use per dwelling type: no published base, so not aggregatable. */
const energyByType = (
  key: string,
  title: string,
  unit: string,
  stem: string,
  group: string,
): OverlayEntry => ({
  key,
  title,
  unit,
  domain: 'housing',
  direction: 'neutral',
  kind: 'average',
  notAggregatableReason: NO_TYPE_COUNTS,
  v3: [stem],
  v3Group: group,
});

const ELECTRICITY = 'elektriciteit';
const GAS = 'aardgas';

export const HOUSING_OVERLAY: readonly OverlayEntry[] = [
  defineCount('a_woning', 'Woningvoorraad', 'housing', { v3: ['Woningvoorraad'], v4: ['M000297'] }),
  defineCount('a_nb_won', 'Nieuwbouw woningen', 'housing', { v3: ['NieuwbouwWoningen'], v4: ['M003003'] }),
  defineCount('a_vastg', 'Niet-woningvoorraad', 'housing', { v3: ['NietWoningvoorraad'], v4: ['M008258'] }),
  defineCount('a_nb_vastg', 'Nieuwbouw niet-woningen', 'housing', {
    v3: ['NieuwbouwNietWoningen'],
    v4: ['M008211'],
  }),
  {
    key: 'g_wozbag',
    title: 'Gemiddelde WOZ-waarde van woningen',
    unit: 'x 1 000 euro',
    domain: 'housing',
    // A low average WOZ value marks a weak position on the housing market (a classic selection
    // criterion for vulnerable areas); it is not a judgement of the residents.
    direction: 'higher_is_better',
    kind: 'average',
    base: defineBase(
      'a_woning',
      false,
      'CBS: gemiddelde over woningen met een bekende WOZ-waarde tussen 10 duizend en 5 miljoen euro; ' +
        'de woningvoorraad (a_woning) benadert dat aantal (minimaal 85% bekend).',
    ),
    kwb: ['g_woz'],
    v3: ['GemiddeldeWOZWaardeVanWoningen', 'GemiddeldeWoningwaarde'],
    v4: ['M001642'],
  },
  dwellingShare('p_1gezw', 'Percentage eengezinswoning', ['PercentageEengezinswoning'], ['ZW10290']),
  dwellingShare(
    'p_1gezw_tw',
    'Percentage tussenwoning (eengezins)',
    ['PercentageTussenwoningEengezins'],
    ['ZW25805'],
  ),
  dwellingShare(
    'p_1gezw_hw',
    'Percentage hoekwoning (eengezins)',
    ['PercentageHoekwoningEengezins'],
    ['ZW25806'],
  ),
  dwellingShare(
    'p_1gezw_2w',
    'Percentage twee-onder-een-kapwoning (eengezins)',
    ['PercentageTweeOnderEenKapWoningEe'],
    ['ZW10300'],
  ),
  dwellingShare(
    'p_1gezw_hvw',
    'Percentage vrijstaande woning (eengezins)',
    ['PercentageVrijstaandeWoningEengezins'],
    ['ZW10320'],
  ),
  dwellingShare('p_mgezw', 'Percentage meergezinswoning', ['PercentageMeergezinswoning'], ['ZW10340']),
  dwellingShare('p_bewndw', 'Percentage bewoonde woningen', ['PercentageBewoond'], [], {
    definition: 'Woningen waar op 1 januari iemand stond ingeschreven, als percentage van de woningvoorraad.',
  }),
  dwellingShare(
    'p_leegsw',
    'Percentage onbewoonde woningen',
    ['OnbewoondeWoningen', 'PercentageOnbewoond'],
    ['M008208'],
    { direction: 'higher_is_worse' },
  ),
  dwellingShare('p_koopw', 'Koopwoningen', ['Koopwoningen'], ['1014800_1', '1014800']),
  dwellingShare('p_huurw', 'Huurwoningen totaal', ['HuurwoningenTotaal'], ['1014850_2']),
  dwellingShare(
    'p_wcorpw',
    'Huurwoningen in bezit woningcorporatie',
    ['InBezitWoningcorporatie'],
    ['A047047'],
  ),
  dwellingShare(
    'p_ov_hw',
    'Huurwoningen in bezit overige verhuurders',
    ['InBezitOverigeVerhuurders'],
    ['A047048'],
  ),
  dwellingShare('p_e_o_w', 'Woningen met eigendom onbekend', ['EigendomOnbekend'], [], {
    definition: 'Woningen waarvan de eigendomssituatie onbekend is, als percentage van de woningvoorraad.',
  }),
  dwellingShare('p_bjj2k', 'Bouwjaar voor 2000', ['BouwjaarVoor2000'], [], {
    definition: 'Woningen met een bouwjaar voor 2000, als percentage van de woningvoorraad (tot KWB 2023).',
  }),
  dwellingShare('p_bjo2k', 'Bouwjaar vanaf 2000', ['BouwjaarVanaf2000'], [], {
    definition: 'Woningen met een bouwjaar vanaf 2000, als percentage van de woningvoorraad (tot KWB 2023).',
  }),
  dwellingShare(
    'p_bj_me10',
    'Bouwjaar meer dan tien jaar geleden',
    ['BouwjaarMeerDanTienJaarGeleden'],
    ['M008209'],
  ),
  dwellingShare('p_bj_mi10', 'Bouwjaar afgelopen tien jaar', ['BouwjaarAfgelopenTienJaar'], ['M008210']),
  {
    key: 'g_ele',
    title: 'Gemiddelde elektriciteitslevering totaal',
    unit: 'kWh',
    domain: 'housing',
    direction: 'neutral',
    kind: 'average',
    base: defineBase(
      'a_woning',
      false,
      'CBS: gemiddelde per woning met bekend verbruik; a_woning benadert dat.',
    ),
    v3: ['GemiddeldeElektriciteitsleveringTotaal', 'GemiddeldElektriciteitsverbruikTotaal'],
    v4: ['M000221_2'],
  },
  energyByType('g_ele_ap', 'Elektriciteitslevering appartement', 'kWh', 'Appartement', ELECTRICITY),
  energyByType('g_ele_tw', 'Elektriciteitslevering tussenwoning', 'kWh', 'Tussenwoning', ELECTRICITY),
  energyByType('g_ele_hw', 'Elektriciteitslevering hoekwoning', 'kWh', 'Hoekwoning', ELECTRICITY),
  energyByType(
    'g_ele_2w',
    'Elektriciteitslevering twee-onder-een-kapwoning',
    'kWh',
    'TweeOnderEenKapWoning',
    ELECTRICITY,
  ),
  energyByType(
    'g_ele_vw',
    'Elektriciteitslevering vrijstaande woning',
    'kWh',
    'VrijstaandeWoning',
    ELECTRICITY,
  ),
  energyByType('g_ele_hu', 'Elektriciteitslevering huurwoning', 'kWh', 'Huurwoning', ELECTRICITY),
  energyByType('g_ele_ko', 'Elektriciteitslevering eigen woning', 'kWh', 'EigenWoning', ELECTRICITY),
  {
    key: 'g_gas',
    title: 'Gemiddeld aardgasverbruik totaal',
    unit: 'm³',
    domain: 'housing',
    direction: 'neutral',
    kind: 'average',
    base: defineBase(
      'a_woning',
      false,
      'CBS: gemiddelde per woning met bekend verbruik; a_woning benadert dat.',
    ),
    v3: ['GemiddeldAardgasverbruikTotaal'],
    v4: ['M000219_2'],
  },
  energyByType('g_gas_ap', 'Aardgasverbruik appartement', 'm³', 'Appartement', GAS),
  energyByType('g_gas_tw', 'Aardgasverbruik tussenwoning', 'm³', 'Tussenwoning', GAS),
  energyByType('g_gas_hw', 'Aardgasverbruik hoekwoning', 'm³', 'Hoekwoning', GAS),
  energyByType('g_gas_2w', 'Aardgasverbruik twee-onder-een-kapwoning', 'm³', 'TweeOnderEenKapWoning', GAS),
  energyByType('g_gas_vw', 'Aardgasverbruik vrijstaande woning', 'm³', 'VrijstaandeWoning', GAS),
  energyByType('g_gas_hu', 'Aardgasverbruik huurwoning', 'm³', 'Huurwoning', GAS),
  energyByType('g_gas_ko', 'Aardgasverbruik eigen woning', 'm³', 'EigenWoning', GAS),
  dwellingShare(
    'p_stadsv',
    'Percentage woningen met stadsverwarming',
    ['PercentageWoningenMetStadsverwarming'],
    ['M000369'],
    {
      base: defineBase(
        'a_woning',
        false,
        'CBS: percentage van de (bewoonde) woningen; a_woning benadert dat.',
      ),
    },
  ),
  // Motorvoertuigen
  defineCount('a_pau', "Personenauto's totaal", 'physical_environment', {
    v3: ['PersonenautoSTotaal'],
    v4: ['A018943_2'],
    rounding: 5,
  }),
  defineCount('a_bst_b', "Personenauto's; brandstof benzine", 'physical_environment', {
    v3: ['PersonenautoSBrandstofBenzine'],
    v4: ['A019276'],
    rounding: 5,
  }),
  defineCount('a_bst_nb', "Personenauto's; overige brandstof", 'physical_environment', {
    v3: ['PersonenautoSOverigeBrandstof'],
    v4: ['D001045'],
    rounding: 5,
  }),
  {
    key: 'g_pau_hh',
    title: "Personenauto's per huishouden",
    unit: 'per huishouden',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'average',
    base: defineBase('a_hh', true, "CBS: personenauto's per particulier huishouden (a_hh)."),
    v3: ['PersonenautoSPerHuishouden'],
    v4: ['M000368'],
  },
  {
    key: 'g_pau_km',
    title: "Personenauto's naar oppervlakte",
    unit: 'per km²',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'average',
    base: defineBase('a_lan_ha', true, "CBS: personenauto's per km² land (a_lan_ha)."),
    v3: ['PersonenautoSNaarOppervlakte'],
    v4: ['A018943_4'],
  },
  defineCount('a_m2w', 'Motorfietsen', 'physical_environment', {
    v3: ['Motorfietsen', 'Motortweewielers'],
    v4: ['A018944'],
    rounding: 5,
  }),
  // Oppervlakte (whole hectares). Buitenwater only counts at gemeente level, so a gemeente's
  // a_wat_ha and a_opp_ha can exceed the sum of its buurten.
  defineCount('a_opp_ha', 'Oppervlakte totaal', 'physical_environment', {
    unit: 'ha',
    v3: ['OppervlakteTotaal'],
    v4: ['T001455_2'],
  }),
  defineCount('a_lan_ha', 'Oppervlakte land', 'physical_environment', {
    unit: 'ha',
    v3: ['OppervlakteLand'],
    v4: ['A047044'],
  }),
  defineCount('a_wat_ha', 'Oppervlakte water', 'physical_environment', {
    unit: 'ha',
    v3: ['OppervlakteWater'],
    v4: ['A047040'],
  }),
  {
    key: 'pst_mvp',
    title: 'Meest voorkomende postcode',
    unit: 'code',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'code',
    v3: ['MeestVoorkomendePostcode'],
    v4: ['PC000C'],
  },
  {
    key: 'pst_dekp',
    title: 'Dekkingspercentage postcode',
    unit: 'code',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'code',
    v3: ['Dekkingspercentage'],
    v4: ['M000217'],
  },
  {
    key: 'ste_mvs',
    title: 'Mate van stedelijkheid',
    unit: 'code',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'code',
    v3: ['MateVanStedelijkheid'],
    v4: ['ST0001'],
  },
  {
    key: 'ste_oad',
    title: 'Omgevingsadressendichtheid',
    unit: 'per km²',
    domain: 'physical_environment',
    direction: 'neutral',
    kind: 'average',
    // CBS: mean over all addresses of the area; the number of addresses is not published.
    notAggregatableReason: 'CBS middelt over adressen; het aantal adressen per buurt is niet gepubliceerd.',
    v3: ['Omgevingsadressendichtheid'],
    v4: ['ST0003'],
  },
  {
    key: 'ind_wbi',
    title: 'Indelingswijziging gemeente, wijk, buurt',
    unit: 'code',
    domain: null,
    direction: 'neutral',
    kind: 'code',
    definition:
      '1: codering en afbakening ongewijzigd ten opzichte van het voorgaande jaar; 2: codering gewijzigd, ' +
      'afbakening ongewijzigd; 3: afbakening gewijzigd, cijfers niet vergelijkbaar met het voorgaande jaar.',
    v3: ['IndelingswijzigingGemeenteWijkBuurt', 'IndelingswijzigingWijkenEnBuurten'],
    statline: [
      'regioaanduiding/indelingswijziging wijken en buurten',
      'regioaanduiding/indelingswijziging gemeente, wijk, buurt',
    ],
  },
];
