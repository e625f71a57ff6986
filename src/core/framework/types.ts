/**
 * The assessment framework (afwegingskader) of the policy note "Programma Leefbaarheid en Veiligheid"
 * (seed/000_28cc413844fe9fee.txt, chapter 4): 4 phases (bouwstenen), 22 steps, 92 discussion points,
 * linked to the note's 6 principles (chapter 2) and 10 success factors (chapter 3).
 */

/** The four building blocks of seed figure 4.1, in order. */
export type PhaseId = 'orienteren' | 'initieren' | 'ontwerpen' | 'uitvoeren';

/** One "Gesprekspunt" bullet of a step; id '1.1.1' = phase.step.point (1-based, seed order). */
export interface DiscussionPoint {
  id: string;
  text: string;
}

/** One row of a "Stap / Afweging / Gesprekspunten" table; id '1.1' = phase.step. */
export interface Step {
  id: string;
  number: number;
  title: string;
  /** The "Afweging" column. */
  consideration: string;
  /** From the reference column: "3.n" -> 'principle-n' (older chapter numbering, see content.ts). */
  principleIds: string[];
  /** From the reference column: "4.n" -> 'success-factor-n'. */
  successFactorIds: string[];
  discussionPoints: DiscussionPoint[];
}

export interface Phase {
  id: PhaseId;
  number: number;
  title: string;
  /** The running text opening the phase; paragraphs separated by a blank line. */
  introduction: string;
  /** The sub-steps shown in the phase's figure. */
  subSteps: string[];
  steps: Step[];
}

/** Uitgangspunt, seed chapter 2; id 'principle-1'..'principle-6'. */
export interface Principle {
  id: string;
  number: number;
  title: string;
  summary: string;
}

/** Succesfactor, seed chapter 3; id 'success-factor-1'..'success-factor-10'. */
export interface SuccessFactor {
  id: string;
  number: number;
  title: string;
  summary: string;
}

export interface FrameworkContent {
  version: string;
  phases: Phase[];
  principles: Principle[];
  successFactors: SuccessFactor[];
}

/** The state of one discussion point in one cycle of an approach (see point-status.ts). */
export type PointStatus = 'open' | 'in_discussion' | 'answered' | 'skipped';
