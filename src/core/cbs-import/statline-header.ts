/** The header of a StatLine CSV column: group path, title and unit. */

export interface StatlineHeader {
  /** Group path and title without the unit, as in the file. */
  path: string;
  segments: string[];
  unit: string;
}

/** "Opleidingsniveau/Laag/Waarde (%)" -> { path: 'Opleidingsniveau/Laag/Waarde', unit: '%' }. */
export function parseStatlineHeader(header: string): StatlineHeader {
  const trimmed = header.trim();
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(trimmed);
  const path = match ? (match[1] ?? '') : trimmed;
  const unit = match ? (match[2] ?? '').trim() : '';
  return { path, segments: path.split('/').map((s) => s.trim()), unit };
}
