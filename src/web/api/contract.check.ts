/**
 * Compile-time contract between the hand-written types in types.ts and the server: tsc fails when a
 * service returns something else than the web app expects, or accepts something else than it sends.
 * Type-only: nothing here reaches the bundle.
 */
import type { createApproachesService } from '../../server/services/approaches.service.ts';
import type {
  createFrameworkWalkService,
  DecisionInput as ServiceDecisionInput,
  PointUpdateInput,
} from '../../server/services/framework-walk.service.ts';
import type { ApproachInput as ServiceApproachInput } from '../../server/services/approaches.service.ts';
import type {
  ApproachDetail,
  ApproachInput,
  AuditEvent,
  Cycle,
  Decision,
  DecisionInput,
  FrameworkProgress,
  Organisation,
  PointAnswer,
  PointRevision,
  PointUpdate,
} from './types.ts';

type Walk = ReturnType<typeof createFrameworkWalkService>;
type Approaches = ReturnType<typeof createApproachesService>;
type Out<S, K extends keyof S> = S[K] extends (...args: never[]) => Promise<infer R> ? R : never;

/** Compiles only when A is assignable to B. */
type Assignable<A, B> = [A] extends [B] ? true : false;
function expect<T extends true>(): T | undefined {
  return undefined;
}

// What the server returns fits what the web app reads.
expect<Assignable<Out<Approaches, 'get'>, ApproachDetail>>();
expect<Assignable<Out<Walk, 'listCycles'>[number], Cycle>>();
expect<Assignable<Out<Walk, 'getPoint'>, PointAnswer>>();
expect<Assignable<Out<Walk, 'listRevisions'>[number], PointRevision>>();
expect<Assignable<Out<Walk, 'progress'>, FrameworkProgress>>();
expect<Assignable<Out<Walk, 'listDecisions'>[number], Decision>>();
expect<Assignable<Out<Walk, 'listHistory'>[number], AuditEvent>>();
expect<Assignable<Out<Walk, 'listParticipatingOrganisations'>[number], Organisation>>();

// What the web app sends fits what the server accepts.
expect<Assignable<PointUpdate, PointUpdateInput>>();
expect<Assignable<DecisionInput, ServiceDecisionInput>>();
expect<Assignable<ApproachInput, ServiceApproachInput>>();
