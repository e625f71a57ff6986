/**
 * The knowledge base: the note's six principles and ten success factors, each with the steps that
 * refer to it, and the framework's steps as reference. Step pages link here and these pages link
 * back; opened from an approach (?aanpak=…&cyclus=…), the links lead back into that approach.
 */
import {
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SourceNote } from '../../components/source-note.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { isUuid, stepPath } from '../approaches/labels.ts';
import {
  FRAMEWORK,
  PRINCIPLE_ITEMS,
  SUCCESS_FACTOR_ITEMS,
  findKnowledgeItem,
  findStep,
  knowledgeOfStep,
  phaseLabel,
  stepLabel,
  stepsLinkingTo,
  type KnowledgeItem,
} from '../framework/framework-content.ts';

/** The approach and cycle the reader came from, if any. */
function useApproachContext(): { approachId: string; cycle: number; query: string } | null {
  const [params] = useSearchParams();
  const approachId = params.get('aanpak') ?? undefined;
  const cycle = Number(params.get('cyclus'));
  if (!isUuid(approachId) || !Number.isInteger(cycle) || cycle < 1) return null;
  return { approachId, cycle, query: `?aanpak=${approachId}&cyclus=${cycle}` };
}

function stepLink(stepId: string, context: ReturnType<typeof useApproachContext>): string {
  return context ? stepPath(context.approachId, context.cycle, stepId) : `/kennis/stappen/${stepId}`;
}

function KnowledgeList({ items, query }: { items: KnowledgeItem[]; query: string }) {
  return (
    <OrderedList className="wk-knowledge-list">
      {items.map((item) => (
        <OrderedListItem key={item.id}>
          <AppLink to={`/kennis/${item.id}${query}`}>
            {item.label}: {item.title}
          </AppLink>
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}

export function KnowledgeIndexPage() {
  const context = useApproachContext();
  const query = context?.query ?? '';
  return (
    <>
      <Breadcrumbs items={[{ to: '/kennis', label: 'Kennisbank' }]} />
      <PageHeading title="Kennisbank">Kennisbank</PageHeading>
      <Paragraph lead>
        De uitgangspunten en succesfactoren van een gebiedsgerichte aanpak, en de stappen van het
        afwegingskader die ernaar verwijzen.
      </Paragraph>
      <SourceNote />
      <section aria-labelledby="uitgangspunten-kop" className="wk-section">
        <Heading level={2} id="uitgangspunten-kop">
          Uitgangspunten
        </Heading>
        <KnowledgeList items={PRINCIPLE_ITEMS} query={query} />
      </section>
      <section aria-labelledby="succesfactoren-kop" className="wk-section">
        <Heading level={2} id="succesfactoren-kop">
          Succesfactoren
        </Heading>
        <KnowledgeList items={SUCCESS_FACTOR_ITEMS} query={query} />
      </section>
      <section aria-labelledby="kader-kop" className="wk-section">
        <Heading level={2} id="kader-kop">
          Het afwegingskader
        </Heading>
        <Paragraph>
          Vier fasen, {FRAMEWORK.phases.reduce((n, p) => n + p.steps.length, 0)} stappen en{' '}
          {FRAMEWORK.phases.reduce(
            (n, p) => n + p.steps.reduce((m, s) => m + s.discussionPoints.length, 0),
            0,
          )}{' '}
          gesprekspunten.
        </Paragraph>
        {FRAMEWORK.phases.map((phase) => (
          <div key={phase.id}>
            <Heading level={3}>{phaseLabel(phase)}</Heading>
            <UnorderedList>
              {phase.steps.map((step) => (
                <UnorderedListItem key={step.id}>
                  <AppLink to={stepLink(step.id, context)}>{stepLabel(step)}</AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </div>
        ))}
      </section>
    </>
  );
}

export function KnowledgeItemPage() {
  const { itemId } = useParams();
  const context = useApproachContext();
  const item = findKnowledgeItem(itemId);
  if (!item) return <NotFoundPage />;
  const steps = stepsLinkingTo(item.id);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: `/kennis${context?.query ?? ''}`, label: 'Kennisbank' },
          { to: `/kennis/${item.id}${context?.query ?? ''}`, label: item.label },
        ]}
      />
      <PageHeading
        title={`${item.label}: ${item.title}`}
        preHeading={item.kind === 'principle' ? 'Uitgangspunt' : 'Succesfactor'}
      >
        {item.label}: {item.title}
      </PageHeading>
      <Paragraph lead>{item.summary}</Paragraph>
      <Paragraph small>
        Samenvatting door Wijkkompas van de nota Programma Leefbaarheid en Veiligheid (2022).
      </Paragraph>
      <section aria-labelledby="stappen-kop" className="wk-section">
        <Heading level={2} id="stappen-kop">
          Stappen die hiernaar verwijzen
        </Heading>
        {steps.length === 0 ? (
          <Paragraph>
            Geen enkele stap van het afwegingskader verwijst rechtstreeks naar dit{' '}
            {item.kind === 'principle' ? 'uitgangspunt' : 'succesfactor'}.
          </Paragraph>
        ) : (
          <UnorderedList>
            {steps.map(({ phase, step }) => (
              <UnorderedListItem key={step.id}>
                <AppLink to={stepLink(step.id, context)}>{stepLabel(step)}</AppLink>{' '}
                <span className="wk-muted">({phaseLabel(phase)})</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <SourceNote />
      </section>
    </>
  );
}

/** A step of the framework as reference, outside any approach. */
export function FrameworkStepPage() {
  const { stepId } = useParams();
  const context = useApproachContext();
  const located = stepId ? findStep(stepId) : undefined;
  if (!located) return <NotFoundPage />;
  const { phase, step } = located;
  const knowledge = knowledgeOfStep(step);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/kennis', label: 'Kennisbank' },
          { to: `/kennis/stappen/${step.id}`, label: `Stap ${step.id}` },
        ]}
      />
      <PageHeading title={stepLabel(step)} preHeading={phaseLabel(phase)}>
        {stepLabel(step)}
      </PageHeading>
      <section aria-labelledby="afweging-kop" className="wk-section">
        <Heading level={2} id="afweging-kop">
          Afweging
        </Heading>
        <Paragraph>{step.consideration}</Paragraph>
      </section>
      <section aria-labelledby="punten-kop" className="wk-section">
        <Heading level={2} id="punten-kop">
          Gesprekspunten
        </Heading>
        <OrderedList>
          {step.discussionPoints.map((p) => (
            <OrderedListItem key={p.id}>
              <span className="wk-point__number">{p.id}</span> {p.text}
            </OrderedListItem>
          ))}
        </OrderedList>
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
                <AppLink to={`/kennis/${k.id}${context?.query ?? ''}`}>
                  {k.label}: {k.title}
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </>
  );
}
