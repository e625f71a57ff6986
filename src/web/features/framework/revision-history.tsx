/** The saved versions of a point, newest first; loaded when the reader opens the section. */
import { useState } from 'react';
import { Paragraph, UnorderedList, UnorderedListItem, StatusBadge } from '@utrecht/component-library-react';
import { useRevisions } from '../../api/queries.ts';
import type { Organisation } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { POINT_STATUS_BADGE, POINT_STATUS_LABELS } from './framework-content.ts';

export function RevisionHistory(props: {
  approachId: string;
  cycle: number;
  pointId: string;
  organisations: Organisation[];
  version: number;
}) {
  const { approachId, cycle, pointId, organisations, version } = props;
  const [isOpen, setOpen] = useState(false);
  const revisions = useRevisions(approachId, cycle, pointId, isOpen);
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? 'onbekende organisatie';
  return (
    <details className="wk-history wk-no-print" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="wk-history__summary">
        Versiegeschiedenis van gesprekspunt {pointId} (
        {version === 0 ? 'nog geen versies' : `${version} ${version === 1 ? 'versie' : 'versies'}`})
      </summary>
      {isOpen && revisions.isPending ? <Loading what="de versies" /> : null}
      {revisions.isError ? <InlineError error={revisions.error} /> : null}
      {revisions.data && revisions.data.length === 0 ? (
        <Paragraph>Dit gesprekspunt is nog niet bewerkt.</Paragraph>
      ) : null}
      {revisions.data && revisions.data.length > 0 ? (
        <UnorderedList className="wk-history__list">
          {revisions.data.map((r) => (
            <UnorderedListItem key={r.version}>
              <p className="wk-history__meta">
                <strong>Versie {r.version}</strong> ·{' '}
                <StatusBadge status={POINT_STATUS_BADGE[r.status]}>
                  {POINT_STATUS_LABELS[r.status]}
                </StatusBadge>{' '}
                · {r.editedBy?.name ?? 'onbekend'}, {formatDateTime(r.editedAt)}
                {r.note ? ` · ${r.note}` : ''}
              </p>
              {r.status === 'skipped' && r.skipReason ? (
                <Paragraph className="wk-prewrap">Reden: {r.skipReason}</Paragraph>
              ) : null}
              {r.answer ? <Paragraph className="wk-prewrap">{r.answer}</Paragraph> : null}
              <Paragraph small>
                Onderbouwing: {r.evidence.length === 0 ? 'geen' : r.evidence.map((e) => e.title).join('; ')}.
                Deelnemers:{' '}
                {r.participantOrganisationIds.length === 0
                  ? 'geen'
                  : r.participantOrganisationIds.map(orgName).join(', ')}
                .
              </Paragraph>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </details>
  );
}
