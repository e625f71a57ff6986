/**
 * Collecting import problems. A read never half-succeeds: it gathers the problems it finds (up to a
 * limit) and throws one DomainError('import_failed') whose issues name file, row, column and reason,
 * e.g. path ['kwb-2023-utrecht.xlsx', 17, 'a_inw'], message "kolom a_inw, rij 17: 'abc' is geen getal".
 */
import { DomainError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';

export interface ImportProblem {
  /** 1-based row as a spreadsheet shows it; omitted for problems of the whole file. */
  row?: number;
  column?: string;
  reason: string;
}

export function describeProblem(problem: ImportProblem): string {
  const where: string[] = [];
  if (problem.column !== undefined) where.push(`kolom ${problem.column}`);
  if (problem.row !== undefined) where.push(`rij ${problem.row}`);
  return where.length > 0 ? `${where.join(', ')}: ${problem.reason}` : problem.reason;
}

export function createImportError(fileName: string, problems: readonly ImportProblem[]): DomainError {
  const issues: FieldIssue[] = problems.map((problem) => {
    const path: (string | number)[] = [fileName];
    if (problem.row !== undefined) path.push(problem.row);
    if (problem.column !== undefined) path.push(problem.column);
    return { path, message: describeProblem(problem) };
  });
  const first = problems[0];
  const more = problems.length > 1 ? ` (en nog ${problems.length - 1} andere problemen)` : '';
  const summary = first === undefined ? 'onbekend probleem' : describeProblem(first);
  return new DomainError('import_failed', `${fileName}: ${summary}${more}`, { issues });
}

/** Throws immediately for a problem that makes the rest of the file unreadable. */
export function failImport(fileName: string, problem: ImportProblem): never {
  throw createImportError(fileName, [problem]);
}

/** Gathers cell-level problems; throws once `limit` is reached or when `throwIfAny` is called. */
export class ImportIssues {
  private readonly problems: ImportProblem[] = [];

  constructor(
    private readonly fileName: string,
    private readonly limit = 100,
  ) {}

  add(problem: ImportProblem): void {
    this.problems.push(problem);
    if (this.problems.length >= this.limit) throw createImportError(this.fileName, this.problems);
  }

  get count(): number {
    return this.problems.length;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw createImportError(this.fileName, this.problems);
  }
}
