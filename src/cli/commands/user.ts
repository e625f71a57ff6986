/**
 * `npx wijkkompas user create --email E --name N --organisation GM0344 --role admin`
 * The password is read from standard input (never from the command line, where it would end up in
 * the shell history). There is no default production account: this is how the first one is made.
 */
import { PARTNER_KINDS, type PartnerKind } from '../../core/coalition/organisation-kinds.ts';
import { DomainError } from '../../core/errors.ts';
import { ACCOUNT_ROLES } from '../../db/schema/index.ts';
import { openDatabase } from '../../db/client.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../../server/services/auth.service.ts';
import { systemClock } from '../../server/services/context.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIo } from '../io.ts';

export const VERBS = ['create'] as const;

export const USAGE = `Gebruik: npx wijkkompas user create --email E --name N --organisation CODE --role admin|coordinator|partner|viewer [--organisation-name NAAM] [--municipality GMnnnn] [--kind SOORT]
Een nieuwe partnerorganisatie (een code die niet met GM begint) hoort bij een gemeente: geef --municipality GMnnnn
(die gemeente moet al bestaan) en eventueel --kind (${PARTNER_KINDS.join(', ')}).
Het wachtwoord (minstens 12 tekens die geen spatie zijn) wordt van standaardinvoer gelezen, bv.: echo "$WACHTWOORD" | npx wijkkompas user create ...`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'create') {
    io.err(USAGE);
    return 2;
  }
  let values;
  try {
    values = parseCommandArgs(rest, {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      'organisation-name': { type: 'string' },
      municipality: { type: 'string' },
      kind: { type: 'string' },
      role: { type: 'string' },
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const missing = ['email', 'name', 'organisation', 'role'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length > 0) {
    io.err(`Ontbrekende opties: ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  const role = values.role as (typeof ACCOUNT_ROLES)[number];
  if (!ACCOUNT_ROLES.includes(role)) {
    io.err(`--role moet een van ${ACCOUNT_ROLES.join(', ')} zijn, niet "${values.role}".`);
    return 2;
  }
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  const config = loadConfig(process.env);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    const { user, organisation } = await createUser(
      { db: database.db, clock: systemClock },
      {
        email: values.email!,
        name: values.name!,
        password,
        organisationCode: values.organisation!,
        organisationName: values['organisation-name'],
        municipalityCode: values.municipality,
        partnerKind: values.kind as PartnerKind | undefined,
        role,
      },
    );
    const link = organisation.municipalityCode ? `, partner van ${organisation.municipalityCode}` : '';
    io.out(
      `Account aangemaakt: ${user.email} (${user.role}) bij ${organisation.name} [${organisation.code}${link}]`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      const details = error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
      io.err(`Fout: ${error.message}${details ? `\n${details}` : ''}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
