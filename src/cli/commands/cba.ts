/**
 * `npx wijkkompas cba ...`: social cost-benefit analysis (MKBA) from the command line.
 *   cba evaluate CASE.json   prints the results as JSON (euros, unrounded; see `method`)
 *   cba template             prints the template case "16 stedelijke vernieuwingsgebieden (2021)"
 * Exit codes: 0 success, 1 bad or unreadable case file, 2 wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { parseCommandArgs } from '../args.ts';
import type { CliIo } from '../io.ts';
import { isDomainError } from '../../core/errors.ts';
import { createSixteenAreasTemplate, evaluateCase, formatIssue } from '../../core/cba/index.ts';

export const VERBS = ['evaluate', 'template'] as const;

export const USAGE = [
  'Gebruik / usage:',
  '  npx wijkkompas cba evaluate CASE.json   MKBA doorrekenen, resultaten als JSON',
  '  npx wijkkompas cba template             sjabloon "16 stedelijke vernieuwingsgebieden (2021)" als JSON',
  '',
  'Case-bestand: { name, priceBaseYear, discountBaseYear, discountRate, startYear, endYear,',
  '  items: [{ label, type: "cost"|"benefit", category, party, amounts: { "YYYY": euro }, patterns? }] }',
  'Discontovoet als fractie (2,25% = 0.0225). Zie examples/cba/.',
].join('\n');

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  } catch (error) {
    io.err(`cba: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [verb, ...rest] = parsed.positionals;
  if (parsed.values.help || verb === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (verb === 'template' && rest.length === 0) {
    io.out(JSON.stringify(createSixteenAreasTemplate(), null, 2));
    return 0;
  }
  if (verb === 'evaluate' && rest.length === 1 && rest[0] !== undefined) {
    return evaluateFile(rest[0], io);
  }
  io.err(
    `cba: ${verb === undefined ? 'geef een subcommando' : `onbekend gebruik: ${[verb, ...rest].join(' ')}`}\n\n${USAGE}`,
  );
  return 2;
}

async function evaluateFile(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(
      `${file}: kan het bestand niet lezen (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    io.err(`${file}: geen geldige JSON (${(error as Error).message})`);
    return 1;
  }
  try {
    io.out(JSON.stringify(evaluateCase(input), null, 2));
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const lines = [
      `${file}: ${error.message}`,
      ...error.issues.map((issue) => `${file}: ${formatIssue(issue)}`),
    ];
    io.err(lines.join('\n'));
    return 1;
  }
}
