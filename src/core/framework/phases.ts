/**
 * The assessment framework (afwegingskader), transcribed from the seed's chapter 4
 * (seed/000_28cc413844fe9fee.txt, from line 1440): 4 phases, 22 steps, 92 discussion points.
 *
 * Transcription rules:
 * - Texts keep the seed's wording and spelling, typos included ("Is in de wijk is sprake",
 *   "Het In het lokaal contract", "uitgangspunten. ambities"); only line-end hyphenation is repaired
 *   ("voorge-\nschiedenis" -> "voorgeschiedenis") and whitespace collapsed. Hyphens inside a line stay.
 * - Bullets that wrap across a page break ("(bewoners)initiatieven \n\nactief zijn") are joined.
 * - The reference column uses an older chapter numbering (seed lines 1521–1523: "uitgangspunten (zie
 *   hoofdstuk 3) en succesfactoren (zie hoofdstuk 4)"): "3.n" is principle n (section 2.n as printed),
 *   "4.n" is success factor n (section 3.n as printed). "Besluitvorming: go/no go" has no reference.
 * - Phase 4's introduction: the PDF extraction put the second column of that page ("Zo kunnen
 *   samenwerkende partijen ...", seed lines 1991–2007) before the heading "4. Uitvoeren" (line 2009);
 *   it is joined after the opening paragraph, where it belongs.
 * - Sub-steps are the labels of each phase's figure (figure 4.2 and the phase figures), spelling kept
 *   ("Monitoringen en actieonderzoek").
 */
import type { Phase } from './types.ts';

/** Phase 1, seed chapter 4 section "1. Oriënteren en verkennen" (seed lines 1555-1605). */
export const PHASE_ORIENTEREN: Phase = {
  id: 'orienteren',
  number: 1,
  title: 'Oriënteren en verkennen',
  introduction: [
    'Een gebiedsgerichte aanpak start met het verkennen van de opgaven die zich manifesteren op wijkniveau. Een wijkaanpak start nooit als tabula rasa: in veel wijken werken dag in dag uit sociale professionals en er is altijd een voorgeschiedenis van beleid en soms van niet nagekomen beloftes. De eerste stap is zicht krijgen op de actualiteit. Wat is er precies aan de hand? Welke status quo moet worden doorbroken? Leeft er in de betreffende wijk een breed ervaren gevoel van urgentie? Herkennen alle partijen – ook de bewoners – de probleemdefinitie? Onderschrijven ze dat de noodzaak om aan de slag te gaan hier groter is dan elders? De gemeente is aan zet om in kaart te brengen wat er speelt in haar wijken en wat er leeft onder partners in de stad, onder bewoners en professionals in de wijken. Welke beleidsopgaven spelen in het gebied? Soms is het wenselijk dat een onafhankelijke partij ondersteuning levert bij het stellen van deze eerste diagnose, zoals in Rotterdam-Zuid gebeurde met de commissie Deetman/Mans.',
    'Wanneer opgaven, stakeholders en ideeën en oplossingsrichtingen in beeld zijn gebracht, dient zich een keuzemoment aan (zie figuur 4.2). Afgewogen moet worden de stapeling van problematieken dermate ernstig en complex is, dat een integrale gebiedsgerichte aanpak wenselijk, haalbaar en gerechtvaardigd is. Past een dergelijke aanpak bij de aard, ernst en omvang van de geconstateerde opgaven? Is de gemeente, samen met haar partners, in staat om een dergelijke aanpak waar te maken? Zijn de randvoorwaarden aanwezig om langjarig en integraal gebiedsgericht te werken aan een structurele verbetering van de leefbaarheid en veiligheid? In dat geval kan worden overgegaan naar de initiatieffase. Zo niet, dan moet bepaald worden welke maatregelen nodig zijn om de wijk voor afglijden te behoeden. Bijvoorbeeld door een lichtere gebiedsgerichte aanpak op te tuigen (gericht op preventie), waarbij elementen uit de initiatief- en ontwerpfase kunnen worden benut. Maar er kan ook gedacht ook worden aan versterking van het wijkgericht werken, aan een intensivering van sectoraal beleid of aan het investeren in community building.',
  ].join('\n\n'),
  subSteps: [
    'Urgentie afwegen',
    'Grip krijgen op de opgaven',
    'Luisteren naar bewoners',
    'Stakeholders in beeld',
  ],
  steps: [
    {
      id: '1.1',
      number: 1,
      title: 'Urgentie',
      // Seed line 1608; reference column: (-> 4.1)
      principleIds: [],
      successFactorIds: ['success-factor-1'],
      consideration:
        'Als de leefbaarheid en veiligheid in een gebied in het geding is, neemt de gemeente het voortouw. Een gevoel van urgentie over de opstapeling van opgaven in een buurt, wijk of stadsdeel vormt vaak de aanleiding voor een gebiedsgerichte aanpak. Urgentie kan ook een preventief karakter hebben, voorsorterend op het voorkomen van toekomstig verval.',
      discussionPoints: [
        {
          id: '1.1.1',
          text: 'Is in de wijk is sprake van concentraties of opstapeling van problemen (bv. armoede, werkloosheid, achter-de-voordeur-problematiek, schooluitval, overlast, criminaliteit, ondermijning, maatschappelijke onrust etc.)?',
        },
        {
          id: '1.1.2',
          text: 'Is in de wijk is sprake van een opstapeling van beleidsopgaven (bv. nieuwbouw of verdichting, herstructurering, aardgasvrij, klimaatadaptatie, etc.)',
        },
        {
          id: '1.1.3',
          text: 'Geven bewoners aan dat het samenleven in de wijk problematisch is? Voelen ze zich onveilig? Zijn er signalen dat de beginselen van de rechtsstaat onder druk staan?',
        },
        {
          id: '1.1.4',
          text: 'Voor wijken waar (nog) geen sprake is van urgente problemen: zijn er signalen of indicatoren die wijzen op mogelijke stagnatie of toekomstige achteruitgang?',
        },
      ],
    },
    {
      id: '1.2',
      number: 2,
      title: 'Grip op de opgaven',
      // Seed line 1630; reference column: (-> 4.1)
      principleIds: [],
      successFactorIds: ['success-factor-1'],
      consideration:
        'Om de stap te zetten van urgentie naar een wijkgerichte aanpak, is onderbouwing nodig: een wijkanalyse. Een gedeelde feitenbasis helpt bij het aanjagen van samenwerking, bij de vormgeving en de legitimering van de aanpak. Lokale kennis van bewoners en professionals is hierbij van grote waarde (insiders view). Heb ook oog voor de beleidsgeschiedenis van de wijk: welke initiatieven en programma’s zijn eerder uitgevoerd, met welke lessen, resultaten en obstakels?',
      discussionPoints: [
        {
          id: '1.2.1',
          text: 'Is er op basis van landelijke en/of gemeentelijke statistische gegevens inzicht in de ontwikkeling van de wijk – zowel historisch als ten opzichte van andere wijken? Welke deelgebieden zijn te onderscheiden en welke patronen tekenen zich af?',
        },
        {
          id: '1.2.2',
          text: 'Vindt er met professionals in de wijk ‘warme’ duiding of interpretatie plaats van deze gegevens (bv wijkmanager, politie, sociaal wijkteam, jongerenwerk, corporaties etc.)?',
        },
        {
          id: '1.2.3',
          text: 'Is bij het formuleren van de probleemdefinitie gebruik gemaakt van ervaringskennis en dromen, wensen en ideeën van bewoners?',
        },
        {
          id: '1.2.4',
          text: 'Is in beeld gebracht welke vormen van gebiedsgericht beleid en maatregelen de afgelopen 10 tot 15 jaar in de wijk zijn uitgevoerd? Wat heeft dit opgeleverd?',
        },
        {
          id: '1.2.5',
          text: 'Is er overzicht over lopend reguliere en sectoraal beleid dat in de betreffende wijk landt?',
        },
      ],
    },
    {
      id: '1.3',
      number: 3,
      title: 'Luisteren naar bewoners',
      // Seed line 1657; reference column: (-> 4.6)
      principleIds: [],
      successFactorIds: ['success-factor-6'],
      consideration:
        'Het ophalen van ideeën en het benutten van de ervaringskennis uit de leefwereld van bewoners helpt om tot een passende en breed gedragen gebiedsaanpak te komen.',
      discussionPoints: [
        {
          id: '1.3.1',
          text: 'Is er op open en laagdrempelige wijze contact gelegd met bewoners om ideeën, wensen en dromen over hun leefomgeving op te halen?',
        },
        {
          id: '1.3.2',
          text: 'Is bij het formuleren van de probleemdefinitie gebruik gemaakt van de ervaringskennis en deskundigheid van bewoners?',
        },
      ],
    },
    {
      id: '1.4',
      number: 4,
      title: 'Stakeholders en belangen in beeld',
      // Seed line 1671; reference column: (-> 4.1)
      principleIds: [],
      successFactorIds: ['success-factor-1'],
      consideration:
        'Voor een succesvolle gebiedsgerichte aanpak is het belangrijk dat de urgentie breed gevoeld en (h)erkend wordt. Welke formele en informele partijen en netwerken zijn actief in of rond de betreffende wijk? Hoe kan worden voortgebouwd op bestaande (verticale) verbanden in de wijk en aangesloten bij de organisatiekracht van bewoners?',
      discussionPoints: [
        {
          id: '1.4.1',
          text: 'Is er een inventarisatie gemaakt van welke maatschappelijke organisaties, dienstverleners en ondernemers actief zijn of belangen vertegenwoordigen in de wijk?',
        },
        { id: '1.4.2', text: 'Hoe wordt samenwerking tussen partijen in de wijk ervaren en gestimuleerd?' },
        {
          id: '1.4.3',
          text: 'Is in beeld gebracht welke (culturele, religieuze of sportieve) verenigingen en informele (bewoners)initiatieven actief zijn in de wijk?',
        },
        {
          id: '1.4.4',
          text: 'Is er overzicht over de lopende vormen en kanalen van bewoners-, huurders- en clientparticipatie in de wijk?',
        },
        {
          id: '1.4.5',
          text: 'Heeft de gemeente zicht op en kennis van de beeldvorming over de wijk in relevante online en offline media en communicatiekanalen?',
        },
      ],
    },
    {
      id: '1.5',
      number: 5,
      title: 'Besluitvorming: go/no go',
      // Seed line 1694; reference column: (none)
      principleIds: [],
      successFactorIds: [],
      consideration:
        'Bepaal op basis van de geconstateerde urgentie en inventarisatie van opgaven of een integrale, langjarige gebiedsaanpak noodzakelijk is in deze wijk. Wellicht volstaan vormen van (geïntensiveerd) sectoraal beleid, of is een versterking van het wijkgericht werken wenselijk.',
      discussionPoints: [
        {
          id: '1.5.1',
          text: 'Wordt een gevoel van urgentie breed herkend en erkend, dat wil zeggen door alle relevante beleidssectoren, door externe stedelijke partners en door bewoners?',
        },
        {
          id: '1.5.2',
          text: 'Is een integrale gebiedsgerichte aanpak nodig of vragen de opgaven in dit gebied om andersoortige beleidsinzet?',
        },
        {
          id: '1.5.3',
          text: 'Zijn de randvoorwaarden aanwezig om een langjarig en integrale wijkgerichte aanpak te kunnen uitvoeren?',
        },
        { id: '1.5.4', text: 'Indien nee: welke inzet is nodig is om deze wijk voor afglijden te behoeden?' },
        { id: '1.5.5', text: 'Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?' },
      ],
    },
  ],
};

/** Phase 2, seed chapter 4 section "2. Initiëren" (seed lines 1714-1745). */
export const PHASE_INITIEREN: Phase = {
  id: 'initieren',
  number: 2,
  title: 'Initiëren',
  introduction: [
    'Als in de oriëntatiefase groen licht is gegeven voor een domeinoverstijgende wijkaanpak, kan het fundament worden gelegd voor een slagvaardig en langjarig programma. Mogelijk kan de burgemeester (als change agent) hierbij een aanjagende rol vervullen. Want het is nu zaak om ‘alle neuzen in dezelfde richting’ te krijgen, om concrete ambities te formuleren en om ervoor te zorgen dat die ambities ook kunnen worden gerealiseerd.',
    'Dit vraagt om een vertaalslag van de analyse uit de oriëntatiefase naar een breed gedragen zienswijze op de belangrijkste doelen en interventies voor de mensen in het gebied. En het vraagt om het formeren van een lokale coalitie, op strategisch én op bestuurlijk niveau. Zodat afspraken kunnen worden gemaakt over besluitvorming, over het langjarige commitment van betrokken partijen en hun inzet voor de geformuleerde doelen. Gezamenlijk dient te worden bepaald welke benaderingswijze past bij de geconstateerde opstapeling van opgaven en bij de cultuur, structuur en (samen)werkwijze van de betrokken partners. In welke mate is een kanteling van reguliere werkwijzen nodig en hoe gaan we die realiseren? Specifiek is aandacht nodig voor het borgen van verticale afstemming: tussen overheidslagen, binnen organisaties en tussen instituties en burgers. De collectieve intentie om met de wijkaanpak te starten kan worden vastgelegd in een lokaal contract, convenant of pact met afspraken over het organiseren van de randvoorwaarden (inzet, financiering, instrumentarium, etc.).',
  ].join('\n\n'),
  subSteps: [
    'Coalitie en bestuurlijke alliantie',
    'Van analyse naar visie',
    'Lokaal contract opstellen',
    'Instrumenten en financiering',
  ],
  steps: [
    {
      id: '2.1',
      number: 1,
      title: 'Lokale coalitie',
      // Seed line 1748; reference column: (-> 4.2)
      principleIds: [],
      successFactorIds: ['success-factor-2'],
      consideration:
        'Hoewel het initiatief voor een gebiedsgerichte aanpak meestal van de gemeente komt, is samenwerking in een organisatienetwerk met stedelijke partners (onderwijs, wonen, zorg, politie en justitie, etc.) essentieel. Welke partijen zijn onmisbaar voor de beoogde aanpak (geen coalition of the willing maar een coalition of the necessary)?',
      discussionPoints: [
        {
          id: '2.1.1',
          text: 'Heeft de gemeente periodiek overleg op beleidsniveau met stedelijke partners (politie, onderwijs, corporaties, zorg, etc.) over ontwikkelingen in en plannen voor de wijk?',
        },
        {
          id: '2.1.2',
          text: 'Vindt er periodiek bestuurlijk overleg plaats tussen de gemeente en stedelijke partners over inzet en activiteiten in de wijk? In welke vorm en met welke frequentie?',
        },
        {
          id: '2.1.3',
          text: 'Is er een lokale coalitie geformeerd? Welke partijen maken daarvan deel uit? Welke niet?',
        },
        {
          id: '2.1.4',
          text: 'Is de lokale coalitie dynamisch van opzet; dat wil zeggen dat partijen tussentijds kunnen uitstromen en nieuwe partijen kunnen toetreden?',
        },
        {
          id: '2.1.5',
          text: 'Is voor het formeren van de coalitie ook contact gelegd met andere overheidslagen en relevante adviseurs, regionale en/of landelijke branche- of kennisorganisaties?',
        },
      ],
    },
    {
      id: '2.2',
      number: 2,
      title: 'Visie op de toekomst van de wijk',
      // Seed line 1771; reference column: (->3.3, 4.3)
      principleIds: ['principle-3'],
      successFactorIds: ['success-factor-3'],
      consideration:
        'Een gedeelde en breed gedragen zienswijze op de toekomst van het gebied helpt om van wal te komen en zorgt gedurende de uitvoering voor het vasthouden van de focus op lange termijn. Van het opsporen van gemeenschappelijke ambities, belangen en verbindingskansen moet vroegtijdig werk worden gemaakt, zodat opgaven, doelen en interventies in gezamenlijkheid kunnen worden vastgesteld.',
      discussionPoints: [
        {
          id: '2.2.1',
          text: 'Heeft de lokale coalitie een visie op de ontwikkeling van de wijk opgesteld met concrete doelen?',
        },
        {
          id: '2.2.2',
          text: 'Zijn bewoners betrokken bij de vertaalslag van analyse naar visie? Zijn visie, doelen en ambities in samenspraak met bewoners(organisaties) opgesteld?',
        },
        {
          id: '2.2.3',
          text: 'Is er een benaderingswijze gekozen, voortvloeiend uit de geconstateerde opstapeling van opgaven en de cultuur, structuur en (samen)werkwijze van de partners?',
        },
        {
          id: '2.2.4',
          text: 'In welke mate vergt de voorgestelde aanpak een kanteling van reguliere werkwijzen?',
        },
        {
          id: '2.2.5',
          text: 'Zijn de visie, doelen en ambities integraal en domeinoverstijgend geformuleerd?',
        },
        {
          id: '2.2.6',
          text: 'Zijn de visie, doelen en ambities gericht op de lange termijn (minimaal tien jaar)?',
        },
        {
          id: '2.2.7',
          text: 'Zijn de visie, doelen en ambities in samenspraak met stedelijke partners opgesteld?',
        },
        {
          id: '2.2.8',
          text: 'Is bij het opstellen van de visie, doelen en ambities rekening gehouden met processen en beleidskeuzes op hogere schaalniveaus (stadsdeel, gemeente, regio)?',
        },
      ],
    },
    {
      id: '2.3',
      number: 3,
      title: 'Lokaal contract',
      // Seed line 1798; reference column: (-> 4.2)
      principleIds: [],
      successFactorIds: ['success-factor-2'],
      consideration:
        'Deelname aan de coalitie is niet vrijblijvend: samenwerking moet door alle partijen omarmd en gesteund worden. In een lokaal contract kunnen uitgangspunten en randvoorwaarden worden vastgelegd.',
      discussionPoints: [
        {
          id: '2.3.1',
          text: 'Zijn afspraken over samenwerking, inzet en betrokkenheid van stedelijke partners vastgelegd in een lokaal contract of intentieverklaring, convenant of pact voor de wijk?',
        },
        {
          id: '2.3.2',
          text: 'Zijn in het lokaal contract uitgangspunten. ambities of prioriteiten vastgelegd voor de langjarige wijkaanpak?',
        },
        {
          id: '2.3.3',
          text: 'Is het lokaal contract geformaliseerd door de betrokken bestuurders te laten ondertekenen?',
        },
      ],
    },
    {
      id: '2.4',
      number: 4,
      title: 'Instrumenten en financiering',
      // Seed line 1811; reference column: (-> 3.6, 4.4)
      principleIds: ['principle-6'],
      successFactorIds: ['success-factor-4'],
      consideration:
        'Om de visie te kunnen realiseren zijn inzet, middelen en instrumenten nodig. Het In het lokaal contract kunnen intenties over financiering van de inzet worden vastgelegd (uit zowel reguliere als additionele middelen).',
      discussionPoints: [
        {
          id: '2.4.1',
          text: 'Bevat het lokaal contract afspraken over financiering van de benodigde inzet, maatregelen en interventies, of een strategie om de benodigde middelen te verkrijgen?',
        },
        {
          id: '2.4.2',
          text: 'Is er een (globale) doorrekening gemaakt van benodigde middelen en de verhouding tussen kosten en maatschappelijke opbrengsten (bijvoorbeeld via een impactanalyse of MKBA)?',
        },
        {
          id: '2.4.3',
          text: 'Is er nagedacht over instrumentarium, regelgeving en andere relevante kaders die nodig zijn om toe te kunnen werken naar de gestelde doelen?',
        },
      ],
    },
  ],
};

/** Phase 3, seed chapter 4 section "3. Ontwerpen" (seed lines 1827-1859). */
export const PHASE_ONTWERPEN: Phase = {
  id: 'ontwerpen',
  number: 3,
  title: 'Ontwerpen',
  introduction: [
    'Met de voorgaande bouwstenen – waarin betrokken partijen op een lijn zijn gebracht, een bestuurlijke alliantie is gesmeed en er gemeenschappelijke ambities zijn vastgesteld – is invulling gegeven aan de belangrijkste randvoorwaarden voor een slagvaardige langjarige aanpak. Hierna volgt de ontwerpfase. Deze omvat niet alleen het opstellen van een uitvoeringsprogramma, zodat partijen uit de startblokken kunnen komen, maar ook het ontwikkelen van een passende organisatie-, participatie- en monitoringstructuur.',
    'Het is aan te bevelen om met relatief kortlopende uitvoeringsprogramma’s te werken (met een looptijd van drie tot vier jaar). Enerzijds omdat dan optimaal kan worden aangesloten bij wat nodig is in het gebied, anderzijds omdat de financiële dekking dan gefaseerd kan worden georganiseerd. Zorg voor precisie in het programma: besef dat niet alle maatregelen tegelijk kunnen worden ingezet, maar denk na over opbouw in de tijd. Expliciteer bij elke maatregel hoe deze bijdraagt aan de geformuleerde ambities. Organiseer ook operationele kracht voor de uitvoering; sluit waar mogelijk aan bij reguliere activiteiten van partijen en bepaal op welke projecten of terreinen aanvullende samenwerking en/of intensivering nodig is om de gestelde doelen te realiseren. Heb daarbij ook oog voor de benodigde competenties van uitvoerende partijen. Ontwikkel een systematiek voor monitoring en verantwoording die helpt om ‘het oog op de bal’ te houden, met aandacht voor de ‘warme’ duiding van scores en prestatie-indicatoren.',
  ].join('\n\n'),
  subSteps: [
    'Uitvoeringsprogramma',
    'Organisatiestructuur inrichten',
    'Participatiestructuur opzetten',
    'Teams samenstellen',
    'Monitoringstructuur',
  ],
  steps: [
    {
      id: '3.1',
      number: 1,
      title: 'Opstellen uitvoeringsprogramma',
      // Seed line 1861; reference column: (->3.3, 4.4)
      principleIds: ['principle-3'],
      successFactorIds: ['success-factor-4'],
      consideration:
        'Hoe draagt de inzet bij aan de gestelde doelen? Het is belangrijk om heel precies te bepalen hoe maatregelen en interventies de beoogde effecten kunnen opleveren. Het is aan te bevelen om te werken met relatief kortlopende uitvoeringsprogramma’s (drie tot vier jaar), waarbij bijsturen continu mogelijk is.',
      discussionPoints: [
        { id: '3.1.1', text: 'Is er op basis van de visie een uitvoeringsprogramma opgesteld voor de wijk?' },
        {
          id: '3.1.2',
          text: 'Is bij het ontwikkelen van maatregelen en interventies gebruik gemaakt van bestaande (wetenschappelijke) kennis over wat werkt in de wijkaanpak?',
        },
        {
          id: '3.1.3',
          text: 'Is in kaart gebracht in hoeverre de uitvoering kan worden ingebed in reguliere activiteiten van partijen en waar aanvullende samenwerking of intensivering nodig is?',
        },
        {
          id: '3.1.4',
          text: 'Is per maatregel of plan expliciet benoemd op welke wijze deze bijdraagt aan de lange-termijndoelen die voor de wijk zijn geformuleerd?',
        },
        {
          id: '3.1.5',
          text: 'Zijn uitvoeringsplannen afgestemd tussen beleidsdomeinen en partijen om samenhang en efficiëntie te vergroten en overlast voor bewoners te beperken?',
        },
      ],
    },
    {
      id: '3.2',
      number: 2,
      title: 'Lange adem',
      // Seed line 1885; reference column: (-> 4.5)
      principleIds: [],
      successFactorIds: ['success-factor-5'],
      consideration:
        'Investeringen in leefbaarheid en veiligheid hebben een lange incubatietijd. Alleen met een langdurige inzet –minimaal tien jaar – zullen bewoners effecten ervaren. Daarom moet het commitment van alle partijen op lange termijn worden bewaakt en geborgd.',
      discussionPoints: [
        {
          id: '3.2.1',
          text: 'Zijn concrete doelen en ambities voor de komende tien tot twintig jaar geformuleerd?',
        },
        {
          id: '3.2.2',
          text: 'Zijn middelen en menskracht beschikbaar voor een langjarige uitvoering van de plannen en interventies? Of kan hier in stappen naartoe worden gewerkt?',
        },
        {
          id: '3.2.3',
          text: 'Op welke wijze is op lange termijn inzet en commitment van stedelijke partners geborgd?',
        },
        {
          id: '3.2.4',
          text: 'Is continuïteit van de gebiedsgerichte aanpak ook na de huidige collegeperiode geborgd?',
        },
        {
          id: '3.2.5',
          text: 'Hoe is verticale afstemming tussen bestuurs- en overheidslagen georganiseerd?',
        },
      ],
    },
    {
      id: '3.3',
      number: 3,
      title: 'Bestuurskracht',
      // Seed line 1901; reference column: (-> 3.4, 4.7)
      principleIds: ['principle-4'],
      successFactorIds: ['success-factor-7'],
      consideration:
        'Op bestuurlijk niveau worden prioriteiten gesteld, knopen doorgehakt en budgetten gealloceerd. Het verankeren van bestuurskracht is cruciaal om de continuïteit van een integrale aanpak te borgen. Lokale boegbeelden, zoals de burgemeester kunnen, dankzij hun positie boven partijen en belangen, als change agent fungeren.',
      discussionPoints: [
        {
          id: '3.3.1',
          text: 'Is binnen het college domein- en portefeuilleoverstijgend bestuurlijk draagvlak voor de gebiedsgerichte aanpak geborgd?',
        },
        { id: '3.3.2', text: 'Hoe is de bestuurlijke betrokkenheid van stedelijke partners verankerd?' },
        { id: '3.3.3', text: 'Is de burgemeester betrokken bij de gebiedsgerichte aanpak? Zo ja, hoe?' },
        {
          id: '3.3.4',
          text: 'Hoe is binnen de betrokken organisaties verticale afstemming georganiseerd, dat wil zeggen tussen bestuur, beleid en uitvoering?',
        },
        {
          id: '3.3.5',
          text: 'Wat wordt er gedaan of georganiseerd om – over alle partijen en belangen heen – langdurig inzet en commitment voor de gebiedsgerichte aanpak af te dwingen?',
        },
      ],
    },
    {
      id: '3.4',
      number: 4,
      title: 'Burgerparticipatie',
      // Seed line 1921; reference column: (-> 4.6)
      principleIds: [],
      successFactorIds: ['success-factor-6'],
      consideration:
        'Het benutten van de ervaringskennis van bewoners is essentieel om tot een effectieve en breed gedragen gebiedsaanpak te komen. Het structureel organiseren en inbedden van burgerparticipatie vraagt om tijd, ruimte, inspanning, vertrouwen en duidelijke kaders vanuit de overheid.',
      discussionPoints: [
        { id: '3.4.1', text: 'Zijn bewoners betrokken bij het ontwikkelen van het uitvoeringsprogramma?' },
        {
          id: '3.4.2',
          text: 'Met welke instrumenten, kanalen en middelen wordt burgerparticipatie gestimuleerd en ingebed in de planvorming en de uitvoering?',
        },
        {
          id: '3.4.3',
          text: 'Wat doen gemeente en stedelijke partners om het vertrouwen van bewoners te (her)winnen?',
        },
        {
          id: '3.4.4',
          text: 'Wordt er ruimte geboden voor eigen initiatief, zeggenschap en eigenaarschap van bewoners?',
        },
      ],
    },
    {
      id: '3.5',
      number: 5,
      title: 'Procesregie',
      // Seed line 1937; reference column: (-> 4.8)
      principleIds: [],
      successFactorIds: ['success-factor-8'],
      consideration:
        'Een onafhankelijke procesleider of een coördinerend programmabureau is een probaat middel om niet vermalen te worden tussen de kortetermijnbelangen van de betrokken partijen.',
      discussionPoints: [
        {
          id: '3.5.1',
          text: 'Is er een onafhankelijke organisatie, partij of persoon aangewezen om alle organisaties die zich gecommitteerd hebben aan de gebiedsgerichte aanpak, aan te spreken op verantwoordelijkheden en gemaakte afspraken?',
        },
        { id: '3.5.2', text: 'Is de procesregie geborgd (voor de gehele looptijd van het programma)?' },
        {
          id: '3.5.3',
          text: 'Is er een communicatiestrategie om ook andere partijen te bereiken en te betrekken?',
        },
      ],
    },
    {
      id: '3.6',
      number: 6,
      title: 'Teams formeren',
      // Seed line 1950; reference column: (->3.4, 4.9)
      principleIds: ['principle-4'],
      successFactorIds: ['success-factor-9'],
      consideration:
        'Beleid, samenwerkingsafspraken en organisatieverbanden bieden geen garanties voor succes, het gaat om de mensen die het werk invullen en uitvoeren. Slagvaardige gebiedsgerichte samenwerking betekent de eigen taak zo goed mogelijk uitvoeren, respect tonen voor elkaars positie en verder kijken dan de eigen sectorale doelen. Continuïteit en persoonlijk commitment zijn van grote waarde.',
      discussionPoints: [
        {
          id: '3.6.1',
          text: 'Beschikken beleidsmakers over voldoende handelings- en experimenteerruimte, zodat ze in de praktijk kunnen uitvinden hoe de gebiedsgerichte werkwijze kan floreren?',
        },
        {
          id: '3.6.2',
          text: 'Krijgen professionals op uitvoerend niveau voldoende discretionaire handelingsruimte om creatief, inventief en zo nodig onconventioneel te werk te gaan?',
        },
        {
          id: '3.6.3',
          text: 'Wordt afstemming en samenwerking gestimuleerd, zowel horizontaal (tussen partijen) als verticaal (tussen bestuur en uitvoering en tussen instituties en bewoners)?',
        },
        {
          id: '3.6.4',
          text: 'Hebben betrokkenen de competenties en de wil om in weerbarstige omstandigheden een verschil te maken?',
        },
        {
          id: '3.6.5',
          text: 'Wat wordt er gedaan om personele continuïteit op sleutelposities – zowel in beleid en uitvoering als ten aanzien van de procesregie – te waarborgen?',
        },
      ],
    },
    {
      id: '3.7',
      number: 7,
      title: 'Monitoring en verantwoording',
      // Seed line 1974; reference column: (-> 4.10)
      principleIds: [],
      successFactorIds: ['success-factor-10'],
      consideration:
        'Het monitoren van de voortgang en het doelbereik helpt om koers te houden. Hierbij kan worden voortgebouwd op de initiële analyse waarmee de opgaven zijn geïdentificeerd (nulmeting). Participatief actieonderzoek helpt om greep te krijgen op voortschrijdend inzicht.',
      discussionPoints: [
        {
          id: '3.7.1',
          text: 'Is er een monitoringstructuur opgezet om de ontwikkeling van de wijk te volgen en inzicht te krijgen voortgang en doelbereik?',
        },
        {
          id: '3.7.2',
          text: 'Wordt voor de monitoring, naast statistische data, gebruik gemaakt van inzichten en ervaringen van betrokkenen, bijvoorbeeld via actieonderzoek?',
        },
        {
          id: '3.7.3',
          text: 'Is er ruimte om de uitkomsten van monitoring te gebruiken om doelen en beoogde resultaten bij te stellen?',
        },
        {
          id: '3.7.4',
          text: 'Kunnen partners op hun inzet worden aangesproken indien de resultaten tegenvallen?',
        },
      ],
    },
  ],
};

/** Phase 4, seed chapter 4 section "4. Uitvoeren" (seed lines 2009-2020, 1991-2007). */
export const PHASE_UITVOEREN: Phase = {
  id: 'uitvoeren',
  number: 4,
  title: 'Uitvoeren',
  introduction: [
    'In de fase van uitvoering gaat het erom tegelijkertijd ‘de goede dingen te doen’ en die dingen ‘goed te doen’. Dit vraagt om coördinatie, afstemming en wendbaarheid. In de voorgaande fasen zijn keuzes gemaakt over de procesorganisatie, de bestuurlijke borging en de procesleiding en afspraken gemaakt over de inzet van partijen. Omdat de praktijk weerbarstig is, er tussentijds incidenten of onverwachte ontwikkelingen kunnen optreden en projecten vertraging kunnen oplopen, is een lerende aanpak nodig. Monitoring en participatief actieonderzoek helpen om koers te houden, zodat voortschrijdend inzicht gaandeweg kan worden ingebed in de uitvoering van projecten en interventies. Zowel op project- en interventie- als programmaniveau zijn monitoringinformatie en reflectie op het doelbereik wenselijk. Zo kunnen samenwerkende partijen elkaar scherp houden en elkaar waar nodig aanspreken op verantwoordelijkheden. Zet daarnaast doorlopend in op communicatie, het stimuleren van initiatief en participatie van bewoners.',
    'Wanneer het eerste uitvoeringsprogramma de afronding nadert, start de cyclus opnieuw. Met actuele kennis en inzichten kan dan worden bepaald: hebben we de juiste opgaven op de radar, zitten de juiste partijen aan tafel, doen we datgene wat nodig is om de gestelde ambities te realiseren? Staan we nog achter het ‘waarom’ zoals dat eerder is vastgesteld? Voldoen de organisatie- en participatiestructuur nog steeds? Het nieuwe uitvoeringsprogramma (voor de komende drie tot vier jaar) biedt ruimte voor aanscherping en verdieping, waarbij ook eventuele blinde vlekken kunnen worden ingevuld. Nadert het programma haar (geplande) afronding, dan is het zaak aandacht te besteden aan evaluatie en nazorg. Welke inzet of maatregelen zijn nodig om – na de looptijd van de wijkaanpak – de leefbaarheid en veiligheid in de wijk op peil te houden? Hoe houden we vinger aan de pols? De stappen en aandachtspunten uit de oriëntatiefase kunnen hier opnieuw van pas komen.',
  ].join('\n\n'),
  subSteps: [
    'Uitvoeren maatregelen',
    'Monitoringen en actieonderzoek',
    'Leren en bijsturen',
    'Herziening programma',
    'Evaluatie en nazorg',
  ],
  steps: [
    {
      id: '4.1',
      number: 1,
      title: 'Uitvoeren maatregelen en interventies',
      // Seed line 2033; reference column: (-> 4.4, 4.10)
      principleIds: [],
      successFactorIds: ['success-factor-4', 'success-factor-10'],
      consideration:
        'Zowel ‘de goede dingen doen’ en die dingen ‘goed doen’ vraagt om coördinatie, afstemming en wendbaarheid. Hoe bewaken we focus, samenhang, betrokkenheid en continuïteit op lange termijn, zonder de organisatiestructuur langjarig in beton te gieten?',
      discussionPoints: [
        {
          id: '4.1.1',
          text: 'Is er structureel aandacht voor afstemming tussen beleidsdomeinen en partijen om samenhang en efficiëntie te vergroten en overlast voor bewoners te beperken?',
        },
        {
          id: '4.1.2',
          text: 'Is er voldoende operationele capaciteit beschikbaar om activiteiten en maatregelen adequaat uit te voeren?',
        },
        {
          id: '4.1.3',
          text: 'Kunnen (deel)projecten en interventies tussentijds starten, stoppen of worden bijgesteld?',
        },
      ],
    },
    {
      id: '4.2',
      number: 2,
      title: 'Wendbare, lerende aanpak',
      // Seed line 2049; reference column: (->3.4, 4.10)
      principleIds: ['principle-4'],
      successFactorIds: ['success-factor-10'],
      consideration:
        'Een slagvaardige aanpak weet gedurende de uitvoering te anticiperen op voortschrijdend inzicht, binnen en buiten de wijk. Integrale samenwerking en het verbinden van partijen en actorperspectieven helpt om ‘het oog op de bal’ te houden.',
      discussionPoints: [
        {
          id: '4.2.1',
          text: 'Is afstemming op bestuurlijk niveau verankerd, zodat kan worden bijgestuurd als monitoringinformatie, inzichten en ervaringen uit de praktijk, nieuwe (politieke) inzichten of ontwikkelingen op andere schaalniveaus daartoe aanleiding geven?',
        },
        {
          id: '4.2.2',
          text: 'Is er horizontale afstemming op beleidsniveau, zodat geanticipeerd kan worden op voortschrijdend inzicht, ervaringen uit de praktijk en ontwikkelingen buiten de wijk?',
        },
        {
          id: '4.2.3',
          text: 'Is de verticale afstemming geborgd, zodat signalen van uitvoerende professionals en partijen kunnen worden opgepikt, ook over grenzen van sectoren en organisaties heen?',
        },
      ],
    },
    {
      id: '4.3',
      number: 3,
      title: 'Participatie en communicatie',
      // Seed line 2069; reference column: (-> 4.6)
      principleIds: [],
      successFactorIds: ['success-factor-6'],
      consideration:
        'Bewonersbetrokkenheid komt het draagvlak en de effectiviteit van gebiedsgericht beleid ten goede. Dit moet doorlopend worden georganiseerd. Het is belangrijk om te blijven communiceren, ook als er weinig nieuws is.',
      discussionPoints: [
        { id: '4.3.1', text: 'Hoe worden bewoners gedurende de uitvoering geïnformeerd?' },
        {
          id: '4.3.2',
          text: 'Met welke instrumenten, kanalen en middelen wordt burgerparticipatie gestimuleerd tijdens de uitvoering?',
        },
        { id: '4.3.3', text: 'Is er tijdens de uitvoering ruimte om in te spelen op eigen initiatief?' },
        { id: '4.3.4', text: 'Hoe wordt zeggenschap en eigenaarschap van bewoners gestimuleerd?' },
      ],
    },
    {
      id: '4.4',
      number: 4,
      title: 'Monitoring',
      // Seed line 2082; reference column: (-> 4.10)
      principleIds: [],
      successFactorIds: ['success-factor-10'],
      consideration:
        'Om inzicht te krijgen in de voortgang van de uitvoering en het doelbereik, is jaarlijkse actualisatie van de monitoringinformatie gewenst, zowel op project- en interventie- als programmaniveau (gebaseerd op zowel harde als zachte informatie).',
      discussionPoints: [
        {
          id: '4.4.1',
          text: 'Worden voortgang en doelbereik zowel op interventie- als programmaniveau gemonitord?',
        },
        {
          id: '4.4.2',
          text: 'Wordt voor de monitoring, naast statistische data, gebruik gemaakt van (procesmatige) inzichten van betrokkenen?',
        },
        {
          id: '4.4.3',
          text: 'Worden doelen, aanpak en beoogde resultaten bijgesteld op basis van monitoringinformatie?',
        },
        { id: '4.4.4', text: 'Worden partners op hun inzet aangesproken indien resultaten tegenvallen?' },
      ],
    },
    {
      id: '4.5',
      number: 5,
      title: 'Vernieuwing uitvoeringsprogramma',
      // Seed line 2097; reference column: (-> 4.4, 4.10)
      principleIds: [],
      successFactorIds: ['success-factor-4', 'success-factor-10'],
      consideration:
        'Als het eerste uitvoeringsprogramma (of de eerste activiteiten) de afronding nadert, start de cyclus opnieuw. Op basis van actuele kennis en inzichten uit monitoring en actieonderzoek kan de koers worden bijgesteld, barrières worden geslecht of aanvullende inzet worden georganiseerd.',
      discussionPoints: [
        {
          id: '4.5.1',
          text: 'Wordt, afgaand op actuele kennis en inzichten, nog steeds gewerkt op aan de juiste opgaven of is er aanvullende inzet nodig op specifieke domeinen of terreinen?',
        },
        {
          id: '4.5.2',
          text: 'Zijn er actuele of onverwachte ontwikkelingen of veranderde omstandigheden waardoor bijsturing of additionele inzet nodig is?',
        },
        {
          id: '4.5.3',
          text: 'Volstaat de huidige lokale coalitie of moeten er, afgaand op actuele kennis en inzichten, andere partijen worden uitgenodigd of gemobiliseerd?',
        },
        {
          id: '4.5.4',
          text: 'Zijn er aanvullende middelen, instrumenten of randvoorwaarden nodig om de doelen en ambities te realiseren die voor de lange termijn gesteld zijn?',
        },
      ],
    },
    {
      id: '4.6',
      number: 6,
      title: 'Evaluatie en nazorg',
      // Seed line 2119; reference column: (-> 3.3, 4.1, 4.10)
      principleIds: ['principle-3'],
      successFactorIds: ['success-factor-1', 'success-factor-10'],
      consideration:
        'Als de aanpak (na 10 of 20 jaar) afronding nadert, kan de wijk niet zomaar worden losgelaten. Evaluaties moeten uitwijzen of de doelen bereikt zijn en welke inzet of activiteiten nodig zijn om de leefbaarheid en veiligheid op peil te houden en terugval te voorkomen.',
      discussionPoints: [
        {
          id: '4.6.1',
          text: 'Is er naast de opgezette monitoringstructuur aandacht voor (proces)evaluaties om lacunes en blinde vlekken te identificeren in de langjarige aanpak?',
        },
        {
          id: '4.6.2',
          text: 'Welke inzet van beleid en/of ondersteuning is nodig om de geoogste successen vast te houden en toekomstig verval te voorkomen (binnen de wijk en op stedelijk niveau)?',
        },
        { id: '4.6.3', text: 'Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?' },
      ],
    },
  ],
};
