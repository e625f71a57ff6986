/** The audit log of an approach for coordinators: who changed what, when, from what to what. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { keys, useApproach, useOrganisations } from '../../api/queries.ts';
import type { AuditEvent } from '../../api/types.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { summariseAuditEvent } from './audit-summary.ts';

const PAGE_SIZE = 50;

export function HistoryPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return <HistoryView approachId={approachId} />;
}

function HistoryView({ approachId }: { approachId: string }) {
  const approachQuery = useApproach(approachId);
  const canRead = approachQuery.data?.permissions.includes('read_history') ?? false;
  const organisations = useOrganisations(approachId);
  const events = useInfiniteQuery({
    queryKey: keys.audit(approachId),
    queryFn: ({ pageParam }) => api.listAuditEvents(approachId, { limit: PAGE_SIZE, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AuditEvent[]) =>
      last.length === PAGE_SIZE ? last[last.length - 1]?.id : undefined,
    enabled: canRead,
    staleTime: 0,
  });
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const orgName = (id: string) =>
    organisations.data?.find((o) => o.id === id)?.name ?? 'onbekende organisatie';
  const all = events.data?.pages.flat() ?? [];

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: `/aanpakken/${approach.id}/geschiedenis`, label: 'Geschiedenis' },
        ]}
      />
      <PageHeading title={`Geschiedenis – ${approach.title}`} preHeading={approach.title}>
        Geschiedenis
      </PageHeading>
      <ApproachNav approach={approach} />
      {!canRead ? (
        <Paragraph>Alleen coördinatoren van deze wijkaanpak kunnen de geschiedenis inzien.</Paragraph>
      ) : (
        <>
          <Paragraph lead>
            Elke wijziging in deze wijkaanpak wordt vastgelegd: wie, wanneer, wat, en de waarden ervoor en
            erna. Nieuwste eerst.
          </Paragraph>
          {events.isPending ? <Loading what="de geschiedenis" /> : null}
          {events.isError ? <InlineError error={events.error} /> : null}
          {events.data && all.length === 0 ? <Paragraph>Er is nog niets gewijzigd.</Paragraph> : null}
          {all.length > 0 ? (
            <ol className="wk-audit" aria-label="Gebeurtenissen, nieuwste eerst">
              {all.map((event) => {
                const summary = summariseAuditEvent(event, orgName);
                return (
                  <li key={event.id} className="wk-audit__item">
                    <Heading level={2} appearance="utrecht-heading-4" className="wk-audit__what">
                      {summary.what}
                    </Heading>
                    <p className="wk-audit__meta">
                      {event.actor?.name ?? 'Systeem'} ·{' '}
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                    </p>
                    {summary.changes.length > 0 ? (
                      <ul className="wk-audit__changes">
                        {summary.changes.map((c) => (
                          <li key={c.field}>
                            <span className="wk-audit__field">{c.field}:</span>{' '}
                            {c.before === null ? (
                              <span>{c.after}</span>
                            ) : (
                              <>
                                <del className="wk-audit__before">{c.before}</del>{' '}
                                <span aria-hidden="true">→</span>
                                <span className="wk-visually-hidden"> wordt </span>{' '}
                                <ins className="wk-audit__after">{c.after}</ins>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : null}
          {events.hasNextPage ? (
            <Button
              appearance="secondary-action-button"
              busy={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              Oudere gebeurtenissen tonen
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
