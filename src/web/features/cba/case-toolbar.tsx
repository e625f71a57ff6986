/**
 * The actions of an MKBA page (save, export to Excel, print, link to point 2.4.2) and the line
 * under the table that says whether the results are up to date with what is typed.
 */
import { useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { ApproachDetail, CbaCaseFile, CbaResult } from '../../api/types.ts';
import { formatEuro, formatRatio } from './cba-format.ts';
import { downloadWorkbook } from './cba-export.ts';
import { LinkToPoint } from './link-to-point.tsx';
import type { EvaluationState } from './use-case-evaluation.ts';

export function CaseToolbar(props: {
  approach: ApproachDetail;
  caseId: string;
  caseName: string;
  canEdit: boolean;
  isDirty: boolean;
  isSaving: boolean;
  version: number;
  saveOutcome: { ok: boolean; text: string } | null;
  onSave: () => void;
  exportable: { caseFile: CbaCaseFile; result: CbaResult } | undefined;
}) {
  const { approach, caseId, caseName, canEdit, isDirty, isSaving, version, saveOutcome, onSave, exportable } =
    props;
  const [exportMessage, setExportMessage] = useState('');
  const exportXlsx = () => {
    if (!exportable) return;
    setExportMessage('Bezig met het maken van het Excel-bestand…');
    downloadWorkbook(exportable.caseFile, exportable.result)
      .then(() => setExportMessage('Het Excel-bestand is gemaakt; uw browser slaat het op of vraagt waar.'))
      .catch(() => setExportMessage('Het Excel-bestand kon niet worden gemaakt. Probeer het opnieuw.'));
  };
  return (
    <div className="wk-cba-toolbar wk-no-print">
      <ButtonGroup>
        {canEdit ? (
          <Button appearance="primary-action-button" busy={isSaving} onClick={onSave}>
            Opslaan
          </Button>
        ) : null}
        <Button appearance="secondary-action-button" onClick={exportXlsx} disabled={!exportable}>
          Exporteren naar Excel (.xlsx)
        </Button>
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          Rapport afdrukken
        </Button>
      </ButtonGroup>
      {canEdit ? (
        <p className="wk-save-status" role="status">
          {isSaving
            ? 'Bezig met opslaan…'
            : saveOutcome && !saveOutcome.ok
              ? saveOutcome.text
              : isDirty
                ? `Niet-opgeslagen wijzigingen (gebaseerd op versie ${version}).`
                : (saveOutcome?.text ?? `Alles is opgeslagen (versie ${version}).`)}
        </p>
      ) : null}
      <p className="wk-status-message" role="status">
        {exportMessage}
      </p>
      <LinkToPoint approach={approach} caseId={caseId} caseName={caseName} />
    </div>
  );
}

export function EvaluationStatus({
  state,
  result,
}: {
  state: EvaluationState;
  result: CbaResult | undefined;
}) {
  const only = result?.alternatives.length === 1 ? result.alternatives[0] : undefined;
  let text: string;
  switch (state.kind) {
    case 'waiting':
      text = 'Bezig met doorrekenen…';
      break;
    case 'local_problems':
      text = `Nog niet doorgerekend: verbeter eerst de gemarkeerde invoer (${state.count}).`;
      break;
    case 'invalid':
      text = `Niet doorgerekend: ${state.count === 1 ? 'één fout' : `${state.count} fouten`} in de invoer, gemarkeerd bij de cellen.`;
      break;
    case 'failed':
      text = `Doorrekenen lukte niet: ${state.detail}`;
      break;
    case 'current':
      text = only
        ? `Doorgerekend: netto contante waarde ${formatEuro(only.netPresentValue)}, baten/kostenverhouding ${formatRatio(only.benefitCostRatio)}.`
        : `Doorgerekend: ${result?.alternatives.length ?? 0} alternatieven; zie de resultaten.`;
      break;
  }
  return (
    <>
      <Paragraph className={`wk-cba-evaluation wk-cba-evaluation--${state.kind}`} aria-hidden="true">
        {text}
      </Paragraph>
      {/* Announced once the recalculation settled, not on every keystroke. */}
      <p role="status" className="wk-visually-hidden">
        {state.kind === 'waiting' ? '' : text}
      </p>
    </>
  );
}
