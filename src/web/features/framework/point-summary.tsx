/** A discussion point's content as text: for read-only users, closed cycles, print and comparisons. */
import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { Organisation } from '../../api/types.ts';
import { EvidenceList } from './evidence-editor.tsx';
import { POINT_STATUS_BADGE, POINT_STATUS_LABELS } from './framework-content.ts';
import type { PointDraft } from './point-draft.ts';

export function PointSummary({
  draft,
  organisations,
  idPrefix,
  className,
}: {
  draft: PointDraft;
  organisations: Pick<Organisation, 'id' | 'name'>[];
  idPrefix: string;
  className?: string;
}) {
  const names = draft.participantIds.map(
    (id) => organisations.find((o) => o.id === id)?.name ?? 'onbekende organisatie',
  );
  return (
    <div className={['wk-point-summary', className].filter(Boolean).join(' ')}>
      <p className="wk-point-summary__row">
        <span className="wk-point-summary__key">Status: </span>
        <StatusBadge status={POINT_STATUS_BADGE[draft.status]}>
          {POINT_STATUS_LABELS[draft.status]}
        </StatusBadge>
      </p>
      {draft.status === 'skipped' ? (
        <div className="wk-point-summary__row">
          <p className="wk-point-summary__key">Reden om over te slaan:</p>
          <Paragraph className="wk-prewrap">{draft.skipReason.trim() || '(geen reden opgegeven)'}</Paragraph>
        </div>
      ) : null}
      <div className="wk-point-summary__row">
        <p className="wk-point-summary__key">Antwoord:</p>
        <Paragraph className="wk-prewrap">{draft.answer.trim() || '(nog geen antwoord)'}</Paragraph>
      </div>
      <div className="wk-point-summary__row">
        <p className="wk-point-summary__key">Onderbouwing:</p>
        <EvidenceList evidence={draft.evidence} idPrefix={`${idPrefix}-samenvatting`} />
      </div>
      <p className="wk-point-summary__row">
        <span className="wk-point-summary__key">Deelnemende organisaties: </span>
        {names.length > 0 ? names.join(', ') : 'geen vastgelegd'}
      </p>
    </div>
  );
}
