/**
 * The stakeholder map of an approach (step 1.4) and its media image (1.4.5). Coordinators and
 * partners add and edit; everyone who sees the approach reads. Never private persons: a key role is
 * recorded by its function.
 */
import type { Actor } from '../../core/access/actor.ts';
import type { CoalitionDomain } from '../../core/coalition/domains.ts';
import {
  classifyStrategy,
  summariseMediaImage,
  validateFlows,
  type EngagementLevel,
  type GridLevel,
  type MediaKind,
  type MediaTone,
  type StakeholderFlow,
  type StakeholderKind,
} from '../../core/coalition/stakeholders.ts';
import { DomainError } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import {
  deleteMediaItem,
  deleteStakeholder,
  findMediaItem,
  findStakeholder,
  insertMediaItem,
  insertStakeholder,
  listMediaItems,
  listStakeholders,
  updateMediaItem,
  updateStakeholder,
  type MediaItemRow,
  type StakeholderRow,
} from '../../db/coalition.repository.ts';
import type { Database } from '../../db/client.ts';
import { loadApproachFor } from './approach-access.ts';
import { assertOrganisationsOfMunicipality, loadOrganisationNames } from './approach-organisations.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export interface StakeholderInput {
  name: string;
  kind: StakeholderKind;
  organisationId: string | null;
  domains: CoalitionDomain[];
  interest: GridLevel;
  influence: GridLevel;
  engagement: EngagementLevel;
  channels: string[];
  relationNotes: string;
  flows: StakeholderFlow[];
}

export interface MediaItemInput {
  source: string;
  medium: MediaKind;
  tone: MediaTone;
  summary: string;
  observedOn: string;
  url: string | null;
}

function presentStakeholder(row: StakeholderRow, organisationName: string | null) {
  const cell = { interest: row.interest as GridLevel, influence: row.influence as GridLevel };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as StakeholderKind,
    organisation: row.organisationId ? { id: row.organisationId, name: organisationName ?? '' } : null,
    domains: row.domains as CoalitionDomain[],
    interest: cell.interest,
    influence: cell.influence,
    strategy: classifyStrategy(cell),
    engagement: row.engagement as EngagementLevel,
    channels: row.channels,
    relationNotes: row.relationNotes,
    flows: row.flows,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentMediaItem(row: MediaItemRow) {
  return {
    id: row.id,
    source: row.source,
    medium: row.medium as MediaKind,
    tone: row.tone as MediaTone,
    summary: row.summary,
    observedOn: row.observedOn,
    url: row.url,
    version: row.version,
  };
}

const stale = (what: string, current: unknown) =>
  new DomainError('stale_version', `${what} is intussen door iemand anders gewijzigd.`, {
    data: { current },
  });

export function createStakeholdersService(ctx: ServiceContext) {
  async function checkInput(db: Database, municipalityCode: string, input: Partial<StakeholderInput>) {
    if (input.flows) validateFlows(input.flows);
    if (input.organisationId) {
      const names = await loadOrganisationNames(db, municipalityCode);
      assertOrganisationsOfMunicipality(names, [{ id: input.organisationId, path: ['organisationId'] }]);
      return names.get(input.organisationId) ?? null;
    }
    return null;
  }

  const audit =
    (db: Database, actor: Actor, approachId: string, entityType: string, entityId: string) =>
    (action: string, before: unknown, after: unknown) =>
      insertAuditEvent(db, {
        actorUserId: actor.userId,
        approachId,
        entityType,
        entityId,
        action,
        before,
        after,
      });

  return {
    async list(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const [rows, media] = await Promise.all([
        listStakeholders(ctx.db, approachId),
        listMediaItems(ctx.db, approachId),
      ]);
      const mediaItems = media.map(presentMediaItem);
      return {
        stakeholders: rows.map((r) => presentStakeholder(r.stakeholder, r.organisationName)),
        mediaItems,
        mediaTones: summariseMediaImage(mediaItems),
      };
    },

    async create(actor: Actor, approachId: string, input: StakeholderInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const organisationName = await checkInput(db, approach.municipalityCode, input);
        const now = ctx.clock.now();
        const row = await insertStakeholder(db, {
          ...input,
          name: input.name.trim(),
          approachId,
          createdBy: actor.userId,
          createdAt: now,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        await audit(db, actor, approachId, 'stakeholder', row.id)('create', null, row);
        return presentStakeholder(row, organisationName);
      });
    },

    async update(
      actor: Actor,
      approachId: string,
      id: string,
      patch: Partial<StakeholderInput> & { version: number },
    ) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const current = await findStakeholder(db, approachId, id);
        if (!current) throw new DomainError('not_found', 'Deze stakeholder bestaat niet.');
        const organisationName = await checkInput(db, approach.municipalityCode, {
          ...patch,
          organisationId: patch.organisationId === undefined ? current.organisationId : patch.organisationId,
        });
        const { version, ...values } = patch;
        const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
        const updated = await updateStakeholder(db, id, version, {
          ...defined,
          ...(patch.name ? { name: patch.name.trim() } : {}),
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw stale('Deze stakeholder', presentStakeholder(current, organisationName));
        await audit(db, actor, approachId, 'stakeholder', id)('update', current, updated);
        return presentStakeholder(updated, organisationName);
      });
    },

    async remove(actor: Actor, approachId: string, id: string) {
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const current = await findStakeholder(db, approachId, id);
        if (!current) throw new DomainError('not_found', 'Deze stakeholder bestaat niet.');
        await deleteStakeholder(db, id);
        await audit(db, actor, approachId, 'stakeholder', id)('delete', current, null);
      });
    },

    async createMediaItem(actor: Actor, approachId: string, input: MediaItemInput) {
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const now = ctx.clock.now();
        const row = await insertMediaItem(db, {
          ...input,
          approachId,
          createdBy: actor.userId,
          createdAt: now,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        await audit(db, actor, approachId, 'media_item', row.id)('create', null, row);
        return presentMediaItem(row);
      });
    },

    async updateMediaItem(
      actor: Actor,
      approachId: string,
      id: string,
      patch: Partial<MediaItemInput> & { version: number },
    ) {
      return inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const current = await findMediaItem(db, approachId, id);
        if (!current) throw new DomainError('not_found', 'Dit mediabericht bestaat niet.');
        const { version, ...values } = patch;
        const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
        const updated = await updateMediaItem(db, id, version, {
          ...defined,
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw stale('Dit mediabericht', presentMediaItem(current));
        await audit(db, actor, approachId, 'media_item', id)('update', current, updated);
        return presentMediaItem(updated);
      });
    },

    async removeMediaItem(actor: Actor, approachId: string, id: string) {
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'edit_stakeholders');
        const current = await findMediaItem(db, approachId, id);
        if (!current) throw new DomainError('not_found', 'Dit mediabericht bestaat niet.');
        await deleteMediaItem(db, id);
        await audit(db, actor, approachId, 'media_item', id)('delete', current, null);
      });
    },
  };
}
export type StakeholdersService = ReturnType<typeof createStakeholdersService>;
