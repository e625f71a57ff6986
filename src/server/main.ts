/**
 * Starts Wijkkompas: validates configuration, opens the database (PGlite in WIJKKOMPAS_DATA_DIR, or
 * PostgreSQL at DATABASE_URL), runs migrations, seeds the demo on an empty embedded database (or
 * with --demo), and listens.
 */
import { openDatabase } from '../db/client.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { isDatabaseEmpty, seedDemo, shouldSeedDemo, DEMO_PASSWORD } from './demo/seed-demo.ts';
import { buildApp } from './app.ts';
import { createMailer } from './mail/mailer.ts';
import { ConfigError, loadConfig } from './config.ts';

async function start() {
  const config = loadConfig(process.env);
  const wantsDemo = process.argv.includes('--demo');
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  let demoUsers: { email: string; role: string; name: string }[] = [];
  if (shouldSeedDemo({ kind: database.kind, isEmpty: await isDatabaseEmpty(database), wantsDemo })) {
    const seeded = await seedDemo(database, { log: (line) => console.log(line) });
    demoUsers = seeded.users;
  } else if (wantsDemo) {
    console.log('Demo niet opnieuw geladen: de database bevat al gegevens.');
  }
  const mailer = createMailer(config.mail);
  const app = await buildApp({
    database,
    secureCookies: config.secureCookies,
    sessionHours: config.sessionHours,
    logLevel: config.logLevel,
    mailer,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    oidc: config.oidc,
  });
  const close = async () => {
    await app.close();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(
    `\nWijkkompas draait op ${url}  (database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  console.log(`API: ${url}/api/v1  ·  OpenAPI: ${url}/api/v1/openapi.json`);
  if (demoUsers.length > 0) {
    console.log(`\nDemo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):`);
    for (const u of demoUsers) console.log(`  ${u.role.padEnd(12)} ${u.email.padEnd(36)} ${u.name}`);
  }
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('Wijkkompas kon niet starten:', error);
  process.exit(1);
});
