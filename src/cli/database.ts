/** The database of the environment (WIJKKOMPAS_DATA_DIR or DATABASE_URL), as the server would open it, and error output. */
import type { DomainError } from '../core/errors.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import type { CliIo } from './io.ts';

export async function openDatabaseFromEnvironment(): Promise<DatabaseHandle> {
  const config = loadConfig(process.env);
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** "Fout: <message>" and one line per issue with its path (file, row, column for imports). */
export function printDomainError(io: CliIo, error: DomainError): void {
  const details = error.issues.map((issue) => `  - ${issue.path.join(' · ')}: ${issue.message}`).join('\n');
  io.err(`Fout: ${error.message}${details ? `\n${details}` : ''}`);
}
