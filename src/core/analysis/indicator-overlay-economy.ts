/**
 * Curated overlay: labour, income and social security (KWB themes Arbeid, Inkomen, Sociale
 * zekerheid). Care, businesses, amenities and safety are in indicator-overlay-services.ts.
 */
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { INHABITANTS_BASE, defineBase, defineCount } from './indicator-overlay-entry.ts';

const INCOME_RECIPIENTS_BASE = defineBase(
  'a_inkont',
  true,
  'CBS: personen met persoonlijk inkomen in particuliere huishoudens (a_inkont).',
);

/**
 * CBS's household income shares exclude student households and households without a full-year
 * income; that target population is not published per buurt, so all private households stand in.
 */
const HOUSEHOLDS_WITH_INCOME_BASE = defineBase(
  'a_hh',
  false,
  'CBS: particuliere huishoudens in de doelpopulatie (zonder studentenhuishoudens en onvolledig jaarinkomen); ' +
    'a_hh benadert dat aantal.',
);

/** Persons 15-75 are the CBS base of labour shares; only 15-65 is published per buurt. */
const WORKING_AGE_BASE = defineBase(
  ['a_15_24', 'a_25_44', 'a_45_64'],
  false,
  'CBS: bevolking van 15 tot 75 jaar (exclusief institutionele bevolking); 15-65 jaar benadert dat.',
);

const share = (
  key: string,
  title: string,
  direction: OverlayEntry['direction'],
  base: OverlayEntry['base'],
  v3: string[],
  v4: string[],
): OverlayEntry => ({
  key,
  title,
  unit: '%',
  domain: 'work_income',
  direction,
  kind: 'percentage',
  base,
  v3,
  v4,
});

export const ECONOMY_OVERLAY: readonly OverlayEntry[] = [
  share(
    'p_arb_pp',
    'Nettoarbeidsparticipatie',
    'higher_is_better',
    WORKING_AGE_BASE,
    ['Nettoarbeidsparticipatie'],
    ['M001796_2'],
  ),
  share(
    'p_arb_wn',
    'Percentage werknemers',
    'neutral',
    WORKING_AGE_BASE,
    ['PercentageWerknemers'],
    ['2021320'],
  ),
  share(
    'p_arb_zs',
    'Percentage zelfstandigen',
    'neutral',
    WORKING_AGE_BASE,
    ['PercentageZelfstandigen'],
    ['2021380'],
  ),
  defineCount('a_inkont', 'Aantal inkomensontvangers', 'work_income', {
    v3: ['AantalInkomensontvangers'],
    v4: ['M000232'],
    rounding: 100,
  }),
  {
    key: 'g_ink_po',
    title: 'Gemiddeld inkomen per inkomensontvanger',
    unit: 'x 1 000 euro',
    domain: 'work_income',
    direction: 'higher_is_better',
    kind: 'average',
    base: INCOME_RECIPIENTS_BASE,
    v3: ['GemiddeldInkomenPerInkomensontvanger'],
    v4: ['M000223'],
  },
  {
    key: 'g_ink_pi',
    title: 'Gemiddeld inkomen per inwoner',
    unit: 'x 1 000 euro',
    domain: 'work_income',
    direction: 'higher_is_better',
    kind: 'average',
    base: defineBase(
      'a_inw',
      false,
      'CBS: per persoon in particuliere huishoudens; a_inw benadert dat aantal.',
    ),
    v3: ['GemiddeldInkomenPerInwoner'],
    v4: ['M000224'],
  },
  share(
    'p_ink_li',
    '40% personen met laagste inkomen',
    'higher_is_worse',
    INCOME_RECIPIENTS_BASE,
    ['k_40PersonenMetLaagsteInkomen'],
    ['D000187'],
  ),
  share(
    'p_ink_hi',
    '20% personen met hoogste inkomen',
    'higher_is_better',
    INCOME_RECIPIENTS_BASE,
    ['k_20PersonenMetHoogsteInkomen'],
    ['D000185'],
  ),
  {
    key: 'g_hh_sti',
    title: 'Gemiddeld gestandaardiseerd inkomen van huishoudens',
    unit: 'x 1 000 euro',
    domain: 'work_income',
    direction: 'higher_is_better',
    kind: 'average',
    base: HOUSEHOLDS_WITH_INCOME_BASE,
    v3: ['GemGestandaardiseerdInkomenVanHuish'],
    v4: ['M000222'],
  },
  share(
    'p_hh_li',
    '40% huishoudens met laagste inkomen',
    'higher_is_worse',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['k_40HuishoudensMetLaagsteInkomen'],
    ['D000186'],
  ),
  share(
    'p_hh_hi',
    '20% huishoudens met hoogste inkomen',
    'higher_is_better',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['k_20HuishoudensMetHoogsteInkomen'],
    ['D000184'],
  ),
  share(
    'p_hh_lkk',
    'Huishoudens met een laag inkomen',
    'higher_is_worse',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['HuishoudensMetEenLaagInkomen'],
    [],
  ),
  share(
    'p_hh_osm',
    'Huishoudens onder of rond sociaal minimum',
    'higher_is_worse',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['HuishOnderOfRondSociaalMinimum'],
    [],
  ),
  share(
    'p_hh_110',
    'Huishoudens tot 110% van sociaal minimum',
    'higher_is_worse',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['HuishoudensTot110VanSociaalMinimum'],
    [],
  ),
  share(
    'p_hh_120',
    'Huishoudens tot 120% van sociaal minimum',
    'higher_is_worse',
    HOUSEHOLDS_WITH_INCOME_BASE,
    ['HuishoudensTot120VanSociaalMinimum'],
    [],
  ),
  {
    key: 'm_hh_ver',
    title: 'Mediaan vermogen van particuliere huishoudens',
    unit: 'x 1 000 euro',
    domain: 'work_income',
    direction: 'higher_is_better',
    kind: 'average',
    notAggregatableReason: 'Een mediaan laat zich niet uit de medianen van de delen berekenen.',
    v3: ['MediaanVermogenVanParticuliereHuish'],
    v4: ['M000939'],
  },
  defineCount('a_soz_wb', 'Personen met bijstandsuitkering', 'work_income', {
    v3: ['PersonenPerSoortUitkeringBijstand'],
    v4: ['D006842'],
    rounding: 10,
  }),
  defineCount('a_soz_ao', 'Personen met arbeidsongeschiktheidsuitkering', 'work_income', {
    v3: ['PersonenPerSoortUitkeringAO'],
    v4: ['D006837'],
    rounding: 10,
  }),
  defineCount('a_soz_ww', 'Personen met WW-uitkering', 'work_income', {
    v3: ['PersonenPerSoortUitkeringWW'],
    v4: ['D001827'],
    rounding: 10,
  }),
  defineCount('a_soz_ow', 'Personen met AOW-uitkering', 'work_income', {
    v3: ['PersonenPerSoortUitkeringAOW'],
    v4: ['D000193'],
    rounding: 10,
  }),
  {
    key: 'd_soz_wb',
    title: 'Personen met bijstand per 1 000 inwoners',
    unit: 'per 1 000 inwoners',
    domain: 'work_income',
    direction: 'higher_is_worse',
    kind: 'percentage',
    definition: 'Afgeleid door Wijkkompas: a_soz_wb gedeeld door a_inw, maal 1 000.',
    base: INHABITANTS_BASE,
    derivation: { numerator: 'a_soz_wb', denominator: ['a_inw'], scale: 1000 },
  },
];
