/**
 * Walking the framework: the discussion points of a cycle, their edits with optimistic concurrency
 * and revision history, progress, go/no-go decisions and the start of a new cycle.
 */
import type { Actor } from '../../core/access/actor.ts';
import { canPerform } from '../../core/access/approach-role.ts';
import { PARTNER_KIND_LABELS, type PartnerKind } from '../../core/coalition/organisation-kinds.ts';
import { DomainError } from '../../core/errors.ts';
import {
  FRAMEWORK,
  computeProgress,
  filterPoints,
  findPoint,
  isPhaseBeforeGo,
  selectCurrentDecision,
  validateDecision,
  validatePointUpdate,
  type AlternativeRoute,
  type PhaseId,
  type PointStatus,
} from '../../core/framework/index.ts';
import { listOrganisationsByIds, listOrganisationsOfMunicipality } from '../../db/accounts.repository.ts';
import {
  closeCycle,
  findActiveCycle,
  findCycle,
  insertCycle,
  listCycles,
  lockApproach,
} from '../../db/approaches.repository.ts';
import { insertAuditEvent, listAuditEventsForApproach } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  findPointAnswer,
  insertDecision,
  insertPointAnswers,
  insertPointRevision,
  insertPointRevisions,
  listDecisions,
  listPointAnswers,
  listPointRevisions,
  updatePointAnswer,
  type PointAnswerRow,
} from '../../db/framework.repository.ts';
import { findCbaCase } from '../../db/cba.repository.ts';
import type { EvidenceLink } from '../../db/schema/index.ts';
import { validateFigureReference } from './analysis-interpretations.service.ts';
import { loadApproachFor } from './approach-access.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';

export interface PointUpdateInput {
  version: number;
  status: PointStatus;
  answer: string | null;
  skipReason: string | null;
  evidence: EvidenceLink[];
  participantOrganisationIds: string[];
}

export interface DecisionInput {
  outcome: 'go' | 'no_go';
  decidedOn: string;
  decidedBy: string;
  rationale: string;
  alternativeRoutes: AlternativeRoute[];
  alternativeOther: string | null;
  followUpDate: string | null;
}

type AnswerWithEditor = { answer: PointAnswerRow; updatedByName: string | null };

function blankToNull(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}

async function presentPoint(db: Database, row: AnswerWithEditor, names?: Map<string, string>) {
  const located = findPoint(row.answer.pointId);
  if (!located) throw new DomainError('not_found', `Gesprekspunt ${row.answer.pointId} bestaat niet.`);
  const ids = row.answer.participantOrganisationIds;
  const lookup = names ?? new Map((await listOrganisationsByIds(db, ids)).map((o) => [o.id, o.name]));
  return {
    pointId: row.answer.pointId,
    phaseId: located.phase.id,
    stepId: located.step.id,
    text: located.point.text,
    status: row.answer.status,
    answer: row.answer.answer,
    skipReason: row.answer.skipReason,
    evidence: row.answer.evidence,
    participants: ids.map((id) => ({ id, name: lookup.get(id) ?? '(onbekende organisatie)' })),
    version: row.answer.version,
    updatedAt: row.answer.updatedAt?.toISOString() ?? null,
    updatedBy: row.answer.updatedBy ? { id: row.answer.updatedBy, name: row.updatedByName ?? '' } : null,
  };
}
export type PointView = Awaited<ReturnType<typeof presentPoint>>;

function presentDecision(
  d: Awaited<ReturnType<typeof listDecisions>>[number],
  currentId: string | undefined,
  cycleNumbers: Map<string, number>,
) {
  const x = d.decision;
  return {
    id: x.id,
    cycleNumber: cycleNumbers.get(x.cycleId) ?? 0,
    outcome: x.outcome,
    decidedOn: x.decidedOn,
    decidedBy: x.decidedBy,
    rationale: x.rationale,
    alternativeRoutes: x.alternativeRoutes as AlternativeRoute[],
    alternativeOther: x.alternativeOther,
    followUpDate: x.followUpDate,
    supersedesId: x.supersedesId,
    recordedBy: { id: x.recordedBy, name: d.recordedByName },
    recordedAt: x.recordedAt.toISOString(),
    isCurrent: x.id === currentId,
  };
}

async function loadCycle(db: Database, approachId: string, cycleNumber: number) {
  const cycle = await findCycle(db, approachId, cycleNumber);
  if (!cycle) throw new DomainError('not_found', `Cyclus ${cycleNumber} bestaat niet voor deze wijkaanpak.`);
  return cycle;
}

async function loadCurrentDecision(db: Database, approachId: string) {
  const decisions = await listDecisions(db, approachId);
  const current = selectCurrentDecision(
    decisions.map((d) => ({ ...d.decision, recordedAt: d.decision.recordedAt.toISOString() })),
  );
  return { decisions, current };
}

export function createFrameworkWalkService(ctx: ServiceContext) {
  return {
    async listPoints(
      actor: Actor,
      input: {
        approachId: string;
        cycleNumber: number;
        status?: PointStatus | undefined;
        phaseId?: PhaseId | undefined;
        stepId?: string | undefined;
      },
    ) {
      await loadApproachFor(ctx.db, actor, input.approachId, 'read');
      const cycle = await loadCycle(ctx.db, input.approachId, input.cycleNumber);
      const rows = await listPointAnswers(ctx.db, cycle.id);
      const byId = new Map(rows.map((r) => [r.answer.pointId, r]));
      const statuses = new Map(rows.map((r) => [r.answer.pointId, r.answer.status as PointStatus]));
      const ids = filterPoints(FRAMEWORK, statuses, {
        status: input.status,
        phaseId: input.phaseId,
        stepId: input.stepId,
      });
      const orgIds = [...new Set(rows.flatMap((r) => r.answer.participantOrganisationIds))];
      const names = new Map((await listOrganisationsByIds(ctx.db, orgIds)).map((o) => [o.id, o.name]));
      const points = [];
      for (const id of ids) {
        const row = byId.get(id);
        if (row) points.push(await presentPoint(ctx.db, row, names));
      }
      return { cycle: { number: cycle.number, status: cycle.status }, points };
    },

    async getPoint(actor: Actor, input: { approachId: string; cycleNumber: number; pointId: string }) {
      await loadApproachFor(ctx.db, actor, input.approachId, 'read');
      const cycle = await loadCycle(ctx.db, input.approachId, input.cycleNumber);
      const row = await findPointAnswer(ctx.db, cycle.id, input.pointId);
      if (!row) throw new DomainError('not_found', `Gesprekspunt ${input.pointId} bestaat niet.`);
      return presentPoint(ctx.db, row);
    },

    async updatePoint(
      actor: Actor,
      key: { approachId: string; cycleNumber: number; pointId: string },
      input: PointUpdateInput,
    ) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, key.approachId, 'edit_points');
        const cycle = await loadCycle(db, key.approachId, key.cycleNumber);
        if (cycle.status !== 'active') {
          throw new DomainError(
            'read_only',
            `Cyclus ${cycle.number} is afgesloten en kan niet meer worden gewijzigd.`,
          );
        }
        const current = await findPointAnswer(db, cycle.id, key.pointId);
        if (!current) throw new DomainError('not_found', `Gesprekspunt ${key.pointId} bestaat niet.`);
        const next = {
          status: input.status,
          answer: blankToNull(input.answer),
          skipReason: blankToNull(input.skipReason),
        };
        const touchesSkip = next.status === 'skipped' || current.answer.status === 'skipped';
        if (
          touchesSkip &&
          next.status !== current.answer.status &&
          !canPerform(approach.role, 'skip_points')
        ) {
          throw new DomainError(
            'forbidden',
            'Alleen een coördinator kan een gesprekspunt bewust overslaan of weer openen.',
          );
        }
        validatePointUpdate(current.answer.status as PointStatus, next);
        const allowedOrgs = new Set(
          (await listOrganisationsOfMunicipality(db, approach.municipalityCode)).map((o) => o.id),
        );
        const unknown = input.participantOrganisationIds.filter((id) => !allowedOrgs.has(id));
        if (unknown.length > 0) {
          throw new DomainError('invalid_input', 'Onbekende deelnemende organisatie.', {
            issues: unknown.map((id) => ({
              path: ['participantOrganisationIds', input.participantOrganisationIds.indexOf(id)],
              message: `organisatie ${id} is geen partner van deze gemeente`,
            })),
          });
        }
        for (const [index, link] of input.evidence.entries()) {
          if (link.kind === 'cba_case' && !(await findCbaCase(db, key.approachId, link.reference))) {
            throw new DomainError('invalid_input', 'De gekoppelde MKBA bestaat niet bij deze wijkaanpak.', {
              issues: [
                {
                  path: ['evidence', index, 'reference'],
                  message: `MKBA ${link.reference} hoort niet bij deze wijkaanpak`,
                },
              ],
            });
          }
          if (link.kind === 'figure')
            await validateFigureReference(
              db,
              link.reference,
              ['evidence', index, 'reference'],
              approach.municipalityCode,
            );
        }
        const now = ctx.clock.now();
        const updated = await updatePointAnswer(
          db,
          { cycleId: cycle.id, pointId: key.pointId, expectedVersion: input.version },
          {
            ...next,
            evidence: input.evidence,
            participantOrganisationIds: [...new Set(input.participantOrganisationIds)],
            updatedBy: actor.userId,
            updatedAt: now,
          },
        );
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Dit gesprekspunt is intussen door iemand anders gewijzigd. Uw tekst is niet verloren: vergelijk beide versies.',
            {
              data: { current: await presentPoint(db, current) },
            },
          );
        }
        await insertPointRevision(db, {
          cycleId: cycle.id,
          pointId: key.pointId,
          version: updated.version,
          status: updated.status,
          answer: updated.answer,
          skipReason: updated.skipReason,
          evidence: updated.evidence,
          participantOrganisationIds: updated.participantOrganisationIds,
          editedBy: actor.userId,
          editedAt: now,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: key.approachId,
          entityType: 'point_answer',
          entityId: `${cycle.id}:${key.pointId}`,
          action: 'update',
          before: current.answer,
          after: updated,
        });
        return presentPoint(db, { answer: updated, updatedByName: actor.name });
      });
    },

    async listRevisions(actor: Actor, input: { approachId: string; cycleNumber: number; pointId: string }) {
      await loadApproachFor(ctx.db, actor, input.approachId, 'read');
      const cycle = await loadCycle(ctx.db, input.approachId, input.cycleNumber);
      if (!findPoint(input.pointId))
        throw new DomainError('not_found', `Gesprekspunt ${input.pointId} bestaat niet.`);
      const rows = await listPointRevisions(ctx.db, cycle.id, input.pointId);
      return rows.map(({ revision: r, editedByName }) => ({
        version: r.version,
        status: r.status,
        answer: r.answer,
        skipReason: r.skipReason,
        evidence: r.evidence,
        participantOrganisationIds: r.participantOrganisationIds,
        editedBy: r.editedBy ? { id: r.editedBy, name: editedByName ?? '' } : null,
        editedAt: r.editedAt.toISOString(),
        note: r.note,
      }));
    },

    async progress(actor: Actor, input: { approachId: string; cycleNumber: number }) {
      await loadApproachFor(ctx.db, actor, input.approachId, 'read');
      const cycle = await loadCycle(ctx.db, input.approachId, input.cycleNumber);
      const rows = await listPointAnswers(ctx.db, cycle.id);
      const statuses = new Map(rows.map((r) => [r.answer.pointId, r.answer.status as PointStatus]));
      const { current } = await loadCurrentDecision(ctx.db, input.approachId);
      const progress = computeProgress(FRAMEWORK, statuses);
      return {
        cycle: { number: cycle.number, status: cycle.status },
        currentDecision: current ? { outcome: current.outcome, decidedOn: current.decidedOn } : null,
        ...progress,
        phases: progress.phases.map((p) => ({ ...p, isBeforeGo: isPhaseBeforeGo(p.phaseId, current) })),
      };
    },

    async listDecisions(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const [{ decisions, current }, cycles] = await Promise.all([
        loadCurrentDecision(ctx.db, approachId),
        listCycles(ctx.db, approachId),
      ]);
      const numbers = new Map(cycles.map((c) => [c.id, c.number]));
      return decisions.map((d) => presentDecision(d, current?.id, numbers)).reverse();
    },

    async recordDecision(actor: Actor, approachId: string, input: DecisionInput) {
      validateDecision(input, { today: todayInNetherlands(ctx.clock) });
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'record_decision');
        await lockApproach(db, approachId);
        const cycle = await findActiveCycle(db, approachId);
        if (!cycle) throw new DomainError('conflict', 'Deze wijkaanpak heeft geen lopende cyclus.');
        const { current } = await loadCurrentDecision(db, approachId);
        const row = await insertDecision(db, {
          approachId,
          cycleId: cycle.id,
          outcome: input.outcome,
          decidedOn: input.decidedOn,
          decidedBy: input.decidedBy.trim(),
          rationale: input.rationale.trim(),
          alternativeRoutes: input.alternativeRoutes,
          alternativeOther: blankToNull(input.alternativeOther),
          followUpDate: input.followUpDate,
          supersedesId: current?.id ?? null,
          recordedBy: actor.userId,
          recordedAt: ctx.clock.now(),
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'decision',
          entityId: row.id,
          action: 'create',
          before: null,
          after: row,
        });
        return presentDecision(
          { decision: row, recordedByName: actor.name },
          row.id,
          new Map([[cycle.id, cycle.number]]),
        );
      });
    },

    async listCycles(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const cycles = await listCycles(ctx.db, approachId);
      return cycles.map((c) => ({
        number: c.number,
        title: c.title,
        status: c.status,
        frameworkVersion: c.frameworkVersion,
        startedAt: c.startedAt.toISOString(),
        closedAt: c.closedAt?.toISOString() ?? null,
      }));
    },

    /** Closes the active cycle and starts the next one from its answers; the old cycle stays as it was. */
    async startCycle(actor: Actor, approachId: string, input: { title?: string | undefined }) {
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_cycles');
        await lockApproach(db, approachId);
        const previous = await findActiveCycle(db, approachId);
        if (!previous) throw new DomainError('conflict', 'Deze wijkaanpak heeft geen lopende cyclus.');
        const now = ctx.clock.now();
        await closeCycle(db, previous.id, now);
        const cycle = await insertCycle(db, {
          approachId,
          number: previous.number + 1,
          frameworkVersion: FRAMEWORK.version,
          title: input.title?.trim() || `Cyclus ${previous.number + 1}`,
          startedAt: now,
        });
        const old = await listPointAnswers(db, previous.id);
        const carried = old.map(({ answer: a }) => ({
          cycleId: cycle.id,
          pointId: a.pointId,
          status: a.status,
          answer: a.answer,
          skipReason: a.skipReason,
          evidence: a.evidence,
          participantOrganisationIds: a.participantOrganisationIds,
          version: a.version > 0 ? 1 : 0,
          updatedBy: a.version > 0 ? actor.userId : null,
          updatedAt: a.version > 0 ? now : null,
        }));
        await insertPointAnswers(db, carried);
        await insertPointRevisions(
          db,
          carried
            .filter((a) => a.version > 0)
            .map((a) => ({
              ...a,
              version: 1,
              editedBy: actor.userId,
              editedAt: now,
              note: `Overgenomen uit cyclus ${previous.number}`,
            })),
        );
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'cycle',
          entityId: previous.id,
          action: 'close',
          before: previous,
          after: { ...previous, status: 'closed', closedAt: now },
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'cycle',
          entityId: cycle.id,
          action: 'create',
          before: null,
          after: { ...cycle, carriedPoints: carried.length },
        });
        return {
          number: cycle.number,
          title: cycle.title,
          status: cycle.status,
          frameworkVersion: cycle.frameworkVersion,
          startedAt: cycle.startedAt.toISOString(),
          closedAt: null,
        };
      });
    },

    async listHistory(
      actor: Actor,
      approachId: string,
      options: { limit: number; beforeId?: number | undefined },
    ) {
      await loadApproachFor(ctx.db, actor, approachId, 'read_history');
      const rows = await listAuditEventsForApproach(ctx.db, approachId, options);
      return rows.map((r) => ({
        ...r,
        at: r.at.toISOString(),
        actor: r.actorUserId ? { id: r.actorUserId, name: r.actorName ?? '' } : null,
      }));
    },

    async listParticipatingOrganisations(actor: Actor, approachId: string) {
      const approach = await loadApproachFor(ctx.db, actor, approachId, 'read');
      const orgs = await listOrganisationsOfMunicipality(ctx.db, approach.municipalityCode);
      return orgs.map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        kind: o.kind,
        sector:
          o.sector ?? (o.partnerKind ? (PARTNER_KIND_LABELS[o.partnerKind as PartnerKind] ?? null) : null),
      }));
    },
  };
}
