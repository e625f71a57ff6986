/**
 * From panels on types (a count per type) to panels of individuals, preserving each registrant's
 * probability exactly: within a type, members are chosen by systematic sampling (Madow 1949) with
 * one random start x ∈ [0, 1) shared by all types of the panel. With c of the n members of a type
 * to choose, member j is on the panel iff [j·c/n, (j+1)·c/n) contains a point of x + ℤ, which
 * happens for a set of x of measure exactly c/n, and exactly c members are chosen for every x.
 * The choice only changes where x crosses a multiple of gcd(c, n)/n, so a type panel becomes as
 * many individual panels as there are cells in the union of these grids.
 *
 * Members are laid out in a random order per type (`random`, seeded by the caller) rather than in
 * file order, so that being on a panel together does not depend on being near in the file.
 */
import type { RandomSource } from '../random.ts';
import type { SortitionInstance } from './instance.ts';
import type { WeightedPanel } from './types.ts';

/** Panels with less probability than this are numerical noise of the LP and are dropped. */
const NEGLIGIBLE = 1e-12;

export function expandTypePanels(
  instance: SortitionInstance,
  panels: readonly Int32Array[],
  lambda: Float64Array,
  random?: RandomSource,
): WeightedPanel[] {
  const order = instance.types.map((type) => (random ? shuffle(type.members, random) : type.members));
  let total = 0;
  for (let p = 0; p < panels.length; p++) total += lambda[p]! > NEGLIGIBLE ? lambda[p]! : 0;
  const merged = new Map<string, WeightedPanel>();
  panels.forEach((counts, p) => {
    const weight = lambda[p]!;
    if (!(weight > NEGLIGIBLE)) return;
    for (const piece of expandOne(order, counts)) {
      const probability = (weight / total) * piece.share;
      const key = piece.members.join(',');
      const existing = merged.get(key);
      if (existing) existing.probability += probability;
      else merged.set(key, { probability, members: piece.members });
    }
  });
  return [...merged.values()];
}

interface Piece {
  share: number;
  members: number[];
}

function expandOne(order: readonly number[][], counts: Int32Array): Piece[] {
  const grids: { type: number; cells: number }[] = [];
  const fixedMembers: number[] = [];
  counts.forEach((count, t) => {
    const members = order[t]!;
    if (count === 0) return;
    if (count >= members.length) fixedMembers.push(...members);
    else grids.push({ type: t, cells: members.length / gcd(count, members.length) });
  });
  const breakpoints = unionOfGrids(grids.map((grid) => grid.cells));
  const pieces: Piece[] = [];
  for (let s = 0; s < breakpoints.length; s++) {
    const [a1, d1] = breakpoints[s]!;
    const [a2, d2] = breakpoints[s + 1] ?? [1, 1];
    const members = [...fixedMembers];
    for (const grid of grids) {
      // Cell of the midpoint (a1/d1 + a2/d2)/2 in this type's grid; any x in the cell chooses alike.
      const cell = Math.floor(((a1 * d2 + a2 * d1) * grid.cells) / (2 * d1 * d2));
      members.push(...chooseSystematic(order[grid.type]!, counts[grid.type]!, grid.cells, cell));
    }
    members.sort((x, y) => x - y);
    pieces.push({ share: a2 / d2 - a1 / d1, members });
  }
  return pieces;
}

/** Members chosen by systematic sampling with start x = (cell + ½)/cells. */
function chooseSystematic(members: readonly number[], count: number, cells: number, cell: number): number[] {
  const n = members.length;
  // x = P/Q; member j is chosen iff ⌈((j+1)c − x·n)/n⌉ − ⌈(jc − x·n)/n⌉ = 1, in integers.
  const P = 2 * cell + 1;
  const Q = 2 * cells;
  const B = n * Q;
  const chosen: number[] = [];
  let previous = ceilDiv(-P * n, B);
  for (let j = 0; j < n; j++) {
    const next = ceilDiv((j + 1) * count * Q - P * n, B);
    if (next - previous === 1) chosen.push(members[j]!);
    previous = next;
  }
  return chosen;
}

/** Sorted distinct fractions i/m (0 ≤ i < m) over all grid sizes m, as [numerator, denominator]. */
function unionOfGrids(sizes: number[]): [number, number][] {
  const seen = new Set<string>();
  const fractions: [number, number][] = [[0, 1]];
  seen.add('0/1');
  for (const m of new Set(sizes)) {
    for (let i = 1; i < m; i++) {
      const g = gcd(i, m);
      const key = `${i / g}/${m / g}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fractions.push([i / g, m / g]);
    }
  }
  return fractions.sort((x, y) => x[0] * y[1] - y[0] * x[1]);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

/** Fisher–Yates shuffle of a copy. */
function shuffle(values: readonly number[], random: RandomSource): number[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
