/**
 * The selection run: choose the algorithm (LEXIMIN by default), start it in the background, follow
 * its progress (polled every second), cancel it, and see the spread of selection probabilities.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  panelKeys,
  panelsApi,
  type Panel,
  type PanelRun,
  type SortitionAlgorithm,
} from '../../api/panels.ts';
import { RadioGroup } from '../../components/fields.tsx';
import { InlineError } from '../../components/query-status.tsx';
import {
  ALGORITHM_DESCRIPTIONS,
  ALGORITHM_LABELS,
  describePhase,
  formatCount,
  formatProbability,
  RUN_STATUS_LABELS,
} from './panel-labels.ts';
import { ProbabilityResults } from './probability-chart.tsx';

export function RunSection({
  approachId,
  panel,
  runs,
}: {
  approachId: string;
  panel: Panel;
  runs: PanelRun[];
}) {
  const queryClient = useQueryClient();
  const [algorithm, setAlgorithm] = useState<SortitionAlgorithm>('leximin');
  const latest = runs[0];
  const isBusy = latest?.status === 'queued' || latest?.status === 'running';
  const canStart =
    panel.canManage && panel.status === 'open' && panel.pool !== null && panel.quotas.length > 0;
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: panelKeys.runs(approachId, panel.id) });
  const start = useMutation({
    mutationFn: () => panelsApi.startRun(approachId, panel.id, algorithm),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (runId: string) => panelsApi.cancelRun(approachId, panel.id, runId),
    onSuccess: refresh,
  });

  return (
    <section aria-labelledby="selectie-kop" className="wk-section">
      <Heading level={2} id="selectie-kop">
        Selectie: de kans van elke aanmelder
      </Heading>
      <Paragraph>
        Wijkkompas berekent een verdeling over alle panels die aan de quota voldoen, zo dat de kans om geloot
        te worden voor iedereen zo groot mogelijk is. Bij een grote pool kan dat minuten duren; de berekening
        loopt op de achtergrond en u kunt deze pagina intussen verlaten.
      </Paragraph>
      {canStart && !isBusy ? (
        <form
          className="wk-form"
          aria-label="Selectie starten"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate();
          }}
        >
          <RadioGroup<SortitionAlgorithm>
            idPrefix="algoritme"
            name="algoritme"
            legend="Methode"
            value={algorithm}
            onChange={setAlgorithm}
            options={(['leximin', 'maximin', 'legacy'] as const).map((value) => ({
              value,
              label: ALGORITHM_LABELS[value],
              description: ALGORITHM_DESCRIPTIONS[value],
            }))}
          />
          {start.isError ? <InlineError error={start.error} /> : null}
          <Button type="submit" appearance="primary-action-button" busy={start.isPending}>
            Selectie starten
          </Button>
        </form>
      ) : null}
      {latest ? (
        <RunStatus
          run={latest}
          onCancel={panel.canManage ? () => cancel.mutate(latest.id) : null}
          isCancelling={cancel.isPending}
        />
      ) : (
        <Paragraph>Er is nog geen selectie berekend.</Paragraph>
      )}
      {cancel.isError ? <InlineError error={cancel.error} /> : null}
    </section>
  );
}

function RunStatus({
  run,
  onCancel,
  isCancelling,
}: {
  run: PanelRun;
  onCancel: (() => void) | null;
  isCancelling: boolean;
}) {
  const isBusy = run.status === 'queued' || run.status === 'running';
  const progress = run.progress;
  return (
    <div className="wk-panel-subsection" aria-labelledby="laatste-selectie-kop">
      <Heading level={3} id="laatste-selectie-kop">
        Laatste selectie ({ALGORITHM_LABELS[run.algorithm]})
      </Heading>
      <div role="status" aria-live="polite" className="wk-panel-run-status" data-status={run.status}>
        <Paragraph>
          Status: <strong>{RUN_STATUS_LABELS[run.status]}</strong>
          {run.cancelRequestedAt && isBusy ? ' (afbreken gevraagd)' : ''}
        </Paragraph>
        {isBusy && progress ? (
          <UnorderedList>
            <UnorderedListItem>Fase: {describePhase(progress.phase)}</UnorderedListItem>
            <UnorderedListItem>Iteraties: {formatCount(progress.iterations)}</UnorderedListItem>
            <UnorderedListItem>Panels bekeken: {formatCount(progress.panels)}</UnorderedListItem>
            {progress.lowerBound !== undefined ? (
              <UnorderedListItem>
                Huidige laagste kans: {formatProbability(progress.lowerBound)}
              </UnorderedListItem>
            ) : null}
          </UnorderedList>
        ) : null}
        {isBusy && !progress ? <Paragraph>De berekening wordt voorbereid…</Paragraph> : null}
      </div>
      {isBusy ? <progress className="wk-panel-progress" aria-label="Voortgang van de selectie" /> : null}
      {isBusy && onCancel ? (
        <Button
          appearance="secondary-action-button"
          onClick={onCancel}
          busy={isCancelling}
          disabled={Boolean(run.cancelRequestedAt)}
        >
          Selectie afbreken
        </Button>
      ) : null}
      {run.status === 'failed' && run.error ? (
        <Alert type="error">
          <Paragraph className="wk-prewrap">{run.error.message}</Paragraph>
        </Alert>
      ) : null}
      {!run.isCurrentPool ? (
        <Paragraph>
          Deze selectie hoort bij een eerdere pool; start een nieuwe selectie om te loten.
        </Paragraph>
      ) : null}
      {run.status === 'completed' && run.summary ? (
        <ProbabilityResults run={run} summary={run.summary} />
      ) : null}
    </div>
  );
}
