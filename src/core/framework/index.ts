/** Public surface of the framework capability (afwegingskader): content, point status, decision, progress. */
export type {
  DiscussionPoint,
  FrameworkContent,
  Phase,
  PhaseId,
  PointStatus,
  Principle,
  Step,
  SuccessFactor,
} from './types.ts';
export { FRAMEWORK, findPhase, findPoint, findStep, listPointIds } from './content.ts';
export type { PointLocation, StepLocation } from './content.ts';
export { PRINCIPLES, SUCCESS_FACTORS } from './knowledge.ts';
export {
  POINT_STATUSES,
  POINT_STATUS_LABELS,
  POINT_STATUS_TRANSITIONS,
  isPointStatus,
  isPointTransitionAllowed,
  validatePointUpdate,
} from './point-status.ts';
export type { PointUpdate } from './point-status.ts';
export {
  ALTERNATIVE_ROUTES,
  ALTERNATIVE_ROUTE_LABELS,
  DECISION_OUTCOMES,
  DECISION_OUTCOME_LABELS,
  MIN_RATIONALE_CHARACTERS,
  isIsoDate,
  isPhaseBeforeGo,
  selectCurrentDecision,
  validateDecision,
} from './decision.ts';
export type {
  AlternativeRoute,
  DecisionContext,
  DecisionInput,
  DecisionOutcome,
  RecordedDecision,
} from './decision.ts';
export { computeProgress, filterPoints } from './progress.ts';
export type {
  FrameworkProgress,
  PhaseProgress,
  PointFilter,
  StatusCounts,
  StepProgress,
} from './progress.ts';
