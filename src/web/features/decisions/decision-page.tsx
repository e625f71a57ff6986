/**
 * The go/no-go decision (seed figure 4.2): every decision, newest first, the one in force marked;
 * coordinators record a new one. Decisions are never changed: a new one supersedes the previous.
 */
import { Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { useApproach, useDecisions } from '../../api/queries.ts';
import type { Decision } from '../../api/types.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { SourceNote } from '../../components/source-note.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { ALTERNATIVE_ROUTE_LABELS, DECISION_OUTCOME_LABELS } from '../framework/framework-content.ts';
import { DecisionForm } from './decision-form.tsx';

function DecisionItem({ decision }: { decision: Decision }) {
  const headingId = `besluit-${decision.id}`;
  const routes = decision.alternativeRoutes.map((r) =>
    r === 'other' && decision.alternativeOther
      ? `Anders: ${decision.alternativeOther}`
      : ALTERNATIVE_ROUTE_LABELS[r],
  );
  return (
    <li className={`wk-decision${decision.isCurrent ? ' wk-decision--current' : ''}`}>
      <article aria-labelledby={headingId}>
        <div className="wk-decision__head">
          <Heading level={3} id={headingId}>
            {DECISION_OUTCOME_LABELS[decision.outcome]} – {formatDate(decision.decidedOn)}
          </Heading>
          {decision.isCurrent ? (
            <StatusBadge status="active">Geldend besluit</StatusBadge>
          ) : (
            <StatusBadge status="inactive">Vervangen</StatusBadge>
          )}
        </div>
        <dl className="wk-facts">
          <dt>Besloten door</dt>
          <dd>{decision.decidedBy}</dd>
          <dt>Onderbouwing</dt>
          <dd className="wk-prewrap">{decision.rationale}</dd>
          {decision.outcome === 'no_go' ? (
            <>
              <dt>Alternatieve route</dt>
              <dd>{routes.length > 0 ? routes.join('; ') : '–'}</dd>
              <dt>Vinger aan de pols: opnieuw bekijken op</dt>
              <dd>{decision.followUpDate ? formatDate(decision.followUpDate) : '–'}</dd>
            </>
          ) : null}
          <dt>Vastgelegd</dt>
          <dd>
            door {decision.recordedBy.name} op {formatDateTime(decision.recordedAt)}, in cyclus{' '}
            {decision.cycleNumber}
          </dd>
        </dl>
      </article>
    </li>
  );
}

export function DecisionPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return <DecisionView approachId={approachId} />;
}

function DecisionView({ approachId }: { approachId: string }) {
  const approachQuery = useApproach(approachId);
  const decisions = useDecisions(approachId);
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const canDecide = approach.permissions.includes('record_decision');
  const hasActiveCycle = approach.cycles.some((c) => c.status === 'active');

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: `/aanpakken/${approach.id}/besluit`, label: 'Go/no-go-besluit' },
        ]}
      />
      <PageHeading title={`Go/no-go-besluit – ${approach.title}`} preHeading={approach.title}>
        Go/no-go-besluit
      </PageHeading>
      <ApproachNav approach={approach} />
      <Paragraph lead>
        Aan het eind van de oriëntatie besluit de gemeente of een integrale, langjarige gebiedsaanpak nodig is
        (go), of dat een andere inzet volstaat (no-go). Bij een no-go kiest u een alternatieve route en een
        datum om de wijk opnieuw te bekijken.
      </Paragraph>
      <Paragraph>
        Een vastgelegd besluit wordt nooit gewijzigd. Een nieuw besluit vervangt het geldende besluit; eerdere
        besluiten blijven zichtbaar als ‘vervangen’.
      </Paragraph>
      <SourceNote />

      <section aria-labelledby="besluiten-kop" className="wk-section">
        <Heading level={2} id="besluiten-kop">
          Besluiten
        </Heading>
        {decisions.isPending ? <Loading what="de besluiten" /> : null}
        {decisions.isError ? <InlineError error={decisions.error} /> : null}
        {decisions.data && decisions.data.length === 0 ? (
          <Paragraph>Er is nog geen go/no-go-besluit vastgelegd.</Paragraph>
        ) : null}
        {decisions.data && decisions.data.length > 0 ? (
          <ol className="wk-decisions" aria-label="Besluiten, nieuwste eerst">
            {decisions.data.map((d) => (
              <DecisionItem key={d.id} decision={d} />
            ))}
          </ol>
        ) : null}
      </section>

      {canDecide && hasActiveCycle ? (
        <DecisionForm approach={approach} hasCurrent={Boolean(approach.currentDecision)} />
      ) : (
        <section aria-labelledby="vastleggen-kop" className="wk-section">
          <Heading level={2} id="vastleggen-kop">
            Besluit vastleggen
          </Heading>
          <Paragraph>
            {canDecide
              ? 'Deze wijkaanpak heeft geen lopende cyclus; start eerst een nieuwe cyclus.'
              : 'Alleen een coördinator van deze wijkaanpak legt een go/no-go-besluit vast. U kunt de besluiten lezen.'}
          </Paragraph>
        </section>
      )}
    </>
  );
}
