/**
 * LEGACY: the greedy stratified selection used before Flanigan et al. (2021) and kept as the
 * baseline (reference: Sortition Foundation `find_random_sample_legacy`). Repeatedly take the
 * quota with the largest (minimum − selected) / remaining ratio, draw a random remaining
 * registrant with that value, and remove everyone whose value has reached its maximum (and, with
 * the household rule, the new member's housemates). A run that breaks a quota is retried.
 *
 * LEGACY has no closed-form distribution; as in the paper, its probabilities are estimated by
 * sampling: the distribution returned is the empirical one over `samples` independent runs.
 */
import { DomainError } from '../errors.ts';
import type { RandomSource } from '../random.ts';
import type { SortitionInstance } from './instance.ts';
import { throwIfCancelled } from './pricing.ts';
import type { CancelSignal, SelectionProgress, WeightedPanel } from './types.ts';

export interface LegacyOptions {
  samples: number;
  random: RandomSource;
  /** Attempts per sample before giving up (the reference's retry loop). */
  maxAttempts?: number;
  /** Skip a sample that fails every attempt instead of throwing (for seed panels). */
  skipFailures?: boolean;
  signal?: CancelSignal;
  onProgress?: (progress: SelectionProgress) => void;
}

export function sampleLegacyDistribution(
  instance: SortitionInstance,
  options: LegacyOptions,
): WeightedPanel[] {
  const counts = new Map<string, { members: number[]; count: number }>();
  const state = createLegacyState(instance);
  const maxAttempts = options.maxAttempts ?? 100;
  for (let sample = 0; sample < options.samples; sample++) {
    if (sample % 50 === 0) {
      throwIfCancelled(options.signal);
      options.onProgress?.({
        phase: 'sampling',
        iterations: 0,
        panels: counts.size,
        solverCalls: 0,
        samples: sample,
        total: options.samples,
      });
    }
    let panel: number[] | null = null;
    for (let attempt = 0; attempt < maxAttempts && !panel; attempt++)
      panel = drawLegacyPanel(state, options.random);
    if (!panel && options.skipFailures) continue;
    if (!panel) {
      throw new DomainError(
        'infeasible',
        `LEGACY vond na ${maxAttempts} pogingen geen panel dat aan de quota voldoet; gebruik LEXIMIN.`,
      );
    }
    panel.sort((a, b) => a - b);
    const key = panel.join(',');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { members: panel, count: 1 });
  }
  return [...counts.values()].map(({ members, count }) => ({
    probability: count / options.samples,
    members,
  }));
}

interface LegacyState {
  instance: SortitionInstance;
  /** Registrants per quota (all, fixed). */
  byQuota: number[][];
  /** Quota indices per registrant. */
  quotasOf: Int32Array[];
  housemates: number[][];
  min: Int32Array;
  max: Int32Array;
  /** Buffers reused by every run: initial lists and positions, and working copies. */
  initialLists: Int32Array[];
  initialPosition: Int32Array;
  lists: Int32Array[];
  position: Int32Array;
  lengths: Int32Array;
  alive: Uint8Array;
  selected: Int32Array;
}

function createLegacyState(instance: SortitionInstance): LegacyState {
  const Q = instance.quotaCategory.length;
  const byQuota: number[][] = Array.from({ length: Q }, () => []);
  const quotasOf: Int32Array[] = new Array(instance.n);
  instance.types.forEach((type, t) => {
    for (const person of type.members) {
      quotasOf[person] = instance.typeQuotas[t]!;
      for (const q of instance.typeQuotas[t]!) byQuota[q]!.push(person);
    }
  });
  const households = new Map<number, number[]>();
  instance.householdOf.forEach((household, person) => {
    if (household < 0) return;
    households.set(household, [...(households.get(household) ?? []), person]);
  });
  const housemates = Array.from({ length: instance.n }, (_, person) => {
    const household = instance.householdOf[person]!;
    return household < 0 ? [] : households.get(household)!.filter((other) => other !== person);
  });
  const min = new Int32Array(Q);
  const max = new Int32Array(Q);
  for (let q = 0; q < Q; q++) {
    const value = instance.categories[instance.quotaCategory[q]!]!.values[instance.quotaValue[q]!]!;
    min[q] = value.min;
    max[q] = value.max;
  }
  const F = instance.categories.length;
  const initialLists = byQuota.map((list) => Int32Array.from(list));
  const initialPosition = new Int32Array(instance.n * F);
  initialLists.forEach((list, q) => {
    const f = instance.quotaCategory[q]!;
    list.forEach((person, i) => (initialPosition[person * F + f] = i));
  });
  return {
    instance,
    byQuota,
    quotasOf,
    housemates,
    min,
    max,
    initialLists,
    initialPosition,
    lists: initialLists.map((list) => list.slice()),
    position: initialPosition.slice(),
    lengths: new Int32Array(Q),
    alive: new Uint8Array(instance.n),
    selected: new Int32Array(Q),
  };
}

/** One greedy run; null when it gets stuck or ends outside the quotas (then the caller retries). */
function drawLegacyPanel(state: LegacyState, random: RandomSource): number[] | null {
  const { instance, byQuota, quotasOf, min, max } = state;
  const Q = min.length;
  const F = instance.categories.length;
  // Remaining registrants per quota as swap-remove lists; position[person·F + f] is the person's
  // place in the list of their quota in category f. The buffers are reset, not reallocated.
  const { lists, lengths, position, alive, selected } = state;
  lists.forEach((list, q) => {
    list.set(state.initialLists[q]!);
    lengths[q] = byQuota[q]!.length;
  });
  position.set(state.initialPosition);
  alive.fill(1);
  selected.fill(0);
  let aliveCount = instance.n;
  const panel: number[] = [];

  const remove = (person: number) => {
    if (!alive[person]) return;
    alive[person] = 0;
    aliveCount--;
    const quotas = quotasOf[person]!;
    for (let f = 0; f < F; f++) {
      const q = quotas[f]!;
      const list = lists[q]!;
      const at = position[person * F + f]!;
      const last = list[--lengths[q]!]!;
      list[at] = last;
      position[last * F + f] = at;
    }
  };
  const removeValue = (q: number) => {
    while (lengths[q]! > 0) remove(lists[q]![0]!);
  };

  for (let q = 0; q < Q; q++) if (max[q] === 0) removeValue(q);
  for (let step = 0; step < instance.k; step++) {
    let best = -1;
    let bestRatio = -Infinity;
    for (let q = 0; q < Q; q++) {
      const remaining = lengths[q]!;
      const needed = min[q]! - selected[q]!;
      if (remaining < needed) return null;
      if (remaining === 0 || max[q] === 0) continue;
      const ratio = needed / remaining;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = q;
      }
    }
    if (best < 0) return null;
    const person = lists[best]![Math.floor(random() * lengths[best]!)]!;
    panel.push(person);
    remove(person);
    for (const mate of state.housemates[person]!) remove(mate);
    for (const q of quotasOf[person]!) {
      selected[q]!++;
      if (selected[q] === max[q]) removeValue(q);
    }
    if (step < instance.k - 1 && aliveCount === 0) return null;
  }
  for (let q = 0; q < Q; q++) if (selected[q]! < min[q]! || selected[q]! > max[q]!) return null;
  return panel;
}
