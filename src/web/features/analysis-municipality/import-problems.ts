/**
 * The problems of a failed import as rows of file, row, column and reason. The server sends each
 * problem with the path [file, row?, column?] (src/core/cbs-import/import-issues.ts).
 */
import type { FieldError } from '../../api/client.ts';

export interface ImportProblemRow {
  file: string;
  row: number | null;
  column: string | null;
  reason: string;
}

/** [file, 17, 'a_inw'] -> row 17, column a_inw; a number is a row, a later string a column. */
export function toProblemRows(errors: readonly FieldError[], fallbackFile: string): ImportProblemRow[] {
  return errors.map((error) => {
    const [file, ...rest] = error.segments;
    const row = rest.find((s): s is number => typeof s === 'number') ?? null;
    const column = rest.find((s): s is string => typeof s === 'string') ?? null;
    return { file: typeof file === 'string' ? file : fallbackFile, row, column, reason: error.message };
  });
}
