/**
 * End-to-end setup, once per run: build the web app with vite, create a fresh database (PGlite in
 * memory, or a new PostgreSQL database when DATABASE_URL is set), load the demo seed, and start the
 * real server on a free port. Tests reach it through `inject('baseUrl')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { createTestDatabase } from '../support/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server under test. */
    baseUrl: string;
    /** The id of the demo's "Wijkaanpak Overvecht". */
    overvechtId: string;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const webRoot = await mkdtemp(path.join(tmpdir(), 'wijkkompas-e2e-web-'));
  await build({
    root: REPO_ROOT,
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true, sourcemap: false },
  });

  const database = await createTestDatabase('e2e');
  const seeded = await seedDemo(database.handle);
  const app = await buildApp({
    database: database.handle,
    webRoot,
    loginRateLimit: { max: 1000, timeWindow: 60_000 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('overvechtId', seeded.approachId);

  return async () => {
    await app.close();
    await database.dispose();
    await rm(webRoot, { recursive: true, force: true });
  };
}
