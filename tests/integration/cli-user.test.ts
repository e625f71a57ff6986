import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { openDatabase } from '../../src/db/client.ts';

function fakeIo(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin };
  return { io, out, err };
}

describe('npx wijkkompas user create', () => {
  const previous = process.env.WIJKKOMPAS_DATA_DIR;
  beforeAll(() => {
    process.env.WIJKKOMPAS_DATA_DIR = mkdtempSync(join(tmpdir(), 'wk-cli-'));
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WIJKKOMPAS_DATA_DIR;
    else process.env.WIJKKOMPAS_DATA_DIR = previous;
  });

  const email = `beheer-${randomBytes(4).toString('hex')}@gemeente.example`;
  const code = `CLI-${randomBytes(3).toString('hex').toUpperCase()}`;

  it('creates an account with an argon2id hash of the password read from standard input', async () => {
    const { io, out, err } = fakeIo('een-lang-geheim-wachtwoord\n');
    const exit = await main(
      [
        'user',
        'create',
        '--email',
        email,
        '--name',
        'Beheerder',
        '--organisation',
        code,
        '--organisation-name',
        'Testorganisatie',
        '--role',
        'admin',
      ],
      io,
    );
    expect(err).toEqual([]);
    expect(exit).toBe(0);
    expect(out.join('\n')).toContain(email);
    const database = process.env.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
      : await openDatabase({ kind: 'pglite', dataDir: process.env.WIJKKOMPAS_DATA_DIR! });
    try {
      const [row] = await database.query<{ role: string; password_hash: string; code: string }>(
        'SELECT u.role, u.password_hash, o.code FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1',
        [email],
      );
      expect(row).toMatchObject({ role: 'admin', code });
      expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
      expect(await verify(row!.password_hash, 'een-lang-geheim-wachtwoord')).toBe(true);
      const audit = await database.query(
        'SELECT 1 FROM audit_events WHERE entity_type = $1 AND after->>$2 = $3',
        ['user', 'email', email],
      );
      expect(audit).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('refuses a duplicate e-mail address with exit code 1 and a clear message', async () => {
    const { io, err } = fakeIo('een-lang-geheim-wachtwoord\n');
    const exit = await main(
      ['user', 'create', '--email', email, '--name', 'Nog een', '--organisation', code, '--role', 'viewer'],
      io,
    );
    expect(exit).toBe(1);
    expect(err.join('\n')).toContain(`Er bestaat al een account met e-mailadres ${email}`);
  });

  it('links a new partner organisation to its municipality, and refuses one without', async () => {
    const suffix = randomBytes(3).toString('hex');
    const gm = `GM9${String(parseInt(suffix, 16) % 1000).padStart(3, '0')}`;
    const partnerCode = `CORP-${suffix.toUpperCase()}`;
    const create = (args: string[]) =>
      main(['user', 'create', ...args], fakeIo('een-lang-geheim-wachtwoord\n').io);
    const coordinator = fakeIo('een-lang-geheim-wachtwoord\n');
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          `coord-${suffix}@gemeente.example`,
          '--name',
          'Coördinator',
          '--organisation',
          gm,
          '--organisation-name',
          `Gemeente ${gm}`,
          '--role',
          'coordinator',
        ],
        coordinator.io,
      ),
    ).toBe(0);
    const unlinked = fakeIo('een-lang-geheim-wachtwoord\n');
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          `los-${suffix}@corp.example`,
          '--name',
          'Los',
          '--organisation',
          `${partnerCode}-LOS`,
          '--organisation-name',
          'Losse corporatie',
          '--role',
          'partner',
        ],
        unlinked.io,
      ),
    ).toBe(1);
    expect(unlinked.err.join('\n')).toContain('--municipality GMnnnn');
    const linked = fakeIo('een-lang-geheim-wachtwoord\n');
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          `partner-${suffix}@corp.example`,
          '--name',
          'Partner',
          '--organisation',
          partnerCode,
          '--organisation-name',
          'Corporatie Test',
          '--municipality',
          gm,
          '--kind',
          'housing_corporation',
          '--role',
          'partner',
        ],
        linked.io,
      ),
    ).toBe(0);
    expect(linked.out.join('\n')).toContain(`partner van ${gm}`);
    expect(
      await create([
        '--email',
        `x-${suffix}@corp.example`,
        '--name',
        'X',
        '--organisation',
        `${partnerCode}-B`,
        '--organisation-name',
        'B',
        '--municipality',
        'GM0000',
        '--role',
        'partner',
      ]),
    ).toBe(1);
    const database = process.env.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
      : await openDatabase({ kind: 'pglite', dataDir: process.env.WIJKKOMPAS_DATA_DIR! });
    try {
      const rows = await database.query<{
        code: string;
        municipality_code: string | null;
        partner_kind: string | null;
      }>('SELECT code, municipality_code, partner_kind FROM organisations WHERE code LIKE $1 ORDER BY code', [
        `${partnerCode}%`,
      ]);
      expect(rows).toEqual([
        { code: partnerCode, municipality_code: gm, partner_kind: 'housing_corporation' },
      ]);
    } finally {
      await database.close();
    }
  });

  it('names the missing options and an unknown role (exit code 2)', async () => {
    const missing = fakeIo('');
    expect(await main(['user', 'create', '--email', 'x@y.example'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('--name, --organisation, --role');
    const role = fakeIo('');
    expect(
      await main(
        [
          'user',
          'create',
          '--email',
          'x@y.example',
          '--name',
          'X',
          '--organisation',
          'GM0344',
          '--role',
          'baas',
        ],
        role.io,
      ),
    ).toBe(2);
    expect(role.err.join('\n')).toContain('--role moet een van admin, coordinator, partner, viewer zijn');
  });
});
