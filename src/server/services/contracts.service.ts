/**
 * The local contract of an approach (seed 3.2, step 2.3): drafts, signing, amendments as new
 * versions, attachments and evaluations. A signed version is immutable (409 read_only); signing a
 * draft supersedes the version signed before it. Coordinators edit; everyone who sees the approach
 * reads the whole contract.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/access/actor.ts';
import {
  assertCanAmend,
  assertEditable,
  computeStatusesAfterSigning,
  validateContractContent,
  validateEvaluation,
  validateSigning,
  type ContractKind,
  type EvaluationOutcome,
  type MoneyKind,
  type Signatory,
} from '../../core/coalition/contract.ts';
import { DomainError } from '../../core/errors.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import {
  deleteAttachment,
  findContract,
  insertAttachment,
  insertContract,
  insertEvaluation,
  insertSignatories,
  insertVersion,
  listContracts,
  listVersions,
  lockVersions,
  replaceCommitments,
  setVersionStatus,
  updateDraftVersion,
  type ContractVersionRow,
} from '../../db/contracts.repository.ts';
import { findDocument } from '../../db/documents.repository.ts';
import { loadApproachFor } from './approach-access.ts';
import { assertOrganisationsOfMunicipality, loadOrganisationNames } from './approach-organisations.ts';
import { inTransaction, todayInNetherlands, type ServiceContext } from './context.ts';
import { loadContractVersions, presentContract, toCommitment } from './contract-view.ts';

export interface CommitmentInput {
  id?: string | undefined;
  organisationId: string;
  description: string;
  amounts: Record<string, number>;
  money: MoneyKind;
  periodStart?: string | null | undefined;
  periodEnd?: string | null | undefined;
}

export interface ContractInput {
  title: string;
  kind?: ContractKind | undefined;
  ambitions?: string | undefined;
  principles?: string | undefined;
  priorities?: { text: string }[] | undefined;
  periodStart?: string | null | undefined;
  periodEnd?: string | null | undefined;
  commitments: CommitmentInput[];
}

export type ContractPatch = Partial<ContractInput> & { revision?: number | undefined };

export interface SigningInput {
  signatories: Signatory[];
  evaluationDue?: string | null | undefined;
  revision?: number | undefined;
}

export interface EvaluationInput {
  evaluatedOn: string;
  outcome: EvaluationOutcome;
  summary: string;
  nextEvaluationDue?: string | null | undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Commitments as stored: ids kept (or new), amounts rounded to cents. */
function toCommitmentRows(input: CommitmentInput[], keepIds: Set<string>) {
  const unknown = input.flatMap((c, i) => (c.id && !keepIds.has(c.id) ? [i] : []));
  if (unknown.length > 0) {
    throw new DomainError('invalid_input', 'Een toezegging hoort niet bij dit concept.', {
      issues: unknown.map((i) => ({
        path: ['commitments', i, 'id'],
        message: 'onbekende toezegging in dit concept',
      })),
    });
  }
  return input.map((c) => ({
    id: c.id ?? randomUUID(),
    organisationId: c.organisationId,
    description: c.description.trim(),
    amounts: Object.fromEntries(Object.entries(c.amounts).map(([y, v]) => [y, round2(v)])),
    money: c.money,
    periodStart: c.periodStart ?? null,
    periodEnd: c.periodEnd ?? null,
    goalIds: [] as string[],
    interventionIds: [] as string[],
  }));
}

const notFound = () => new DomainError('not_found', 'Dit contract bestaat niet bij deze wijkaanpak.');

export function createContractsService(ctx: ServiceContext) {
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

  async function loadContract(
    db: Database,
    actor: Actor,
    approachId: string,
    contractId: string,
    action: Parameters<typeof loadApproachFor>[3],
  ) {
    const approach = await loadApproachFor(db, actor, approachId, action);
    const contract = await findContract(db, approachId, contractId);
    if (!contract) throw notFound();
    const names = await loadOrganisationNames(db, approach.municipalityCode);
    return { approach, contract, names };
  }

  function checkOrganisations(names: Map<string, string>, commitments: CommitmentInput[]) {
    assertOrganisationsOfMunicipality(
      names,
      commitments.map((c, i) => ({ id: c.organisationId, path: ['commitments', i, 'organisationId'] })),
    );
  }

  /** Saves a draft's content and commitments (the whole draft at once, under its revision). */
  async function saveDraft(
    db: Database,
    actor: Actor,
    draft: ContractVersionRow,
    expectedRevision: number,
    next: Required<Omit<ContractInput, 'commitments'>> & { commitments: ReturnType<typeof toCommitmentRows> },
  ) {
    validateContractContent({
      ...next,
      priorities: next.priorities.map((p) => ({ text: p.text, goalIds: [] })),
    });
    const updated = await updateDraftVersion(db, draft.id, expectedRevision, {
      title: next.title.trim(),
      kind: next.kind,
      ambitions: next.ambitions,
      principles: next.principles,
      priorities: next.priorities.map((p) => ({ text: p.text.trim(), goalIds: [] })),
      periodStart: next.periodStart,
      periodEnd: next.periodEnd,
      updatedBy: actor.userId,
      updatedAt: ctx.clock.now(),
    });
    if (!updated) return undefined;
    await replaceCommitments(db, draft.id, next.commitments);
    return updated;
  }

  return {
    async list(actor: Actor, approachId: string) {
      await loadApproachFor(ctx.db, actor, approachId, 'read');
      const contracts = await listContracts(ctx.db, approachId);
      const versions = await listVersions(
        ctx.db,
        contracts.map((c) => c.id),
      );
      return contracts.map((c) => {
        const own = versions.filter((v) => v.contractId === c.id);
        const latest = own.at(-1)!;
        const signed = own.filter((v) => v.status === 'signed').at(-1);
        return {
          id: c.id,
          title: latest.title,
          kind: latest.kind as ContractKind,
          version: latest.number,
          status: latest.status,
          currentSignedVersion: signed?.number ?? null,
          signedAt: signed?.signedAt?.toISOString() ?? null,
          evaluationDue: signed?.evaluationDue ?? null,
        };
      });
    },

    async get(actor: Actor, approachId: string, contractId: string, versionNumber?: number) {
      const { contract, names } = await loadContract(ctx.db, actor, approachId, contractId, 'read');
      return presentContract(ctx.db, contract, { versionNumber, names });
    },

    async create(actor: Actor, approachId: string, input: ContractInput) {
      return inTransaction(ctx, async (db) => {
        const approach = await loadApproachFor(db, actor, approachId, 'edit_contract');
        const names = await loadOrganisationNames(db, approach.municipalityCode);
        checkOrganisations(names, input.commitments);
        const commitments = toCommitmentRows(input.commitments, new Set());
        const content = {
          title: input.title.trim(),
          kind: input.kind ?? 'contract',
          ambitions: input.ambitions ?? '',
          principles: input.principles ?? '',
          priorities: (input.priorities ?? []).map((p) => ({ text: p.text.trim(), goalIds: [] })),
          periodStart: input.periodStart ?? null,
          periodEnd: input.periodEnd ?? null,
        };
        validateContractContent({ ...content, commitments });
        const now = ctx.clock.now();
        const contract = await insertContract(db, { approachId, createdBy: actor.userId, createdAt: now });
        const version = await insertVersion(db, {
          ...content,
          contractId: contract.id,
          number: 1,
          status: 'draft',
          createdBy: actor.userId,
          createdAt: now,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        await replaceCommitments(db, version.id, commitments);
        await audit(db, actor, approachId, 'contract', contract.id)('create', null, { version, commitments });
        return presentContract(db, contract, { names });
      });
    },

    /** Edits the open draft: a signed (or superseded) version refuses every change (409 read_only). */
    async update(actor: Actor, approachId: string, contractId: string, patch: ContractPatch) {
      return inTransaction(ctx, async (db) => {
        const { contract, names } = await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const versions = await lockVersions(db, contractId);
        const latest = versions.at(-1)!;
        assertEditable(latest.status, latest.number);
        if (patch.revision === undefined) {
          throw new DomainError('invalid_input', 'Geef de revisie mee waarop u uw wijziging baseert.', {
            issues: [{ path: ['revision'], message: 'verplicht' }],
          });
        }
        const { commitments: currentRows } = await loadContractVersions(db, contractId);
        const current = currentRows
          .filter((c) => c.commitment.versionId === latest.id)
          .map((c) => toCommitment(c.commitment));
        if (patch.commitments) checkOrganisations(names, patch.commitments);
        const commitments = patch.commitments
          ? toCommitmentRows(patch.commitments, new Set(current.map((c) => c.id)))
          : current;
        const next = {
          title: patch.title ?? latest.title,
          kind: patch.kind ?? (latest.kind as ContractKind),
          ambitions: patch.ambitions ?? latest.ambitions,
          principles: patch.principles ?? latest.principles,
          priorities: patch.priorities ?? latest.priorities.map((p) => ({ text: p.text })),
          periodStart: patch.periodStart === undefined ? latest.periodStart : patch.periodStart,
          periodEnd: patch.periodEnd === undefined ? latest.periodEnd : patch.periodEnd,
          commitments,
        };
        const updated = await saveDraft(db, actor, latest, patch.revision, next);
        if (!updated) {
          throw new DomainError('stale_version', 'Dit concept is intussen door iemand anders gewijzigd.', {
            data: { current: await presentContract(db, contract, { names }) },
          });
        }
        await audit(
          db,
          actor,
          approachId,
          'contract_version',
          latest.id,
        )(
          'update',
          { ...latest, commitments: current },
          {
            ...updated,
            commitments,
          },
        );
        return presentContract(db, contract, { names });
      });
    },

    /** Signs the open draft; the version signed before it becomes superseded. */
    async sign(actor: Actor, approachId: string, contractId: string, input: SigningInput) {
      return inTransaction(ctx, async (db) => {
        const { contract, names } = await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const versions = await lockVersions(db, contractId);
        const latest = versions.at(-1)!;
        const statuses = computeStatusesAfterSigning(versions, latest.number);
        if (input.revision !== undefined && input.revision !== latest.revision) {
          throw new DomainError(
            'stale_version',
            'Dit concept is intussen gewijzigd; lees het opnieuw voor u ondertekent.',
            {
              data: { current: await presentContract(db, contract, { names }) },
            },
          );
        }
        assertOrganisationsOfMunicipality(
          names,
          input.signatories.map((s, i) => ({
            id: s.organisationId,
            path: ['signatories', i, 'organisationId'],
          })),
        );
        const { evaluationDue } = validateSigning(
          { signatories: input.signatories, evaluationDue: input.evaluationDue ?? null },
          { today: todayInNetherlands(ctx.clock) },
        );
        const now = ctx.clock.now();
        for (const v of versions) {
          const status = statuses.find((s) => s.number === v.number)!.status;
          if (status === v.status) continue;
          const after = await setVersionStatus(db, v.id, {
            status,
            ...(v.id === latest.id
              ? { evaluationDue, signedAt: now, signedRecordedBy: actor.userId, revision: v.revision + 1 }
              : {}),
          });
          await audit(
            db,
            actor,
            approachId,
            'contract_version',
            v.id,
          )(status === 'signed' ? 'sign' : 'supersede', v, after);
        }
        await insertSignatories(
          db,
          input.signatories.map((s, position) => ({
            versionId: latest.id,
            position,
            name: s.name.trim(),
            function: s.function.trim(),
            organisationId: s.organisationId,
            signedOn: s.signedOn,
          })),
        );
        return presentContract(db, contract, { names });
      });
    },

    /** Starts an amendment: a new draft version, copied from the latest signed one. */
    async amend(actor: Actor, approachId: string, contractId: string) {
      return inTransaction(ctx, async (db) => {
        const { contract, names } = await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const versions = await lockVersions(db, contractId);
        assertCanAmend(versions);
        const base = versions.filter((v) => v.status === 'signed').at(-1)!;
        const draft = await createAmendment(db, actor, versions, base, ctx.clock.now());
        await audit(db, actor, approachId, 'contract_version', draft.id)('amend', null, draft);
        return presentContract(db, contract, { names });
      });
    },

    async attach(
      actor: Actor,
      approachId: string,
      contractId: string,
      versionNumber: number,
      documentId: string,
    ) {
      return inTransaction(ctx, async (db) => {
        const { contract, names } = await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const version = (await listVersions(db, [contractId])).find((v) => v.number === versionNumber);
        if (!version)
          throw new DomainError('not_found', `Versie ${versionNumber} van dit contract bestaat niet.`);
        if (version.status === 'superseded') assertEditable(version.status, version.number);
        if (!(await findDocument(db, approachId, documentId))) {
          throw new DomainError('invalid_input', 'Dit document hoort niet bij deze wijkaanpak.', {
            issues: [{ path: ['documentId'], message: 'onbekend document' }],
          });
        }
        const row = await insertAttachment(db, {
          versionId: version.id,
          documentId,
          attachedBy: actor.userId,
          attachedAt: ctx.clock.now(),
        });
        if (row) await audit(db, actor, approachId, 'contract_version', version.id)('attach', null, row);
        return presentContract(db, contract, { versionNumber, names });
      });
    },

    /** Only a draft loses an attachment: what was attached to a signed version stays (409). */
    async detach(
      actor: Actor,
      approachId: string,
      contractId: string,
      versionNumber: number,
      documentId: string,
    ) {
      await inTransaction(ctx, async (db) => {
        await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const version = (await listVersions(db, [contractId])).find((v) => v.number === versionNumber);
        if (!version)
          throw new DomainError('not_found', `Versie ${versionNumber} van dit contract bestaat niet.`);
        assertEditable(version.status, version.number);
        const removed = await deleteAttachment(db, version.id, documentId);
        if (!removed) throw new DomainError('not_found', 'Dit document is geen bijlage van deze versie.');
        await audit(db, actor, approachId, 'contract_version', version.id)('detach', removed, null);
      });
    },

    async evaluate(actor: Actor, approachId: string, contractId: string, input: EvaluationInput) {
      return inTransaction(ctx, async (db) => {
        const { contract, names } = await loadContract(db, actor, approachId, contractId, 'edit_contract');
        const signed = (await listVersions(db, [contractId])).filter((v) => v.status === 'signed').at(-1);
        if (!signed)
          throw new DomainError('conflict', 'Een contract wordt geëvalueerd nadat het is ondertekend.');
        const next = {
          ...input,
          summary: input.summary.trim(),
          nextEvaluationDue: input.nextEvaluationDue ?? null,
        };
        validateEvaluation(next, { today: todayInNetherlands(ctx.clock) });
        const row = await insertEvaluation(db, {
          contractId,
          versionNumber: signed.number,
          ...next,
          recordedBy: actor.userId,
          recordedAt: ctx.clock.now(),
        });
        await audit(db, actor, approachId, 'contract_evaluation', row.id)('create', null, row);
        return presentContract(db, contract, { names });
      });
    },
  };
}
export type ContractsService = ReturnType<typeof createContractsService>;

/** A new draft copied from `base` (content, commitments with their ids); used by amendments and accepted proposals. */
export async function createAmendment(
  db: Database,
  actor: Actor,
  versions: ContractVersionRow[],
  base: ContractVersionRow,
  now: Date,
) {
  const { commitments } = await loadContractVersions(db, base.contractId);
  const baseCommitments = commitments
    .filter((c) => c.commitment.versionId === base.id)
    .map((c) => toCommitment(c.commitment));
  const draft = await insertVersion(db, {
    contractId: base.contractId,
    number: Math.max(...versions.map((v) => v.number)) + 1,
    status: 'draft',
    title: base.title,
    kind: base.kind,
    ambitions: base.ambitions,
    principles: base.principles,
    priorities: base.priorities,
    periodStart: base.periodStart,
    periodEnd: base.periodEnd,
    basedOnNumber: base.number,
    createdBy: actor.userId,
    createdAt: now,
    updatedBy: actor.userId,
    updatedAt: now,
  });
  await replaceCommitments(db, draft.id, baseCommitments);
  return draft;
}
