/** Paths of the MKBA pages (Dutch, as the user sees them). */
export function cbaListPath(approachId: string): string {
  return `/aanpakken/${approachId}/mkba`;
}

export function cbaCasePath(approachId: string, caseId: string): string {
  return `/aanpakken/${approachId}/mkba/${caseId}`;
}
