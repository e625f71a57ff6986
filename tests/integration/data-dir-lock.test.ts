/**
 * The embedded data folder is locked by the process that opens it (issue 10, finding 4): with two
 * real processes, the CLI refuses with one clear line while another process holds the folder, and
 * takes over the lock of a process that died.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'wk-lock-'));
const FILE = '../shared/data/cbs/buurtnamen-2024.csv';

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['bin/wijkkompas.js', ...args], {
    env: { ...process.env, WIJKKOMPAS_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 300_000,
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded data folder is locked (issue 10, finding 4)', () => {
  it('refuses the CLI while a server holds the folder, and takes over after that process died', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-database.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const refused = runCli(['import', 'cbs', FILE]);
      expect(refused.status, refused.stderr).toBe(1);
      const lines = refused.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`De datamap ${dataDir} is in gebruik`);
      expect(lines[0]).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // The lock file of the killed process is stale: the next opener takes it over.
    const imported = runCli(['import', 'cbs', FILE]);
    expect(imported.status, imported.stderr).toBe(0);
  });
});
