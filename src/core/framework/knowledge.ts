/**
 * The note's six principles (uitgangspunten, seed chapter 2, figure 2.1) and ten success factors
 * (succesfactoren, seed chapter 3, figure 3.1). Titles are the seed's section headings 2.1–2.6 and
 * 3.1–3.10; the summaries are ours, condensed from those sections.
 */
import type { Principle, SuccessFactor } from './types.ts';

export const PRINCIPLES: Principle[] = [
  {
    id: 'principle-1',
    number: 1,
    title: 'Bewoners toekomst bieden',
    summary:
      'Niet de statistieken van de wijk, maar de effecten van beleid op het leven van bewoners staan voorop. ' +
      'Gebiedsgericht beleid helpt bewoners vooruit met integrale oplossingen voor de problemen die zich in hun ' +
      'woonomgeving opstapelen, vergroot hun kansen en kwaliteit van leven en versterkt het vertrouwen in ' +
      'professionals en instituties. Daarbij wordt ook gekeken naar de kwaliteiten en potenties van bewoners en ' +
      'gewaakt voor stigmatisering.',
  },
  {
    id: 'principle-2',
    number: 2,
    title: 'Versterking van sociale weerbaarheid en emancipatie',
    summary:
      'Nodig is een normatief offensief met twee pijlers: een regulerende strategie die de sociale weerbaarheid ' +
      'versterkt met geloofwaardige handhaving op criminaliteit en overlast, en een sociaaleconomische strategie ' +
      'gericht op emancipatie. Naast ‘sociale herovering’ wordt werk gemaakt van ‘sociale stijging’ (scholing en ' +
      'arbeidsmarktparticipatie) en van een solide ‘sociale basis’. Het beleid start waar problematieken zich ' +
      'opstapelen.',
  },
  {
    id: 'principle-3',
    number: 3,
    title: 'Mens- en gebiedsgericht maatwerk',
    summary:
      'Een gebiedsgerichte aanpak is géén panacee: oorzaken en oplossingen liggen vaak op andere schaalniveaus, ' +
      'en wat ‘het goede’ is, is lokaal maatwerk. De aanpak is een uitgekiende mix van mens- en gebiedsgerichte ' +
      'maatregelen, met balans tussen repressie en preventie en samenhang tussen fysieke en sociale inzet. ' +
      'Wijkverbetering vergt de tijd van een opgroeiende generatie, met small wins om op korte termijn het ' +
      'vertrouwen van bewoners te winnen.',
  },
  {
    id: 'principle-4',
    number: 4,
    title: 'Integrale samenwerking door verticale afstemming',
    summary:
      'Alle betrokken partijen committeren zich voor lange termijn aan een integrale, probleemgerichte werkwijze ' +
      'en ‘kantelen’ hun sectorale inzet naar de opstapeling van problemen in het leven van bewoners. Integraal ' +
      'werken betekent de eigen taak zo goed mogelijk uitvoeren, verder kijken dan de eigen sectorale doelen en ' +
      'elkaar helpen. Naast horizontale afstemming is verticale afstemming nodig: tussen bestuur en uitvoering, ' +
      'met bewoners en tussen nationaal en lokaal niveau.',
  },
  {
    id: 'principle-5',
    number: 5,
    title: 'Nationale betrokkenheid',
    summary:
      'De regie ligt bij de gemeente, maar gemeenten kunnen de opstapeling van problemen niet altijd op eigen ' +
      'kracht aanpakken. Het Rijk kan (mee)sturen op doelen, ambities en werkwijzen die de kansen van burgers ' +
      'vergroten, schotten tussen budgetten doorbreken, zitting nemen in lokale bestuurlijke allianties en een ' +
      'langjarige, lerende aanpak stimuleren. Die betrokkenheid gaat verder dan financiële steun.',
  },
  {
    id: 'principle-6',
    number: 6,
    title: 'Nu investeren in toekomstige baten',
    summary:
      'Gebiedsgericht beleid vraagt om substantiële, langjarige investeringen, waar maatschappelijke baten en ' +
      'voorkomen kosten tegenover staan. Naast aanvullende investeringen is het bundelen en richten van de ' +
      'bestaande geldstromen in het gebied minstens zo belangrijk. Voor zestien stedelijke vernieuwingsgebieden ' +
      'levert een netto publieke investering van €3,8 miljard over 6 jaar circa €5,8 miljard aan netto ' +
      'maatschappelijke baten op (tot 2050): circa 1,5 euro per geïnvesteerde euro.',
  },
];

export const SUCCESS_FACTORS: SuccessFactor[] = [
  {
    id: 'success-factor-1',
    number: 1,
    title: 'Grip op de opgaven',
    summary:
      'Een breed gevoelde urgentie is de aanleiding; de stap naar een wijkaanpak vraagt om onderbouwing met een ' +
      'gedeelde feitenbasis. Statistische gegevens krijgen een warme duiding van bewoners en wijkprofessionals, ' +
      'en de (beleids)geschiedenis van de wijk wordt achterhaald. Ook het lokale krachtenveld van formele en ' +
      'informele partijen wordt in kaart gebracht.',
  },
  {
    id: 'success-factor-2',
    number: 2,
    title: 'De lokale coalitie',
    summary:
      'De gemeente neemt het initiatief, maar de inzet van stedelijke partners (onderwijs, wonen, zorg, politie, ' +
      'justitie) en van bewoners is onmisbaar. Deelname is niet vrijblijvend: in een convenant, pact of lokaal ' +
      'contract tekenen partijen voor daadwerkelijke inzet, met een evaluatie elke drie à vier jaar. De coalitie ' +
      'is nooit af: partijen kunnen tussentijds toetreden of afhaken.',
  },
  {
    id: 'success-factor-3',
    number: 3,
    title: 'Visie op de toekomst van de wijk',
    summary:
      'Een gedeelde, breed gedragen visie helpt om van wal te komen, voorkomt een projectencarrousel en houdt de ' +
      'focus vast tijdens de uitvoering. Ambities, doelen en interventies worden vroegtijdig gezamenlijk ' +
      'vastgesteld. De wijk wordt daarbij niet als eiland benaderd, maar vanuit een meerschalig perspectief.',
  },
  {
    id: 'success-factor-4',
    number: 4,
    title: 'Precisie over de inzet',
    summary:
      'In het verleden is vaak te veel van de wijkaanpak verwacht. Er moet heel precies worden gekeken naar de ' +
      'beoogde effecten van interventies op wijkniveau, met kennis over wat werkt. In het uitvoeringsprogramma ' +
      'wordt voor elke activiteit of interventie expliciet benoemd hoe deze (direct of indirect) bijdraagt aan ' +
      'de gemeenschappelijke doelen.',
  },
  {
    id: 'success-factor-5',
    number: 5,
    title: 'Een lange adem',
    summary:
      'Investeringen in leefbaarheid en veiligheid hebben een lange incubatietijd: pas met een tijdshorizon van ' +
      'minstens tien, liever twintig jaar voelen bewoners de effecten. Verbetering verloopt grillig en is eerst ' +
      'fragiel, dus premature conclusies en een projectencarrousel moeten worden vermeden. Afspraken over ' +
      'langdurige inzet van partners en volharding zijn beslissend.',
  },
  {
    id: 'success-factor-6',
    number: 6,
    title: 'Betrokken bewoners',
    summary:
      'Ideeën en ervaringskennis van bewoners zijn essentieel voor een breed gedragen en effectieve aanpak, bij ' +
      'de probleemdefinitie en de doelen én bij de uitwerking van maatregelen. Denkkracht en tegenmacht worden ' +
      'georganiseerd, ook van groepen die zich niet uit eigen beweging melden. Op programmaniveau kan worden ' +
      'geëxperimenteerd met burgerpanels op basis van loting.',
  },
  {
    id: 'success-factor-7',
    number: 7,
    title: 'Bestuurskracht',
    summary:
      'Op bestuurlijk niveau worden prioriteiten gesteld, knopen doorgehakt en budgetten gealloceerd; nodig zijn ' +
      'collegebrede steun en een extern georganiseerd bestuur, zoals in het NPRZ met één vertegenwoordiger per ' +
      'domein. De burgemeester kan als change agent de aanpak coördineren, depolitiseren en politiek houdbaar ' +
      'maken.',
  },
  {
    id: 'success-factor-8',
    number: 8,
    title: 'Onafhankelijke procesregie',
    summary:
      'Een onafhankelijke procesleider of coördinerend programmabureau voorkomt dat de aanpak wordt vermalen ' +
      'tussen de kortetermijnbelangen van organisaties. De procesleider verbindt en bemiddelt, spreekt partijen ' +
      'aan op gemaakte afspraken en schuwt de confrontatie niet, zodat impasses worden doorbroken.',
  },
  {
    id: 'success-factor-9',
    number: 9,
    title: 'Bevlogen professionals',
    summary:
      'Succes hangt af van de mensen die het werk doen: een overzichtelijk, slagvaardig kernteam met eigen ' +
      'verantwoordelijkheid en strategen die ‘buiten de lijntjes’ durven te kleuren. Organisaties geven hun ' +
      'medewerkers handelings- en experimenteerruimte. In de frontlinie zijn creativiteit, discretionaire ' +
      'ruimte en personele continuïteit essentieel.',
  },
  {
    id: 'success-factor-10',
    number: 10,
    title: 'Een wendbare, lerende aanpak',
    summary:
      'De aanpak houdt focus en continuïteit zonder organisatie en uitvoeringsprogramma in beton te gieten: ' +
      'projecten en interventies kunnen tussentijds starten, stoppen of worden bijgesteld. Monitoring van ' +
      'voortgang en doelbereik, met de initiële analyse als nulmeting, houdt koers en maakt partners ' +
      'aanspreekbaar. Participatief actieonderzoek bedt reflectie structureel in.',
  },
];
