/** Evidence links to documents, the coalition and contracts must point into the same approach. */
import { isCoalitionEvidencePart, parseContractReference } from '../../core/coalition/evidence.ts';
import { DomainError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { findContract, listVersions } from '../../db/contracts.repository.ts';
import { findDocument } from '../../db/documents.repository.ts';

export async function validateCoalitionEvidence(
  db: Database,
  approachId: string,
  link: { kind: string; reference: string },
  path: (string | number)[],
): Promise<void> {
  const invalid = (message: string) =>
    new DomainError('invalid_input', 'Een onderbouwing verwijst naar iets buiten deze wijkaanpak.', {
      issues: [{ path, message }],
    });
  if (link.kind === 'upload' && !(await findDocument(db, approachId, link.reference.toLowerCase())))
    throw invalid(`document ${link.reference} hoort niet bij deze wijkaanpak`);
  if (link.kind === 'coalition' && !isCoalitionEvidencePart(link.reference))
    throw invalid('geen onderdeel van de coalitie');
  if (link.kind === 'contract') {
    const parsed = parseContractReference(link.reference);
    const contract = parsed ? await findContract(db, approachId, parsed.contractId) : undefined;
    if (!parsed || !contract) throw invalid(`contract ${link.reference} hoort niet bij deze wijkaanpak`);
    if (parsed.versionNumber !== null) {
      const versions = await listVersions(db, [contract.id]);
      if (!versions.some((v) => v.number === parsed.versionNumber))
        throw invalid(`versie ${parsed.versionNumber} van dit contract bestaat niet`);
    }
  }
}
