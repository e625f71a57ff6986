/**
 * Evidence from the coalition and the contract (issue 13): discussion points of steps 2.1 (local
 * coalition), 2.3 (local contract), 3.3 (administrative strength) and 3.5 (process direction) cite
 * the coalition's parts or a contract (version) of the same approach.
 */
export const COALITION_EVIDENCE_PARTS = [
  'members',
  'board',
  'programme_bureau',
  'process_direction',
] as const;
export type CoalitionEvidencePart = (typeof COALITION_EVIDENCE_PARTS)[number];
export const COALITION_EVIDENCE_LABELS: Record<CoalitionEvidencePart, string> = {
  members: 'Leden van de coalitie',
  board: 'Bestuurlijk overleg',
  programme_bureau: 'Programmabureau',
  process_direction: 'Procesregie',
};

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** A contract as `contractId`, or one of its versions as `contractId@number`. */
export const CONTRACT_REFERENCE_PATTERN = new RegExp(`^(${UUID})(?:@([1-9][0-9]{0,3}))?$`);
export const DOCUMENT_REFERENCE_PATTERN = new RegExp(`^${UUID}$`);

export function parseContractReference(
  reference: string,
): { contractId: string; versionNumber: number | null } | null {
  const match = CONTRACT_REFERENCE_PATTERN.exec(reference);
  if (!match) return null;
  return { contractId: match[1]!.toLowerCase(), versionNumber: match[2] ? Number(match[2]) : null };
}

export function isCoalitionEvidencePart(reference: string): reference is CoalitionEvidencePart {
  return (COALITION_EVIDENCE_PARTS as readonly string[]).includes(reference);
}
