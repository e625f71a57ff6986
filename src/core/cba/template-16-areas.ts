/**
 * Template case "16 stedelijke vernieuwingsgebieden (2021)": the indicative MKBA of the extra
 * investment impulse for the sixteen urban renewal areas of the Programma Leefbaarheid en
 * Veiligheid (Hamming, Blonk & Holt 2021), as summarised in the programme's synthesis of the
 * exploration phase, §2.6 "Nu investeren in toekomstige baten":
 *
 *   "een 'netto' publieke investering nodig van €3,8 miljard over een periode van 6 jaar. Dit
 *   levert een totaal aan gemonetariseerde maatschappelijke netto baten (tot 2050) op van circa
 *   €5,8 miljard. De belangrijkste component daarvan is een verwachte besparing op uitkeringen
 *   (ruim €1,8 miljard). [...] Elke publiek geïnvesteerde euro levert [...] een maatschappelijke
 *   baat op van circa 1,5 euro."
 *
 * Reading (docs/decisions/0102-cba-conventions-and-template.md): €5,8 bn is the present value of
 * the benefits, not benefits minus costs, because 5,8 / 3,8 ≈ 1,53 is the "circa 1,5" per euro;
 * had 5,8 been the balance, the benefits would be 9,6 bn and the ratio 2,5. "Netto" there means
 * net of the zero alternative (additional effects), as for the "netto" investment. So the template
 * has PV costs ≈ €3,8 bn, PV benefits ≈ €5,8 bn, NPV ≈ €2,0 bn and ratio ≈ 1,5.
 *
 * The study's detailed inputs are not public; every split and time path below is an assumption,
 * stated in `assumptions`. Amounts are whole millions of euros (prices of 2021), so the present
 * values land within 1% of the published round figures (checked in template-16-areas.test.ts).
 */
import type { CbaCaseInput } from './case-schema.ts';
import { STANDARD_DISCOUNT_RATE } from './case-schema.ts';

const MILLION = 1_000_000;

export const TEMPLATE_16_AREAS_NAME = '16 stedelijke vernieuwingsgebieden (2021)';

/** The published figures the template reproduces (euros and a ratio). */
export const TEMPLATE_16_AREAS_TARGETS = {
  presentValueCosts: 3.8e9,
  presentValueBenefits: 5.8e9,
  /** "ruim €1,8 miljard": more than this. */
  benefitsSavingsAtLeast: 1.8e9,
  benefitCostRatio: 1.5,
} as const;

/** A fresh copy of the template case, in the file shape (`alternatives`). */
export function createSixteenAreasTemplate(): CbaCaseInput {
  return {
    name: TEMPLATE_16_AREAS_NAME,
    description:
      'Indicatieve MKBA van de extra investeringsimpuls voor de zestien stedelijke vernieuwingsgebieden ' +
      'van het Programma Leefbaarheid en Veiligheid (Hamming, Blonk & Holt 2021), nagebouwd uit de ' +
      'gepubliceerde totalen. Gebruik het als voorbeeld en vervang de aannames door eigen cijfers.',
    priceBaseYear: 2021,
    discountBaseYear: 2022,
    discountRate: STANDARD_DISCOUNT_RATE,
    startYear: 2022,
    endYear: 2050,
    zeroAlternative: {
      name: 'Nulalternatief: geen extra gebiedsgerichte investering',
      description:
        'Bestaand beleid en bestaande geldstromen lopen door. Volgens de onderzoekers verslechtert de ' +
        'achterstandspositie van de gebieden en hun bewoners dan verder.',
    },
    alternatives: [
      {
        id: 'integrale-aanpak',
        name: 'Integrale gebiedsgerichte aanpak 2022–2027',
        description:
          'Extra publieke investering van €3,8 miljard (contante waarde) in zes jaar, met baten tot 2050. ' +
          'Bedragen zijn verschillen ten opzichte van het nulalternatief.',
        items: [
          {
            label: 'Investeringsimpuls Rijk (fysiek en sociaal programma)',
            type: 'cost',
            category: 'investment',
            party: 'rijk',
            patterns: [{ kind: 'yearly', startYear: 2022, endYear: 2027, amount: 335 * MILLION }],
          },
          {
            label: 'Investeringsimpuls gemeenten (fysiek en sociaal programma)',
            type: 'cost',
            category: 'investment',
            party: 'gemeente',
            patterns: [{ kind: 'yearly', startYear: 2022, endYear: 2027, amount: 334 * MILLION }],
          },
          {
            label: 'Besparing op uitkeringen: minder uitkeringsgerechtigden, doorstroom naar (betere) banen',
            type: 'benefit',
            category: 'benefits_savings',
            party: 'rijk',
            patterns: [
              { kind: 'growing', startYear: 2024, endYear: 2050, amount: 65 * MILLION, growthRate: 0.03 },
            ],
            note:
              'In een MKBA volgens de Algemene leidraad is een lagere uitkering een overdracht (winst voor de ' +
              'overheid, verlies voor de ontvanger); de welvaartswinst zit in de extra productie en het ' +
              'inkomen van wie gaat werken. De studie rapporteert de besparing; het sjabloon volgt de studie.',
          },
          {
            label: 'Daling van de zorgconsumptie (Zorgverzekeringswet)',
            type: 'benefit',
            category: 'care',
            party: 'zorgverzekeraar',
            patterns: [{ kind: 'yearly', startYear: 2025, endYear: 2050, amount: 54 * MILLION }],
          },
          {
            label: 'Meer zelfredzaamheid van kwetsbare huishoudens: minder Wmo, jeugdhulp en schuldhulp',
            type: 'benefit',
            category: 'care',
            party: 'gemeente',
            patterns: [{ kind: 'yearly', startYear: 2024, endYear: 2050, amount: 31 * MILLION }],
          },
          {
            label: 'Betere veiligheidssituatie: minder kosten van politie, justitie en schade',
            type: 'benefit',
            category: 'safety_crime',
            party: 'rijk',
            patterns: [{ kind: 'yearly', startYear: 2024, endYear: 2050, amount: 46 * MILLION }],
          },
          {
            label: 'Beter opgeleide en kansrijkere leerlingen: hogere verdiensten later',
            type: 'benefit',
            category: 'education',
            party: 'bewoners',
            patterns: [{ kind: 'yearly', startYear: 2030, endYear: 2050, amount: 53 * MILLION }],
          },
          {
            label: 'Verbeterde woningvoorraad en woonkwaliteit (waardestijging)',
            type: 'benefit',
            category: 'property_value',
            party: 'corporatie',
            patterns: [{ kind: 'yearly', startYear: 2026, endYear: 2050, amount: 39 * MILLION }],
            note:
              'Waardestijging als maat voor betere woonkwaliteit; leefbaarheid daarom niet nog eens apart ' +
              'tellen (dubbeltelling).',
          },
        ],
        effects: [
          {
            label: 'Minder tweedeling en kansenongelijkheid in de samenleving',
            score: '+',
            note: 'Genoemd door de bron, niet gemonetariseerd.',
          },
        ],
      },
    ],
    assumptions: [
      'De gedetailleerde invoer van de studie (Hamming, Blonk & Holt 2021) is niet openbaar. Dit sjabloon ' +
        'reproduceert alleen de gepubliceerde totalen; elke verdeling en elk tijdpad hieronder is een aanname.',
      '€5,8 miljard is gelezen als de contante waarde van de baten, niet als baten min kosten: alleen zo klopt ' +
        '"elke publiek geïnvesteerde euro levert circa 1,5 euro op" (5,8 / 3,8 ≈ 1,53). Als 5,8 miljard het ' +
        'saldo was, zouden de baten 9,6 miljard zijn en de verhouding 2,5.',
      '€3,8 miljard is gelezen als de contante waarde (per 2022, 2,25%) van de publieke investering, zodat ' +
        'kosten en baten op dezelfde basis staan. Lees je het als onverdisconteerde som, dan is de contante ' +
        'waarde ongeveer €3,6 miljard en de verhouding ongeveer 1,6.',
      'Prijspeil 2021 (jaar van de studie); contante waarde per 2022; horizon 2022–2050 ("tot 2050"); reële ' +
        'discontovoet 2,25% (Werkgroep discontovoet 2020, verplicht voor MKBA’s vanaf 2021).',
      'De investering loopt 2022–2027 (zes jaar) in gelijke jaarbedragen en is gelijk verdeeld over Rijk en ' +
        'gemeenten; de bron noemt geen verdeling. "Netto" publieke investering is gelezen als: extra ten ' +
        'opzichte van het nulalternatief en na aftrek van bijdragen van anderen (de bron licht het niet toe).',
      'Besparing op uitkeringen: ruim €1,8 miljard contante waarde (bron), vanaf 2024, groeiend met 3% per jaar ' +
        'naarmate meer inwoners doorstromen naar werk (aanname).',
      'De overige €3,9 miljard baten is verdeeld over de effecten die de bron noemt (zorgconsumptie, ' +
        'zelfredzaamheid, veiligheid, onderwijs, woonkwaliteit); verdeling, partijen en startjaren zijn ' +
        'aannames, gekozen naar de tijd die zulke effecten doorgaans nodig hebben (onderwijs pas vanaf 2030).',
      'Bedragen zijn hele miljoenen euro’s; daardoor wijken de contante waarden minder dan 1% af van de ' +
        'ronde getallen uit de bron.',
    ],
    sources: [
      'Programma Leefbaarheid en Veiligheid, synthese van de verkenningsfase, §2.6 "Nu investeren in ' +
        'toekomstige baten" (met verwijzing naar Hamming, Blonk & Holt 2021).',
      'Algemene MKBA-leidraad (Romijn & Renes, CPB/PBL 2013).',
      'Rapport Werkgroep discontovoet 2020.',
    ],
  };
}
