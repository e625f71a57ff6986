/**
 * Pools shaped like the Sortition Foundation's published solver benchmark (sortition-algorithms,
 * docs/benchmark_results.md: MAXIMIN with HiGHS, n/k = 150/22, 300/45, 500/75, 750/112), generated
 * with a fixed seed so every run measures the same instances.
 *
 * Their `benchmarks/generate_fixtures.py` takes a base fixture of 150 people and builds a pool of n
 * by copying the feature values of n randomly chosen base people; quotas are the pool's proportions
 * scaled to the panel, target ± 2 (min at least 0). We do the same, with a generated base of 150
 * people with 4, 5, 6 and 7 categories for the four sizes (theirs has 4), so a pool has at most 150
 * distinct feature vectors, as theirs does.
 *
 * `independent: true` draws every registrant's values independently instead (no templates), which
 * gives almost one distinct feature vector per registrant: a harder, more realistic stress case for
 * an engine that groups interchangeable registrants (reported separately, docs/benchmarks/sortition.md).
 *
 * `npx tsx bench/sortition-pools.ts [DIR]` writes categories.csv and respondents.csv per pool.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../src/core/random.ts';
import type { PoolMember, Quota } from '../src/core/sortition/types.ts';

/** Categories of a Dutch neighbourhood panel with plausible (made-up) shares. */
const CATEGORIES: { name: string; values: [string, number][] }[] = [
  {
    name: 'geslacht',
    values: [
      ['vrouw', 0.5],
      ['man', 0.48],
      ['anders', 0.02],
    ],
  },
  {
    name: 'leeftijd',
    values: [
      ['16-24', 0.14],
      ['25-39', 0.27],
      ['40-54', 0.25],
      ['55-69', 0.21],
      ['70+', 0.13],
    ],
  },
  {
    name: 'opleiding',
    values: [
      ['basis', 0.18],
      ['mbo', 0.37],
      ['hbo', 0.27],
      ['wo', 0.18],
    ],
  },
  {
    name: 'wijk',
    values: [
      ['Noord', 0.16],
      ['Oost', 0.14],
      ['Zuid', 0.13],
      ['West', 0.15],
      ['Centrum', 0.09],
      ['Haven', 0.1],
      ['Park', 0.11],
      ['Dorp', 0.12],
    ],
  },
  {
    name: 'herkomst',
    values: [
      ['Nederland', 0.62],
      ['Europa', 0.13],
      ['buiten Europa', 0.25],
    ],
  },
  {
    name: 'woning',
    values: [
      ['huur sociaal', 0.38],
      ['huur vrij', 0.17],
      ['koop', 0.45],
    ],
  },
  {
    name: 'inkomen',
    values: [
      ['laag', 0.35],
      ['midden', 0.4],
      ['hoog', 0.25],
    ],
  },
];

export interface BenchmarkPoolSpec {
  name: string;
  n: number;
  k: number;
  categories: number;
  /** Draw every registrant independently instead of copying one of 150 base people. */
  independent?: boolean;
  /** The Sortition Foundation's HiGHS MAXIMIN mean time for this n/k, seconds. */
  referenceSeconds: number;
}

export const BENCHMARK_POOLS: BenchmarkPoolSpec[] = [
  { name: 'sf-150-22', n: 150, k: 22, categories: 4, referenceSeconds: 3.25 },
  { name: 'sf-300-45', n: 300, k: 45, categories: 5, referenceSeconds: 30.3 },
  { name: 'sf-500-75', n: 500, k: 75, categories: 6, referenceSeconds: 148.1 },
  { name: 'sf-750-112', n: 750, k: 112, categories: 7, referenceSeconds: 261.1 },
];

/** The same sizes with every registrant drawn independently (stress case, see above). */
export const INDEPENDENT_POOLS: BenchmarkPoolSpec[] = BENCHMARK_POOLS.slice(1).map((spec) => ({
  ...spec,
  name: spec.name.replace('sf-', 'independent-'),
  independent: true,
}));

const BASE_SIZE = 150;

export interface BenchmarkPool {
  spec: BenchmarkPoolSpec;
  pool: PoolMember[];
  quotas: Quota[];
}

export function generateBenchmarkPool(
  spec: BenchmarkPoolSpec,
  seed = 'wijkkompas-sortition-bench-1',
): BenchmarkPool {
  const random = createRandom(`${seed}:${spec.categories}`);
  const categories = CATEGORIES.slice(0, spec.categories);
  const drawPerson = (): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const category of categories) values[category.name] = pick(category.values, random());
    return values;
  };
  const base = Array.from({ length: BASE_SIZE }, drawPerson);
  const pool: PoolMember[] = [];
  for (let i = 0; i < spec.n; i++) {
    const values =
      spec.independent || spec.n === BASE_SIZE
        ? spec.n === BASE_SIZE
          ? base[i]!
          : drawPerson()
        : base[Math.floor(random() * BASE_SIZE)]!;
    pool.push({ id: `p${i + 1}`, values: { ...values } });
  }
  const quotas: Quota[] = [];
  for (const category of categories) {
    for (const [value] of category.values) {
      const count = pool.filter((member) => member.values[category.name] === value).length;
      const target = Math.round((count / spec.n) * spec.k);
      quotas.push({ category: category.name, value, min: Math.max(0, target - 2), max: target + 2 });
    }
  }
  return { spec, pool, quotas };
}

function pick(values: [string, number][], u: number): string {
  let cumulative = 0;
  for (const [value, share] of values) {
    cumulative += share;
    if (u < cumulative) return value;
  }
  return values[values.length - 1]![0];
}

export function formatQuotasCsv(quotas: readonly Quota[]): string {
  return (
    ['feature,value,min,max', ...quotas.map((q) => `${q.category},${q.value},${q.min},${q.max}`)].join('\n') +
    '\n'
  );
}

export function formatPoolCsv(pool: readonly PoolMember[]): string {
  const columns = Object.keys(pool[0]?.values ?? {});
  const lines = [['id', ...columns].join(',')];
  for (const member of pool)
    lines.push([member.id, ...columns.map((column) => member.values[column])].join(','));
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const directory = process.argv[2] ?? 'tmp/sortition-pools';
  for (const spec of [...BENCHMARK_POOLS, ...INDEPENDENT_POOLS]) {
    const { pool, quotas } = generateBenchmarkPool(spec);
    const target = join(directory, spec.name);
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'categories.csv'), formatQuotasCsv(quotas));
    writeFileSync(join(target, 'respondents.csv'), formatPoolCsv(pool));
    process.stdout.write(`${target}: n=${spec.n}, k=${spec.k}, ${spec.categories} categories\n`);
  }
}
