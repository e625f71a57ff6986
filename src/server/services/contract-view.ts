/** Loads contracts and shapes them for the API: a contract shown at one of its versions. */
import { computeCommitmentTotals } from '../../core/coalition/commitment-totals.ts';
import { diffContractVersions, type ContractDiff } from '../../core/coalition/contract-diff.ts';
import type {
  Commitment,
  ContractContent,
  ContractKind,
  ContractStatus,
  EvaluationOutcome,
  MoneyKind,
} from '../../core/coalition/contract.ts';
import { DomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import {
  listAttachments,
  listCommitments,
  listEvaluations,
  listProposals,
  listSignatories,
  listVersions,
  type CommitmentRow,
  type ContractRow,
  type ContractVersionRow,
} from '../../db/contracts.repository.ts';
import { presentDocument } from './documents.service.ts';

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    organisationId: row.organisationId,
    description: row.description,
    amounts: row.amounts,
    money: row.money as MoneyKind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    goalIds: row.goalIds,
    interventionIds: row.interventionIds,
  };
}

export function toContent(version: ContractVersionRow, commitments: Commitment[]): ContractContent {
  return {
    title: version.title,
    kind: version.kind as ContractKind,
    ambitions: version.ambitions,
    principles: version.principles,
    priorities: version.priorities,
    periodStart: version.periodStart,
    periodEnd: version.periodEnd,
    commitments,
  };
}

/** Every version of a contract with its commitments (in one query each). */
export async function loadContractVersions(db: Database, contractId: string) {
  const versions = await listVersions(db, [contractId]);
  const commitments = await listCommitments(
    db,
    versions.map((v) => v.id),
  );
  return { versions, commitments };
}

export async function presentContract(
  db: Database,
  contract: ContractRow,
  options: { versionNumber?: number | undefined; names: Map<string, string> },
) {
  const { versions, commitments } = await loadContractVersions(db, contract.id);
  const version = options.versionNumber
    ? versions.find((v) => v.number === options.versionNumber)
    : versions.at(-1);
  if (!version)
    throw new DomainError('not_found', `Versie ${options.versionNumber} van dit contract bestaat niet.`);
  const rowsOf = (versionId: string) => commitments.filter((c) => c.commitment.versionId === versionId);
  const own = rowsOf(version.id);
  const [signatories, attachments, evaluations, proposals] = await Promise.all([
    listSignatories(db, [version.id]),
    listAttachments(db, [version.id]),
    listEvaluations(db, [contract.id]),
    listProposals(db, contract.id),
  ]);
  const previous = version.basedOnNumber
    ? versions.find((v) => v.number === version.basedOnNumber)
    : undefined;
  let changes: ContractDiff | null = null;
  if (previous) {
    changes = diffContractVersions(
      toContent(
        previous,
        rowsOf(previous.id).map((c) => toCommitment(c.commitment)),
      ),
      toContent(
        version,
        own.map((c) => toCommitment(c.commitment)),
      ),
    );
  }
  const nameOf = (id: string) => options.names.get(id) ?? '(onbekende organisatie)';
  const totals = computeCommitmentTotals(own.map((c) => toCommitment(c.commitment)));
  const signed = versions.filter((v) => v.status === 'signed').at(-1);
  const latestEvaluation = evaluations[0]?.evaluation;
  return {
    id: contract.id,
    approachId: contract.approachId,
    version: version.number,
    status: version.status as ContractStatus,
    revision: version.revision,
    title: version.title,
    kind: version.kind as ContractKind,
    ambitions: version.ambitions,
    principles: version.principles,
    priorities: version.priorities.map((p) => ({ text: p.text })),
    periodStart: version.periodStart,
    periodEnd: version.periodEnd,
    evaluationDue: version.evaluationDue,
    basedOnVersion: version.basedOnNumber,
    signedAt: version.signedAt?.toISOString() ?? null,
    commitments: own.map(({ commitment: c, organisationName }) => ({
      id: c.id,
      organisation: { id: c.organisationId, name: organisationName },
      description: c.description,
      amounts: c.amounts,
      money: c.money as MoneyKind,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
    })),
    signatories: signatories.map(({ signatory: s, organisationName }) => ({
      name: s.name,
      function: s.function,
      organisation: { id: s.organisationId, name: organisationName },
      signedOn: s.signedOn,
    })),
    attachments: attachments.map((a) => presentDocument(a.document, null)),
    totals: {
      years: totals.years,
      byOrganisation: totals.byOrganisation.map((o) => ({
        organisation: { id: o.organisationId, name: nameOf(o.organisationId) },
        byYear: o.byYear,
        ...o.split,
      })),
      byYear: totals.byYear,
      ...totals.split,
    },
    changes,
    versions: versions.map((v) => ({
      number: v.number,
      status: v.status as ContractStatus,
      title: v.title,
      signedAt: v.signedAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    })),
    currentSignedVersion: signed?.number ?? null,
    nextEvaluationDue: latestEvaluation
      ? latestEvaluation.nextEvaluationDue
      : (signed?.evaluationDue ?? null),
    evaluations: evaluations.map(({ evaluation: e, recordedByName }) => ({
      id: e.id,
      versionNumber: e.versionNumber,
      evaluatedOn: e.evaluatedOn,
      outcome: e.outcome as EvaluationOutcome,
      summary: e.summary,
      nextEvaluationDue: e.nextEvaluationDue,
      recordedBy: recordedByName ?? '',
    })),
    openProposals: proposals.filter((p) => p.proposal.status === 'open').length,
  };
}
export type ContractView = Awaited<ReturnType<typeof presentContract>>;
