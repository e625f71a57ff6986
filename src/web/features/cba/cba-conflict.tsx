/**
 * Shown when saving an MKBA met a newer version (409 stale_version), as the framework's stale
 * conflict does (features/framework/stale-conflict.tsx): the user's unsaved version and the current
 * one side by side, each with its settings, items and key figures, and the two ways forward.
 */
import type { RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { CbaCaseConflict, CbaCaseFile, CbaResult } from '../../api/types.ts';
import { formatEuro, formatPercent, formatRatio } from './cba-format.ts';
import { canonicalJson } from './use-case-evaluation.ts';

function itemCount(file: CbaCaseFile): number {
  return (file.alternatives ?? [{ items: file.items ?? [] }]).reduce((n, a) => n + a.items.length, 0);
}

function VersionSummary({ file, result }: { file: CbaCaseFile; result: CbaResult | undefined }) {
  const labels = (file.alternatives ?? [{ items: file.items ?? [] }]).flatMap((a) =>
    a.items.map((i) => i.label),
  );
  const only = result?.alternatives.length === 1 ? result.alternatives[0] : undefined;
  return (
    <dl className="wk-facts wk-cba-version">
      <dt>Naam</dt>
      <dd>{file.name}</dd>
      <dt>Discontovoet en horizon</dt>
      <dd>
        {formatPercent(file.discountRate ?? 0.0225)}, {file.startYear}–{file.endYear}, basisjaar{' '}
        {file.discountBaseYear}
      </dd>
      <dt>Posten ({itemCount(file)})</dt>
      <dd>{labels.length > 0 ? labels.join('; ') : 'geen'}</dd>
      {only ? (
        <>
          <dt>Netto contante waarde</dt>
          <dd>{formatEuro(only.netPresentValue)}</dd>
          <dt>Baten/kostenverhouding</dt>
          <dd>{formatRatio(only.benefitCostRatio)}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function CbaConflict(props: {
  mine: CbaCaseFile;
  mineResult: CbaResult | undefined;
  current: CbaCaseConflict;
  headingRef: RefObject<HTMLHeadingElement | null>;
  isSaving: boolean;
  onResave: () => void;
  onTakeCurrent: () => void;
}) {
  const { mine, mineResult, current, headingRef, isSaving, onResave, onTakeCurrent } = props;
  const currentJson = canonicalJson(current.caseFile);
  const currentResult = useQuery({
    queryKey: keys.cbaEvaluation(currentJson),
    queryFn: () => api.evaluateCba(current.caseFile),
    staleTime: Infinity,
  });
  return (
    <Alert type="warning" role="none" className="wk-conflict">
      <Heading
        level={2}
        appearance="utrecht-heading-3"
        ref={headingRef}
        tabIndex={-1}
        className="wk-focus-target"
      >
        Iemand anders heeft deze MKBA intussen gewijzigd
      </Heading>
      <Paragraph>
        Terwijl u aan het werk was, is versie {current.version} opgeslagen. Uw wijzigingen zijn niet verloren:
        vergelijk beide versies en kies hoe u verdergaat.
      </Paragraph>
      <div className="wk-compare">
        <section aria-labelledby="mkba-mijn-versie" className="wk-compare__column">
          <Heading level={3} appearance="utrecht-heading-4" id="mkba-mijn-versie">
            Uw versie (niet opgeslagen)
          </Heading>
          <VersionSummary file={mine} result={mineResult} />
        </section>
        <section aria-labelledby="mkba-huidige-versie" className="wk-compare__column">
          <Heading level={3} appearance="utrecht-heading-4" id="mkba-huidige-versie">
            Huidige versie (versie {current.version})
          </Heading>
          <VersionSummary file={current.caseFile} result={currentResult.data} />
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
        in de geschiedenis. “Huidige versie overnemen” zet versie {current.version} in het formulier; uw
        wijzigingen vervallen dan.
      </Paragraph>
    </Alert>
  );
}
