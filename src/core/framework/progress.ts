/**
 * Progress through the framework for one cycle: how many discussion points are open, in discussion,
 * answered or consciously skipped, per step, per phase and in total. A point counts as done when it
 * is answered or skipped (skipping "om moverende redenen" is a decision too, seed lines 1540–1542).
 */
import { DomainError } from '../errors.ts';
import { isPointStatus } from './point-status.ts';
import type { FrameworkContent, PhaseId, PointStatus } from './types.ts';

export interface StatusCounts {
  total: number;
  open: number;
  inDiscussion: number;
  answered: number;
  skipped: number;
  /** answered + skipped */
  done: number;
  /** round(100 * done / total), an integer 0..100; 0 when total is 0. */
  percentDone: number;
}

export interface StepProgress extends StatusCounts {
  stepId: string;
}

export interface PhaseProgress extends StatusCounts {
  phaseId: PhaseId;
  steps: StepProgress[];
}

export interface FrameworkProgress extends StatusCounts {
  phases: PhaseProgress[];
}

export interface PointFilter {
  status?: PointStatus | undefined;
  phaseId?: PhaseId | undefined;
  stepId?: string | undefined;
}

/** Counts per step, phase and overall. A point missing from `statuses` is open; unknown ids are ignored. */
export function computeProgress(
  framework: FrameworkContent,
  statuses: ReadonlyMap<string, PointStatus>,
): FrameworkProgress {
  const phases = framework.phases.map((phase): PhaseProgress => {
    const steps = phase.steps.map((step): StepProgress => ({
      stepId: step.id,
      ...countStatuses(step.discussionPoints.map((point) => readStatus(statuses, point.id))),
    }));
    return { phaseId: phase.id, ...sumCounts(steps), steps };
  });
  return { ...sumCounts(phases), phases };
}

/** Ids of the points matching every given criterion, in seed order. */
export function filterPoints(
  framework: FrameworkContent,
  statuses: ReadonlyMap<string, PointStatus>,
  filter: PointFilter,
): string[] {
  const ids: string[] = [];
  for (const phase of framework.phases) {
    if (filter.phaseId !== undefined && phase.id !== filter.phaseId) continue;
    for (const step of phase.steps) {
      if (filter.stepId !== undefined && step.id !== filter.stepId) continue;
      for (const point of step.discussionPoints) {
        if (filter.status !== undefined && readStatus(statuses, point.id) !== filter.status) continue;
        ids.push(point.id);
      }
    }
  }
  return ids;
}

function readStatus(statuses: ReadonlyMap<string, PointStatus>, pointId: string): PointStatus {
  const status = statuses.get(pointId) ?? 'open';
  if (!isPointStatus(status)) {
    throw new DomainError(
      'invalid_input',
      `Gesprekspunt ${pointId} heeft een onbekende status: ${String(status)}.`,
    );
  }
  return status;
}

function countStatuses(list: readonly PointStatus[]): StatusCounts {
  const count = (status: PointStatus) => list.filter((s) => s === status).length;
  return withDerived({
    total: list.length,
    open: count('open'),
    inDiscussion: count('in_discussion'),
    answered: count('answered'),
    skipped: count('skipped'),
  });
}

function sumCounts(parts: readonly StatusCounts[]): StatusCounts {
  const sum = (key: 'total' | 'open' | 'inDiscussion' | 'answered' | 'skipped') =>
    parts.reduce((acc, part) => acc + part[key], 0);
  return withDerived({
    total: sum('total'),
    open: sum('open'),
    inDiscussion: sum('inDiscussion'),
    answered: sum('answered'),
    skipped: sum('skipped'),
  });
}

function withDerived(base: Omit<StatusCounts, 'done' | 'percentDone'>): StatusCounts {
  const done = base.answered + base.skipped;
  return { ...base, done, percentDone: base.total === 0 ? 0 : Math.round((100 * done) / base.total) };
}
