/**
 * The pool: registering the file of registrants (CSV or XLSX) with only the columns that are needed,
 * its counts per feature value, and — for coordinators only, every view logged — the registrants.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  panelKeys,
  panelsApi,
  readFileAsUpload,
  type Panel,
  type PoolInspection,
  type PoolPage,
  type UploadedFile,
} from '../../api/panels.ts';
import { formatDateTime } from '../../components/format.ts';
import { InlineError } from '../../components/query-status.tsx';
import { formatCount, formatShare } from './panel-labels.ts';

type Role = 'id' | 'feature' | 'household' | 'drop';
const ROLE_LABELS: Record<Role, string> = {
  id: 'Referentie',
  feature: 'Kenmerk voor quota',
  household: 'Adres (één per huishouden)',
  drop: 'Weglaten',
};

export function PoolSection({ approachId, panel }: { approachId: string; panel: Panel }) {
  const canEdit = panel.canManage && panel.status === 'open';
  return (
    <section aria-labelledby="pool-kop" className="wk-section">
      <Heading level={2} id="pool-kop">
        Aanmeldingen (pool)
      </Heading>
      {panel.pool ? (
        <PoolSummary panel={panel} pool={panel.pool} />
      ) : (
        <Paragraph>Er is nog geen pool geregistreerd.</Paragraph>
      )}
      {canEdit ? <PoolUpload approachId={approachId} panel={panel} /> : null}
      {panel.pool && panel.canReadPersonalData && panel.status === 'open' ? (
        <PoolViewer approachId={approachId} panelId={panel.id} />
      ) : null}
      {panel.pool && !panel.canReadPersonalData ? (
        <Paragraph>
          U ziet alleen aantallen. De aanmeldingen zelf (persoonsgegevens) zijn alleen zichtbaar voor de
          coördinatoren van deze wijkaanpak.
        </Paragraph>
      ) : null}
    </section>
  );
}

function PoolSummary({ panel, pool }: { panel: Panel; pool: NonNullable<Panel['pool']> }) {
  return (
    <>
      <dl className="wk-facts">
        <dt>Bestand</dt>
        <dd>
          {pool.fileName} ({pool.fileKind.toUpperCase()}), geregistreerd op {formatDateTime(pool.uploadedAt)}
        </dd>
        <dt>Aanmeldingen</dt>
        <dd>{formatCount(pool.size)}</dd>
        <dt>SHA-256 van het bestand</dt>
        <dd className="wk-hash" data-testid="pool-hash">
          {pool.sha256}
        </dd>
        <dt>Bewaarde kolommen</dt>
        <dd>
          Referentie: {pool.idColumn ?? 'regelnummer'}; kenmerken: {pool.featureColumns.join(', ')}
          {pool.householdColumns.length > 0 ? `; adres: ${pool.householdColumns.join(', ')}` : ''}
        </dd>
        <dt>Weggelaten kolommen</dt>
        <dd>{pool.droppedColumns.length > 0 ? pool.droppedColumns.join(', ') : 'geen'}</dd>
      </dl>
      <div className="wk-panel-scroll">
        <Table className="wk-panel-table">
          <TableCaption>Aanmeldingen per kenmerk</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Aantal
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Aandeel in de pool
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {pool.counts.flatMap((feature) =>
              feature.values.map((v) => (
                <TableRow key={`${feature.category}-${v.value}`}>
                  <TableCell>{feature.category}</TableCell>
                  <TableHeaderCell scope="row">{v.value}</TableHeaderCell>
                  <TableCell numericColumn>{formatCount(v.count)}</TableCell>
                  <TableCell numericColumn>{formatShare(v.share)}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </div>
      {panel.status === 'purged' ? (
        <Paragraph>
          De aanmeldingen zelf zijn verwijderd; alleen deze aantallen en de hash zijn bewaard.
        </Paragraph>
      ) : null}
    </>
  );
}

function PoolUpload({ approachId, panel }: { approachId: string; panel: Panel }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [message, setMessage] = useState('');

  const inspect = useMutation({
    mutationFn: (upload: UploadedFile) => panelsApi.inspectPool(approachId, panel.id, upload),
    onSuccess: (result: PoolInspection) => {
      const next: Record<string, Role> = {};
      let hasId = false;
      for (const column of result.columns) {
        const role: Role = column.suggestedRole === 'id' && hasId ? 'drop' : column.suggestedRole;
        hasId ||= role === 'id';
        next[column.name] = role;
      }
      setRoles(next);
    },
  });
  const upload = useMutation({
    mutationFn: () => {
      const chosen = (role: Role) => Object.keys(roles).filter((name) => roles[name] === role);
      return panelsApi.uploadPool(approachId, panel.id, {
        ...file!,
        version: panel.version,
        idColumn: chosen('id')[0] ?? null,
        featureColumns: chosen('feature'),
        householdColumns: chosen('household'),
      });
    },
    onSuccess: (result) => {
      queryClient.setQueryData(panelKeys.panel(approachId, panel.id), result.panel);
      setMessage(
        `De pool is geregistreerd: ${formatCount(result.panel.pool?.size ?? 0)} aanmeldingen. ` +
          (result.droppedColumns.length > 0
            ? `Niet bewaard (niet nodig voor de loting): ${result.droppedColumns.join(', ')}.`
            : 'Alle kolommen waren nodig.') +
          (result.quotasReset ? ' De quota pasten niet bij de nieuwe pool en zijn gewist.' : ''),
      );
      setFile(null);
      inspect.reset();
    },
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setMessage('');
    upload.reset();
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const read = await readFileAsUpload(chosen);
    setFile(read);
    inspect.mutate(read);
  };

  const idCount = Object.values(roles).filter((r) => r === 'id').length;
  const featureCount = Object.values(roles).filter((r) => r === 'feature').length;
  const problem =
    idCount > 1
      ? 'Kies hoogstens één kolom als referentie.'
      : featureCount === 0
        ? 'Kies minstens één kenmerk voor de quota.'
        : '';

  return (
    <div className="wk-panel-subsection">
      <Heading level={3}>{panel.pool ? 'Pool vervangen' : 'Pool registreren'}</Heading>
      <Paragraph>
        Kies het bestand met aanmeldingen (CSV of Excel, eerste regel de kolomnamen). U kiest daarna welke
        kolommen nodig zijn; andere kolommen, zoals naam of e-mailadres, worden niet opgeslagen.
      </Paragraph>
      <div role="status" className="wk-status-message">
        {message ? (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <FormField
        label={<FormLabel htmlFor={inputId}>Bestand met aanmeldingen</FormLabel>}
        input={
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="utrecht-textbox"
            onChange={(event) => void choose(event)}
          />
        }
      />
      {inspect.isPending ? <Paragraph role="status">Het bestand wordt gelezen…</Paragraph> : null}
      {inspect.isError ? <InlineError error={inspect.error} /> : null}
      {inspect.data ? (
        <form
          className="wk-form wk-panel-columns"
          aria-label="Kolommen van het bestand"
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) upload.mutate();
          }}
          noValidate
        >
          <Paragraph>
            {inspect.data.fileName}: {formatCount(inspect.data.rows)} aanmeldingen,{' '}
            {inspect.data.columns.length} kolommen.
          </Paragraph>
          {inspect.data.columns.map((column, index) => (
            <Fieldset key={column.name} aria-describedby={`kolom-${index}-uitleg`}>
              <FieldsetLegend>Kolom “{column.name}”</FieldsetLegend>
              <FormFieldDescription id={`kolom-${index}-uitleg`}>
                {column.values
                  ? `Waarden: ${column.values.map((v) => `${v.value} (${v.count})`).join(', ')}`
                  : `${formatCount(column.distinctCount)} verschillende waarden`}
                {column.emptyCount > 0 ? `; ${column.emptyCount} leeg` : ''}
              </FormFieldDescription>
              {(Object.keys(ROLE_LABELS) as Role[]).map((role) => {
                const id = `kolom-${index}-${role}`;
                return (
                  <FormField
                    key={role}
                    type="radio"
                    label={
                      <FormLabel htmlFor={id} type="radio" checked={roles[column.name] === role}>
                        {ROLE_LABELS[role]}
                      </FormLabel>
                    }
                    input={
                      <RadioButton
                        id={id}
                        name={`kolom-${index}`}
                        value={role}
                        checked={roles[column.name] === role}
                        onChange={() => setRoles((current) => ({ ...current, [column.name]: role }))}
                      />
                    }
                  />
                );
              })}
            </Fieldset>
          ))}
          {problem ? (
            <Alert type="warning">
              <Paragraph>{problem}</Paragraph>
            </Alert>
          ) : null}
          {upload.isError ? <InlineError error={upload.error} /> : null}
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={upload.isPending}
            disabled={Boolean(problem)}
          >
            Pool opslaan
          </Button>
        </form>
      ) : null}
    </div>
  );
}

const PAGE_SIZE = 50;

function PoolViewer({ approachId, panelId }: { approachId: string; panelId: string }) {
  const [page, setPage] = useState<PoolPage | null>(null);
  const load = useMutation({
    mutationFn: (offset: number) => panelsApi.listPool(approachId, panelId, { offset, limit: PAGE_SIZE }),
    onSuccess: setPage,
  });
  return (
    <div className="wk-panel-subsection">
      <Heading level={3}>Aanmeldingen inzien</Heading>
      <Paragraph>
        Persoonsgegevens: elke inzage wordt vastgelegd in de geschiedenis van deze wijkaanpak.
      </Paragraph>
      <div className="wk-panel-actions">
        <Button appearance="secondary-action-button" onClick={() => load.mutate(0)} busy={load.isPending}>
          {page ? 'Opnieuw laden' : 'Toon aanmeldingen'}
        </Button>
        {page && page.offset > 0 ? (
          <Button
            appearance="subtle-button"
            onClick={() => load.mutate(Math.max(0, page.offset - PAGE_SIZE))}
          >
            Vorige {PAGE_SIZE}
          </Button>
        ) : null}
        {page && page.offset + PAGE_SIZE < page.total ? (
          <Button appearance="subtle-button" onClick={() => load.mutate(page.offset + PAGE_SIZE)}>
            Volgende {PAGE_SIZE}
          </Button>
        ) : null}
      </div>
      {load.isError ? <InlineError error={load.error} /> : null}
      {page ? (
        <div className="wk-panel-scroll">
          <Table className="wk-panel-table">
            <TableCaption>
              Aanmeldingen {page.offset + 1} tot en met {Math.min(page.total, page.offset + PAGE_SIZE)} van{' '}
              {page.total}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Referentie</TableHeaderCell>
                {page.columns.map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.members.map((m) => (
                <TableRow key={m.position}>
                  <TableHeaderCell scope="row">{m.reference}</TableHeaderCell>
                  {page.columns.map((c) => (
                    <TableCell key={c}>{m.values[c] ?? ''}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
