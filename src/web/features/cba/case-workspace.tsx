/**
 * The working area of one MKBA: the draft, its live evaluation, saving with the version (409: both
 * versions side by side), export and print. Nothing typed is lost: text that is not a number yet
 * stays in its cell with a message beside it, and a stale save keeps the user's version.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type {
  ApproachDetail,
  CbaCaseConflict,
  CbaCaseDetail,
  CbaCaseFile,
  CbaResult,
} from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { InlineError } from '../../components/query-status.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';
import { CbaConflict } from './cba-conflict.tsx';
import { AssumptionsSection, ResultsSection } from './cba-results.tsx';
import { CaseToolbar, EvaluationStatus } from './case-toolbar.tsx';
import { buildCaseFile, listGridYears, readHorizon, type BuiltCase } from './build-case-file.ts';
import { draftFromCaseFile, type AlternativeDraft } from './case-draft.ts';
import {
  alternativeNameId,
  groupByField,
  problemFieldId,
  problemsFromServer,
  type Problem,
} from './case-problems.ts';
import { SettingsEditor, SettingsView } from './case-settings.tsx';
import { EffectsEditor } from './effects-editor.tsx';
import { ItemsGrid } from './items-grid.tsx';
import { ItemsTable } from './items-table.tsx';
import { canonicalJson, useCaseEvaluation } from './use-case-evaluation.ts';
import { usePrintOpensTables } from './use-print-opens-tables.ts';

interface Base {
  version: number;
  caseFile: CbaCaseFile;
  result: CbaResult | undefined;
}

interface SaveVariables {
  version: number;
  built: BuiltCase;
}

export function CaseWorkspace({
  approach,
  initial,
  canEdit,
}: {
  approach: ApproachDetail;
  initial: CbaCaseDetail;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Base>(() => ({
    version: initial.version,
    caseFile: initial.caseFile,
    result: initial.result ?? undefined,
  }));
  const [draft, setDraft] = useState(() => draftFromCaseFile(initial.caseFile));
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<CbaCaseConflict | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saveOutcome, setSaveOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const conflictRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();
  usePrintOpensTables();

  const baseJson = useMemo(
    () => canonicalJson(buildCaseFile(draftFromCaseFile(base.caseFile)).caseFile),
    [base.caseFile],
  );
  const built = useMemo(() => buildCaseFile(draft), [draft]);
  const isDirty = canEdit && canonicalJson(built.caseFile) !== baseJson;
  const evaluation = useCaseEvaluation(draft, { json: baseJson, result: base.result });

  // Columns stay put while a year is half typed: the last horizon that could be drawn is kept.
  const { startYear: startText, endYear: endText } = draft.settings;
  const drawable = useMemo(() => readHorizon(startText, endText), [startText, endText]);
  const [lastHorizon, setLastHorizon] = useState(() => drawable ?? { startYear: 2025, endYear: 2045 });
  useEffect(() => {
    if (drawable) setLastHorizon(drawable);
  }, [drawable]);
  const horizon = drawable ?? lastHorizon;
  const years = useMemo(() => listGridYears(draft.alternatives, horizon), [draft.alternatives, horizon]);
  const firstYear = years[0];

  const fieldMessages = useMemo(
    () => groupByField([...built.problems, ...evaluation.serverProblems], firstYear),
    [built.problems, evaluation.serverProblems, firstYear],
  );
  const errorOf = (fieldId: string) => {
    const messages = fieldMessages.get(fieldId);
    return messages ? [...new Set(messages)].join(' ') : undefined;
  };
  const caseProblems = fieldMessages.get(undefined) ?? [];

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const save = useMutation({
    mutationFn: ({ version, built: b }: SaveVariables) =>
      api.updateCbaCase(approach.id, initial.id, { version, caseFile: b.caseFile }),
    onSuccess: (updated) => {
      setBase({ version: updated.version, caseFile: updated.caseFile, result: updated.result ?? undefined });
      setConflict(null);
      setSaveProblems([]);
      setSaveError(null);
      setSaveOutcome({ ok: true, text: `De MKBA is opgeslagen (versie ${updated.version}).` });
      queryClient.setQueryData(keys.cbaCase(approach.id, initial.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.cbaCases(approach.id) });
    },
    onError: (error, variables) => {
      if (isApiError(error) && error.isStale && error.current) {
        setConflict(error.current as CbaCaseConflict);
        setSaveOutcome({
          ok: false,
          text: 'De MKBA is niet opgeslagen: iemand anders heeft haar intussen gewijzigd.',
        });
        focusAfterRender(() => conflictRef.current);
      } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
        setSaveProblems(problemsFromServer(error.errors, variables.built));
        setAttempt((n) => n + 1);
        setSaveOutcome({ ok: false, text: 'De MKBA is niet opgeslagen: verbeter de gemarkeerde invoer.' });
      } else {
        setSaveError(isApiError(error) ? error : null);
        setSaveOutcome({
          ok: false,
          text: `De MKBA is niet opgeslagen: ${isApiError(error) ? error.detail : 'onbekende fout'}`,
        });
      }
    },
  });

  const trySave = (version: number) => {
    setSaveError(null);
    if (built.problems.length > 0) {
      setSaveProblems(built.problems);
      setAttempt((n) => n + 1);
      setSaveOutcome({ ok: false, text: 'De MKBA is niet opgeslagen: verbeter de gemarkeerde invoer.' });
      return;
    }
    setSaveProblems([]);
    setSaveOutcome(null);
    save.mutate({ version, built });
  };

  const takeCurrent = () => {
    if (!conflict) return;
    setBase({ version: conflict.version, caseFile: conflict.caseFile, result: undefined });
    setDraft(draftFromCaseFile(conflict.caseFile));
    setConflict(null);
    setSaveOutcome({ ok: true, text: `Versie ${conflict.version} staat nu in het formulier.` });
    void queryClient.invalidateQueries({ queryKey: keys.cbaCase(approach.id, initial.id) });
  };

  const setAlternative = (alt: number, next: AlternativeDraft) =>
    setDraft((d) => ({ ...d, alternatives: d.alternatives.map((a, i) => (i === alt ? next : a)) }));
  const isMulti = draft.alternatives.length > 1;
  const result = evaluation.result;

  return (
    <>
      <CaseToolbar
        approach={approach}
        caseId={initial.id}
        caseName={initial.name}
        canEdit={canEdit}
        isDirty={isDirty}
        isSaving={save.isPending}
        version={base.version}
        saveOutcome={saveOutcome}
        onSave={() => trySave(base.version)}
        exportable={
          evaluation.resultCaseFile && result ? { caseFile: evaluation.resultCaseFile, result } : undefined
        }
      />
      <p role="status" className="wk-visually-hidden">
        {announcement}
      </p>
      {conflict ? (
        <CbaConflict
          mine={built.caseFile}
          mineResult={evaluation.state.kind === 'current' ? result : undefined}
          current={conflict}
          headingRef={conflictRef}
          isSaving={save.isPending}
          onResave={() => trySave(conflict.version)}
          onTakeCurrent={takeCurrent}
        />
      ) : null}
      <ErrorSummary
        errors={saveProblems.map((p) => ({
          fieldId: problemFieldId(p.target, firstYear),
          message: p.message,
        }))}
        focusKey={attempt}
        title="De MKBA is niet opgeslagen: verbeter de invoer"
      />
      {saveError ? <InlineError error={saveError} /> : null}

      <section aria-labelledby="mkba-uitgangspunten-kop" className="wk-section">
        <Heading level={2} id="mkba-uitgangspunten-kop">
          Uitgangspunten
        </Heading>
        {canEdit ? (
          <div className="wk-no-print">
            <SettingsEditor
              settings={draft.settings}
              onChange={(settings) => setDraft((d) => ({ ...d, settings }))}
              errorOf={errorOf}
            />
          </div>
        ) : null}
        {result ? (
          <div className={canEdit ? 'wk-print-only' : undefined}>
            <SettingsView settings={result} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="mkba-invoer-kop" className="wk-section wk-no-print">
        <Heading level={2} id="mkba-invoer-kop">
          Kosten en baten
        </Heading>
        <Paragraph>
          Elke post is het verschil met het nulalternatief (wat er zonder de aanpak gebeurt), in reële euro’s.
          Kosten en baten zijn positieve bedragen; een negatief bedrag werkt de andere kant op.
        </Paragraph>
        {caseProblems.length > 0 ? (
          <Alert type="error">
            {caseProblems.map((message) => (
              <Paragraph key={message}>{message}</Paragraph>
            ))}
          </Alert>
        ) : null}
        {draft.alternatives.map((alternative, alt) => (
          <div key={alternative.key} className="wk-cba-alternative">
            {isMulti ? (
              canEdit ? (
                <TextField
                  id={alternativeNameId(alt)}
                  label={`Naam van alternatief ${alt + 1}`}
                  value={alternative.name}
                  error={errorOf(alternativeNameId(alt))}
                  onChange={(name) => setAlternative(alt, { ...alternative, name })}
                />
              ) : (
                <Heading level={3}>{alternative.name}</Heading>
              )
            ) : null}
            {canEdit ? (
              <ItemsGrid
                alt={alt}
                alternative={alternative}
                years={years}
                horizon={horizon}
                priceBaseYear={draft.settings.priceBaseYear}
                onChange={(next) => setAlternative(alt, next)}
                errorOf={errorOf}
                announce={setAnnouncement}
              />
            ) : (
              <ItemsTable alternative={alternative} years={years} />
            )}
            {canEdit ? (
              <>
                <Heading level={isMulti ? 4 : 3} appearance="utrecht-heading-4">
                  Niet in geld uitgedrukte effecten{isMulti ? `: ${alternative.name}` : ''}
                </Heading>
                <EffectsEditor
                  alt={alt}
                  alternative={alternative}
                  onChange={(next) => setAlternative(alt, next)}
                  errorOf={errorOf}
                />
              </>
            ) : null}
          </div>
        ))}
        {canEdit ? <EvaluationStatus state={evaluation.state} result={result} /> : null}
      </section>

      <section aria-labelledby="mkba-resultaten-kop" className="wk-section wk-cba-results">
        <Heading level={2} id="mkba-resultaten-kop">
          Resultaten
        </Heading>
        {evaluation.state.kind !== 'current' && evaluation.state.kind !== 'waiting' ? (
          <Alert type="warning">
            <Paragraph>
              De resultaten hieronder horen bij de laatste invoer die kon worden doorgerekend, niet bij wat er
              nu in de tabel staat.
            </Paragraph>
          </Alert>
        ) : null}
        {result ? <ResultsSection result={result} /> : <Paragraph>Nog geen resultaten.</Paragraph>}
      </section>
      {result ? <AssumptionsSection result={result} /> : null}
    </>
  );
}
