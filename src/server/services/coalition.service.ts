/**
 * The coalition of an approach (seed 3.2, 3.7, 3.8; steps 2.1, 3.3, 3.5): its members over time
 * (join and leave dates with reasons), the administrative board with one seat per domain, the
 * programme bureau and who holds the process direction. Coordinators edit; everyone who sees the
 * approach reads.
 */
import type { Actor } from '../../core/access/actor.ts';
import { BOARD_SEATS, type BoardSeat } from '../../core/coalition/domains.ts';
import { listMembersOn, validateMembership, type MembershipPeriod } from '../../core/coalition/membership.ts';
import {
  isIndependentDirection,
  type ProcessDirectionHolder,
} from '../../core/coalition/process-direction.ts';
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  deleteBoardSeat,
  deleteCoalitionMember,
  findBoardSeat,
  findCoalitionMember,
  findCoalitionSettings,
  insertBoardSeat,
  insertCoalitionMember,
  listBoardSeats,
  listCoalitionMembers,
  saveCoalitionSettings,
  updateBoardSeat,
  updateCoalitionMember,
  type CoalitionMemberRow,
  type CoalitionSettingsRow,
} from '../../db/coalition.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { assertOrganisationsOfMunicipality, loadOrganisationNames } from './approach-organisations.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';

export interface CoalitionSettingsInput {
  version: number;
  boardName: string;
  boardRhythm: string;
  programmeBureau: string;
  processDirectionHolder: ProcessDirectionHolder;
  processDirectorName: string;
  processDirectionOrganisationId: string | null;
  processDirectionMandate: string;
}

export interface MemberInput {
  organisationId: string;
  joinedOn: string;
  joinReason: string;
  leftOn?: string | null | undefined;
  leaveReason?: string | null | undefined;
}

export interface SeatInput {
  version: number;
  organisationId: string | null;
  representativeName: string;
  representativeFunction: string;
}

const DEFAULT_SETTINGS = {
  boardName: 'Bestuurlijk overleg',
  boardRhythm: '',
  programmeBureau: '',
  processDirectionHolder: 'not_yet_assigned' as ProcessDirectionHolder,
  processDirectorName: '',
  processDirectionOrganisationId: null as string | null,
  processDirectionMandate: '',
  version: 0,
};

function presentSettings(row: CoalitionSettingsRow | undefined, names: Map<string, string>) {
  const s = row ?? DEFAULT_SETTINGS;
  const holder = s.processDirectionHolder as ProcessDirectionHolder;
  return {
    boardName: s.boardName,
    boardRhythm: s.boardRhythm,
    programmeBureau: s.programmeBureau,
    processDirection: {
      holder,
      isIndependent: isIndependentDirection(holder),
      directorName: s.processDirectorName,
      organisation: s.processDirectionOrganisationId
        ? { id: s.processDirectionOrganisationId, name: names.get(s.processDirectionOrganisationId) ?? '' }
        : null,
      mandate: s.processDirectionMandate,
    },
    version: s.version,
  };
}

function toPeriod(row: CoalitionMemberRow): MembershipPeriod {
  return {
    id: row.id,
    organisationId: row.organisationId,
    joinedOn: row.joinedOn,
    joinReason: row.joinReason,
    leftOn: row.leftOn,
    leaveReason: row.leaveReason,
  };
}

function presentMember(row: CoalitionMemberRow, organisationName: string, today: string) {
  return {
    ...toPeriod(row),
    organisation: { id: row.organisationId, name: organisationName },
    isActive: listMembersOn([row], today).length === 1,
    version: row.version,
  };
}

function blank(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text.trim();
}

export function createCoalitionService(ctx: ServiceContext) {
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

  async function validateAgainstOthers(db: Database, approachId: string, next: MembershipPeriod) {
    const others = (await listCoalitionMembers(db, approachId)).map((r) => toPeriod(r.member));
    validateMembership(next, others, { today: todayInNetherlands(ctx.clock) });
  }

  return {
    async get(actor: Actor, approachId: string) {
      const approach = await loadApproachFor(ctx.db, actor, approachId, 'read');
      const [settings, members, seats, names] = await Promise.all([
        findCoalitionSettings(ctx.db, approachId),
        listCoalitionMembers(ctx.db, approachId),
        listBoardSeats(ctx.db, approachId),
        loadOrganisationNames(ctx.db, approach.municipalityCode),
      ]);
      const today = todayInNetherlands(ctx.clock);
      const order = (seat: string) => BOARD_SEATS.indexOf(seat as BoardSeat);
      const filled = new Set(seats.map((s) => s.seat.seat));
      return {
        ...presentSettings(settings, names),
        today,
        members: members.map((m) => presentMember(m.member, m.organisationName, today)),
        board: seats
          .map(({ seat, organisationName }) => ({
            seat: seat.seat as BoardSeat,
            organisation: seat.organisationId
              ? { id: seat.organisationId, name: organisationName ?? '' }
              : null,
            representativeName: seat.representativeName,
            representativeFunction: seat.representativeFunction,
            version: seat.version,
          }))
          .sort((a, b) => order(a.seat) - order(b.seat)),
        vacantSeats: BOARD_SEATS.filter((s) => !filled.has(s)),
      };
    },

    async saveSettings(actor: Actor, approachId: string, input: CoalitionSettingsInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        assertOrganisationsOfMunicipality(names, [
          { id: input.processDirectionOrganisationId, path: ['processDirectionOrganisationId'] },
        ]);
        const issues: FieldIssue[] = [];
        if (
          input.processDirectionHolder === 'independent_director' &&
          input.processDirectorName.trim() === ''
        )
          issues.push({
            path: ['processDirectorName'],
            message: 'wie is de procesregisseur (naam en functie)?',
          });
        if (input.processDirectionHolder === 'partner_organisation' && !input.processDirectionOrganisationId)
          issues.push({
            path: ['processDirectionOrganisationId'],
            message: 'welke organisatie houdt de procesregie?',
          });
        if (issues.length > 0)
          throw new DomainError('invalid_input', 'De procesregie is niet volledig.', { issues });
        const before = await findCoalitionSettings(db, approachId);
        const { version, ...values } = input;
        const saved = await saveCoalitionSettings(db, approachId, version, {
          ...values,
          boardName: values.boardName.trim() || 'Bestuurlijk overleg',
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
          ...(before ? {} : { createdBy: actor.userId }),
        });
        if (!saved) {
          throw new DomainError(
            'stale_version',
            'De coalitiegegevens zijn intussen door iemand anders gewijzigd.',
            {
              data: { current: presentSettings(before, names) },
            },
          );
        }
        await audit(
          db,
          actor,
          approachId,
          'coalition_settings',
          approachId,
        )(before ? 'update' : 'create', before ?? null, saved);
        return presentSettings(saved, names);
      });
    },

    async addMember(actor: Actor, approachId: string, input: MemberInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        assertOrganisationsOfMunicipality(names, [{ id: input.organisationId, path: ['organisationId'] }]);
        const next = {
          id: '',
          organisationId: input.organisationId,
          joinedOn: input.joinedOn,
          joinReason: input.joinReason.trim(),
          leftOn: input.leftOn ?? null,
          leaveReason: blank(input.leaveReason),
        };
        await validateAgainstOthers(db, approachId, next);
        const now = ctx.clock.now();
        const { id: _omit, ...values } = next;
        const row = await insertCoalitionMember(db, {
          ...values,
          approachId,
          createdBy: actor.userId,
          createdAt: now,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        await audit(db, actor, approachId, 'coalition_member', row.id)('join', null, row);
        return presentMember(row, names.get(row.organisationId) ?? '', todayInNetherlands(ctx.clock));
      });
    },

    async updateMember(
      actor: Actor,
      approachId: string,
      memberId: string,
      patch: Partial<Omit<MemberInput, 'organisationId'>> & { version: number },
    ) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const current = await findCoalitionMember(db, approachId, memberId);
        if (!current) throw new DomainError('not_found', 'Dit lidmaatschap bestaat niet.');
        const next: MembershipPeriod = {
          ...toPeriod(current),
          ...(patch.joinedOn !== undefined ? { joinedOn: patch.joinedOn } : {}),
          ...(patch.joinReason !== undefined ? { joinReason: patch.joinReason.trim() } : {}),
          ...(patch.leftOn !== undefined ? { leftOn: patch.leftOn } : {}),
          ...(patch.leaveReason !== undefined ? { leaveReason: blank(patch.leaveReason) } : {}),
        };
        await validateAgainstOthers(db, approachId, next);
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        const updated = await updateCoalitionMember(db, memberId, patch.version, {
          joinedOn: next.joinedOn,
          joinReason: next.joinReason,
          leftOn: next.leftOn,
          leaveReason: next.leaveReason,
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
        });
        const today = todayInNetherlands(ctx.clock);
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Dit lidmaatschap is intussen door iemand anders gewijzigd.',
            {
              data: { current: presentMember(current, names.get(current.organisationId) ?? '', today) },
            },
          );
        }
        const action = !current.leftOn && updated.leftOn ? 'leave' : 'update';
        await audit(db, actor, approachId, 'coalition_member', memberId)(action, current, updated);
        return presentMember(updated, names.get(updated.organisationId) ?? '', today);
      });
    },

    /** Removes a membership recorded by mistake (a partner that leaves gets a leave date instead). */
    async removeMember(actor: Actor, approachId: string, memberId: string) {
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const current = await findCoalitionMember(db, approachId, memberId);
        if (!current) throw new DomainError('not_found', 'Dit lidmaatschap bestaat niet.');
        await deleteCoalitionMember(db, memberId);
        await audit(db, actor, approachId, 'coalition_member', memberId)('delete', current, null);
      });
    },

    /** Fills or changes one seat of the board (version 0: the seat was vacant). */
    async saveSeat(actor: Actor, approachId: string, seat: BoardSeat, input: SeatInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        assertOrganisationsOfMunicipality(names, [{ id: input.organisationId, path: ['organisationId'] }]);
        const current = await findBoardSeat(db, approachId, seat);
        const values = {
          organisationId: input.organisationId,
          representativeName: input.representativeName.trim(),
          representativeFunction: input.representativeFunction.trim(),
          updatedBy: actor.userId,
          updatedAt: ctx.clock.now(),
        };
        const present = (row: NonNullable<typeof current>) => ({
          seat,
          organisation: row.organisationId
            ? { id: row.organisationId, name: names.get(row.organisationId) ?? '' }
            : null,
          representativeName: row.representativeName,
          representativeFunction: row.representativeFunction,
          version: row.version,
        });
        let saved;
        if (!current && input.version === 0) {
          saved = await insertBoardSeat(db, { ...values, approachId, seat, createdBy: actor.userId });
        } else if (current) {
          saved = await updateBoardSeat(db, current.id, input.version, values);
        }
        if (!saved) {
          throw new DomainError('stale_version', 'Deze zetel is intussen door iemand anders gewijzigd.', {
            data: { current: current ? present(current) : null },
          });
        }
        await audit(
          db,
          actor,
          approachId,
          'board_seat',
          seat,
        )(current ? 'update' : 'create', current ?? null, saved);
        return present(saved);
      });
    },

    async vacateSeat(actor: Actor, approachId: string, seat: BoardSeat) {
      await inTransaction(ctx, async (db) => {
        await loadApproachFor(db, actor, approachId, 'manage_coalition');
        const current = await findBoardSeat(db, approachId, seat);
        if (!current) throw new DomainError('not_found', 'Deze zetel is niet bezet.');
        await deleteBoardSeat(db, current.id);
        await audit(db, actor, approachId, 'board_seat', seat)('delete', current, null);
      });
    },
  };
}
export type CoalitionService = ReturnType<typeof createCoalitionService>;
