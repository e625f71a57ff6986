/**
 * One discussion point, editable: status, answer, skip reason, evidence and participants, saved with
 * optimistic concurrency. A stale save (409) keeps the user's text and shows it beside the current
 * version, with "re-save mine" and "take the current one" — nothing typed is ever lost.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Heading, StatusBadge } from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { Organisation, PointAnswer, PointStatus } from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { InlineError } from '../../components/query-status.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';
import { VisuallyHidden } from '../../components/visually-hidden.tsx';
import { EvidenceEditor } from './evidence-editor.tsx';
import { POINT_STATUS_BADGE, POINT_STATUS_LABELS } from './framework-content.ts';
import {
  allowedStatuses,
  checkDraft,
  describeAllowedStatuses,
  draftFromPoint,
  fieldOfApiPath,
  isSameDraft,
  sentence,
  updateFromDraft,
  type DraftField,
  type DraftIssue,
  type PointDraft,
} from './point-draft.ts';
import { PointSummary } from './point-summary.tsx';
import { RevisionHistory } from './revision-history.tsx';
import { StaleConflict } from './stale-conflict.tsx';

const STATUS_ORDER: PointStatus[] = ['open', 'in_discussion', 'answered', 'skipped'];
const FIELD_LABELS: Record<DraftField, string> = {
  status: 'Status',
  answer: 'Antwoord',
  skipReason: 'Reden om over te slaan',
  evidence: 'Onderbouwing',
  participants: 'Deelnemende organisaties',
};

export function pointDomId(pointId: string): string {
  return `punt-${pointId.replace(/\./g, '-')}`;
}

export function LastEdited({ point }: { point: PointAnswer }) {
  return (
    <p className="wk-point__meta">
      {point.updatedAt
        ? `Laatst gewijzigd door ${point.updatedBy?.name ?? 'onbekend'} op ${formatDateTime(point.updatedAt)} (versie ${point.version}).`
        : 'Nog niet bewerkt.'}
    </p>
  );
}

export function PointHeading({ point, id }: { point: PointAnswer; id: string }) {
  return (
    <div className="wk-point__head">
      <Heading level={3} id={id} className="wk-point__title" tabIndex={-1}>
        <span className="wk-point__number">{point.pointId}</span> {point.text}
      </Heading>
      <StatusBadge status={POINT_STATUS_BADGE[point.status]} className="wk-point__status">
        <VisuallyHidden>Status: </VisuallyHidden>
        {POINT_STATUS_LABELS[point.status]}
      </StatusBadge>
    </div>
  );
}

interface SaveVariables {
  draft: PointDraft;
  version: number;
}

export function PointEditor(props: {
  approachId: string;
  cycle: number;
  point: PointAnswer;
  organisations: Organisation[];
  canSkip: boolean;
  onSaved: (point: PointAnswer) => void;
}) {
  const { approachId, cycle, point, organisations, canSkip, onSaved } = props;
  const idPrefix = pointDomId(point.pointId);
  const headingId = `${idPrefix}-kop`;
  const [base, setBase] = useState(point);
  const [draft, setDraft] = useState(() => draftFromPoint(point));
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [liveMessage, setLiveMessage] = useState('');
  const [conflict, setConflict] = useState<PointAnswer | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const isDirty = !isSameDraft(draft, draftFromPoint(base));

  // A newer version arrived (a refetch): follow it, unless the user is in the middle of changes.
  useEffect(() => {
    if (point.version !== base.version && !isDirty) {
      setBase(point);
      setDraft(draftFromPoint(point));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [point]);

  const save = useMutation({
    mutationFn: ({ draft: d, version }: SaveVariables) =>
      api.updatePoint(approachId, cycle, point.pointId, updateFromDraft(d, version)),
    onSuccess: (updated) => {
      setBase(updated);
      setDraft(draftFromPoint(updated));
      setConflict(null);
      setIssues([]);
      setFailure(null);
      setLiveMessage(`Gesprekspunt ${updated.pointId} is opgeslagen (versie ${updated.version}).`);
      onSaved(updated);
    },
    onError: (error) => {
      if (isApiError(error) && error.isStale && error.current) {
        setConflict(error.current as PointAnswer);
        setFailure(null);
        setLiveMessage(
          `Gesprekspunt ${point.pointId} is niet opgeslagen: iemand anders heeft het intussen gewijzigd.`,
        );
        focusAfterRender(() => conflictRef.current);
      } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
        setIssues(
          error.errors.map((e) => ({ field: fieldOfApiPath(e.segments[0]), message: sentence(e.message) })),
        );
        setFailure(null);
        setAttempt((n) => n + 1);
        setLiveMessage(`Gesprekspunt ${point.pointId} is niet opgeslagen.`);
      } else {
        setFailure(isApiError(error) ? error : null);
        setLiveMessage(
          `Gesprekspunt ${point.pointId} is niet opgeslagen: ${isApiError(error) ? error.detail : 'onbekende fout'}`,
        );
      }
    },
  });

  const trySave = (from: PointStatus, version: number) => {
    const found = checkDraft(from, draft);
    setIssues(found);
    if (found.length > 0) {
      setAttempt((n) => n + 1);
      setLiveMessage(`Gesprekspunt ${point.pointId} is niet opgeslagen.`);
      return;
    }
    setLiveMessage('Bezig met opslaan…');
    save.mutate({ draft, version });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    trySave(base.status, base.version);
  };

  const takeCurrent = () => {
    if (!conflict) return;
    setBase(conflict);
    setDraft(draftFromPoint(conflict));
    onSaved(conflict);
    setConflict(null);
    setIssues([]);
    setLiveMessage(`De huidige versie van gesprekspunt ${conflict.pointId} staat nu in het formulier.`);
    focusAfterRender(() => document.getElementById(`${idPrefix}-antwoord`));
  };

  const fieldId = (field: DraftField): string => {
    switch (field) {
      case 'status':
        return `${idPrefix}-status-${draft.status}`;
      case 'answer':
        return `${idPrefix}-antwoord`;
      case 'skipReason':
        return draft.status === 'skipped' ? `${idPrefix}-reden` : `${idPrefix}-status-${draft.status}`;
      case 'evidence':
        return `${idPrefix}-bron-open`;
      case 'participants':
        return organisations[0] ? `${idPrefix}-deelnemers-${organisations[0].id}` : `${idPrefix}-antwoord`;
    }
  };
  const errorOf = (field: DraftField) => issues.find((i) => i.field === field)?.message;
  const allowed = allowedStatuses(base.status, canSkip);

  return (
    <article
      className="wk-point"
      aria-labelledby={headingId}
      id={`gesprekspunt-${point.pointId.replace(/\./g, '-')}`}
    >
      <PointHeading point={base} id={headingId} />
      <LastEdited point={base} />
      {conflict ? (
        <StaleConflict
          mine={draft}
          current={conflict}
          organisations={organisations}
          idPrefix={idPrefix}
          headingRef={conflictRef}
          isSaving={save.isPending}
          onResave={() => trySave(conflict.status, conflict.version)}
          onTakeCurrent={takeCurrent}
        />
      ) : null}
      <ErrorSummary
        errors={issues.map((i) => ({
          fieldId: fieldId(i.field),
          message: `${FIELD_LABELS[i.field]}: ${i.message}`,
        }))}
        focusKey={attempt}
        headingLevel={4}
        title={`Gesprekspunt ${point.pointId} is niet opgeslagen`}
      />
      {failure ? <InlineError error={failure} headingLevel={4} /> : null}
      <form onSubmit={submit} noValidate aria-labelledby={headingId} className="wk-point__form wk-no-print">
        <div className="wk-point__main">
          <RadioGroup<PointStatus>
            idPrefix={`${idPrefix}-status`}
            name={`${idPrefix}-status`}
            legend="Status"
            value={draft.status}
            onChange={(status) => setDraft((d) => ({ ...d, status }))}
            description={describeAllowedStatuses(base.status, canSkip)}
            error={errorOf('status')}
            className="wk-status-choice"
            options={STATUS_ORDER.map((status) => ({
              value: status,
              label: POINT_STATUS_LABELS[status],
              disabled: !allowed.has(status),
            }))}
          />
          <TextField
            id={`${idPrefix}-antwoord`}
            label="Antwoord"
            multiline
            rows={5}
            value={draft.answer}
            onChange={(answer) => setDraft((d) => ({ ...d, answer }))}
            error={errorOf('answer')}
            description={draft.status === 'answered' ? 'Verplicht bij de status ‘Beantwoord’.' : undefined}
          />
          {draft.status === 'skipped' ? (
            <TextField
              id={`${idPrefix}-reden`}
              label="Reden om over te slaan"
              multiline
              rows={3}
              value={draft.skipReason}
              onChange={(skipReason) => setDraft((d) => ({ ...d, skipReason }))}
              error={errorOf('skipReason')}
              description="Het afwegingskader staat toe stappen om goede redenen over te slaan; leg die reden vast."
            />
          ) : null}
        </div>
        <div className="wk-point__side">
          <EvidenceEditor
            evidence={draft.evidence}
            onChange={(evidence) => setDraft((d) => ({ ...d, evidence }))}
            idPrefix={idPrefix}
          />
          <CheckboxGroup<string>
            idPrefix={`${idPrefix}-deelnemers`}
            legend="Deelnemende organisaties"
            description="Welke organisaties namen deel aan het gesprek over dit punt?"
            values={draft.participantIds}
            onChange={(participantIds) => setDraft((d) => ({ ...d, participantIds }))}
            error={errorOf('participants')}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            className="wk-participants"
          />
        </div>
        <div className="wk-point__actions">
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            Opslaan<VisuallyHidden> gesprekspunt {point.pointId}</VisuallyHidden>
          </Button>
          {isDirty ? (
            <span className="wk-dirty">Er zijn wijzigingen die nog niet zijn opgeslagen.</span>
          ) : null}
        </div>
        <p role="status" className="wk-save-status">
          {liveMessage}
        </p>
      </form>
      <PointSummary
        className="wk-print-only"
        draft={draft}
        organisations={organisations}
        idPrefix={`${idPrefix}-print`}
      />
      <RevisionHistory
        approachId={approachId}
        cycle={cycle}
        pointId={point.pointId}
        organisations={organisations}
        version={base.version}
      />
    </article>
  );
}

/** A point shown without editing (viewer, closed cycle). */
export function PointReadOnly({
  approachId,
  cycle,
  point,
  organisations,
}: {
  approachId: string;
  cycle: number;
  point: PointAnswer;
  organisations: Organisation[];
}) {
  const idPrefix = pointDomId(point.pointId);
  const allOrgs = [
    ...organisations,
    ...point.participants.filter((p) => !organisations.some((o) => o.id === p.id)),
  ];
  return (
    <article
      className="wk-point"
      aria-labelledby={`${idPrefix}-kop`}
      id={`gesprekspunt-${point.pointId.replace(/\./g, '-')}`}
    >
      <PointHeading point={point} id={`${idPrefix}-kop`} />
      <LastEdited point={point} />
      <PointSummary
        draft={draftFromPoint(point)}
        organisations={allOrgs as Organisation[]}
        idPrefix={idPrefix}
      />
      <RevisionHistory
        approachId={approachId}
        cycle={cycle}
        pointId={point.pointId}
        organisations={organisations}
        version={point.version}
      />
    </article>
  );
}
