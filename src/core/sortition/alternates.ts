/**
 * Alternates: when panel members drop out, select replacements given those who stay.
 *
 * The members who stay are fixed; the quotas shrink by what they already fill and the panel size
 * by their number; the pool loses everyone already drawn (including the drop-outs), anyone else
 * unavailable and, under the household rule, the housemates of those who stay. On that reduced
 * problem the same algorithm (LEXIMIN by default) computes a fair distribution over sets of
 * replacements, and one is drawn with a public seed, exactly like the main draw. This mirrors the
 * Sortition Foundation practice of re-running the selection for the remaining places.
 */
import { DomainError, isDomainError } from '../errors.ts';
import { computeDrawSeed, drawPanel, type DrawResult } from './draw.ts';
import { compileInstance } from './instance.ts';
import type { QuotaRelaxation } from './feasibility.ts';
import { selectPanelDistribution, type SelectPanelOptions } from './select-distribution.ts';
import type { PanelDistribution, PoolMember, Quota } from './types.ts';

export interface SelectAlternatesOptions extends Omit<SelectPanelOptions, 'pool' | 'quotas' | 'panelSize'> {
  pool: readonly PoolMember[];
  quotas: readonly Quota[];
  panelSize: number;
  /** The panel as drawn (pool indices). */
  selected: readonly number[];
  /** Members of `selected` who dropped out. */
  droppedOut: readonly number[];
  /** Other registrants who are no longer available (pool indices). */
  unavailable?: readonly number[];
  /** Hex seed for the draw of replacements (see computeAlternatesSeed). */
  seed: string;
}

export interface AlternatesResult {
  kept: number[];
  replacements: number[];
  /** kept ∪ replacements, ascending. */
  panel: number[];
  /** Distribution over replacement sets (pool indices); null when nobody dropped out. */
  distribution: PanelDistribution | null;
  draw: DrawResult | null;
}

export async function selectAlternates(options: SelectAlternatesOptions): Promise<AlternatesResult> {
  const { pool, panelSize, selected, droppedOut } = options;
  const instance = compileInstance(options);
  const inPool = (index: number) => Number.isInteger(index) && index >= 0 && index < pool.length;
  const issues = [
    ...selected.filter((index) => !inPool(index)).map((index) => `geselecteerde index ${index} bestaat niet`),
    ...droppedOut
      .filter((index) => !selected.includes(index))
      .map((index) => `afvaller ${index} zat niet in het panel`),
  ];
  if (new Set(selected).size !== selected.length) issues.push('het panel bevat dubbele leden');
  if (selected.length !== panelSize)
    issues.push(`het panel heeft ${selected.length} leden, niet ${panelSize}`);
  if (issues.length > 0) {
    throw new DomainError('invalid_input', `Ongeldige invoer voor vervangers: ${issues.join('; ')}.`, {
      issues: issues.map((message) => ({ path: ['selected'], message })),
    });
  }
  const dropped = new Set(droppedOut);
  const kept = selected.filter((index) => !dropped.has(index)).sort((a, b) => a - b);
  if (dropped.size === 0) return { kept, replacements: [], panel: kept, distribution: null, draw: null };

  const blocked = new Set<number>([...selected, ...(options.unavailable ?? [])]);
  for (const member of kept) {
    const household = instance.householdOf[member]!;
    if (household < 0) continue;
    instance.householdOf.forEach((other, index) => other === household && blocked.add(index));
  }
  const candidates = pool.map((_, index) => index).filter((index) => !blocked.has(index));

  // Quotas minus what the members who stay already fill.
  const filled = new Map<string, number>();
  const key = (category: string, value: string) => `${category}\u0001${value}`;
  for (const member of kept) {
    const type = instance.types[instance.typeOf[member]!]!;
    instance.categories.forEach((category, f) => {
      const name = key(category.name, category.values[type.values[f]!]!.name);
      filled.set(name, (filled.get(name) ?? 0) + 1);
    });
  }
  const reducedQuotas: Quota[] = instance.categories.flatMap((category) =>
    category.values.map((value) => {
      const used = filled.get(key(category.name, value.name)) ?? 0;
      if (used > value.max) {
        throw new DomainError(
          'invalid_input',
          `De blijvers overschrijden al het maximum van ${category.name}: ${value.name}.`,
        );
      }
      return {
        category: category.name,
        value: value.name,
        min: Math.max(0, value.min - used),
        max: value.max - used,
        minFlex: Math.max(0, value.minFlex - used),
        maxFlex: value.maxFlex - used,
      };
    }),
  );

  let distribution: PanelDistribution;
  try {
    distribution = await selectPanelDistribution({
      ...options,
      pool: candidates.map((index) => pool[index]!),
      quotas: reducedQuotas,
      panelSize: panelSize - kept.length,
    });
  } catch (error) {
    throw mapRelaxations(error, filled, key);
  }
  const mapped: PanelDistribution = {
    ...distribution,
    n: pool.length,
    panels: distribution.panels.map((panel) => ({
      probability: panel.probability,
      members: panel.members.map((member) => candidates[member]!),
    })),
    probabilities: pool.map(() => 0),
  };
  distribution.probabilities.forEach(
    (probability, index) => (mapped.probabilities[candidates[index]!] = probability),
  );
  const draw = drawPanel(mapped, options.seed);
  const panel = [...kept, ...draw.members].sort((a, b) => a - b);
  return { kept, replacements: draw.members, panel, distribution: mapped, draw };
}

/** Seed for a draw of alternates: the draw seed construction with the drop-outs bound in. */
export function computeAlternatesSeed(
  publicValue: string,
  inputHashes: readonly string[],
  droppedIds: readonly string[],
): string {
  return computeDrawSeed(`${publicValue}\nalternates:${[...droppedIds].sort().join(',')}`, inputHashes);
}

/** Relaxations of the reduced quotas, expressed in the original quotas. */
function mapRelaxations(
  error: unknown,
  filled: Map<string, number>,
  key: (c: string, v: string) => string,
): unknown {
  if (!isDomainError(error) || error.code !== 'infeasible' || !error.data) return error;
  const relaxations = (error.data.relaxations as QuotaRelaxation[] | undefined)?.map((relaxation) => {
    const used = filled.get(key(relaxation.category, relaxation.value)) ?? 0;
    return { ...relaxation, from: relaxation.from + used, to: relaxation.to + used };
  });
  return new DomainError('infeasible', `Geen vervangers te vinden binnen de quota.\n${error.message}`, {
    data: { ...error.data, ...(relaxations ? { relaxations } : {}) },
  });
}
