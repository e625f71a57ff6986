/**
 * `npm start` as a user runs it: the real entry point in a child process, on a fresh embedded
 * database (demo loaded, logins printed) or on a fresh PostgreSQL database (no demo without --demo).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';

function startServer(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env, HOST: '127.0.0.1', WIJKKOMPAS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Wijkkompas draait op (http:\/\/\S+)/.test(output) && /OpenAPI:/.test(output)) {
        // Give the demo table a moment to be printed in full (it follows the URL lines).
        setTimeout(() => resolve(output), 200);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, ready, output: () => output };
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('starting the server', () => {
  it('on an empty embedded database: migrates, loads the demo and prints URL and logins', async () => {
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      WIJKKOMPAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'wk-start-')),
    });
    try {
      const output = await server.ready;
      expect(output).toContain(`Wijkkompas draait op http://127.0.0.1:${port}`);
      expect(output).toContain('programmamanager@utrecht.example');
      expect(output).toContain('wijkkompas-demo');
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(health.headers.get('api-version')).toBe('1.0.0');
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'programmamanager@utrecht.example', password: 'wijkkompas-demo' }),
      });
      expect(login.status).toBe(201);
    } finally {
      server.child.kill('SIGTERM');
    }
  });

  it('stops with a clear line on a bad setting', async () => {
    const server = startServer({ PORT: 'tachtig' });
    await expect(server.ready).rejects.toThrow(/exited with 2[\s\S]*PORT/);
  });

  // Needs a PostgreSQL server: defined in the CI run that sets DATABASE_URL (the rule itself is also
  // unit-tested on shouldSeedDemo in demo-and-config.test.ts).
  if (process.env.DATABASE_URL)
    it('on PostgreSQL: seeds nothing unless --demo is given', async () => {
      const database = await createTestDatabase('start');
      await database.handle.close();
      try {
        const port = await freePort();
        const plain = startServer({ PORT: String(port), DATABASE_URL: database.url! });
        const output = await plain.ready;
        plain.child.kill('SIGTERM');
        expect(output).not.toContain('Demo-accounts');
        const port2 = await freePort();
        const demo = startServer({ PORT: String(port2), DATABASE_URL: database.url! }, ['--demo']);
        const demoOutput = await demo.ready;
        demo.child.kill('SIGTERM');
        expect(demoOutput).toContain('Demo-accounts');
      } finally {
        await database.dispose().catch(() => undefined);
      }
    });
});
