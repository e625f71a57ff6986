/**
 * One citizens' panel (burgerpanel), top to bottom in the order of the work: settings and the
 * retention date, the pool, quotas and feasibility, the selection run, the public draw (with
 * replay, alternates and export), and the record of every run and draw.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client.ts';
import { panelKeys, panelsApi, usePanel, usePanelDraws, usePanelRuns, type Panel } from '../../api/panels.ts';
import { useApproach } from '../../api/queries.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { TextField } from '../../components/fields.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { DrawSection } from './draw-section.tsx';
import { HistorySection } from './history-section.tsx';
import { PoolSection } from './pool-section.tsx';
import { QuotaSection } from './quota-section.tsx';
import { RunSection } from './run-section.tsx';
import './panels.css';

export function PanelPage() {
  const { approachId, panelId } = useParams();
  if (!isUuid(approachId) || !isUuid(panelId)) return <NotFoundPage />;
  return <PanelView approachId={approachId} panelId={panelId} />;
}

function PanelView({ approachId, panelId }: { approachId: string; panelId: string }) {
  const approachQuery = useApproach(approachId);
  const panelQuery = usePanel(approachId, panelId);
  const runs = usePanelRuns(approachId, panelId);
  const draws = usePanelDraws(approachId, panelId);
  if (approachQuery.isPending || panelQuery.isPending) return <Loading what="het burgerpanel" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  if (panelQuery.isError) return <PageError error={panelQuery.error} />;
  const approach = approachQuery.data;
  const panel = panelQuery.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: `/aanpakken/${approach.id}/burgerpanels`, label: 'Burgerpanels' },
          { to: `/aanpakken/${approach.id}/burgerpanels/${panel.id}`, label: panel.name },
        ]}
      />
      <PageHeading title={`${panel.name} – Burgerpanel`} preHeading={`Burgerpanel – ${approach.title}`}>
        {panel.name}
      </PageHeading>
      <ApproachNav approach={approach} />
      <RetentionNotice panel={panel} />
      {panel.purpose ? <Paragraph lead>{panel.purpose}</Paragraph> : null}
      <SettingsSection approachId={approachId} panel={panel} />
      <PoolSection approachId={approachId} panel={panel} />
      <QuotaSection approachId={approachId} approachYear={approach.focusAreaYear} panel={panel} />
      {runs.isPending ? <Loading what="de selecties" /> : null}
      {runs.isError ? <InlineError error={runs.error} /> : null}
      {runs.data ? <RunSection approachId={approachId} panel={panel} runs={runs.data} /> : null}
      {draws.isError ? <InlineError error={draws.error} /> : null}
      {runs.data && draws.data ? (
        <DrawSection approachId={approachId} panel={panel} runs={runs.data} draws={draws.data} />
      ) : null}
      {runs.data && draws.data ? <HistorySection runs={runs.data} draws={draws.data} /> : null}
    </>
  );
}

/** The retention date, prominently: on that date the personal data is deleted automatically. */
function RetentionNotice({ panel }: { panel: Panel }) {
  return (
    <div className="wk-panel-retention" data-testid="retention">
      {panel.status === 'purged' ? (
        <Alert type="info">
          <Heading level={2} appearance="utrecht-heading-4">
            Persoonsgegevens verwijderd
          </Heading>
          <Paragraph>
            De bewaartermijn liep tot {formatDate(panel.retentionUntil)}; de aanmeldingen en wie er is geloot
            zijn op {formatDateTime(panel.purgedAt!)} verwijderd. Aantallen, quota, hashes en seeds zijn
            bewaard.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="warning">
          <Heading level={2} appearance="utrecht-heading-4">
            Bewaartermijn persoonsgegevens: tot {formatDate(panel.retentionUntil)}
          </Heading>
          <Paragraph>
            Op {formatDate(panel.retentionUntil)} verwijdert Wijkkompas automatisch de aanmeldingen en wie er
            is geloot. Alleen coördinatoren zien persoonsgegevens, en elke inzage en export wordt vastgelegd.
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

function SettingsSection({ approachId, panel }: { approachId: string; panel: Panel }) {
  const [isEditing, setEditing] = useState(false);
  return (
    <section aria-labelledby="instellingen-kop" className="wk-section">
      <Heading level={2} id="instellingen-kop">
        Instellingen
      </Heading>
      <dl className="wk-facts">
        <dt>Panelgrootte</dt>
        <dd>{panel.panelSize} leden</dd>
        <dt>Bewaren tot</dt>
        <dd>{formatDate(panel.retentionUntil)}</dd>
        <dt>Laatst gewijzigd</dt>
        <dd>{formatDateTime(panel.updatedAt)}</dd>
      </dl>
      {panel.canManage && panel.status === 'open' && !isEditing ? (
        <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
          Instellingen wijzigen
        </Button>
      ) : null}
      {isEditing ? (
        <SettingsForm approachId={approachId} panel={panel} onDone={() => setEditing(false)} />
      ) : null}
    </section>
  );
}

function SettingsForm({
  approachId,
  panel,
  onDone,
}: {
  approachId: string;
  panel: Panel;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(panel.name);
  const [purpose, setPurpose] = useState(panel.purpose);
  const [size, setSize] = useState(String(panel.panelSize));
  const [retention, setRetention] = useState(panel.retentionUntil);
  const save = useMutation({
    mutationFn: () =>
      panelsApi.update(approachId, panel.id, {
        version: panel.version,
        name: name.trim(),
        purpose: purpose.trim(),
        panelSize: Number(size),
        retentionUntil: retention,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(panelKeys.panel(approachId, panel.id), updated);
      void queryClient.invalidateQueries({ queryKey: panelKeys.all(approachId) });
      onDone();
    },
  });
  const fieldError = (field: string) =>
    isApiError(save.error) ? save.error.errors.find((e) => e.segments[0] === field)?.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const isStale = isApiError(save.error) && save.error.isStale;
  return (
    <form onSubmit={submit} noValidate className="wk-form" aria-label="Instellingen van het burgerpanel">
      {save.isError ? <InlineError error={save.error} /> : null}
      {isStale ? (
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            void queryClient
              .invalidateQueries({ queryKey: panelKeys.panel(approachId, panel.id) })
              .then(onDone)
          }
        >
          Laad de wijziging van de ander
        </Button>
      ) : null}
      <TextField
        id="instelling-naam"
        label="Naam"
        value={name}
        onChange={setName}
        error={fieldError('name')}
      />
      <TextField
        id="instelling-doel"
        label="Doel"
        multiline
        rows={3}
        value={purpose}
        onChange={setPurpose}
        error={fieldError('purpose')}
      />
      <TextField
        id="instelling-grootte"
        label="Panelgrootte"
        inputMode="numeric"
        value={size}
        onChange={setSize}
        error={fieldError('panelSize')}
      />
      <TextField
        id="instelling-bewaartermijn"
        label="Persoonsgegevens bewaren tot"
        type="date"
        value={retention}
        onChange={setRetention}
        error={fieldError('retentionUntil')}
      />
      <div className="wk-panel-actions">
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          Instellingen opslaan
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onDone}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}
