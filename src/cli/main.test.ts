import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { COMMANDS, main } from './main.ts';

function createIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => '' };
  return { io, out, err };
}

describe('npx wijkkompas --help', () => {
  it('every subcommand of every noun answers --help and -h with its usage, exit 0, touching nothing', async () => {
    const asked: string[] = [];
    for (const [noun, entry] of Object.entries(COMMANDS)) {
      const module = await entry.load();
      expect(module.VERBS.length).toBeGreaterThan(0);
      for (const verb of module.VERBS) {
        for (const flag of ['--help', '-h']) {
          const { io, out, err } = createIo();
          // No database environment is read: --help is answered before the command runs.
          expect(await main([noun, verb, flag], io)).toBe(0);
          expect(err).toEqual([]);
          expect(out.join('\n')).toContain(`npx wijkkompas ${noun} ${verb}`);
          asked.push(`${noun} ${verb}`);
        }
      }
      const { io, out } = createIo();
      expect(await main([noun, '--help'], io)).toBe(0);
      expect(out.join('\n')).toMatch(/Gebruik/);
    }
    expect(asked).toEqual(
      expect.arrayContaining(['panel select', 'panel alternates', 'import geo', 'area profile']),
    );
  });

  it('an unknown noun still fails with exit 2 and the overview', async () => {
    const { io, err } = createIo();
    expect(await main(['panels', '--help'], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown command: panels');
  });
});
