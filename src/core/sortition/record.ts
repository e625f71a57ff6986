/**
 * The record of a run and its draw (issue 4: "every run and draw is recorded"): the inputs'
 * hashes, the settings, the algorithm, the distribution, the public value, the derived seed and the
 * drawn panel, with registrant ids instead of pool indices. With the same input files anyone can
 * recompute the distribution, the seed (computeDrawSeed) and so the panel.
 */
import { computeDrawSeed, drawPanel } from './draw.ts';
import { computeGini } from './gini.ts';
import type { PanelDistribution, PoolMember, SortitionAlgorithm } from './types.ts';

export const SELECTION_RECORD_FORMAT = 'wijkkompas-panel-selection/1';

export interface SelectionSettings {
  algorithm: SortitionAlgorithm;
  panelSize: number;
  householdColumns: string[];
  idColumn: string | null;
  samples?: number;
}

export interface SelectionRecord {
  format: typeof SELECTION_RECORD_FORMAT;
  algorithm: SortitionAlgorithm;
  n: number;
  k: number;
  minProbability: number;
  maxProbability: number;
  gini: number;
  people: { id: string; probability: number }[];
  panels: { probability: number; members: string[] }[];
  /** The value announced in public at the draw. */
  seed: string;
  /** SHA-256 seed derived from it and the input hashes (computeDrawSeed). */
  drawSeed: string;
  /** SHA-256 of the quota file, the respondents file and the canonical settings, in that order. */
  inputHashes: { categories: string; respondents: string; settings: string };
  settings: SelectionSettings;
  selected: string[];
  draw: { panelIndex: number; ticket: number };
  stats: PanelDistribution['stats'] & { seconds?: number };
  solver: string;
  createdAt: string;
}

/** The canonical text of the settings whose SHA-256 joins the input hashes. */
export function formatSettings(settings: SelectionSettings): string {
  return JSON.stringify({
    algorithm: settings.algorithm,
    panelSize: settings.panelSize,
    householdColumns: settings.householdColumns,
    idColumn: settings.idColumn,
    ...(settings.samples !== undefined ? { samples: settings.samples } : {}),
  });
}

export interface DrawAndRecordInput {
  pool: readonly PoolMember[];
  distribution: PanelDistribution;
  settings: SelectionSettings;
  inputHashes: SelectionRecord['inputHashes'];
  publicValue: string;
  solver: string;
  /** ISO time of the run (passed in: the core reads no clock). */
  createdAt: string;
  seconds?: number;
}

/** Draws the panel with the public value and returns the complete record. */
export function drawAndRecord(input: DrawAndRecordInput): SelectionRecord {
  const { pool, distribution, inputHashes } = input;
  const drawSeed = computeDrawSeed(input.publicValue, [
    inputHashes.categories,
    inputHashes.respondents,
    inputHashes.settings,
  ]);
  const draw = drawPanel(distribution, drawSeed);
  const ids = pool.map((member) => member.id);
  const probabilities = distribution.probabilities;
  return {
    format: SELECTION_RECORD_FORMAT,
    algorithm: distribution.algorithm,
    n: distribution.n,
    k: distribution.k,
    minProbability: Math.min(...probabilities),
    maxProbability: Math.max(...probabilities),
    gini: computeGini(probabilities),
    people: pool.map((member, index) => ({ id: member.id, probability: probabilities[index]! })),
    panels: distribution.panels.map((panel) => ({
      probability: panel.probability,
      members: panel.members.map((member) => ids[member]!),
    })),
    seed: input.publicValue,
    drawSeed,
    inputHashes,
    settings: input.settings,
    selected: draw.members.map((member) => ids[member]!),
    draw: { panelIndex: draw.panelIndex, ticket: draw.ticket },
    stats: { ...distribution.stats, ...(input.seconds !== undefined ? { seconds: input.seconds } : {}) },
    solver: input.solver,
    createdAt: input.createdAt,
  };
}
