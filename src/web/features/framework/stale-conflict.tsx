/**
 * Shown when a save met a newer version (409 stale_version): the user's unsaved version and the
 * current one side by side, and the two ways forward.
 */
import type { RefObject } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Organisation, PointAnswer } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { draftFromPoint, type PointDraft } from './point-draft.ts';
import { PointSummary } from './point-summary.tsx';

export function StaleConflict(props: {
  mine: PointDraft;
  current: PointAnswer;
  organisations: Organisation[];
  idPrefix: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  isSaving: boolean;
  onResave: () => void;
  onTakeCurrent: () => void;
}) {
  const { mine, current, organisations, idPrefix, headingRef, isSaving, onResave, onTakeCurrent } = props;
  const allOrgs = [
    ...organisations,
    ...current.participants.filter((p) => !organisations.some((o) => o.id === p.id)),
  ];
  return (
    <Alert type="warning" role="none" className="wk-conflict">
      <Heading level={4} ref={headingRef} tabIndex={-1} className="wk-focus-target">
        Iemand anders heeft gesprekspunt {current.pointId} intussen gewijzigd
      </Heading>
      <Paragraph>
        {current.updatedBy?.name ?? 'Een andere gebruiker'}
        {current.updatedAt ? ` sloeg op ${formatDateTime(current.updatedAt)}` : ' sloeg'} versie{' '}
        {current.version} op, terwijl u nog aan het werk was. Uw tekst is niet verloren: vergelijk beide
        versies en kies hoe u verdergaat.
      </Paragraph>
      <div className="wk-compare">
        <section aria-labelledby={`${idPrefix}-mijn-versie`} className="wk-compare__column">
          <Heading level={5} id={`${idPrefix}-mijn-versie`}>
            Uw versie (niet opgeslagen)
          </Heading>
          <PointSummary draft={mine} organisations={allOrgs} idPrefix={`${idPrefix}-mijn`} />
        </section>
        <section aria-labelledby={`${idPrefix}-huidige-versie`} className="wk-compare__column">
          <Heading level={5} id={`${idPrefix}-huidige-versie`}>
            Huidige versie (versie {current.version})
          </Heading>
          <PointSummary
            draft={draftFromPoint(current)}
            organisations={allOrgs}
            idPrefix={`${idPrefix}-huidig`}
          />
        </section>
      </div>
      <ButtonGroup className="wk-no-print">
        <Button appearance="primary-action-button" busy={isSaving} onClick={onResave}>
          Mijn versie opnieuw opslaan
        </Button>
        <Button appearance="secondary-action-button" onClick={onTakeCurrent}>
          Huidige versie overnemen
        </Button>
      </ButtonGroup>
      <Paragraph small>
        “Mijn versie opnieuw opslaan” legt uw versie vast bovenop versie {current.version}; die blijft bewaard
        in de versiegeschiedenis. U kunt uw tekst in het formulier hieronder eerst nog aanpassen.
      </Paragraph>
    </Alert>
  );
}
