/** Approaches (wijkaanpakken): create, list, open, edit, archive; members. */
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../core/access/actor.ts';
import { canCreateApproach } from '../../core/access/approach-role.ts';
import { DomainError } from '../../core/errors.ts';
import { FRAMEWORK, listPointIds, selectCurrentDecision } from '../../core/framework/index.ts';
import { findOrganisationByCode, findUserByEmail } from '../../db/accounts.repository.ts';
import {
  deleteMember,
  findActiveCycle,
  findApproach,
  insertApproach,
  insertCycle,
  listCycles,
  listMembers,
  listVisibleApproaches,
  updateApproach,
  upsertMember,
  type ApproachRoleValue,
} from '../../db/approaches.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import { insertPointAnswers, listDecisions } from '../../db/framework.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export interface ApproachInput {
  title: string;
  description: string;
  focusArea: string[];
  focusAreaYear: number;
  startDate: string;
  /** Only the platform administrator creates approaches for another municipality. */
  municipalityCode?: string | undefined;
}

export interface ApproachPatch {
  version: number;
  title?: string | undefined;
  description?: string | undefined;
  focusArea?: string[] | undefined;
  focusAreaYear?: number | undefined;
  startDate?: string | undefined;
  status?: 'active' | 'archived' | undefined;
}

type FoundApproach = NonNullable<Awaited<ReturnType<typeof findApproach>>>;

function presentApproach(row: FoundApproach) {
  const a = row.approach;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    municipality: { code: row.municipalityCode, name: row.municipalityName },
    focusArea: a.focusArea,
    focusAreaYear: a.focusAreaYear,
    startDate: a.startDate,
    status: a.status,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type ApproachView = ReturnType<typeof presentApproach>;

export interface ApproachesServiceOptions {
  /**
   * Called inside the transaction of every change to an approach or its members (tells the access
   * caches of every instance at commit: decisions 0105 and 0901).
   */
  onAccessChange?: (db: Database) => Promise<void>;
  /** Called after such a change committed (this process's caches, at once). */
  afterAccessChange?: () => void;
}

export function createApproachesService(ctx: ServiceContext, options: ApproachesServiceOptions = {}) {
  /** Runs a change in one transaction, then tells the access caches. */
  async function changeAccess<T>(work: (db: Database) => Promise<T>): Promise<T> {
    const result = await inTransaction(ctx, async (db) => {
      const changed = await work(db);
      await options.onAccessChange?.(db);
      return changed;
    });
    options.afterAccessChange?.();
    return result;
  }

  return {
    async list(actor: Actor, options: { includeArchived: boolean }) {
      const rows = await listVisibleApproaches(
        ctx.db,
        { userId: actor.userId, organisationId: actor.organisationId, isAdmin: actor.role === 'admin' },
        options,
      );
      return rows.map(presentApproach);
    },

    async get(actor: Actor, approachId: string) {
      const found = await loadApproachFor(ctx.db, actor, approachId, 'read');
      const [cycles, decisions] = await Promise.all([
        listCycles(ctx.db, approachId),
        listDecisions(ctx.db, approachId),
      ]);
      const current = selectCurrentDecision(
        decisions.map((d) => ({
          ...d.decision,
          id: d.decision.id,
          recordedAt: d.decision.recordedAt.toISOString(),
        })),
      );
      return {
        ...presentApproach(found),
        myRole: found.role,
        permissions: found.permissions,
        cycles: cycles.map((c) => ({
          number: c.number,
          status: c.status,
          title: c.title,
          startedAt: c.startedAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
        })),
        currentDecision: current
          ? { id: current.id, outcome: current.outcome, decidedOn: current.decidedOn }
          : null,
      };
    },

    async create(actor: Actor, input: ApproachInput) {
      if (!canCreateApproach(actor)) {
        throw new DomainError(
          'forbidden',
          'Alleen coördinatoren van een gemeente kunnen een wijkaanpak starten.',
        );
      }
      return inTransaction(ctx, async (db) => {
        let municipalityId = actor.organisationId;
        if (input.municipalityCode && input.municipalityCode !== actor.organisationCode) {
          if (actor.role !== 'admin')
            throw new DomainError(
              'forbidden',
              'U kunt alleen een wijkaanpak voor uw eigen gemeente starten.',
            );
          const org = await findOrganisationByCode(db, input.municipalityCode);
          if (!org || org.kind !== 'municipality') {
            throw new DomainError('invalid_input', `Gemeente ${input.municipalityCode} bestaat niet.`, {
              issues: [{ path: ['municipalityCode'], message: 'onbekende gemeente' }],
            });
          }
          municipalityId = org.id;
        } else if (actor.organisationKind !== 'municipality') {
          throw new DomainError('forbidden', 'Alleen een gemeente kan een wijkaanpak starten.');
        }
        const approach = await insertApproach(db, {
          municipalityId,
          title: input.title.trim(),
          description: input.description,
          focusArea: input.focusArea,
          focusAreaYear: input.focusAreaYear,
          startDate: input.startDate,
          createdBy: actor.userId,
        });
        const cycle = await insertCycle(db, {
          approachId: approach.id,
          number: 1,
          frameworkVersion: FRAMEWORK.version,
          title: 'Cyclus 1',
        });
        await insertPointAnswers(
          db,
          listPointIds().map((pointId) => ({ cycleId: cycle.id, pointId })),
        );
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: approach.id,
          entityType: 'approach',
          entityId: approach.id,
          action: 'create',
          before: null,
          after: approach,
        });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId: approach.id,
          entityType: 'cycle',
          entityId: cycle.id,
          action: 'create',
          before: null,
          after: cycle,
        });
        const found = await findApproach(db, approach.id);
        return presentApproach(found!);
      });
    },

    async update(actor: Actor, approachId: string, patch: ApproachPatch) {
      return changeAccess(async (db) => {
        const found = await loadApproachFor(db, actor, approachId, 'edit_approach');
        const { version, ...values } = patch;
        const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
        const updated = await updateApproach(db, approachId, version, defined);
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Deze wijkaanpak is intussen door iemand anders gewijzigd.',
            {
              data: { current: presentApproach(found) },
            },
          );
        }
        const action =
          patch.status === 'archived' && found.approach.status !== 'archived' ? 'archive' : 'update';
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'approach',
          entityId: approachId,
          action,
          before: found.approach,
          after: updated,
        });
        return presentApproach((await findApproach(db, approachId))!);
      });
    },

    async listMembers(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const rows = await listMembers(ctx.db, approachId);
      return rows.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() }));
    },

    async addMember(actor: Actor, approachId: string, input: { email: string; role: ApproachRoleValue }) {
      return changeAccess(async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_members');
        const user = await findUserByEmail(db, input.email);
        if (!user) {
          throw new DomainError('invalid_input', `Er is geen account met e-mailadres ${input.email}.`, {
            issues: [{ path: ['email'], message: 'onbekend account' }],
          });
        }
        const member = await upsertMember(db, { approachId, userId: user.id, role: input.role });
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'approach_member',
          entityId: user.id,
          action: 'upsert',
          before: null,
          after: member,
        });
        return {
          userId: user.id,
          name: user.name,
          email: user.email,
          role: member.role,
          addedAt: member.addedAt.toISOString(),
        };
      });
    },

    async removeMember(actor: Actor, approachId: string, userId: string) {
      return changeAccess(async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_members');
        const removed = await deleteMember(db, approachId, userId);
        if (!removed) throw new DomainError('not_found', 'Dit lid bestaat niet.');
        await insertAuditEvent(db, {
          actorUserId: actor.userId,
          approachId,
          entityType: 'approach_member',
          entityId: userId,
          action: 'delete',
          before: removed,
          after: null,
        });
      });
    },

    /** The active cycle of an approach (every approach has exactly one). */
    async activeCycle(approachId: string) {
      return findActiveCycle(ctx.db, approachId);
    },
  };
}
