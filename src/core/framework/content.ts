/**
 * The framework content as one frozen object, with lookups by id. The transcription itself (and its
 * rules) lives in phases.ts; principles and success factors in knowledge.ts.
 */
import { PRINCIPLES, SUCCESS_FACTORS } from './knowledge.ts';
import { PHASE_INITIEREN, PHASE_ONTWERPEN, PHASE_ORIENTEREN, PHASE_UITVOEREN } from './phases.ts';
import type { DiscussionPoint, FrameworkContent, Phase, PhaseId, Step } from './types.ts';

/** The whole framework, frozen: callers share one copy and must not mutate it. */
export const FRAMEWORK: FrameworkContent = freezeDeep({
  version: '2022.1',
  phases: [PHASE_ORIENTEREN, PHASE_INITIEREN, PHASE_ONTWERPEN, PHASE_UITVOEREN],
  principles: PRINCIPLES,
  successFactors: SUCCESS_FACTORS,
});

export interface StepLocation {
  phase: Phase;
  step: Step;
}

export interface PointLocation extends StepLocation {
  point: DiscussionPoint;
}

const PHASES_BY_ID = new Map<PhaseId, Phase>(FRAMEWORK.phases.map((phase) => [phase.id, phase]));
const STEPS_BY_ID = new Map<string, StepLocation>(
  FRAMEWORK.phases.flatMap((phase) => phase.steps.map((step) => [step.id, { phase, step }] as const)),
);
const POINTS_BY_ID = new Map<string, PointLocation>(
  FRAMEWORK.phases.flatMap((phase) =>
    phase.steps.flatMap((step) =>
      step.discussionPoints.map((point) => [point.id, { phase, step, point }] as const),
    ),
  ),
);
const POINT_IDS: readonly string[] = Object.freeze([...POINTS_BY_ID.keys()]);

export function findPhase(phaseId: string): Phase | undefined {
  return PHASES_BY_ID.get(phaseId as PhaseId);
}

/** The step with id '2.3' and its phase, or undefined for an unknown id. */
export function findStep(stepId: string): StepLocation | undefined {
  return STEPS_BY_ID.get(stepId);
}

/** The discussion point with id '2.3.1' with its step and phase, or undefined for an unknown id. */
export function findPoint(pointId: string): PointLocation | undefined {
  return POINTS_BY_ID.get(pointId);
}

/** All 92 point ids in seed order (phase, step, point). */
export function listPointIds(): readonly string[] {
  return POINT_IDS;
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}
