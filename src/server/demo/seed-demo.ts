/**
 * The demo municipality: gemeente Utrecht (GM0344) with "Wijkaanpak Overvecht" (the buurten of
 * WK034403), partner organisations, demo users of every role, and a second municipality to show
 * that tenants are separated. One seed serves `npm start` and the end-to-end tests. All writes go
 * through the services, so the demo is audited like real use.
 */
import type { Actor } from '../../core/access/actor.ts';
import { findPoint } from '../../core/framework/index.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { insertOrganisation } from '../../db/accounts.repository.ts';
import { createApproachesService } from '../services/approaches.service.ts';
import { createUser } from '../services/auth.service.ts';
import { systemClock, type ServiceContext } from '../services/context.ts';
import { createAnalysisData } from '../services/analysis-data.ts';
import { createAnalysisInterpretationsService } from '../services/analysis-interpretations.service.ts';
import { createFrameworkWalkService } from '../services/framework-walk.service.ts';
import { seedDemoAnalysis } from './seed-analysis.ts';

export const DEMO_PASSWORD = 'wijkkompas-demo';

export const OVERVECHT_BUURTEN = [
  'BU03440311',
  'BU03440312',
  'BU03440321',
  'BU03440322',
  'BU03440331',
  'BU03440332',
  'BU03440333',
  'BU03440341',
  'BU03440342',
  'BU03440343',
];

export const DEMO_USERS = {
  admin: {
    email: 'beheer@wijkkompas.example',
    name: 'Platformbeheerder',
    organisationCode: 'GM0344',
    role: 'admin',
  },
  coordinator: {
    email: 'programmamanager@utrecht.example',
    name: 'Sanne de Vries',
    organisationCode: 'GM0344',
    role: 'coordinator',
  },
  viewer: {
    email: 'wethouder@utrecht.example',
    name: 'Karim El Amrani',
    organisationCode: 'GM0344',
    role: 'viewer',
  },
  partner: {
    email: 'wijkconsulent@corporatie.example',
    name: 'Joyce Bakker',
    organisationCode: 'DEMO-CORP',
    role: 'partner',
  },
  police: {
    email: 'wijkagent@politie.example',
    name: 'Erik Jansen',
    organisationCode: 'DEMO-POLITIE',
    role: 'partner',
  },
  otherMunicipality: {
    email: 'programmamanager@amersfoort.example',
    name: 'Lotte Hendriks',
    organisationCode: 'GM0307',
    role: 'coordinator',
  },
} as const;

const PARTNERS = [
  {
    code: 'DEMO-CORP',
    name: 'Woningcorporatie Stadswonen (demo)',
    partnerKind: 'housing_corporation',
    domains: ['housing'],
  },
  {
    code: 'DEMO-POLITIE',
    name: 'Politie basisteam Utrecht-Noord (demo)',
    partnerKind: 'police',
    domains: ['safety'],
  },
  {
    code: 'DEMO-SCHOOL',
    name: 'Stichting Primair Onderwijs Utrecht-Noord (demo)',
    partnerKind: 'school_board',
    domains: ['education'],
  },
  {
    code: 'DEMO-WELZIJN',
    name: 'Welzijnsorganisatie Wijk & Co (demo)',
    partnerKind: 'care_welfare',
    domains: ['care_welfare', 'social'],
  },
];

/**
 * The demo loads only into an empty database: by default on embedded PGlite (so `npm start` shows
 * something), on a real PostgreSQL server only when asked with --demo.
 */
export function shouldSeedDemo(input: {
  kind: 'pglite' | 'postgres';
  isEmpty: boolean;
  wantsDemo: boolean;
}): boolean {
  return input.isEmpty && (input.kind === 'pglite' || input.wantsDemo);
}

export async function isDatabaseEmpty(database: DatabaseHandle): Promise<boolean> {
  const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
  return (rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(
  database: DatabaseHandle,
  options: { log?: (line: string) => void; sharedDataDir?: string } = {},
) {
  const log = options.log ?? (() => {});
  const ctx: ServiceContext = { db: database.db, clock: systemClock };
  const municipalities = [
    { code: 'GM0344', name: 'Gemeente Utrecht' },
    { code: 'GM0307', name: 'Gemeente Amersfoort' },
  ];
  const orgIds = new Map<string, string>();
  for (const m of municipalities) {
    const row = await insertOrganisation(ctx.db, { code: m.code, name: m.name, kind: 'municipality' });
    orgIds.set(m.code, row.id);
  }
  for (const p of PARTNERS) {
    const row = await insertOrganisation(ctx.db, {
      code: p.code,
      name: p.name,
      kind: 'partner',
      municipalityCode: 'GM0344',
      partnerKind: p.partnerKind,
      domains: p.domains,
    });
    orgIds.set(p.code, row.id);
  }
  const actors = new Map<string, Actor>();
  for (const [key, u] of Object.entries(DEMO_USERS)) {
    const { user, organisation } = await createUser(ctx, { ...u, password: DEMO_PASSWORD });
    actors.set(key, {
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      organisationId: organisation.id,
      organisationCode: organisation.code,
      organisationName: organisation.name,
      organisationKind: organisation.kind,
    });
  }
  const coordinator = actors.get('coordinator')!;
  const approaches = createApproachesService(ctx);
  const walk = createFrameworkWalkService(ctx);
  const overvecht = await approaches.create(coordinator, {
    title: 'Wijkaanpak Overvecht',
    description:
      'Integrale, langjarige aanpak van leefbaarheid en veiligheid in Overvecht (wijk 03 van Utrecht), samen met corporaties, politie, scholen, welzijn en bewoners.',
    focusArea: OVERVECHT_BUURTEN,
    focusAreaYear: 2024,
    startDate: '2025-01-06',
  });
  await approaches.addMember(coordinator, overvecht.id, { email: DEMO_USERS.partner.email, role: 'partner' });
  await approaches.addMember(coordinator, overvecht.id, { email: DEMO_USERS.police.email, role: 'partner' });

  const other = actors.get('otherMunicipality')!;
  await approaches.create(other, {
    title: 'Wijkaanpak Kruiskamp',
    description: 'Demo-aanpak van een tweede gemeente: niet zichtbaar voor gebruikers van Utrecht.',
    focusArea: ['WK030702'],
    focusAreaYear: 2024,
    startDate: '2025-03-01',
  });

  const analysis = await seedDemoAnalysis(ctx, {
    log,
    now: () => performance.now(),
    ...(options.sharedDataDir ? { dataDir: options.sharedDataDir } : {}),
  });

  const corp = orgIds.get('DEMO-CORP')!;
  const police = orgIds.get('DEMO-POLITIE')!;
  const welfare = orgIds.get('DEMO-WELZIJN')!;
  const municipality = orgIds.get('GM0344')!;
  const answers: {
    pointId: string;
    status: 'answered' | 'in_discussion' | 'skipped';
    answer?: string;
    skipReason?: string;
    participants: string[];
    evidence?: { kind: 'url' | 'document' | 'figure'; title: string; reference: string }[];
  }[] = [
    {
      pointId: '1.1.1',
      status: 'answered',
      answer:
        'Ja. De CBS-kerncijfers laten in meerdere buurten van Overvecht een opstapeling zien: een hoog aandeel huishoudens met een laag inkomen, veel sociale huur en een hoger aantal geregistreerde misdrijven dan het Utrechtse gemiddelde.',
      participants: [municipality, corp, police],
      evidence: [
        {
          kind: 'url',
          title: 'CBS Kerncijfers wijken en buurten 2024',
          reference: 'https://www.cbs.nl/nl-nl/maatwerk/2024/kerncijfers-wijken-en-buurten-2024',
        },
        ...(analysis.isLoaded
          ? [
              {
                kind: 'figure' as const,
                title: 'Huurwoningen in Overvecht, 2023 (Bron: CBS)',
                reference: 'p_huurw@2023:WK034403',
              },
            ]
          : []),
      ],
    },
    {
      pointId: '1.1.3',
      status: 'answered',
      answer:
        'Bewoners melden in de wijkpeiling vooral zorgen over overlast rond de winkelcentra en over de veiligheid in portiekflats.',
      participants: [municipality, welfare],
    },
    {
      pointId: '1.2.1',
      status: 'in_discussion',
      answer: 'Concept-wijkanalyse ligt klaar; duiding met het sociaal wijkteam staat gepland.',
      participants: [municipality],
    },
    {
      pointId: '1.4.5',
      status: 'skipped',
      skipReason:
        'Het mediabeeld van Overvecht is in 2023 al onderzocht voor de gemeentelijke communicatiestrategie; we gebruiken die uitkomsten.',
      participants: [municipality],
    },
  ];
  for (const a of answers) {
    if (!findPoint(a.pointId)) continue;
    await walk.updatePoint(
      coordinator,
      { approachId: overvecht.id, cycleNumber: 1, pointId: a.pointId },
      {
        version: 0,
        status: a.status,
        answer: a.answer ?? null,
        skipReason: a.skipReason ?? null,
        evidence: a.evidence ?? [],
        participantOrganisationIds: a.participants,
      },
    );
  }
  if (analysis.isLoaded)
    await seedDemoInterpretations(ctx, overvecht.id, {
      partner: actors.get('partner')!,
      police: actors.get('police')!,
    });
  log('Demo geladen: gemeente Utrecht met "Wijkaanpak Overvecht" (buurten van WK034403).');
  return {
    approachId: overvecht.id,
    users: Object.values(DEMO_USERS).map((u) => ({ email: u.email, name: u.name, role: u.role })),
  };
}

/** Warm interpretation of two Overvecht figures, by the corporation and the police (demo texts). */
async function seedDemoInterpretations(
  ctx: ServiceContext,
  approachId: string,
  actors: { partner: Actor; police: Actor },
) {
  const interpretations = createAnalysisInterpretationsService(ctx, createAnalysisData(ctx.db));
  await interpretations.add(actors.partner, approachId, {
    indicatorKey: 'p_huurw',
    year: 2023,
    text: 'Vier op de vijf woningen in Overvecht zijn huurwoningen, vooral corporatieflats uit de jaren zestig. Wij herkennen dat beeld: in de portiekflats wisselen bewoners vaak, wat de sociale samenhang onder druk zet. De renovatie rond de Zamenhofdreef is een kans om ook koopwoningen toe te voegen.',
    notedOn: '2025-02-11',
  });
  await interpretations.add(actors.police, approachId, {
    indicatorKey: 'geregistreerde_misdrijven',
    year: 2024,
    text: 'Een groot deel van de geregistreerde misdrijven speelt rond het winkelcentrum en de stationsomgeving (winkeldiefstal, fietsdiefstal). In de woonbuurten zien wij vooral woonoverlast die niet als misdrijf wordt geregistreerd; de cijfers onderschatten dus wat bewoners ervaren.',
    notedOn: '2025-03-04',
  });
}
