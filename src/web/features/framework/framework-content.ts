/**
 * The framework content for the web app, straight from the pure core (src/core/framework): the
 * same texts the server serves at GET /api/v1/framework, without a request.
 */
import {
  ALTERNATIVE_ROUTE_LABELS,
  DECISION_OUTCOME_LABELS,
  FRAMEWORK,
  POINT_STATUS_LABELS,
  POINT_STATUS_TRANSITIONS,
  findPhase,
  findStep,
  type Phase,
  type PointStatus,
  type Step,
} from '../../../core/framework/index.ts';

export {
  ALTERNATIVE_ROUTE_LABELS,
  DECISION_OUTCOME_LABELS,
  FRAMEWORK,
  POINT_STATUS_LABELS,
  POINT_STATUS_TRANSITIONS,
  findPhase,
  findStep,
};
export type { Phase, Step };

/** NL Design System status badge variant per point status. */
export const POINT_STATUS_BADGE: Record<PointStatus, string> = {
  open: 'neutral',
  in_discussion: 'warning',
  answered: 'valid',
  skipped: 'inactive',
};

export interface KnowledgeItem {
  id: string;
  kind: 'principle' | 'success-factor';
  number: number;
  title: string;
  summary: string;
  /** "Uitgangspunt 3" / "Succesfactor 6". */
  label: string;
}

const KNOWLEDGE: KnowledgeItem[] = [
  ...FRAMEWORK.principles.map((p) => ({
    ...p,
    kind: 'principle' as const,
    label: `Uitgangspunt ${p.number}`,
  })),
  ...FRAMEWORK.successFactors.map((s) => ({
    ...s,
    kind: 'success-factor' as const,
    label: `Succesfactor ${s.number}`,
  })),
];

export const PRINCIPLE_ITEMS = KNOWLEDGE.filter((k) => k.kind === 'principle');
export const SUCCESS_FACTOR_ITEMS = KNOWLEDGE.filter((k) => k.kind === 'success-factor');

export function findKnowledgeItem(id: string | undefined): KnowledgeItem | undefined {
  return KNOWLEDGE.find((k) => k.id === id);
}

/** The principles and success factors a step refers to. */
export function knowledgeOfStep(step: Step): KnowledgeItem[] {
  return [...step.principleIds, ...step.successFactorIds]
    .map((id) => findKnowledgeItem(id))
    .filter((k): k is KnowledgeItem => Boolean(k));
}

/** The steps that refer to a principle or success factor, with their phase. */
export function stepsLinkingTo(itemId: string): { phase: Phase; step: Step }[] {
  return FRAMEWORK.phases.flatMap((phase) =>
    phase.steps
      .filter((step) => step.principleIds.includes(itemId) || step.successFactorIds.includes(itemId))
      .map((step) => ({ phase, step })),
  );
}

/** The steps in framework order, for previous / next navigation. */
export const ALL_STEPS: { phase: Phase; step: Step }[] = FRAMEWORK.phases.flatMap((phase) =>
  phase.steps.map((step) => ({ phase, step })),
);

export function phaseLabel(phase: Phase): string {
  return `Fase ${phase.number}: ${phase.title}`;
}

export function stepLabel(step: Step): string {
  return `Stap ${step.id} ${step.title}`;
}
