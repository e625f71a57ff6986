/**
 * The OpenAPI document is generated from the route schemas and committed (docs/openapi.json), so
 * API changes show up in review. `write` regenerates it, `check` fails when it is stale,
 * `write-tmp` writes tmp/openapi.json for the Spectral lint.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/db/client.ts';
import { buildApp, getOpenApiDocument } from '../src/server/app.ts';

export const COMMITTED_PATH = 'docs/openapi.json';

export async function generateOpenApiText(): Promise<string> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const app = await buildApp({ database, webRoot: null });
    await app.ready();
    const text = `${JSON.stringify(getOpenApiDocument(app), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await database.close();
  }
}

async function main() {
  const mode = process.argv[2] ?? 'write';
  const text = await generateOpenApiText();
  if (mode === 'write') {
    writeFileSync(COMMITTED_PATH, text);
    console.log(`${COMMITTED_PATH} bijgewerkt.`);
  } else if (mode === 'write-tmp') {
    mkdirSync('tmp', { recursive: true });
    writeFileSync('tmp/openapi.json', text);
  } else if (mode === 'check') {
    const committed = readFileSync(COMMITTED_PATH, 'utf8');
    if (committed !== text) {
      console.error(`${COMMITTED_PATH} is verouderd: draai \`npm run openapi\` en commit het resultaat.`);
      process.exit(1);
    }
    console.log(`${COMMITTED_PATH} is actueel.`);
  } else {
    console.error('gebruik: tsx scripts/openapi.ts write|write-tmp|check');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
