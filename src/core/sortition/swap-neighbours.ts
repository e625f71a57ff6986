/**
 * Extra columns per master solve: panels one swap away from a priced panel (one member of type a
 * replaced by one of type b) that still meet every quota and the household rule and still price
 * out. A master LP solve costs several pricing steps, and LEXIMIN's optimum typically needs about
 * one panel per type in its support (a basic solution), so adding a batch of improving columns per
 * solve cuts the number of solves (cf. the reference implementation, which re-prices with scaled
 * weights up to 10 times per master solve).
 */
import type { SortitionInstance } from './instance.ts';

export interface SwapNeighbourhood {
  /** Up to `limit` distinct neighbours of `counts` whose weight exceeds `threshold`, best first. */
  findImproving(counts: Int32Array, weights: Float64Array, threshold: number, limit: number): Int32Array[];
  /**
   * The best single swap of `counts` (largest weight gain), or null if no swap gains more than
   * `minGain`. Types are scanned in the order of `byWeight` (descending weight).
   */
  findBestSwap(
    counts: Int32Array,
    weights: Float64Array,
    byWeight: Int32Array,
    minGain: number,
  ): Int32Array | null;
  /** Local search: best swaps until none gains (a feasible panel of locally maximal weight). */
  improve(counts: Int32Array, weights: Float64Array): Int32Array;
}

/** Upper limit on local-search moves (each move gains weight, so it ends anyway). */
const MAX_MOVES = 10_000;

export function createSwapNeighbourhood(instance: SortitionInstance): SwapNeighbourhood {
  const T = instance.types.length;
  const F = instance.categories.length;
  const Q = instance.quotaCategory.length;
  const min = new Int32Array(Q);
  const max = new Int32Array(Q);
  for (let q = 0; q < Q; q++) {
    const value = instance.categories[instance.quotaCategory[q]!]!.values[instance.quotaValue[q]!]!;
    min[q] = value.min;
    max[q] = value.max;
  }
  const sizes = Int32Array.from(instance.types, (type) => type.members.length);
  const householdOfType = new Int32Array(T).fill(-1);
  instance.households.forEach((household, h) => household.forEach((t) => (householdOfType[t] = h)));
  const usage = new Int32Array(Q);
  const householdUsed = new Int32Array(instance.households.length);

  function loadPanel(counts: Int32Array): void {
    usage.fill(0);
    householdUsed.fill(0);
    for (let t = 0; t < T; t++) {
      const count = counts[t]!;
      if (count === 0) continue;
      for (const q of instance.typeQuotas[t]!) usage[q]! += count;
      if (householdOfType[t]! >= 0) householdUsed[householdOfType[t]!]! += count;
    }
  }

  function canSwap(counts: Int32Array, out: number, into: number): boolean {
    if (into === out || counts[into]! >= sizes[into]!) return false;
    const household = householdOfType[into]!;
    if (household >= 0 && householdUsed[household]! - (householdOfType[out] === household ? 1 : 0) >= 1)
      return false;
    const outQuotas = instance.typeQuotas[out]!;
    const intoQuotas = instance.typeQuotas[into]!;
    for (let f = 0; f < F; f++) {
      const qOut = outQuotas[f]!;
      const qIn = intoQuotas[f]!;
      if (qOut !== qIn && (usage[qOut]! - 1 < min[qOut]! || usage[qIn]! + 1 > max[qIn]!)) return false;
    }
    return true;
  }

  const neighbourhood: SwapNeighbourhood = {
    improve(counts, weights) {
      const byWeight = Int32Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]!);
      let current = counts;
      for (let move = 0; move < MAX_MOVES; move++) {
        const next = neighbourhood.findBestSwap(current, weights, byWeight, 1e-12);
        if (!next) break;
        current = next;
      }
      return current;
    },
    findBestSwap(counts, weights, byWeight, minGain) {
      loadPanel(counts);
      let best: { out: number; into: number; gain: number } | null = null;
      for (let out = 0; out < T; out++) {
        if (counts[out] === 0) continue;
        const wOut = weights[out]!;
        for (const into of byWeight) {
          const gain = weights[into]! - wOut;
          if (gain <= minGain || (best && gain <= best.gain)) break;
          if (canSwap(counts, out, into)) {
            best = { out, into, gain };
            break;
          }
        }
      }
      if (!best) return null;
      const next = counts.slice();
      next[best.out]!--;
      next[best.into]!++;
      return next;
    },
    findImproving(counts, weights, threshold, limit) {
      usage.fill(0);
      householdUsed.fill(0);
      let weight = 0;
      const onPanel: number[] = [];
      for (let t = 0; t < T; t++) {
        const count = counts[t]!;
        if (count === 0) continue;
        onPanel.push(t);
        weight += count * weights[t]!;
        for (const q of instance.typeQuotas[t]!) usage[q]! += count;
        if (householdOfType[t]! >= 0) householdUsed[householdOfType[t]!]! += count;
      }
      const candidates: { gain: number; out: number; into: number }[] = [];
      for (const out of onPanel) {
        const outQuotas = instance.typeQuotas[out]!;
        const wOut = weights[out]!;
        for (let into = 0; into < T; into++) {
          if (into === out || counts[into]! >= sizes[into]!) continue;
          const gain = weights[into]! - wOut;
          if (weight + gain <= threshold) continue;
          const household = householdOfType[into]!;
          if (household >= 0 && householdUsed[household]! - (householdOfType[out] === household ? 1 : 0) >= 1)
            continue;
          const intoQuotas = instance.typeQuotas[into]!;
          let feasible = true;
          for (let f = 0; f < F && feasible; f++) {
            const qOut = outQuotas[f]!;
            const qIn = intoQuotas[f]!;
            if (qOut === qIn) continue;
            feasible = usage[qOut]! - 1 >= min[qOut]! && usage[qIn]! + 1 <= max[qIn]!;
          }
          if (feasible) candidates.push({ gain, out, into });
        }
      }
      candidates.sort((a, b) => b.gain - a.gain || a.out - b.out || a.into - b.into);
      return candidates.slice(0, limit).map(({ out, into }) => {
        const next = counts.slice();
        next[out]!--;
        next[into]!++;
        return next;
      });
    },
  };
  return neighbourhood;
}
