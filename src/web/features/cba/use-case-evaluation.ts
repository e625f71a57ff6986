/**
 * Live recalculation while editing: the draft is turned into a case file 400 ms after the last
 * change and evaluated by the server (POST /cba-evaluations, the same core as saving). The query
 * is keyed by the case file's text, so an answer that arrives late for an older input can never
 * overwrite a newer one, and going back to an earlier input costs no request.
 */
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { CbaResult } from '../../api/types.ts';
import { buildCaseFile, type BuiltCase } from './build-case-file.ts';
import type { CaseDraft } from './case-draft.ts';
import { problemsFromServer, type Problem } from './case-problems.ts';

export const EVALUATION_DELAY_MS = 400;

/** JSON with object keys sorted: equal content gives equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export type EvaluationState =
  | { kind: 'waiting' }
  | { kind: 'local_problems'; count: number }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; detail: string }
  | { kind: 'current' };

export interface CaseEvaluation {
  /** The newest result that could be computed (possibly for an older input: see `state`). */
  result: CbaResult | undefined;
  /** The case file `result` belongs to (for the Excel export). */
  resultCaseFile: BuiltCase['caseFile'] | undefined;
  state: EvaluationState;
  /** Problems the server found in the evaluated input, mapped onto the draft. */
  serverProblems: Problem[];
}

export function useCaseEvaluation(
  draft: CaseDraft,
  saved: { json: string; result: CbaResult | undefined },
): CaseEvaluation {
  const debouncedDraft = useDebounced(draft, EVALUATION_DELAY_MS);
  const built = useMemo(() => buildCaseFile(debouncedDraft), [debouncedDraft]);
  const json = useMemo(() => canonicalJson(built.caseFile), [built]);
  const isReady = built.problems.length === 0;
  const query = useQuery({
    queryKey: keys.cbaEvaluation(json),
    queryFn: () => api.evaluateCba(built.caseFile),
    enabled: isReady,
    placeholderData: keepPreviousData,
    initialData: json === saved.json ? saved.result : undefined,
    staleTime: Infinity,
    retry: false,
  });
  const [lastGood, setLastGood] = useState<{
    result: CbaResult | undefined;
    caseFile: BuiltCase['caseFile'] | undefined;
  }>(() => ({
    result: saved.result,
    caseFile: saved.result ? (JSON.parse(saved.json) as BuiltCase['caseFile']) : undefined,
  }));
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setLastGood({ result: query.data, caseFile: built.caseFile });
  }, [query.data, query.isPlaceholderData, built]);

  const serverProblems = useMemo(
    () =>
      isApiError(query.error) && query.error.status === 400
        ? problemsFromServer(query.error.errors, built)
        : [],
    [query.error, built],
  );

  const isSettled = debouncedDraft === draft;
  let state: EvaluationState;
  if (!isReady) state = { kind: 'local_problems', count: built.problems.length };
  else if (!isSettled || query.isFetching) state = { kind: 'waiting' };
  else if (query.isError)
    state =
      serverProblems.length > 0
        ? { kind: 'invalid', count: serverProblems.length }
        : { kind: 'failed', detail: isApiError(query.error) ? query.error.detail : 'onbekende fout' };
  else state = { kind: 'current' };

  return { result: lastGood.result, resultCaseFile: lastGood.caseFile, state, serverProblems };
}
