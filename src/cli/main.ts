/**
 * `npx wijkkompas <noun> <verb> [options]`: one module per noun in ./commands.
 * Each command module exports `run(args, io)` and returns an exit code.
 */
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import type { CliIo } from './io.ts';
import { createProcessIo } from './io.ts';

/** A command module: its verbs, its usage text (what `--help` prints) and `run`. */
export type CommandModule = {
  VERBS: readonly string[];
  USAGE: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

/** `--help`, `-h` or `help` anywhere after the noun asks for the usage (exit 0), for every verb. */
function isHelpRequest(args: readonly string[]): boolean {
  return args[0] === 'help' || args.some((arg) => arg === '--help' || arg === '-h');
}

export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  user: { summary: 'user create: create an account', load: () => import('./commands/user.ts') },
  panel: {
    summary: "panel select: select a citizens' panel by lottery",
    load: () => import('./commands/panel.ts'),
  },
  cba: {
    summary: 'cba evaluate CASE.json: social cost-benefit analysis',
    load: () => import('./commands/cba.ts'),
  },
  import: {
    summary: 'import cbs|metadata|geo FILE...: load CBS figures, metadata or boundaries',
    load: () => import('./commands/import.ts'),
  },
  area: {
    summary: 'area profile --regions CODES --year YYYY [--json]: profile of an area',
    load: () => import('./commands/area.ts'),
  },
};

export function formatUsage(): string {
  const lines = ['Gebruik / usage: npx wijkkompas <command> ...', ''];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${summary}`);
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = createProcessIo()): Promise<number> {
  const [noun, ...rest] = argv;
  if (!noun || noun === '--help' || noun === '-h' || noun === 'help') {
    io.out(formatUsage());
    return noun ? 0 : 2;
  }
  const entry = COMMANDS[noun];
  if (!entry) {
    io.err(`Onbekend commando / unknown command: ${noun}\n\n${formatUsage()}`);
    return 2;
  }
  const command = await entry.load();
  if (isHelpRequest(rest)) {
    io.out(command.USAGE);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // The embedded data folder is in use by another process (a running server): one clear line.
    if (error instanceof DataDirLockedError) {
      io.err(`Fout: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
