/**
 * Request and response types of the /api/v1 endpoints the web app uses. The schemas the server
 * exports are inferred from directly (type-only imports, stripped by vite); the others are written
 * out to match the zod schemas in src/server/routes, and `contract.check.ts` makes tsc fail when
 * the server's services stop returning (or accepting) what is written here.
 */
import type { z } from 'zod';
import type { approachSchema } from '../../server/routes/approaches.routes.ts';
import type { pointSchema } from '../../server/routes/framework-walk.routes.ts';
import type { AlternativeRoute, PhaseId, PointStatus } from '../../core/framework/index.ts';
import type { ApproachAction } from '../../core/access/approach-role.ts';

export type { AlternativeRoute, PhaseId, PointStatus, ApproachAction };

export type AccountRole = 'admin' | 'coordinator' | 'partner' | 'viewer';
export type ApproachRole = 'coordinator' | 'partner' | 'viewer';
export type DecisionOutcome = 'go' | 'no_go';
export type CycleStatus = 'active' | 'closed';

/** GET /sessions/current, POST /sessions (schema `Session`). */
export interface Session {
  user: {
    id: string;
    name: string;
    email: string;
    role: AccountRole;
    organisation: { id: string; code: string; name: string; kind: 'municipality' | 'partner' };
  };
  csrfToken: string;
  expiresAt: string;
}

/** GET /login-methods (schema `LoginMethods`). */
export interface LoginMethods {
  password: boolean;
  organisation: boolean;
}

export interface LoginInput {
  email: string;
  password: string;
}

/** Schema `Approach`. */
export type Approach = z.infer<typeof approachSchema>;

/** Schema `ApproachDetail`. */
export interface ApproachDetail extends Approach {
  myRole: ApproachRole;
  permissions: ApproachAction[];
  cycles: {
    number: number;
    status: CycleStatus;
    title: string;
    startedAt: string;
    closedAt: string | null;
  }[];
  currentDecision: { id: string; outcome: DecisionOutcome; decidedOn: string } | null;
}

/** Body of POST /approaches. */
export interface ApproachInput {
  title: string;
  description: string;
  focusArea: string[];
  focusAreaYear: number;
  startDate: string;
}

/** Body of PATCH /approaches/:id. */
export interface ApproachPatch {
  version: number;
  title?: string;
  description?: string;
  focusArea?: string[];
  focusAreaYear?: number;
  startDate?: string;
  status?: 'active' | 'archived';
}

/** Schema `Organisation`. */
export interface Organisation {
  id: string;
  code: string;
  name: string;
  kind: 'municipality' | 'partner';
  sector: string | null;
}

/** Schema `Cycle`. */
export interface Cycle {
  number: number;
  title: string;
  status: CycleStatus;
  frameworkVersion: string;
  startedAt: string;
  closedAt: string | null;
}

/** Schema `EvidenceLink`: a web address, a document reference, or an MKBA case of the approach (its id). */
export interface EvidenceLink {
  kind: 'url' | 'document' | 'cba_case' | 'figure';
  title: string;
  reference: string;
}

export interface Person {
  id: string;
  name: string;
}

/** Schema `DiscussionPointAnswer`. */
export type PointAnswer = z.infer<typeof pointSchema>;

/** Body of PUT /approaches/:id/cycles/:n/points/:pointId. */
export interface PointUpdate {
  version: number;
  status: PointStatus;
  answer: string | null;
  skipReason: string | null;
  evidence: EvidenceLink[];
  participantOrganisationIds: string[];
}

/** Schema `DiscussionPointRevision`. */
export interface PointRevision {
  version: number;
  status: PointStatus;
  answer: string | null;
  skipReason: string | null;
  evidence: EvidenceLink[];
  participantOrganisationIds: string[];
  editedBy: Person | null;
  editedAt: string;
  note: string | null;
}

export interface StatusCounts {
  total: number;
  open: number;
  inDiscussion: number;
  answered: number;
  skipped: number;
  done: number;
  percentDone: number;
}

/** Schema `FrameworkProgress`. */
export interface FrameworkProgress extends StatusCounts {
  cycle: { number: number; status: CycleStatus };
  currentDecision: { outcome: DecisionOutcome; decidedOn: string } | null;
  phases: (StatusCounts & {
    phaseId: PhaseId;
    isBeforeGo: boolean;
    steps: (StatusCounts & { stepId: string })[];
  })[];
}

/** Body of POST /approaches/:id/decisions. */
export interface DecisionInput {
  outcome: DecisionOutcome;
  decidedOn: string;
  decidedBy: string;
  rationale: string;
  alternativeRoutes: AlternativeRoute[];
  alternativeOther: string | null;
  followUpDate: string | null;
}

/** Schema `Decision`. */
export interface Decision extends DecisionInput {
  id: string;
  cycleNumber: number;
  supersedesId: string | null;
  recordedBy: Person;
  recordedAt: string;
  isCurrent: boolean;
}

/** Schema `AuditEvent`. */
export interface AuditEvent {
  id: number;
  at: string;
  actor: Person | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

// ---------------------------------------------------------------------------------------------
// MKBA (social cost-benefit analysis): the case file and its result are the core's own types
// (src/core/cba), so the web app edits exactly what the server validates and evaluates.

import type { CaseResult, CbaCaseInput } from '../../core/cba/index.ts';

export type CbaCaseFile = CbaCaseInput;
export type CbaResult = CaseResult;
export type {
  AlternativeResult as CbaAlternativeResult,
  AmountPattern as CbaAmountPattern,
  CbaItemInput,
  DiscountRateSensitivity as CbaRateSensitivity,
  ItemCategory as CbaItemCategory,
  ItemSensitivity as CbaItemSensitivity,
  ItemType as CbaItemType,
  Party as CbaParty,
} from '../../core/cba/index.ts';

/** Schema `CbaCaseSummary`. */
export interface CbaCaseSummary {
  id: string;
  name: string;
  status: 'active' | 'archived';
  version: number;
  updatedAt: string;
  netPresentValue: number | null;
  benefitCostRatio: number | null;
  /** Problems of a stored case that is not (or no longer) valid; then the figures are null. */
  problemCount: number;
}

/** Schema `CbaCase`. */
export interface CbaCaseDetail extends CbaCaseSummary {
  caseFile: CbaCaseFile;
  /** Null when the stored case is not (or no longer) valid: see `problems`. */
  result: CbaResult | null;
  problems: { path: (string | number)[]; message: string }[];
  updatedBy: Person | null;
}

/** The `current` of a 409 stale_version on PUT /approaches/:id/cba-cases/:caseId. */
export interface CbaCaseConflict {
  id: string;
  version: number;
  caseFile: CbaCaseFile;
}

export type CbaTemplateId = 'sixteen-areas';
