/**
 * `npx wijkkompas panel select --categories FILE --respondents FILE --size K
 *    [--algorithm leximin|maximin|legacy] [--seed TEXT] [--households COL,...] [--id-column COL]
 *    [--samples N] --out FILE`
 *
 * Reads the CSV layouts of the Sortition Foundation tools and of Flanigan et al. (2021), computes
 * the distribution over panels (core/sortition), draws one panel with a seed derived from the
 * public value (--seed) and the SHA-256 hashes of the inputs, prints a summary and writes the full
 * record as JSON. Running it again with the same files and --seed gives the same panel.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import highsLoader from 'highs';
import { isDomainError } from '../../core/errors.ts';
import { createRandom } from '../../core/random.ts';
import {
  SORTITION_ALGORITHMS,
  computeDrawSeed,
  computeGini,
  createHighsSolver,
  drawPanel,
  parsePoolCsv,
  parseQuotasCsv,
  selectPanelDistribution,
  type SortitionAlgorithm,
} from '../../core/sortition/index.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIo } from '../io.ts';

const USAGE = `Gebruik: npx wijkkompas panel select --categories BESTAND --respondents BESTAND --size K --out BESTAND
         [--algorithm leximin|maximin|legacy] [--seed TEKST] [--households KOLOM,...] [--id-column KOLOM] [--samples N]

  --categories   quota: "category,feature,min,max" of "feature,value,min,max[,min_flex,max_flex]"
  --respondents  één regel per aangemelde; id-kolom "id" (of --id-column), anders het regelnummer
  --size         panelgrootte k
  --algorithm    leximin (standaard), maximin of legacy (de oude hebzuchtige methode, ter vergelijking)
  --seed         de waarde die bij de openbare trekking bekend wordt gemaakt; zonder --seed een
                 willekeurige waarde (die wordt afgedrukt en bewaard, zodat de trekking herhaalbaar is)
  --households   adreskolommen: hoogstens één persoon per huishouden in het panel
  --samples      aantal steekproeven voor legacy (standaard 1000)
  --out          JSON-bestand met verdeling, kansen, zaad, hashes en het getrokken panel`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'select') {
    io.err(USAGE);
    return 2;
  }
  let values;
  try {
    values = parseCommandArgs(rest, {
      categories: { type: 'string' },
      respondents: { type: 'string' },
      size: { type: 'string' },
      algorithm: { type: 'string', default: 'leximin' },
      seed: { type: 'string' },
      households: { type: 'string' },
      'id-column': { type: 'string' },
      samples: { type: 'string' },
      out: { type: 'string' },
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const missing = (['categories', 'respondents', 'size', 'out'] as const).filter((name) => !values[name]);
  if (missing.length > 0) {
    io.err(`Ontbrekende opties: ${missing.map((name) => `--${name}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  const algorithm = values.algorithm as SortitionAlgorithm;
  if (!SORTITION_ALGORITHMS.includes(algorithm)) {
    io.err(`--algorithm moet een van ${SORTITION_ALGORITHMS.join(', ')} zijn, niet "${values.algorithm}".`);
    return 2;
  }
  const panelSize = Number(values.size);
  if (!/^\d+$/.test(values.size!) || panelSize < 1) {
    io.err(`--size moet een positief geheel getal zijn, niet "${values.size}".`);
    return 2;
  }
  const samples = values.samples === undefined ? 1000 : Number(values.samples);
  if (!Number.isInteger(samples) || samples < 1) {
    io.err(`--samples moet een positief geheel getal zijn, niet "${values.samples}".`);
    return 2;
  }
  const householdColumns = values.households
    ? values.households
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];

  const files: Record<'categories' | 'respondents', { text: string; hash: string }> = {} as never;
  for (const name of ['categories', 'respondents'] as const) {
    try {
      const bytes = readFileSync(values[name]!);
      files[name] = { text: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
    } catch (error) {
      io.err(`Kan ${values[name]} niet lezen: ${(error as Error).message}`);
      return 1;
    }
  }

  const started = performance.now();
  try {
    const quotas = parseQuotasCsv(files.categories.text, values.categories!);
    const pool = parsePoolCsv(files.respondents.text, values.respondents!, {
      ...(values['id-column'] ? { idColumn: values['id-column'] } : {}),
    });
    const settings = {
      algorithm,
      panelSize,
      householdColumns,
      idColumn: values['id-column'] ?? null,
      ...(algorithm === 'legacy' ? { samples } : {}),
    };
    const settingsHash = createHash('sha256').update(JSON.stringify(settings)).digest('hex');
    const inputHashes = [files.categories.hash, files.respondents.hash, settingsHash];
    const solver = createHighsSolver(await highsLoader());
    const distribution = await selectPanelDistribution({
      pool,
      quotas,
      panelSize,
      algorithm,
      householdColumns,
      solver,
      legacySamples: samples,
      // LEGACY's sampling depends on the inputs only, so the distribution is fixed before the draw.
      random: createRandom(`legacy-sampling:${inputHashes.join(':')}`),
    });
    const seed = values.seed ?? randomBytes(16).toString('hex');
    const drawSeed = computeDrawSeed(seed, inputHashes);
    const draw = drawPanel(distribution, drawSeed);
    const seconds = (performance.now() - started) / 1000;

    const probabilities = distribution.probabilities;
    const minProbability = Math.min(...probabilities);
    const maxProbability = Math.max(...probabilities);
    const gini = computeGini(probabilities);
    const ids = pool.map((member) => member.id);
    const record = {
      format: 'wijkkompas-panel-selection/1',
      algorithm,
      n: distribution.n,
      k: distribution.k,
      minProbability,
      maxProbability,
      gini,
      people: pool.map((member, index) => ({ id: member.id, probability: probabilities[index] })),
      panels: distribution.panels.map((panel) => ({
        probability: panel.probability,
        members: panel.members.map((member) => ids[member]),
      })),
      seed,
      drawSeed,
      inputHashes: {
        categories: files.categories.hash,
        respondents: files.respondents.hash,
        settings: settingsHash,
      },
      settings,
      selected: draw.members.map((member) => ids[member]),
      draw: { panelIndex: draw.panelIndex, ticket: draw.ticket },
      stats: { ...distribution.stats, seconds },
      solver: solver.name,
      createdAt: new Date().toISOString(),
    };
    writeFileSync(values.out!, `${JSON.stringify(record)}\n`);
    const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
    io.out(
      [
        `Loting (${algorithm}): n = ${distribution.n}, k = ${distribution.k}`,
        `  kleinste kans ${percent(minProbability)}, grootste kans ${percent(maxProbability)}, Gini ${percent(gini)}`,
        `  ${distribution.panels.length} panels in de verdeling (${distribution.stats.types} groepen gelijke aangemelden, ${distribution.stats.solverCalls} solveraanroepen), ${seconds.toFixed(1)} s`,
        distribution.stats.unselectable > 0
          ? `  let op: ${distribution.stats.unselectable} aangemelden passen in geen enkel panel (kans 0)`
          : '',
        `  zaad: ${values.seed === undefined ? `geen --seed opgegeven, willekeurige waarde ${seed}` : `"${seed}"`} → ${drawSeed}`,
        `  getrokken panel: ${record.selected.join(', ')}`,
        `  opgeslagen in ${values.out}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      io.err(error.issues.length > 0 ? error.issues.map((issue) => issue.message).join('\n') : error.message);
      return 1;
    }
    throw error;
  }
}
