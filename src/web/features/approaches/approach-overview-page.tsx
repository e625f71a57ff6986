/**
 * One approach: what it is, my role, the decision in force, and the progress of the framework per
 * phase and step in the chosen cycle. Phases after orientation are marked "vóór go-besluit" while
 * no go is in force; they stay editable because the phases overlap in practice.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { useApproach, useProgress } from '../../api/queries.ts';
import type { ApproachDetail, FrameworkProgress } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { SelectField } from '../../components/fields.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProgressMeter } from '../../components/progress-meter.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { SourceNote } from '../../components/source-note.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { DECISION_OUTCOME_LABELS, FRAMEWORK, findStep, phaseLabel } from '../framework/framework-content.ts';
import { ApproachAdmin } from './approach-admin.tsx';
import { ApproachNav } from './approach-nav.tsx';
import { APPROACH_ROLE_LABELS, APPROACH_STATUS_LABELS, isUuid, stepPath } from './labels.ts';

/** The cycle shown: ?cyclus=n when it exists, otherwise the active (or last) one. */
export function useSelectedCycle(approach: ApproachDetail | undefined): number {
  const [params] = useSearchParams();
  const asked = Number(params.get('cyclus'));
  if (!approach) return 1;
  if (approach.cycles.some((c) => c.number === asked)) return asked;
  return (
    (approach.cycles.find((c) => c.status === 'active') ?? approach.cycles[approach.cycles.length - 1])
      ?.number ?? 1
  );
}

function CycleSelector({ approach, selected }: { approach: ApproachDetail; selected: number }) {
  const [, setParams] = useSearchParams();
  const [value, setValue] = useState(String(selected));
  if (approach.cycles.length < 2) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ cyclus: value });
  };
  return (
    <form onSubmit={submit} className="wk-inline-form wk-no-print" aria-label="Cyclus kiezen">
      <SelectField
        id="cyclus"
        label="Cyclus"
        value={value}
        onChange={setValue}
        options={approach.cycles.map((c) => ({
          value: String(c.number),
          label: `${c.title} (${c.status === 'active' ? 'lopend' : `afgesloten op ${formatDate(c.closedAt ?? c.startedAt)}`})`,
        }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        Cyclus tonen
      </Button>
    </form>
  );
}

function PhaseProgress({
  approach,
  progress,
  cycle,
}: {
  approach: ApproachDetail;
  progress: FrameworkProgress;
  cycle: number;
}) {
  return (
    <>
      {progress.phases.map((phaseProgress) => {
        const phase = FRAMEWORK.phases.find((p) => p.id === phaseProgress.phaseId)!;
        const headingId = `fase-${phase.id}`;
        return (
          <section key={phase.id} aria-labelledby={headingId} className="wk-phase">
            <div className="wk-phase__head">
              <Heading level={3} id={headingId}>
                {phaseLabel(phase)}
              </Heading>
              {phaseProgress.isBeforeGo ? (
                <StatusBadge status="warning" className="wk-before-go">
                  Vóór go-besluit
                </StatusBadge>
              ) : null}
            </div>
            {phaseProgress.isBeforeGo ? (
              <Paragraph small>
                Deze fase hoort bij de aanpak na een go-besluit. U kunt er al aan werken: in de praktijk lopen
                de fasen in elkaar over.
              </Paragraph>
            ) : null}
            <ProgressMeter
              label={`Voortgang fase ${phase.number}`}
              done={phaseProgress.done}
              total={phaseProgress.total}
              percent={phaseProgress.percentDone}
            />
            <ol className="wk-step-list">
              {phaseProgress.steps.map((s) => {
                const step = findStep(s.stepId)?.step;
                if (!step) return null;
                return (
                  <li key={s.stepId} className="wk-step-list__item">
                    <AppLink to={stepPath(approach.id, cycle, s.stepId)}>
                      Stap {s.stepId} {step.title}
                    </AppLink>
                    <span className="wk-step-list__counts">
                      {s.done} van {s.total} afgerond
                      {s.inDiscussion > 0 ? ` · ${s.inDiscussion} in bespreking` : ''}
                      {s.open > 0 ? ` · ${s.open} open` : ''}
                      {s.skipped > 0 ? ` · ${s.skipped} overgeslagen` : ''}
                    </span>
                    <span className="wk-minibar" aria-hidden="true">
                      <span className="wk-minibar__fill" style={{ inlineSize: `${s.percentDone}%` }} />
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </>
  );
}

export function ApproachOverviewPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return <ApproachOverview approachId={approachId} />;
}

function ApproachOverview({ approachId }: { approachId: string }) {
  const approachQuery = useApproach(approachId);
  const approach = approachQuery.data;
  const cycleNumber = useSelectedCycle(approach);
  const progress = useProgress(approachId, cycleNumber, Boolean(approach));
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  if (!approach) return null;
  const cycle = approach.cycles.find((c) => c.number === cycleNumber);
  const decision = approach.currentDecision;

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
        ]}
      />
      <PageHeading title={approach.title} preHeading={approach.municipality.name}>
        {approach.title}
      </PageHeading>
      {approach.status === 'archived' ? (
        <StatusBadge status="inactive">{APPROACH_STATUS_LABELS.archived}</StatusBadge>
      ) : null}
      <ApproachNav approach={approach} />
      {approach.description ? <Paragraph lead>{approach.description}</Paragraph> : null}

      <DataList className="wk-meta">
        <DataListItem>
          <DataListKey>Gebied</DataListKey>
          <DataListValue>
            <span className="wk-codes">{approach.focusArea.join(', ')}</span> (CBS-indeling{' '}
            {approach.focusAreaYear})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Startdatum</DataListKey>
          <DataListValue>{formatDate(approach.startDate)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Mijn rol</DataListKey>
          <DataListValue>{APPROACH_ROLE_LABELS[approach.myRole] ?? approach.myRole}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Go/no-go-besluit</DataListKey>
          <DataListValue>
            {decision ? (
              <>
                <StatusBadge status={decision.outcome === 'go' ? 'valid' : 'danger'}>
                  {decision.outcome === 'go' ? 'Go' : 'No-go'}
                </StatusBadge>{' '}
                {DECISION_OUTCOME_LABELS[decision.outcome]}, besloten op {formatDate(decision.decidedOn)}
                .{' '}
              </>
            ) : (
              'Nog geen besluit genomen. '
            )}
            <AppLink to={`/aanpakken/${approach.id}/besluit`}>
              {decision ? 'Bekijk het besluit' : 'Naar het go/no-go-besluit'}
            </AppLink>
          </DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="kader-kop" className="wk-section">
        <Heading level={2} id="kader-kop">
          Afwegingskader: {cycle?.title ?? `Cyclus ${cycleNumber}`}
        </Heading>
        <CycleSelector approach={approach} selected={cycleNumber} key={cycleNumber} />
        {cycle?.status === 'closed' ? (
          <Alert type="info">
            <Paragraph>
              {cycle.title} is afgesloten op {formatDateTime(cycle.closedAt ?? cycle.startedAt)}. U kunt deze
              cyclus alleen lezen.
            </Paragraph>
          </Alert>
        ) : null}
        {progress.isPending ? <Loading what="de voortgang" /> : null}
        {progress.isError ? <InlineError error={progress.error} /> : null}
        {progress.data ? (
          <>
            <ProgressMeter
              label="Voortgang totaal"
              done={progress.data.done}
              total={progress.data.total}
              percent={progress.data.percentDone}
            />
            <PhaseProgress approach={approach} progress={progress.data} cycle={cycleNumber} />
          </>
        ) : null}
        <SourceNote />
      </section>

      <ApproachAdmin approach={approach} />
    </>
  );
}
