/**
 * Which column of a pool file names the registrants. The Sortition Foundation's tools keep their ids
 * in `nationbuilder_id` (the id of the NationBuilder CRM their registrations come from; the default
 * `id_column` of their `stratification` settings and of sortition-algorithms); other exports use
 * `id`, `person_id`, `respondent_id`, a Dutch `deelnemersnummer` ... . Recognised case-insensitively,
 * ignoring spaces, dashes and underscores. The earlier a pattern in ID_COLUMN_PATTERNS, the stronger.
 */

/** Patterns on the normalised name (lower case, without spaces, dashes and underscores), strongest first. */
export const ID_COLUMN_PATTERNS: readonly RegExp[] = [
  /^nationbuilderid$/,
  /^id$/,
  /^(person|persoon|people|respondent|registrant|participant|deelnemer|candidate|kandidaat|member|lid|aanmelding|external|extern)(id|nummer|nr)$/,
  /^(uuid|uid|pid|registratie|registratienummer|respondent|deelnemer|deelnemersnummer|aanmeldnummer|referentie|reference|ref|nummer|nr)$/,
];

function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** How strongly a column name says "id": the index of the first matching pattern, or -1. */
export function rankIdColumnName(name: string): number {
  const normalized = normalizeName(name);
  return ID_COLUMN_PATTERNS.findIndex((pattern) => pattern.test(normalized));
}

/** The header's id column (the strongest match, the leftmost among equals), or null. */
export function findIdColumn(header: readonly string[]): string | null {
  let best: { name: string; rank: number } | null = null;
  for (const name of header) {
    const rank = rankIdColumnName(name);
    if (rank >= 0 && (best === null || rank < best.rank)) best = { name, rank };
  }
  return best?.name ?? null;
}
