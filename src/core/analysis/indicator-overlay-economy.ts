/**
 * Curated overlay: labour, income, social security, care, businesses, safety and amenities
 * (KWB themes Arbeid, Inkomen, Sociale zekerheid, Zorg, Bedrijfsvestigingen, Nabijheid voorzieningen;
 * registered crime from 47018NED).
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
): OverlayEntry => ({ key, title, unit: '%', domain: 'work_income', direction, kind: 'percentage', base, v3, v4 });

const business = (key: string, title: string, v3: string, v4: string): OverlayEntry =>
  defineCount(key, title, 'work_income', { v3: [v3], v4: [v4], rounding: 5 });

/** Nabijheid voorzieningen: CBS gives "de gemiddelde afstand van alle inwoners", so inhabitants weight. */
const distance = (key: string, title: string, v3: string, v4: string, statline: string): OverlayEntry => ({
  key,
  title,
  unit: 'km',
  domain: 'amenities',
  direction: 'higher_is_worse',
  kind: 'average',
  base: defineBase('a_inw', true, 'CBS: gemiddelde afstand van alle inwoners van het gebied (a_inw).'),
  v3: [v3],
  v4: [v4],
  statline: [statline],
});

export const ECONOMY_OVERLAY: readonly OverlayEntry[] = [
  share('p_arb_pp', 'Nettoarbeidsparticipatie', 'higher_is_better', WORKING_AGE_BASE, ['Nettoarbeidsparticipatie'], [
    'M001796_2',
  ]),
  share('p_arb_wn', 'Percentage werknemers', 'neutral', WORKING_AGE_BASE, ['PercentageWerknemers'], ['2021320']),
  share('p_arb_zs', 'Percentage zelfstandigen', 'neutral', WORKING_AGE_BASE, ['PercentageZelfstandigen'], ['2021380']),
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
    base: defineBase('a_inw', false, 'CBS: per persoon in particuliere huishoudens; a_inw benadert dat aantal.'),
    v3: ['GemiddeldInkomenPerInwoner'],
    v4: ['M000224'],
  },
  share('p_ink_li', '40% personen met laagste inkomen', 'higher_is_worse', INCOME_RECIPIENTS_BASE, [
    'k_40PersonenMetLaagsteInkomen',
  ], ['D000187']),
  share('p_ink_hi', '20% personen met hoogste inkomen', 'higher_is_better', INCOME_RECIPIENTS_BASE, [
    'k_20PersonenMetHoogsteInkomen',
  ], ['D000185']),
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
  share('p_hh_li', '40% huishoudens met laagste inkomen', 'higher_is_worse', HOUSEHOLDS_WITH_INCOME_BASE, [
    'k_40HuishoudensMetLaagsteInkomen',
  ], ['D000186']),
  share('p_hh_hi', '20% huishoudens met hoogste inkomen', 'higher_is_better', HOUSEHOLDS_WITH_INCOME_BASE, [
    'k_20HuishoudensMetHoogsteInkomen',
  ], ['D000184']),
  share('p_hh_lkk', 'Huishoudens met een laag inkomen', 'higher_is_worse', HOUSEHOLDS_WITH_INCOME_BASE, [
    'HuishoudensMetEenLaagInkomen',
  ], []),
  share('p_hh_osm', 'Huishoudens onder of rond sociaal minimum', 'higher_is_worse', HOUSEHOLDS_WITH_INCOME_BASE, [
    'HuishOnderOfRondSociaalMinimum',
  ], []),
  share('p_hh_110', 'Huishoudens tot 110% van sociaal minimum', 'higher_is_worse', HOUSEHOLDS_WITH_INCOME_BASE, [
    'HuishoudensTot110VanSociaalMinimum',
  ], []),
  share('p_hh_120', 'Huishoudens tot 120% van sociaal minimum', 'higher_is_worse', HOUSEHOLDS_WITH_INCOME_BASE, [
    'HuishoudensTot120VanSociaalMinimum',
  ], []),
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
  defineCount('a_jz_tn', 'Jongeren met jeugdzorg in natura', 'care_welfare', {
    v3: ['JongerenMetJeugdzorgInNatura'],
    v4: ['T001203'],
  }),
  {
    key: 'p_jz_tn',
    title: 'Percentage jongeren met jeugdzorg',
    unit: '%',
    domain: 'care_welfare',
    direction: 'higher_is_worse',
    kind: 'percentage',
    base: defineBase(
      ['a_00_14', 'a_15_24'],
      false,
      'CBS: percentage van de personen tot 23 jaar; gepubliceerd is 0 tot 25 jaar (a_00_14 + a_15_24).',
    ),
    v3: ['PercentageJongerenMetJeugdzorg'],
    v4: ['A045561'],
  },
  defineCount('a_wmo_t', 'Wmo-cliënten', 'care_welfare', { v3: ['WmoClienten'], v4: ['M001342_1'] }),
  {
    key: 'p_wmo_t',
    title: 'Wmo-cliënten relatief',
    unit: 'per 1 000 inwoners',
    domain: 'care_welfare',
    direction: 'higher_is_worse',
    kind: 'percentage',
    base: defineBase('a_inw', true, 'CBS: per 1 000 inwoners (a_inw).'),
    v3: ['WmoClientenRelatief'],
    v4: ['M001342_2'],
  },
  business('a_bedv', 'Bedrijfsvestigingen totaal', 'BedrijfsvestigingenTotaal', 'M000200_2'),
  business('a_bed_a', 'Bedrijfsvestigingen landbouw, bosbouw en visserij', 'ALandbouwBosbouwEnVisserij', '301000'),
  business('a_bed_bf', 'Bedrijfsvestigingen nijverheid en energie', 'BFNijverheidEnEnergie', '300003'),
  business('a_bed_gi', 'Bedrijfsvestigingen handel en horeca', 'GIHandelEnHoreca', '300005'),
  business('a_bed_hj', 'Bedrijfsvestigingen vervoer, informatie en communicatie', 'HJVervoerInformatieEnCommunicatie', '383105'),
  business('a_bed_kl', 'Bedrijfsvestigingen financiële diensten, onroerend goed', 'KLFinancieleDienstenOnroerendGoed', '300009'),
  business('a_bed_mn', 'Bedrijfsvestigingen zakelijke dienstverlening', 'MNZakelijkeDienstverlening', '300010'),
  business('a_bed_oq', 'Bedrijfsvestigingen overheid, onderwijs en zorg', 'OQOverheidOnderwijsEnZorg', '300012'),
  business('a_bed_ru', 'Bedrijfsvestigingen cultuur, recreatie, overige diensten', 'RUCultuurRecreatieOverigeDiensten', '300014'),
  distance('g_afs_hp', 'Afstand tot huisartsenpraktijk', 'AfstandTotHuisartsenpraktijk', 'D000028',
    'gezondheid en welzijn/huisartsenpraktijk/afstand tot huisartsenpraktijk'),
  distance('g_afs_gs', 'Afstand tot grote supermarkt', 'AfstandTotGroteSupermarkt', 'D000025',
    'detailhandel/winkels dagelijkse boodschappen/afstand tot grote supermarkt'),
  distance('g_afs_kv', 'Afstand tot kinderdagverblijf', 'AfstandTotKinderdagverblijf', 'D000029',
    'kinderopvang/kinderdagverblijf/afstand tot kinderdagverblijf'),
  distance('g_afs_sc', 'Afstand tot school (basisonderwijs)', 'AfstandTotSchool', 'D000045',
    'onderwijs/basisonderwijs/afstand tot school'),
  {
    key: 'g_3km_sc',
    title: 'Basisscholen binnen 3 km',
    unit: 'aantal',
    domain: 'amenities',
    direction: 'higher_is_better',
    kind: 'average',
    base: defineBase('a_inw', true, 'CBS: gemiddeld aantal scholen binnen 3 km voor alle inwoners (a_inw).'),
    v3: ['ScholenBinnen3Km'],
    v4: ['D000263'],
    statline: ['onderwijs/basisonderwijs/aantal scholen/binnen 3 km'],
  },
  defineCount('geregistreerde_misdrijven', 'Geregistreerde misdrijven', 'safety', {
    definition: 'Door de politie geregistreerde misdrijven in het verslagjaar (CBS-tabel 47018NED).',
    v3: ['GeregistreerdeMisdrijven'],
    source: { tableId: '47018NED', key: 'GeregistreerdeMisdrijven_1' },
  }),
  {
    key: 'd_misdr',
    title: 'Geregistreerde misdrijven per 1 000 inwoners',
    unit: 'per 1 000 inwoners',
    domain: 'safety',
    direction: 'higher_is_worse',
    kind: 'percentage',
    definition:
      'Afgeleid door Wijkkompas: geregistreerde misdrijven (47018NED) gedeeld door het aantal inwoners (a_inw), maal 1 000. ' +
      'In buurten met weinig inwoners en veel bezoekers (centra, bedrijventerreinen) valt dit cijfer hoog uit.',
    base: INHABITANTS_BASE,
    derivation: { numerator: 'geregistreerde_misdrijven', denominator: ['a_inw'], scale: 1000 },
  },
];
