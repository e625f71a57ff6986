/**
 * The task of the MKBA worker threads: validates and evaluates one case file off the main thread
 * (cba-evaluator.ts). Answers plain data: the result, or the field issues of an invalid case.
 */
import { computeCaseResult, parseCase, type CaseResult } from '../../core/cba/index.ts';
import { isDomainError, type FieldIssue } from '../../core/errors.ts';

export type CaseEvaluation =
  { kind: 'result'; result: CaseResult } | { kind: 'invalid'; message: string; issues: FieldIssue[] };

export function evaluateCaseTask(caseFile: unknown): CaseEvaluation {
  try {
    return { kind: 'result', result: computeCaseResult(parseCase(caseFile)) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input')
      return { kind: 'invalid', message: error.message, issues: error.issues };
    throw error;
  }
}
