/** Dutch labels and number formats of the citizens' panel pages. */
import type { PanelRun, SortitionAlgorithm } from '../../api/panels.ts';

export const ALGORITHM_LABELS: Record<SortitionAlgorithm, string> = {
  leximin: 'LEXIMIN',
  maximin: 'MAXIMIN',
  legacy: 'LEGACY',
};

export const ALGORITHM_DESCRIPTIONS: Record<SortitionAlgorithm, string> = {
  leximin:
    'Aanbevolen. Maakt de kleinste selectiekans zo groot mogelijk, daarna de op één na kleinste, enzovoort (Flanigan e.a., Nature 2021).',
  maximin: 'Maakt alleen de kleinste selectiekans zo groot mogelijk; sneller, maar minder gelijk verdeeld.',
  legacy:
    'De oude methode (willekeurig één voor één kiezen binnen de quota), ter vergelijking: sommige aanmelders krijgen een veel kleinere kans.',
};

export const RUN_STATUS_LABELS: Record<PanelRun['status'], string> = {
  queued: 'Wacht op zijn beurt',
  running: 'Bezig',
  completed: 'Voltooid',
  failed: 'Mislukt',
  cancelled: 'Afgebroken',
};

const PHASE_LABELS: Record<string, string> = {
  feasibility: 'haalbaarheid controleren',
  'initial-panels': 'eerste panels zoeken',
  'column-generation': 'panels toevoegen en kansen verbeteren',
  final: 'verdeling afronden',
  sampling: 'steekproeven trekken',
};

export function describePhase(phase: string): string {
  return PHASE_LABELS[phase] ?? phase;
}

const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const share = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** A probability as a percentage: "10,0%". */
export const formatProbability = (value: number) => percent.format(value);
/** A share of a population: "52%". */
export const formatShare = (value: number) => share.format(value);
export const formatCount = (value: number) => whole.format(value);

/** The first 12 characters of a SHA-256, for tables; the full hash is shown where it matters. */
export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;
