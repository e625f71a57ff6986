/**
 * Proposals to change commitments (issue 13): a partner proposes a change to, an addition to or the
 * withdrawal of its own organisation's commitments; a coordinator accepts (the change goes into the
 * open draft, or into a new amendment drafted from the signed version) or declines, with a note.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/access/actor.ts';
import { validateCommitments, type MoneyKind } from '../../core/coalition/contract.ts';
import {
  applyProposal,
  assertMayPropose,
  type CommitmentProposal,
  type ProposalStatus,
} from '../../core/coalition/proposals.ts';
import { DomainError } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  decideProposal,
  findContract,
  findProposal,
  insertProposal,
  listProposals,
  lockVersions,
  replaceCommitments,
  updateDraftVersion,
  type ProposalRow,
} from '../../db/contracts.repository.ts';
import type { ProposedCommitmentValue } from '../../db/schema/index.ts';
import { loadApproachFor } from './approach-access.ts';
import { assertOrganisationsOfMunicipality, loadOrganisationNames } from './approach-organisations.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { loadContractVersions, toCommitment } from './contract-view.ts';
import { createAmendment } from './contracts.service.ts';

export interface ProposalInput {
  commitmentId?: string | null | undefined;
  /** Defaults to the proposer's own organisation. */
  organisationId?: string | undefined;
  proposed: {
    description: string;
    amounts: Record<string, number>;
    money: MoneyKind;
    periodStart?: string | null | undefined;
    periodEnd?: string | null | undefined;
  } | null;
  reason: string;
}

function presentProposal(row: ProposalRow, organisationName: string, proposedByName: string) {
  return {
    id: row.id,
    versionNumber: row.versionNumber,
    organisation: { id: row.organisationId, name: organisationName },
    commitmentId: row.commitmentId,
    proposed: row.proposed
      ? {
          description: row.proposed.description,
          amounts: row.proposed.amounts,
          money: row.proposed.money,
          periodStart: row.proposed.periodStart,
          periodEnd: row.proposed.periodEnd,
        }
      : null,
    reason: row.reason,
    status: row.status as ProposalStatus,
    proposedBy: { id: row.proposedBy, name: proposedByName },
    proposedAt: row.proposedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    appliedToVersion: row.appliedToNumber,
  };
}

function toProposal(row: ProposalRow): CommitmentProposal {
  return {
    commitmentId: row.commitmentId,
    organisationId: row.organisationId,
    proposed: row.proposed ? { ...row.proposed, goalIds: [], interventionIds: [] } : null,
  };
}

export function createContractProposalsService(ctx: ServiceContext) {
  const audit =
    (db: Database, actor: Actor, approachId: string, entityId: string) =>
    (action: string, before: unknown, after: unknown) =>
      insertAuditEvent(db, {
        actorUserId: actor.userId,
        approachId,
        entityType: 'commitment_proposal',
        entityId,
        action,
        before,
        after,
      });

  async function loadContract(db: Database, approachId: string, contractId: string) {
    const contract = await findContract(db, approachId, contractId);
    if (!contract) throw new DomainError('not_found', 'Dit contract bestaat niet bij deze wijkaanpak.');
    return contract;
  }

  return {
    async list(actor: Actor, approachId: string, contractId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      await loadContract(ctx.db, approachId, contractId);
      const rows = await listProposals(ctx.db, contractId);
      return rows.map((r) => presentProposal(r.proposal, r.organisationName, r.proposedByName));
    },

    async propose(actor: Actor, approachId: string, contractId: string, input: ProposalInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'propose_commitment_change');
        await loadContract(db, approachId, contractId);
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        const organisationId = input.organisationId ?? actor.organisationId;
        assertOrganisationsOfMunicipality(names, [{ id: organisationId, path: ['organisationId'] }]);
        const { versions, commitments } = await loadContractVersions(db, contractId);
        const latest = versions.at(-1)!;
        const current = commitments
          .filter((c) => c.commitment.versionId === latest.id)
          .map((c) => toCommitment(c.commitment));
        const proposed: ProposedCommitmentValue | null = input.proposed
          ? {
              description: input.proposed.description.trim(),
              amounts: input.proposed.amounts,
              money: input.proposed.money,
              periodStart: input.proposed.periodStart ?? null,
              periodEnd: input.proposed.periodEnd ?? null,
              goalIds: [],
              interventionIds: [],
            }
          : null;
        assertMayPropose(
          actor,
          { commitmentId: input.commitmentId ?? null, organisationId, proposed },
          current,
        );
        if (proposed) {
          const issues = validateCommitments([{ ...proposed, organisationId }], ['proposed']).map((i) => ({
            ...i,
            path: ['proposed', ...i.path.slice(2)],
          }));
          if (issues.length > 0)
            throw new DomainError('invalid_input', 'Het voorstel klopt niet.', { issues });
        }
        if (input.reason.trim() === '') {
          throw new DomainError('invalid_input', 'Licht het voorstel toe.', {
            issues: [{ path: ['reason'], message: 'waarom deze wijziging?' }],
          });
        }
        const row = await insertProposal(db, {
          contractId,
          versionNumber: latest.number,
          organisationId,
          commitmentId: input.commitmentId ?? null,
          proposed,
          reason: input.reason.trim(),
          proposedBy: actor.userId,
          proposedAt: ctx.clock.now(),
        });
        await audit(db, actor, approachId, row.id)('propose', null, row);
        return presentProposal(row, names.get(organisationId) ?? '', actor.name);
      });
    },

    /** A coordinator accepts (into the open draft, or a new amendment) or declines a proposal. */
    async decide(
      actor: Actor,
      approachId: string,
      contractId: string,
      proposalId: string,
      input: { decision: 'accepted' | 'declined'; note?: string | undefined },
    ) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'edit_contract');
        await loadContract(db, approachId, contractId);
        const proposal = await findProposal(db, contractId, proposalId, { lock: true });
        if (!proposal) throw new DomainError('not_found', 'Dit voorstel bestaat niet.');
        if (proposal.status !== 'open')
          throw new DomainError('conflict', 'Over dit voorstel is al besloten.');
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        let appliedTo: number | null = null;
        if (input.decision === 'accepted') {
          const versions = await lockVersions(db, contractId);
          let draft = versions.find((v) => v.status === 'draft');
          if (!draft) {
            const base = versions.filter((v) => v.status === 'signed').at(-1)!;
            draft = await createAmendment(db, actor, versions, base, ctx.clock.now());
            await insertAuditEvent(db, {
              actorUserId: actor.userId,
              approachId,
              entityType: 'contract_version',
              entityId: draft.id,
              action: 'amend',
              before: null,
              after: draft,
            });
          }
          const { commitments } = await loadContractVersions(db, contractId);
          const current = commitments
            .filter((c) => c.commitment.versionId === draft.id)
            .map((c) => toCommitment(c.commitment));
          const next = applyProposal(current, toProposal(proposal), randomUUID());
          await replaceCommitments(db, draft.id, next);
          const bumped = await updateDraftVersion(db, draft.id, draft.revision, {
            updatedBy: actor.userId,
            updatedAt: ctx.clock.now(),
          });
          if (!bumped)
            throw new DomainError(
              'conflict',
              'Het concept veranderde tijdens het aannemen; probeer het opnieuw.',
            );
          await insertAuditEvent(db, {
            actorUserId: actor.userId,
            approachId,
            entityType: 'contract_version',
            entityId: draft.id,
            action: 'apply_proposal',
            before: { commitments: current },
            after: { commitments: next, proposalId },
          });
          appliedTo = draft.number;
        }
        const decided = await decideProposal(db, proposalId, {
          status: input.decision,
          decidedBy: actor.userId,
          decidedAt: ctx.clock.now(),
          decisionNote: input.note?.trim() || null,
          appliedToNumber: appliedTo,
        });
        if (!decided) throw new DomainError('conflict', 'Over dit voorstel is al besloten.');
        await audit(
          db,
          actor,
          approachId,
          proposalId,
        )(input.decision === 'accepted' ? 'accept' : 'decline', proposal, decided);
        const proposer = (await listProposals(db, contractId)).find((p) => p.proposal.id === proposalId);
        return presentProposal(
          decided,
          names.get(decided.organisationId) ?? '',
          proposer?.proposedByName ?? '',
        );
      });
    },
  };
}
export type ContractProposalsService = ReturnType<typeof createContractProposalsService>;
