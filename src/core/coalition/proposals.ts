/**
 * Partners propose changes to their own commitments (issue 13); a coordinator accepts or declines.
 * A proposal changes, adds or withdraws one commitment of the proposer's organisation.
 */
import { canProposeFor } from '../access/approach-role.ts';
import { DomainError } from '../errors.ts';
import type { Commitment } from './contract.ts';

export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  open: 'Open',
  accepted: 'Aangenomen',
  declined: 'Afgewezen',
  withdrawn: 'Ingetrokken',
};

export type ProposedCommitment = Omit<Commitment, 'id' | 'organisationId'>;

export interface CommitmentProposal {
  /** The commitment to change or withdraw; null proposes a new one. */
  commitmentId: string | null;
  organisationId: string;
  /** The commitment as proposed; null withdraws it. */
  proposed: ProposedCommitment | null;
}

/** The proposer may only touch commitments of its own organisation (403 otherwise). */
export function assertMayPropose(
  actor: { organisationId: string },
  proposal: CommitmentProposal,
  commitments: Commitment[],
): void {
  if (!canProposeFor(actor, proposal.organisationId)) {
    throw new DomainError(
      'forbidden',
      'U kunt alleen wijzigingen voorstellen in de toezeggingen van uw eigen organisatie.',
    );
  }
  if (proposal.commitmentId === null) {
    if (proposal.proposed === null)
      throw new DomainError('invalid_input', 'Een nieuwe toezegging heeft inhoud nodig.', {
        issues: [{ path: ['proposed'], message: 'verplicht voor een nieuwe toezegging' }],
      });
    return;
  }
  const target = commitments.find((c) => c.id === proposal.commitmentId);
  if (!target) {
    throw new DomainError('invalid_input', 'Deze toezegging staat niet in het contract.', {
      issues: [{ path: ['commitmentId'], message: 'onbekende toezegging' }],
    });
  }
  if (!canProposeFor(actor, target.organisationId) || target.organisationId !== proposal.organisationId) {
    throw new DomainError(
      'forbidden',
      'U kunt alleen wijzigingen voorstellen in de toezeggingen van uw eigen organisatie.',
    );
  }
}

/**
 * The commitments with the proposal applied. A change keeps the commitment's id; a change of a
 * commitment that no longer exists (removed meanwhile) is a conflict.
 */
export function applyProposal(
  commitments: Commitment[],
  proposal: CommitmentProposal,
  newId: string,
): Commitment[] {
  if (proposal.commitmentId === null) {
    return [...commitments, { ...proposal.proposed!, id: newId, organisationId: proposal.organisationId }];
  }
  if (!commitments.some((c) => c.id === proposal.commitmentId)) {
    throw new DomainError('conflict', 'De toezegging van dit voorstel staat niet meer in het concept.');
  }
  if (proposal.proposed === null) return commitments.filter((c) => c.id !== proposal.commitmentId);
  return commitments.map((c) =>
    c.id === proposal.commitmentId
      ? { ...proposal.proposed!, id: c.id, organisationId: c.organisationId }
      : c,
  );
}
