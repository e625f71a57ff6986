/**
 * `npm run bench`: runs every benchmark (each compares against a baseline measured in the same run
 * and writes its Markdown section to docs/benchmarks/<name>.md), then assembles docs/benchmarks.md.
 * `npm run bench -- sortition` runs one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const BENCHMARKS: { name: string; script: string; summary: string }[] = [
  {
    name: 'sortition',
    script: 'bench/sortition.ts',
    summary: "citizens' panels: LEXIMIN and MAXIMIN against the published times",
  },
  {
    name: 'analysis',
    script: 'bench/analysis.ts',
    summary: 'CBS import against PostgreSQL COPY; ranking and accumulation; area profile under load',
  },
  {
    name: 'mkba',
    script: 'bench/mkba.ts',
    summary: 'MKBA: the largest case against the quadratic item sensitivity; event loop with the worker',
  },
  {
    name: 'load',
    script: 'bench/load.ts',
    summary:
      'every buurt of the country + 100,000 pool members: p95 and errors per endpoint at 16 and 64 connections',
  },
];

const only = process.argv.slice(2);
for (const bench of BENCHMARKS) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  if (!existsSync(bench.script)) {
    console.log(`(${bench.name}: ${bench.script} does not exist yet, skipped)`);
    continue;
  }
  console.log(`\n=== ${bench.name}: ${bench.summary} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench.script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${bench.name} failed with exit code ${result.status}`);
    process.exitCode = 1;
  }
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const sections = BENCHMARKS.filter((b) => existsSync(`docs/benchmarks/${b.name}.md`)).map((b) =>
  readFileSync(`docs/benchmarks/${b.name}.md`, 'utf8').trim(),
);
writeFileSync(
  'docs/benchmarks.md',
  [
    '# Benchmarks',
    '',
    'Produced by `npm run bench`. Every benchmark compares against a baseline measured in the same run and',
    'reports a ratio; each section states its own date and machine. Timing is never asserted in tests.',
    '',
    `Assembled on ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n'),
);
console.log('\ndocs/benchmarks.md bijgewerkt.');
