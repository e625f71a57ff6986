import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/server/config.ts';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  OVERVECHT_BUURTEN,
  seedDemo,
  shouldSeedDemo,
} from '../../src/server/demo/seed-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from '../support/database.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, dataDir: './data', databaseUrl: undefined });
  });
  it('stops with a line naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'tachtig' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '99999' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: moet beginnen met postgres/,
    );
  });
});

describe('demo seed', () => {
  it('seeds only an empty database, on PostgreSQL only with --demo', () => {
    expect(shouldSeedDemo({ kind: 'pglite', isEmpty: true, wantsDemo: false })).toBe(true);
    expect(shouldSeedDemo({ kind: 'pglite', isEmpty: false, wantsDemo: true })).toBe(false);
    expect(shouldSeedDemo({ kind: 'postgres', isEmpty: true, wantsDemo: false })).toBe(false);
    expect(shouldSeedDemo({ kind: 'postgres', isEmpty: true, wantsDemo: true })).toBe(true);
  });

  it('loads Utrecht with Wijkkompas Overvecht, every role, answered points and one skipped with a reason', async () => {
    const database = await createTestDatabase('demo');
    try {
      const { approachId, users } = await seedDemo(database.handle);
      expect(users.map((u) => u.role).sort()).toEqual([
        'admin',
        'coordinator',
        'coordinator',
        'partner',
        'partner',
        'viewer',
      ]);
      const app = await buildApp({ database: database.handle, webRoot: null });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: DEMO_USERS.viewer.email, password: DEMO_PASSWORD },
      });
      const cookie = `wk_session=${login.cookies[0]!.value}`;
      const approach = (
        await app.inject({ method: 'GET', url: `/api/v1/approaches/${approachId}`, headers: { cookie } })
      ).json();
      expect(approach).toMatchObject({
        title: 'Wijkaanpak Overvecht',
        municipality: { code: 'GM0344' },
        focusArea: OVERVECHT_BUURTEN,
        myRole: 'viewer',
      });
      expect(OVERVECHT_BUURTEN.every((code) => code.startsWith('BU034403'))).toBe(true);
      const points = (
        await app.inject({
          method: 'GET',
          url: `/api/v1/approaches/${approachId}/cycles/1/points`,
          headers: { cookie },
        })
      ).json().points as { status: string; skipReason: string | null }[];
      const skipped = points.filter((p) => p.status === 'skipped');
      expect(skipped).toHaveLength(1);
      expect(skipped[0]!.skipReason!.length).toBeGreaterThan(20);
      expect(points.filter((p) => p.status === 'answered').length).toBeGreaterThanOrEqual(2);
      const otherLogin = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: DEMO_USERS.otherMunicipality.email, password: DEMO_PASSWORD },
      });
      const otherCookie = `wk_session=${otherLogin.cookies[0]!.value}`;
      const otherList = (
        await app.inject({ method: 'GET', url: '/api/v1/approaches', headers: { cookie: otherCookie } })
      ).json();
      expect(otherList.map((a: { title: string }) => a.title)).toEqual(['Wijkaanpak Kruiskamp']);
      await app.close();
    } finally {
      await database.dispose();
    }
  });
});
