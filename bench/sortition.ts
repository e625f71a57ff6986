/**
 * Sortition benchmark (issue 4): `npx tsx bench/sortition.ts [--quick]`.
 *
 * LEXIMIN on the two examples published with Flanigan et al. (2021) against the paper's Gurobi
 * run times, and MAXIMIN on pools shaped like the Sortition Foundation's published HiGHS benchmark
 * (bench/sortition-pools.ts) against their times. Prints a Markdown section and writes it to
 * docs/benchmarks/sortition.md. Each instance first runs once untimed-for-the-median (reported as
 * "first": it includes V8 compiling and tiering up HiGHS's WebAssembly for the code paths this
 * instance uses), then `repeats` times; the table gives the median of those.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import highsLoader from 'highs';
import { createHighsSolver } from '../src/core/sortition/highs-solver.ts';
import { parseCsv } from '../src/core/sortition/parse-csv.ts';
import { parsePoolCsv, parseQuotasCsv } from '../src/core/sortition/read-sortition-csv.ts';
import { selectPanelDistribution } from '../src/core/sortition/select-distribution.ts';
import type { PoolMember, Quota, SortitionAlgorithm } from '../src/core/sortition/types.ts';
import { BENCHMARK_POOLS, INDEPENDENT_POOLS, generateBenchmarkPool } from './sortition-pools.ts';

const DATA = '../shared/data/sortition';
const OUTPUT = 'docs/benchmarks/sortition.md';
const quick = process.argv.includes('--quick');

interface Case {
  name: string;
  group: 'paper' | 'sf' | 'independent';
  algorithm: SortitionAlgorithm;
  pool: PoolMember[];
  quotas: Quota[];
  k: number;
  referenceSeconds: number;
  reference: string;
  repeats: number;
}

interface Measurement {
  wallSeconds: number[];
  firstSeconds: number;
  cpuSeconds: number[];
  minProbability: number;
  legacyMinimum?: number;
  solverCalls: number;
  milpCalls: number;
  panelsGenerated: number;
  panelsInDistribution: number;
  iterations: number;
  stages: number;
  types: number;
}

function readPaperCases(): Case[] {
  const table = parseCsv(readFileSync(`${DATA}/nature2021-reference-results.csv`, 'utf8'), 'results', []);
  const column = (name: string) => table.header.indexOf(name);
  return (['example_small_20', 'example_large_200'] as const).map((name) => {
    const row = table.rows.find((r) => r.fields[0] === name)!;
    return {
      name,
      group: 'paper' as const,
      algorithm: 'leximin' as const,
      pool: parsePoolCsv(readFileSync(`${DATA}/${name}/respondents.csv`, 'utf8'), 'respondents.csv'),
      quotas: parseQuotasCsv(readFileSync(`${DATA}/${name}/categories.csv`, 'utf8'), 'categories.csv'),
      k: Number(row.fields[column('k')]),
      referenceSeconds: Number(row.fields[column('leximin_median_runtime_s')]),
      reference: 'paper, LEXIMIN, Gurobi',
      repeats: 3,
    };
  });
}

function readPoolCases(): Case[] {
  const pools = quick ? BENCHMARK_POOLS : [...BENCHMARK_POOLS, ...INDEPENDENT_POOLS];
  return pools.map((spec) => {
    const { pool, quotas } = generateBenchmarkPool(spec);
    return {
      name: spec.name,
      group: spec.independent ? ('independent' as const) : ('sf' as const),
      algorithm: 'maximin' as const,
      pool,
      quotas,
      k: spec.k,
      referenceSeconds: spec.referenceSeconds,
      reference: spec.independent ? 'SF, MAXIMIN, HiGHS (their easier pool)' : 'SF, MAXIMIN, HiGHS',
      repeats: spec.independent ? 1 : 3,
    };
  });
}

async function measure(solver: ReturnType<typeof createHighsSolver>, item: Case): Promise<Measurement> {
  const wallSeconds: number[] = [];
  const cpuSeconds: number[] = [];
  let last;
  let firstSeconds = 0;
  const runs = item.repeats > 1 ? item.repeats + 1 : 1;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    last = await selectPanelDistribution({
      pool: item.pool,
      quotas: item.quotas,
      panelSize: item.k,
      algorithm: item.algorithm,
      solver,
    });
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - started) / 1000;
    if (run === 0) firstSeconds = wall;
    if (run === 0 && runs > 1) continue;
    wallSeconds.push(wall);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  const legacy = await selectPanelDistribution({
    pool: item.pool,
    quotas: item.quotas,
    panelSize: item.k,
    algorithm: 'legacy',
    solver,
    legacySamples: 1000,
  }).catch(() => null);
  const stats = last!.stats;
  return {
    wallSeconds,
    firstSeconds,
    cpuSeconds,
    minProbability: Math.min(...last!.probabilities),
    ...(legacy ? { legacyMinimum: Math.min(...legacy.probabilities) } : {}),
    solverCalls: stats.solverCalls,
    milpCalls: stats.milpCalls,
    panelsGenerated: stats.panelsGenerated,
    panelsInDistribution: last!.panels.length,
    iterations: stats.iterations,
    stages: stats.stages,
    types: stats.types,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const seconds = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const percent = (value: number) => `${(value * 100).toFixed(3)}%`;

async function main(): Promise<void> {
  // Compile HiGHS's WebAssembly with the optimising tier up front instead of tiering up hot
  // functions one by one while they run (V8's default); measured 1.3-1.6x faster on these runs.
  // Must happen before the module is compiled; the CLI does the same (docs/decisions/0101).
  v8.setFlagsFromString('--no-wasm-dynamic-tiering');
  const cases = [...readPaperCases(), ...readPoolCases()];
  const loadBefore = os.loadavg()[0]!;
  const solver = createHighsSolver(await highsLoader());
  const rows: string[] = [];
  const fairness: string[] = [];
  for (const item of cases) {
    process.stderr.write(`${item.name} (${item.algorithm}) ...`);
    const m = await measure(solver, item);
    const wall = median(m.wallSeconds);
    process.stderr.write(` ${seconds(wall)} s\n`);
    rows.push(
      `| ${item.name} | ${item.pool.length} | ${item.k} | ${item.algorithm.toUpperCase()} | ${m.types} | ${m.solverCalls} (${m.milpCalls} MILP) | ${m.panelsGenerated} / ${m.panelsInDistribution} | ${m.iterations} | ${seconds(wall)} | ${seconds(m.firstSeconds)} | ${seconds(median(m.cpuSeconds))} | ${percent(m.minProbability)} | ${seconds(item.referenceSeconds)} (${item.reference}) | ${Math.round(item.referenceSeconds / wall)}× |`,
    );
    fairness.push(
      `| ${item.name} | ${percent(m.minProbability)} | ${m.legacyMinimum === undefined ? 'failed' : percent(m.legacyMinimum)} | ${percent(item.k / item.pool.length)} |`,
    );
  }
  const loadAfter = os.loadavg()[0]!;
  const cpus = os.cpus();
  const section = [
    '# Sortition benchmark',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${solver.name}. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (other work was running on the machine; CPU seconds are less sensitive to that than wall time).`,
    '',
    'Generated by `npx tsx bench/sortition.ts` (V8 flag --no-wasm-dynamic-tiering, as in the CLI). Tolerance 1e-6 (the reference implementation stops at 5e-4). "wall s" is the median of 3 runs in one process after a first run, reported as "first s", which includes V8 compiling and tiering up HiGHS\'s WebAssembly for the code paths the instance uses (a per-process cost); the independent pools run once. "CPU s" is the process CPU time of the median runs. Panels: type-level panels generated by column generation / individual panels in the final distribution. Ratio: reference time / wall s.',
    '',
    '| instance | n | k | algorithm | types | solver calls | panels | CG iterations | wall s | first s | CPU s | min probability | reference s | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Fairness: the minimum selection probability under the algorithm above, under LEGACY (1000 sampled panels) and the ceiling k/n (everyone equal).',
    '',
    '| instance | min probability | LEGACY min (sampled) | k/n |',
    '| --- | --- | --- | --- |',
    ...fairness,
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (!quick) {
    mkdirSync('docs/benchmarks', { recursive: true });
    writeFileSync(OUTPUT, `${section}\n${readNotes()}`);
    process.stderr.write(`written to ${OUTPUT}\n`);
  }
}

/** Hand-written notes kept below the generated table (everything after the marker line). */
function readNotes(): string {
  const marker = '<!-- notes: kept when the benchmark rewrites this file -->';
  try {
    const current = readFileSync(OUTPUT, 'utf8');
    const at = current.indexOf(marker);
    return at >= 0 ? current.slice(at) : `${marker}\n`;
  } catch {
    return `${marker}\n`;
  }
}

await main();
