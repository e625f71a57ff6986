/**
 * The public draw: one panel from the distribution, with a seed anyone can recompute.
 *
 * seed = SHA-256 of "wijkkompas-sortition-draw-v1", the value announced in public at the draw
 * (typed in there, or a published random-beacon value) and the SHA-256 hashes of the input files,
 * one per line. Those hashes bind the seed to the exact inputs; the public value, unknown until the
 * draw, makes it unpredictable. The generator (xoshiro128**, src/core/random.ts) seeded with it
 * yields u ∈ [0, 1), and the panel is the one whose cumulative probability interval contains u,
 * panels in the order of the distribution. Replaying with the same inputs and public value gives
 * the same panel.
 */
import { DomainError } from '../errors.ts';
import { createRandom } from '../random.ts';
import { computeSha256 } from './sha256.ts';
import type { PanelDistribution } from './types.ts';

export const DRAW_SEED_DOMAIN = 'wijkkompas-sortition-draw-v1';

export function computeDrawSeed(publicValue: string, inputHashes: readonly string[]): string {
  for (const hash of inputHashes) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw new DomainError('invalid_input', `Geen SHA-256-hash (64 hexadecimale tekens): "${hash}".`, {
        issues: [{ path: ['inputHashes'], message: 'Verwacht 64 kleine hexadecimale tekens.' }],
      });
    }
  }
  return computeSha256([DRAW_SEED_DOMAIN, publicValue, ...inputHashes].join('\n'));
}

export interface DrawResult {
  /** Index into distribution.panels. */
  panelIndex: number;
  members: number[];
  /** The uniform number that picked the panel. */
  ticket: number;
}

export function drawPanel(distribution: Pick<PanelDistribution, 'panels'>, seed: string): DrawResult {
  const { panels } = distribution;
  if (panels.length === 0) throw new DomainError('invalid_input', 'De verdeling bevat geen panels.');
  const ticket = createRandom(seed)();
  const total = panels.reduce((sum, panel) => sum + panel.probability, 0);
  let cumulative = 0;
  for (let index = 0; index < panels.length; index++) {
    cumulative += panels[index]!.probability / total;
    if (ticket < cumulative) return { panelIndex: index, members: [...panels[index]!.members], ticket };
  }
  const last = panels.length - 1;
  return { panelIndex: last, members: [...panels[last]!.members], ticket };
}
