/**
 * One step of the framework in one cycle of an approach: the consideration (afweging), links to
 * its principles and success factors, where it sits in its phase, and every discussion point.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { keys, useApproach, useOrganisations, usePoints } from '../../api/queries.ts';
import type { ApproachDetail, PointAnswer, PointStatus } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { RadioGroup } from '../../components/fields.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProgressMeter } from '../../components/progress-meter.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { SourceNote } from '../../components/source-note.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { isUuid, stepPath } from '../approaches/labels.ts';
import {
  ALL_STEPS,
  findStep,
  knowledgeOfStep,
  phaseLabel,
  stepLabel,
  type Phase,
  type Step,
} from './framework-content.ts';
import { PointEditor, PointReadOnly } from './point-editor.tsx';

type Filter = 'alle' | 'open' | 'in-bespreking' | 'beantwoord' | 'overgeslagen';
const FILTER_STATUS: Record<Exclude<Filter, 'alle'>, PointStatus> = {
  open: 'open',
  'in-bespreking': 'in_discussion',
  beantwoord: 'answered',
  overgeslagen: 'skipped',
};
const FILTER_LABELS: Record<Filter, string> = {
  alle: 'Alle',
  open: 'Open',
  'in-bespreking': 'In bespreking',
  beantwoord: 'Beantwoord',
  overgeslagen: 'Overgeslagen',
};

function isFilter(value: string | null): value is Filter {
  return value !== null && value in FILTER_LABELS;
}

export function StepPage() {
  const { approachId, cycleNumber, stepId } = useParams();
  const cycle = Number(cycleNumber);
  const located = stepId ? findStep(stepId) : undefined;
  if (!isUuid(approachId) || !Number.isInteger(cycle) || cycle < 1 || !located) return <NotFoundPage />;
  return (
    <StepView
      key={`${approachId}-${cycle}-${located.step.id}`}
      approachId={approachId}
      cycle={cycle}
      phase={located.phase}
      step={located.step}
    />
  );
}

function StepContext({ approach, cycle, step }: { approach: ApproachDetail; cycle: number; step: Step }) {
  const knowledge = knowledgeOfStep(step);
  const context = `?aanpak=${approach.id}&cyclus=${cycle}`;
  return (
    <>
      <section aria-labelledby="afweging-kop" className="wk-section wk-consideration">
        <Heading level={2} id="afweging-kop">
          Afweging
        </Heading>
        <Paragraph>{step.consideration}</Paragraph>
        <SourceNote />
      </section>
      <section aria-labelledby="kennis-kop" className="wk-section">
        <Heading level={2} id="kennis-kop">
          Uitgangspunten en succesfactoren
        </Heading>
        {knowledge.length === 0 ? (
          <Paragraph>
            Het afwegingskader verwijst bij deze stap niet naar een uitgangspunt of succesfactor.
          </Paragraph>
        ) : (
          <UnorderedList>
            {knowledge.map((k) => (
              <UnorderedListItem key={k.id}>
                <AppLink to={`/kennis/${k.id}${context}`}>
                  {k.label}: {k.title}
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {step.id === '1.5' ? (
          <Paragraph>
            Het besluit zelf legt u vast op de pagina{' '}
            <AppLink to={`/aanpakken/${approach.id}/besluit`}>Go/no-go-besluit</AppLink>.
          </Paragraph>
        ) : null}
      </section>
    </>
  );
}

function PhaseSteps({
  approach,
  cycle,
  phase,
  step,
}: {
  approach: ApproachDetail;
  cycle: number;
  phase: Phase;
  step: Step;
}) {
  const index = ALL_STEPS.findIndex((s) => s.step.id === step.id);
  const previous = ALL_STEPS[index - 1];
  const next = ALL_STEPS[index + 1];
  return (
    <>
      <nav aria-labelledby="fase-stappen-kop" className="wk-section wk-no-print">
        <Heading level={2} id="fase-stappen-kop">
          Stappen in {phaseLabel(phase).replace(':', ' –')}
        </Heading>
        {phase.subSteps.length > 0 ? (
          <Paragraph>Deze fase draait om: {phase.subSteps.join(', ').toLowerCase()}.</Paragraph>
        ) : null}
        <ol className="wk-phase-steps">
          {phase.steps.map((s) => (
            <li key={s.id}>
              <AppLink
                to={stepPath(approach.id, cycle, s.id)}
                aria-current={s.id === step.id ? 'step' : undefined}
              >
                {stepLabel(s)}
              </AppLink>
              {s.id === step.id ? <span className="wk-current-marker"> (deze stap)</span> : null}
            </li>
          ))}
        </ol>
      </nav>
      <nav aria-label="Vorige en volgende stap" className="wk-pager wk-no-print">
        {previous ? (
          <AppLink to={stepPath(approach.id, cycle, previous.step.id)} rel="prev">
            ← Vorige: {stepLabel(previous.step)}
          </AppLink>
        ) : (
          <span />
        )}
        {next ? (
          <AppLink to={stepPath(approach.id, cycle, next.step.id)} rel="next">
            Volgende: {stepLabel(next.step)} →
          </AppLink>
        ) : null}
      </nav>
    </>
  );
}

function StepView({
  approachId,
  cycle,
  phase,
  step,
}: {
  approachId: string;
  cycle: number;
  phase: Phase;
  step: Step;
}) {
  const approachQuery = useApproach(approachId);
  const points = usePoints(approachId, cycle, step.id);
  const organisations = useOrganisations(approachId);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // Local state answers the radio at once; the address follows (replace) so the view can be linked.
  const [filter, setFilter] = useState<Filter>(() =>
    isFilter(params.get('status')) ? (params.get('status') as Filter) : 'alle',
  );
  // Points saved since the filter was chosen stay visible, so a save never makes the form vanish.
  const [keptVisible, setKeptVisible] = useState<Set<string>>(new Set());

  if (approachQuery.isPending) return <Loading what="de stap" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const cycleInfo = approach.cycles.find((c) => c.number === cycle);
  if (!cycleInfo) return <NotFoundPage />;

  const isClosed = cycleInfo.status === 'closed';
  const canEdit = approach.permissions.includes('edit_points') && !isClosed;
  const canSkip = approach.permissions.includes('skip_points');
  const list = points.data?.points ?? [];
  const counts = {
    alle: list.length,
    open: list.filter((p) => p.status === 'open').length,
    'in-bespreking': list.filter((p) => p.status === 'in_discussion').length,
    beantwoord: list.filter((p) => p.status === 'answered').length,
    overgeslagen: list.filter((p) => p.status === 'skipped').length,
  };
  const done = counts.beantwoord + counts.overgeslagen;
  const visible =
    filter === 'alle'
      ? list
      : list.filter((p) => p.status === FILTER_STATUS[filter] || keptVisible.has(p.pointId));

  const onSaved = (updated: PointAnswer) => {
    setKeptVisible((s) => new Set(s).add(updated.pointId));
    queryClient.setQueryData(keys.points(approachId, cycle, step.id), (old: typeof points.data) =>
      old ? { ...old, points: old.points.map((p) => (p.pointId === updated.pointId ? updated : p)) } : old,
    );
    // Dropped rather than marked stale, so the overview never shows the old counts first.
    queryClient.removeQueries({ queryKey: keys.progress(approachId, cycle) });
    void queryClient.invalidateQueries({ queryKey: keys.revisions(approachId, cycle, updated.pointId) });
  };

  const overviewPath = `/aanpakken/${approach.id}${cycleInfo.status === 'closed' ? `?cyclus=${cycle}` : ''}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: overviewPath, label: approach.title },
          { to: stepPath(approach.id, cycle, step.id), label: `Stap ${step.id}` },
        ]}
      />
      <PageHeading
        title={`${stepLabel(step)} – ${approach.title}`}
        preHeading={`${approach.title} · ${phaseLabel(phase)} · ${cycleInfo.title}`}
      >
        {stepLabel(step)}
      </PageHeading>

      {!canEdit ? (
        <Alert type="info">
          <Paragraph>
            {isClosed
              ? `${cycleInfo.title} is afgesloten. U kunt de gesprekspunten lezen maar niet meer wijzigen.`
              : 'U kunt deze gesprekspunten lezen. Uw rol op deze wijkaanpak staat wijzigen niet toe.'}
          </Paragraph>
        </Alert>
      ) : null}

      <StepContext approach={approach} cycle={cycle} step={step} />

      <section aria-labelledby="punten-kop" className="wk-section">
        <Heading level={2} id="punten-kop">
          Gesprekspunten
        </Heading>
        {points.isPending ? <Loading what="de gesprekspunten" /> : null}
        {points.isError ? <InlineError error={points.error} /> : null}
        {points.data ? (
          <>
            <ProgressMeter
              label={`Voortgang stap ${step.id}`}
              done={done}
              total={list.length}
              percent={list.length ? Math.floor((done * 100) / list.length) : 0}
            />
            <RadioGroup<Filter>
              idPrefix="filter"
              name="filter"
              legend="Toon gesprekspunten"
              className="wk-filter wk-no-print"
              value={filter}
              onChange={(value) => {
                setKeptVisible(new Set());
                setFilter(value);
                setParams(value === 'alle' ? {} : { status: value }, { replace: true });
              }}
              options={(Object.keys(FILTER_LABELS) as Filter[]).map((f) => ({
                value: f,
                label: `${FILTER_LABELS[f]} (${counts[f]})`,
              }))}
            />
            <p role="status" className="wk-visually-hidden">
              {filter === 'alle'
                ? `Alle ${list.length} gesprekspunten getoond.`
                : `${visible.length} van ${list.length} gesprekspunten getoond.`}
            </p>
            {visible.length === 0 ? (
              <Paragraph>Geen gesprekspunten met de status ‘{FILTER_LABELS[filter]}’ in deze stap.</Paragraph>
            ) : null}
            {organisations.isError ? <InlineError error={organisations.error} /> : null}
            {visible.map((point) =>
              canEdit ? (
                <PointEditor
                  key={point.pointId}
                  approachId={approach.id}
                  cycle={cycle}
                  point={point}
                  organisations={organisations.data ?? []}
                  canSkip={canSkip}
                  onSaved={onSaved}
                />
              ) : (
                <PointReadOnly
                  key={point.pointId}
                  approachId={approach.id}
                  cycle={cycle}
                  point={point}
                  organisations={organisations.data ?? []}
                />
              ),
            )}
          </>
        ) : null}
      </section>

      <PhaseSteps approach={approach} cycle={cycle} phase={phase} step={step} />
    </>
  );
}
