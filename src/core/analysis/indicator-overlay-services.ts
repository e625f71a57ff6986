/**
 * Curated overlay: care, businesses, amenities and safety (KWB themes Zorg, Bedrijfsvestigingen,
 * Nabijheid voorzieningen; registered crime from 47018NED).
 */
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { INHABITANTS_BASE, defineBase, defineCount } from './indicator-overlay-entry.ts';

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

export const SERVICES_OVERLAY: readonly OverlayEntry[] = [
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
  business(
    'a_bed_a',
    'Bedrijfsvestigingen landbouw, bosbouw en visserij',
    'ALandbouwBosbouwEnVisserij',
    '301000',
  ),
  business('a_bed_bf', 'Bedrijfsvestigingen nijverheid en energie', 'BFNijverheidEnEnergie', '300003'),
  business('a_bed_gi', 'Bedrijfsvestigingen handel en horeca', 'GIHandelEnHoreca', '300005'),
  business(
    'a_bed_hj',
    'Bedrijfsvestigingen vervoer, informatie en communicatie',
    'HJVervoerInformatieEnCommunicatie',
    '383105',
  ),
  business(
    'a_bed_kl',
    'Bedrijfsvestigingen financiële diensten, onroerend goed',
    'KLFinancieleDienstenOnroerendGoed',
    '300009',
  ),
  business(
    'a_bed_mn',
    'Bedrijfsvestigingen zakelijke dienstverlening',
    'MNZakelijkeDienstverlening',
    '300010',
  ),
  business(
    'a_bed_oq',
    'Bedrijfsvestigingen overheid, onderwijs en zorg',
    'OQOverheidOnderwijsEnZorg',
    '300012',
  ),
  business(
    'a_bed_ru',
    'Bedrijfsvestigingen cultuur, recreatie, overige diensten',
    'RUCultuurRecreatieOverigeDiensten',
    '300014',
  ),
  distance(
    'g_afs_hp',
    'Afstand tot huisartsenpraktijk',
    'AfstandTotHuisartsenpraktijk',
    'D000028',
    'gezondheid en welzijn/huisartsenpraktijk/afstand tot huisartsenpraktijk',
  ),
  distance(
    'g_afs_gs',
    'Afstand tot grote supermarkt',
    'AfstandTotGroteSupermarkt',
    'D000025',
    'detailhandel/winkels dagelijkse boodschappen/afstand tot grote supermarkt',
  ),
  distance(
    'g_afs_kv',
    'Afstand tot kinderdagverblijf',
    'AfstandTotKinderdagverblijf',
    'D000029',
    'kinderopvang/kinderdagverblijf/afstand tot kinderdagverblijf',
  ),
  distance(
    'g_afs_sc',
    'Afstand tot school (basisonderwijs)',
    'AfstandTotSchool',
    'D000045',
    'onderwijs/basisonderwijs/afstand tot school',
  ),
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
