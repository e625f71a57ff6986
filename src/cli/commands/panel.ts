/**
 * `npx wijkkompas panel select ...` and `npx wijkkompas panel alternates ...` (issue 4).
 *
 * select: reads the CSV layouts of the Sortition Foundation tools and of Flanigan et al. (2021),
 * computes the distribution over panels (core/sortition), draws one panel with a seed derived from
 * the public value (--seed) and the SHA-256 hashes of the inputs, prints a summary and writes the
 * full record as JSON. Running it again with the same files and --seed gives the same panel.
 *
 * alternates: given that record and the ids of members who dropped out, draws replacements the
 * same way (the files must be the ones the record was made from).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import highsLoader from 'highs';
import { isDomainError } from '../../core/errors.ts';
import { createRandom } from '../../core/random.ts';
import {
  SORTITION_ALGORITHMS,
  computeAlternatesSeed,
  computeSha256,
  createHighsSolver,
  readPoolCsv,
  parseQuotasCsv,
  selectAlternates,
  selectPanelDistribution,
  SELECTION_RECORD_FORMAT,
  drawAndRecord,
  formatSettings,
  type SelectionRecord,
  type SelectionSettings,
  type SortitionAlgorithm,
} from '../../core/sortition/index.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliIo } from '../io.ts';

export const VERBS = ['select', 'alternates'] as const;

export const USAGE = `Gebruik: npx wijkkompas panel select --categories BESTAND --respondents BESTAND --size K --out BESTAND
         [--algorithm leximin|maximin|legacy] [--seed TEKST] [--households KOLOM,...] [--id-column KOLOM] [--samples N]
       npx wijkkompas panel alternates --record BESTAND --categories BESTAND --respondents BESTAND --dropped ID,...
         --out BESTAND [--unavailable ID,...] [--seed TEKST]

  --categories   quota: "category,feature,min,max", "feature,value,min,max[,min_flex,max_flex]" of
                 "category,name,min,max[,min_flex,max_flex]" (Sortition Foundation)
  --respondents  één regel per aangemelde; de id-kolom wordt herkend (nationbuilder_id van de Sortition
                 Foundation, id, person_id, respondent_id, deelnemersnummer ...) of met --id-column
                 gekozen; zonder id-kolom krijgt ieder zijn regelnummer (met een waarschuwing)
  --size         panelgrootte k
  --algorithm    leximin (standaard), maximin of legacy (de oude hebzuchtige methode, ter vergelijking)
  --seed         de waarde die bij de openbare trekking bekend wordt gemaakt; zonder --seed een
                 willekeurige waarde (die wordt afgedrukt en bewaard, zodat de trekking herhaalbaar is)
  --households   adreskolommen: hoogstens één persoon per huishouden in het panel
  --samples      aantal steekproeven voor legacy (standaard 1000)
  --record       het JSON-bestand van panel select
  --dropped      ids van panelleden die afhaken; --unavailable: ids van anderen die niet meer kunnen
  --out          JSON-bestand met verdeling, kansen, zaad, hashes en het getrokken panel`;

type Values = Record<string, string | undefined>;

/**
 * Compile HiGHS's WebAssembly with V8's optimising tier up front rather than tiering up hot
 * functions while they run: 1.3-1.6x faster selections (docs/benchmarks/sortition.md). Only
 * effective before HiGHS is first loaded in the process.
 */
function loadHighs() {
  v8.setFlagsFromString('--no-wasm-dynamic-tiering');
  return highsLoader();
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'select' && verb !== 'alternates') {
    io.err(USAGE);
    return 2;
  }
  let values: Values;
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
      record: { type: 'string' },
      dropped: { type: 'string' },
      unavailable: { type: 'string' },
      out: { type: 'string' },
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const required =
    verb === 'select'
      ? ['categories', 'respondents', 'size', 'out']
      : ['record', 'categories', 'respondents', 'dropped', 'out'];
  const missing = required.filter((name) => !values[name]);
  if (missing.length > 0) {
    io.err(`Ontbrekende opties: ${missing.map((name) => `--${name}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  try {
    return verb === 'select' ? await runSelect(values, io) : await runAlternates(values, io);
  } catch (error) {
    if (isDomainError(error)) {
      io.err(error.issues.length > 0 ? error.issues.map((issue) => issue.message).join('\n') : error.message);
      return 1;
    }
    if (error instanceof InputError) {
      io.err(error.message);
      return error.exitCode;
    }
    throw error;
  }
}

class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

async function runSelect(values: Values, io: CliIo): Promise<number> {
  const algorithm = values.algorithm as SortitionAlgorithm;
  if (!SORTITION_ALGORITHMS.includes(algorithm)) {
    throw new InputError(
      `--algorithm moet een van ${SORTITION_ALGORITHMS.join(', ')} zijn, niet "${values.algorithm}".`,
      2,
    );
  }
  const panelSize = parsePositive(values.size!, '--size');
  const samples = values.samples === undefined ? 1000 : parsePositive(values.samples, '--samples');
  const started = performance.now();
  // The id column is recognised in the file unless --id-column names it; the record keeps the one used.
  const input = readInputs(values, {
    algorithm,
    panelSize,
    householdColumns: splitList(values.households),
    idColumn: values['id-column'],
    ...(algorithm === 'legacy' ? { samples } : {}),
  });
  const { settings } = input;
  if (settings.idColumn === null) {
    io.err(
      `Let op: ${values.respondents} heeft geen herkende id-kolom (zoals nationbuilder_id of id); ` +
        'de aangemelden worden met hun regelnummer (1, 2, ...) aangeduid. Kies een kolom met --id-column.',
    );
  }
  const solver = createHighsSolver(await loadHighs());
  const distribution = await selectPanelDistribution({
    pool: input.pool,
    quotas: input.quotas,
    panelSize,
    algorithm,
    householdColumns: settings.householdColumns,
    solver,
    legacySamples: samples,
    // Random choices that fix no one's probability (LEGACY's sampling, the layout of equal
    // registrants on panels) depend on the inputs only, so the distribution is fixed before the draw.
    random: createRandom(`panel-select:${Object.values(input.hashes).join(':')}`),
  });
  const publicValue = values.seed ?? randomBytes(16).toString('hex');
  const record = drawAndRecord({
    pool: input.pool,
    distribution,
    settings,
    inputHashes: input.hashes,
    publicValue,
    solver: solver.name,
    createdAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
  });
  writeFileSync(values.out!, `${JSON.stringify(record)}\n`);
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  io.out(
    [
      `Loting (${algorithm}): n = ${record.n}, k = ${record.k}`,
      `  kleinste kans ${percent(record.minProbability)}, grootste kans ${percent(record.maxProbability)}, Gini ${percent(record.gini)}`,
      `  ${record.panels.length} panels in de verdeling (${record.stats.types} groepen gelijke aangemelden, ${record.stats.solverCalls} solveraanroepen), ${record.stats.seconds!.toFixed(1)} s`,
      record.stats.unselectable > 0
        ? `  let op: ${record.stats.unselectable} aangemelden passen in geen enkel panel (kans 0)`
        : '',
      `  zaad: ${values.seed === undefined ? `geen --seed opgegeven, willekeurige waarde ${publicValue}` : `"${publicValue}"`} → ${record.drawSeed}`,
      `  getrokken panel: ${record.selected.join(', ')}`,
      `  opgeslagen in ${values.out}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return 0;
}

async function runAlternates(values: Values, io: CliIo): Promise<number> {
  let record: SelectionRecord;
  try {
    record = JSON.parse(readFileSync(values.record!, 'utf8')) as SelectionRecord;
  } catch (error) {
    throw new InputError(`Kan ${values.record} niet lezen als JSON: ${(error as Error).message}`, 1);
  }
  if (record.format !== SELECTION_RECORD_FORMAT) {
    throw new InputError(
      `${values.record} is geen opname van panel select (format ${SELECTION_RECORD_FORMAT}).`,
      1,
    );
  }
  // The record says which column held the ids (null: row numbers); no new recognition here.
  const input = readInputs(values, record.settings);
  for (const name of ['categories', 'respondents', 'settings'] as const) {
    if (input.hashes[name] !== record.inputHashes[name]) {
      throw new InputError(`${name}: de bestanden wijken af van die van de opname (SHA-256 verschilt).`, 1);
    }
  }
  const indexOf = new Map(input.pool.map((member, index) => [member.id, index]));
  const toIndices = (ids: string[], option: string) =>
    ids.map((id) => {
      const index = indexOf.get(id);
      if (index === undefined) throw new InputError(`${option}: onbekend id "${id}".`, 1);
      return index;
    });
  const droppedIds = splitList(values.dropped);
  const publicValue = values.seed ?? randomBytes(16).toString('hex');
  const hashes = [input.hashes.categories, input.hashes.respondents, input.hashes.settings];
  const seed = computeAlternatesSeed(publicValue, hashes, droppedIds);
  const solver = createHighsSolver(await loadHighs());
  const result = await selectAlternates({
    pool: input.pool,
    quotas: input.quotas,
    panelSize: record.k,
    algorithm: record.algorithm,
    householdColumns: record.settings.householdColumns,
    solver,
    selected: toIndices(record.selected, 'record.selected'),
    droppedOut: toIndices(droppedIds, '--dropped'),
    unavailable: toIndices(splitList(values.unavailable), '--unavailable'),
    seed,
    random: createRandom(`panel-alternates:${hashes.join(':')}`),
  });
  const ids = (indices: number[]) => indices.map((index) => input.pool[index]!.id);
  const output = {
    format: 'wijkkompas-panel-alternates/1',
    basedOn: { drawSeed: record.drawSeed, selected: record.selected },
    dropped: droppedIds,
    unavailable: splitList(values.unavailable),
    kept: ids(result.kept),
    replacements: ids(result.replacements),
    panel: ids(result.panel),
    seed: publicValue,
    drawSeed: seed,
    inputHashes: input.hashes,
    panels: (result.distribution?.panels ?? []).map((panel) => ({
      probability: panel.probability,
      members: ids(panel.members),
    })),
    draw: result.draw ? { panelIndex: result.draw.panelIndex, ticket: result.draw.ticket } : null,
    solver: solver.name,
    createdAt: new Date().toISOString(),
  };
  writeFileSync(values.out!, `${JSON.stringify(output)}\n`);
  io.out(
    [
      `Vervangers (${record.algorithm}) voor ${droppedIds.join(', ')}: ${output.replacements.join(', ') || 'geen nodig'}`,
      `  zaad: "${publicValue}" → ${seed}`,
      `  panel: ${output.panel.join(', ')}`,
      `  opgeslagen in ${values.out}`,
    ].join('\n'),
  );
  return 0;
}

type InputSettings = Omit<SelectionSettings, 'idColumn'> & { idColumn: string | null | undefined };

/**
 * Reads and hashes both files and parses them; the settings hash joins the input hashes. An id
 * column left undefined is recognised in the respondents file; the returned settings name it.
 */
function readInputs(values: Values, requested: InputSettings) {
  const read = (option: 'categories' | 'respondents') => {
    try {
      const bytes = readFileSync(values[option]!);
      return { text: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
    } catch (error) {
      throw new InputError(`Kan ${values[option]} niet lezen: ${(error as Error).message}`, 1);
    }
  };
  const categories = read('categories');
  const respondents = read('respondents');
  const quotas = parseQuotasCsv(categories.text, values.categories!);
  const { pool, idColumn } = readPoolCsv(respondents.text, values.respondents!, {
    idColumn: requested.idColumn,
  });
  const settings: SelectionSettings = { ...requested, idColumn };
  return {
    quotas,
    pool,
    settings,
    hashes: {
      categories: categories.hash,
      respondents: respondents.hash,
      settings: computeSha256(formatSettings(settings)),
    },
  };
}

function parsePositive(text: string, option: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new InputError(`${option} moet een positief geheel getal zijn, niet "${text}".`, 2);
  }
  return Number(text);
}

function splitList(text: string | undefined): string[] {
  return text
    ? text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}
