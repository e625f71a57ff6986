/**
 * `npm run bench -- mkba`: evaluating the largest MKBA case the API accepts (the limits of
 * src/core/cba/case-schema.ts), against the quadratic item sensitivity it replaced (issue 10,
 * finding 1: every item re-summed the whole alternative), measured in the same run on the same case.
 * Written to docs/benchmarks/mkba.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseCase } from '../src/core/cba/case-validation.ts';
import { computeCaseResult } from '../src/core/cba/evaluate-case.ts';
import { computeYearlyFlows, summariseFlows } from '../src/core/cba/net-present-value.ts';
import { computeItemSensitivity, type SensitivityItem } from '../src/core/cba/sensitivity.ts';
import { buildCaseAtLimits } from '../src/core/cba/testing.ts';
import { createCbaEvaluator } from '../src/server/services/cba-evaluator.ts';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => unknown, runs = RUNS): { median: number; max: number } {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { median: median(times), max: Math.max(...times) };
}

/** The method before issue 10: the whole alternative re-summed for each of the 2n variants. */
function quadraticItemSensitivity(
  items: readonly SensitivityItem[],
  options: Parameters<typeof computeItemSensitivity>[1],
) {
  const scaled = (index: number, factor: number) =>
    items.map((item, i) =>
      i === index
        ? { ...item, amounts: new Map([...item.amounts].map(([y, a]) => [y, a * factor] as const)) }
        : item,
    );
  return items.map((_, index) => [
    summariseFlows(computeYearlyFlows(scaled(index, 1 - options.variation), options)),
    summariseFlows(computeYearlyFlows(scaled(index, 1 + options.variation), options)),
  ]);
}

const lines: string[] = [];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};
const loadBefore = loadavg()[0]!;

log(
  '| case | items × years | JSON | parse + validate ms (median) | evaluate ms (median / max) | item sensitivity ms | quadratic item sensitivity ms | ratio |',
);
log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const shape of ['one', 'many'] as const) {
  const input = buildCaseAtLimits({ shape });
  const json = JSON.stringify(input);
  const parsed = parseCase(input);
  const items = parsed.alternatives.flatMap((a) => a.items);
  const options = {
    rate: parsed.discountRate,
    discountBaseYear: parsed.discountBaseYear,
    startYear: parsed.startYear,
    endYear: parsed.endYear,
    variation: parsed.sensitivity.itemVariation,
  };
  const parse = time(() => parseCase(JSON.parse(json)));
  const evaluate = time(() => computeCaseResult(parsed));
  const linear = time(() => {
    for (const alternative of parsed.alternatives) computeItemSensitivity(alternative.items, options);
  });
  const quadratic = time(() => {
    for (const alternative of parsed.alternatives) quadraticItemSensitivity(alternative.items, options);
  }, 3);
  const years = parsed.endYear - parsed.startYear + 1;
  log(
    `| ${shape === 'one' ? `1 alternative` : `${parsed.alternatives.length} alternatives`} | ${items.length} × ${years} | ${(json.length / 1024).toFixed(0)} kB | ${parse.median.toFixed(1)} | ${evaluate.median.toFixed(1)} / ${evaluate.max.toFixed(1)} | ${linear.median.toFixed(1)} | ${quadratic.median.toFixed(0)} | ${(quadratic.median / linear.median).toFixed(0)}× |`,
  );
}

/** The longest the event loop was blocked (ms) while `work` ran. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.max / 1e6;
}

{
  const input = buildCaseAtLimits({ shape: 'many' });
  const evaluator = createCbaEvaluator();
  await evaluator.evaluate(input); // threads started
  const inWorker = await longestBlock(async () => {
    for (let i = 0; i < 5; i += 1) await evaluator.evaluate(input);
  });
  await evaluator.close();
  const onMainThread = await longestBlock(async () => {
    for (let i = 0; i < 5; i += 1) {
      computeCaseResult(parseCase(input));
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  const idle = await longestBlock(() => new Promise((resolve) => setTimeout(resolve, 2000)));
  log('');
  log(
    'Longest block of the event loop while the largest case (500 × 100) is validated and evaluated 5 times:',
  );
  log('');
  log('| where | longest event-loop block ms |');
  log('| --- | --- |');
  log(`| worker thread (the server: cba-evaluator.ts) | ${inWorker.toFixed(0)} |`);
  log(`| main thread (baseline) | ${onMainThread.toFixed(0)} |`);
  log(`| nothing (2 s idle: the machine's own noise) | ${idle.toFixed(0)} |`);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header = [
  '# MKBA benchmark',
  '',
  `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`,
  '',
  `Generated by \`npx tsx bench/mkba.ts\` (part of \`npm run bench\`). The largest case the API accepts (src/core/cba/testing.ts: every item has an amount in every year of a ${100}-year horizon, ${10} sensitivity rates); median of ${RUNS} runs after a warm-up. The ratio compares the item sensitivity with the quadratic method it replaced, on the same case in the same run.`,
  '',
];
const previous = (() => {
  try {
    return readFileSync('docs/benchmarks/mkba.md', 'utf8');
  } catch {
    return '';
  }
})();
const notesAt = previous.indexOf('<!-- notes');
const notes = notesAt >= 0 ? previous.slice(notesAt) : '';
mkdirSync('docs/benchmarks', { recursive: true });
writeFileSync('docs/benchmarks/mkba.md', `${[...header, ...lines].join('\n')}\n${notes}`);
console.log('docs/benchmarks/mkba.md bijgewerkt.');
