/**
 * The citizens' panels of an approach (burgerpanels door loting): the list, and for coordinators a
 * form to start a new one with its purpose, size and the retention date of the personal data.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client.ts';
import { panelKeys, panelsApi, usePanels, type PanelInput, type PanelSummary } from '../../api/panels.ts';
import { useApproach } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { formatDate, todayInNetherlands } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { formatCount } from './panel-labels.ts';
import './panels.css';

export function PanelsPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return <PanelsView approachId={approachId} />;
}

function PanelsView({ approachId }: { approachId: string }) {
  const approachQuery = useApproach(approachId);
  const panels = usePanels(approachId);
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const canManage = approach.permissions.includes('manage_panels');
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: `/aanpakken/${approach.id}/burgerpanels`, label: 'Burgerpanels' },
        ]}
      />
      <PageHeading title={`Burgerpanels – ${approach.title}`} preHeading={approach.title}>
        Burgerpanels
      </PageHeading>
      <ApproachNav approach={approach} />
      <Paragraph lead>
        Een burgerpanel wordt geloot uit de bewoners die zich aanmelden (de pool), met quota per kenmerk zodat
        het panel op de wijk lijkt. Wijkkompas geeft elke aanmelder een zo groot mogelijke kans (LEXIMIN) en
        loot openbaar en controleerbaar.
      </Paragraph>
      <section aria-labelledby="panels-kop" className="wk-section">
        <Heading level={2} id="panels-kop">
          Panels van deze wijkaanpak
        </Heading>
        {panels.isPending ? <Loading what="de burgerpanels" /> : null}
        {panels.isError ? <InlineError error={panels.error} /> : null}
        {panels.data && panels.data.length === 0 ? <Paragraph>Er is nog geen burgerpanel.</Paragraph> : null}
        {panels.data && panels.data.length > 0 ? (
          <PanelsTable approachId={approachId} panels={panels.data} />
        ) : null}
      </section>
      {canManage ? (
        <NewPanelForm approach={approach} />
      ) : (
        <Paragraph>Alleen een coördinator van deze wijkaanpak maakt burgerpanels aan en loot.</Paragraph>
      )}
    </>
  );
}

function PanelsTable({ approachId, panels }: { approachId: string; panels: PanelSummary[] }) {
  return (
    <div className="wk-panel-scroll">
      <Table className="wk-panel-table">
        <TableCaption className="wk-visually-hidden">Burgerpanels van deze wijkaanpak</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Panelgrootte
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Aanmeldingen
            </TableHeaderCell>
            <TableHeaderCell scope="col">Persoonsgegevens bewaard tot</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {panels.map((p) => (
            <TableRow key={p.id}>
              <TableHeaderCell scope="row">
                <AppLink to={`/aanpakken/${approachId}/burgerpanels/${p.id}`}>{p.name}</AppLink>
              </TableHeaderCell>
              <TableCell numericColumn>{formatCount(p.panelSize)}</TableCell>
              <TableCell numericColumn>{p.poolSize === null ? '–' : formatCount(p.poolSize)}</TableCell>
              <TableCell>
                {p.status === 'purged'
                  ? `Verwijderd (termijn ${formatDate(p.retentionUntil)})`
                  : formatDate(p.retentionUntil)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

type Field = 'name' | 'purpose' | 'panelSize' | 'retentionUntil';
const FIELD_IDS: Record<Field, string> = {
  name: 'panel-naam',
  purpose: 'panel-doel',
  panelSize: 'panel-grootte',
  retentionUntil: 'panel-bewaartermijn',
};
const FIELD_LABELS: Record<Field, string> = {
  name: 'Naam',
  purpose: 'Doel',
  panelSize: 'Panelgrootte',
  retentionUntil: 'Bewaren tot',
};

/** A date `years` after today, as YYYY-MM-DD (the latest retention date allowed). */
function yearsAhead(years: number): string {
  const [y, m, d] = todayInNetherlands().split('-');
  return `${Number(y) + years}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

function NewPanelForm({ approach }: { approach: ApproachDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [size, setSize] = useState('');
  const [retention, setRetention] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const latest = yearsAhead(2);

  const create = useMutation({
    mutationFn: (input: PanelInput) => panelsApi.create(approach.id, input),
    onSuccess: (panel) => {
      void queryClient.invalidateQueries({ queryKey: panelKeys.all(approach.id) });
      void navigate(`/aanpakken/${approach.id}/burgerpanels/${panel.id}`);
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const e of error.errors) {
          const field = (e.segments[0] as Field) in FIELD_IDS ? (e.segments[0] as Field) : 'name';
          next[field] ??= e.message;
        }
        setErrors(next);
        setAttempt((n) => n + 1);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (name.trim().length < 3) next.name = 'Geef het panel een naam van minstens 3 tekens.';
    const k = Number(size);
    if (!Number.isInteger(k) || k < 1) next.panelSize = 'Vul een geheel aantal leden in (minstens 1).';
    const today = todayInNetherlands();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(retention))
      next.retentionUntil = 'Vul de datum in waarop de persoonsgegevens worden verwijderd.';
    else if (retention <= today || retention > latest)
      next.retentionUntil = `Kies een datum na vandaag en uiterlijk ${formatDate(latest)}.`;
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate({ name: name.trim(), purpose: purpose.trim(), panelSize: k, retentionUntil: retention });
  };

  const summary = (Object.keys(FIELD_IDS) as Field[])
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: FIELD_IDS[f], message: `${FIELD_LABELS[f]}: ${errors[f]}` }));

  return (
    <section aria-labelledby="nieuw-panel-kop" className="wk-section wk-no-print">
      <Heading level={2} id="nieuw-panel-kop">
        Nieuw burgerpanel
      </Heading>
      <ErrorSummary
        errors={summary}
        focusKey={attempt}
        headingLevel={3}
        title="Het panel is niet aangemaakt"
      />
      {create.isError && summary.length === 0 ? <InlineError error={create.error} /> : null}
      <form onSubmit={submit} noValidate aria-labelledby="nieuw-panel-kop" className="wk-form">
        <TextField id={FIELD_IDS.name} label="Naam" value={name} onChange={setName} error={errors.name} />
        <TextField
          id={FIELD_IDS.purpose}
          label="Doel"
          multiline
          rows={3}
          value={purpose}
          onChange={setPurpose}
          description="Waarover adviseert of beslist het panel? Dit staat ook in de uitnodiging."
          error={errors.purpose}
        />
        <TextField
          id={FIELD_IDS.panelSize}
          label="Panelgrootte"
          inputMode="numeric"
          value={size}
          onChange={setSize}
          description="Het aantal leden dat wordt geloot."
          error={errors.panelSize}
        />
        <TextField
          id={FIELD_IDS.retentionUntil}
          label="Persoonsgegevens bewaren tot"
          type="date"
          value={retention}
          onChange={setRetention}
          description={`Verplicht. Op deze datum verwijdert Wijkkompas de aanmeldingen en wie er is geloot; alleen aantallen en hashes blijven. Uiterlijk ${formatDate(latest)}.`}
          error={errors.retentionUntil}
        />
        <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
          Burgerpanel aanmaken
        </Button>
      </form>
    </section>
  );
}
