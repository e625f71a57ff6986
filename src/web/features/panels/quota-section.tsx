/**
 * Quotas per feature value (minimum and maximum on the panel), with the pool's counts and — as a
 * guide — the focus area's own population from the CBS figures when Wijkkompas has them; then the
 * feasibility of the quotas as the engine reports it (named conflicts, smallest relaxation).
 */
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client.ts';
import { panelKeys, panelsApi, readFileAsUpload, type Panel, type PanelQuota } from '../../api/panels.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { AreaPopulationGuide } from './area-guide.tsx';
import { formatCount, formatShare } from './panel-labels.ts';

interface Row {
  category: string;
  value: string;
  count: number;
  share: number;
}

const rowKey = (category: string, value: string) => `${category}\u0001${value}`;

function listRows(panel: Panel): Row[] {
  const rows: Row[] = [];
  for (const feature of panel.pool?.counts ?? []) {
    for (const v of feature.values)
      rows.push({ category: feature.category, value: v.value, count: v.count, share: v.share });
  }
  for (const q of panel.quotas) {
    if (!rows.some((r) => r.category === q.category && r.value === q.value))
      rows.push({ category: q.category, value: q.value, count: 0, share: 0 });
  }
  return rows;
}

export function QuotaSection({
  approachId,
  approachYear,
  panel,
}: {
  approachId: string;
  approachYear: number;
  panel: Panel;
}) {
  const canEdit = panel.canManage && panel.status === 'open' && panel.pool !== null;
  // Kept here: the form remounts with every new quota version, the message must outlive it.
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="quota-kop" className="wk-section">
      <Heading level={2} id="quota-kop">
        Quota
      </Heading>
      <Paragraph>
        Per kenmerkwaarde het minimum en maximum aantal panelleden, zodat het panel op de wijk lijkt. Het
        panel telt {panel.panelSize} leden.
      </Paragraph>
      {!panel.pool ? (
        <Paragraph>Registreer eerst de pool; de quota gaan over de kenmerken daarin.</Paragraph>
      ) : null}
      <div role="status" className="wk-status-message">
        {message ? (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {panel.pool ? (
        canEdit ? (
          <QuotaForm key={panel.quotasVersion} approachId={approachId} panel={panel} onMessage={setMessage} />
        ) : (
          <QuotaTable panel={panel} />
        )
      ) : null}
      {panel.quotasFile ? (
        <Paragraph small>
          Quotabestand {panel.quotasFile.fileName}, SHA-256{' '}
          <span className="wk-hash">{panel.quotasFile.sha256}</span>
        </Paragraph>
      ) : null}
      <AreaPopulationGuide approachId={approachId} year={approachYear} />
      {panel.pool && panel.quotas.length > 0 && panel.status === 'open' ? (
        <FeasibilityReport approachId={approachId} panel={panel} />
      ) : null}
    </section>
  );
}

function QuotaTable({ panel }: { panel: Panel }) {
  const quotas = new Map(panel.quotas.map((q) => [rowKey(q.category, q.value), q]));
  return (
    <div className="wk-panel-scroll">
      <Table className="wk-panel-table">
        <TableCaption>Quota per kenmerkwaarde</TableCaption>
        <QuotaHeader />
        <TableBody>
          {listRows(panel).map((row) => {
            const q = quotas.get(rowKey(row.category, row.value));
            return (
              <TableRow key={rowKey(row.category, row.value)}>
                <TableCell>{row.category}</TableCell>
                <TableHeaderCell scope="row">{row.value}</TableHeaderCell>
                <TableCell numericColumn>{formatCount(row.count)}</TableCell>
                <TableCell numericColumn>{formatShare(row.share)}</TableCell>
                <TableCell numericColumn>{q ? q.min : '–'}</TableCell>
                <TableCell numericColumn>{q ? q.max : '–'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function QuotaHeader() {
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
        <TableHeaderCell scope="col">Waarde</TableHeaderCell>
        <TableHeaderCell scope="col" numericColumn>
          In de pool
        </TableHeaderCell>
        <TableHeaderCell scope="col" numericColumn>
          Aandeel in de pool
        </TableHeaderCell>
        <TableHeaderCell scope="col" numericColumn>
          Minimum
        </TableHeaderCell>
        <TableHeaderCell scope="col" numericColumn>
          Maximum
        </TableHeaderCell>
      </TableRow>
    </TableHeader>
  );
}

type Draft = Record<string, { min: string; max: string }>;

function QuotaForm({
  approachId,
  panel,
  onMessage,
}: {
  approachId: string;
  panel: Panel;
  onMessage: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const rows = useMemo(() => listRows(panel), [panel]);
  const fileId = useId();
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      rows.map((row) => {
        const q = panel.quotas.find((x) => x.category === row.category && x.value === row.value);
        return [
          rowKey(row.category, row.value),
          { min: q ? String(q.min) : '', max: q ? String(q.max) : '' },
        ];
      }),
    ),
  );
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);

  const save = useMutation({
    mutationFn: (body: { quotas?: PanelQuota[]; file?: { fileName: string; content: string } }) =>
      panelsApi.setQuotas(approachId, panel.id, { version: panel.quotasVersion, ...body }),
    onSuccess: (updated) => {
      onMessage('De quota zijn opgeslagen.');
      queryClient.setQueryData(panelKeys.panel(approachId, panel.id), updated);
    },
  });

  const suggest = () => {
    const k = panel.panelSize;
    setDraft(
      Object.fromEntries(
        rows.map((row) => [
          rowKey(row.category, row.value),
          {
            min: String(Math.max(0, Math.floor(k * row.share) - 1)),
            max: String(Math.min(k, Math.ceil(k * row.share) + 1)),
          },
        ]),
      ),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage('');
    const problems: { fieldId: string; message: string }[] = [];
    const quotas: PanelQuota[] = rows.map((row, index) => {
      const d = draft[rowKey(row.category, row.value)]!;
      const min = Number(d.min);
      const max = Number(d.max);
      if (d.min === '' || !Number.isInteger(min) || min < 0)
        problems.push({
          fieldId: `quota-${index}-min`,
          message: `Minimum ${row.category}: ${row.value}: vul een geheel getal van 0 of meer in.`,
        });
      if (d.max === '' || !Number.isInteger(max) || max < 0)
        problems.push({
          fieldId: `quota-${index}-max`,
          message: `Maximum ${row.category}: ${row.value}: vul een geheel getal van 0 of meer in.`,
        });
      else if (Number.isInteger(min) && min > max)
        problems.push({
          fieldId: `quota-${index}-min`,
          message: `Minimum ${row.category}: ${row.value} is groter dan het maximum.`,
        });
      return { category: row.category, value: row.value, min, max };
    });
    setErrors(problems);
    if (problems.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({ quotas });
  };

  const uploadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    onMessage('');
    const chosen = event.target.files?.[0];
    if (chosen) save.mutate({ file: await readFileAsUpload(chosen) });
  };

  const isStale = isApiError(save.error) && save.error.isStale;
  return (
    <>
      <ErrorSummary
        errors={errors}
        focusKey={attempt}
        headingLevel={3}
        title="De quota zijn niet opgeslagen"
      />
      {save.isError ? <InlineError error={save.error} /> : null}
      {isStale ? (
        <Button
          appearance="secondary-action-button"
          onClick={() =>
            void queryClient.invalidateQueries({ queryKey: panelKeys.panel(approachId, panel.id) })
          }
        >
          Laad de quota van de ander
        </Button>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Quota per kenmerkwaarde" className="wk-form">
        <div className="wk-panel-scroll">
          <Table className="wk-panel-table">
            <TableCaption>Quota per kenmerkwaarde</TableCaption>
            <QuotaHeader />
            <TableBody>
              {rows.map((row, index) => {
                const key = rowKey(row.category, row.value);
                const d = draft[key]!;
                const set = (field: 'min' | 'max', value: string) =>
                  setDraft((current) => ({ ...current, [key]: { ...current[key]!, [field]: value } }));
                return (
                  <TableRow key={key}>
                    <TableCell>{row.category}</TableCell>
                    <TableHeaderCell scope="row">{row.value}</TableHeaderCell>
                    <TableCell numericColumn>{formatCount(row.count)}</TableCell>
                    <TableCell numericColumn>{formatShare(row.share)}</TableCell>
                    {(['min', 'max'] as const).map((field) => (
                      <TableCell key={field} numericColumn>
                        <Textbox
                          id={`quota-${index}-${field}`}
                          aria-label={`${field === 'min' ? 'Minimum' : 'Maximum'} ${row.category}: ${row.value}`}
                          inputMode="numeric"
                          value={d[field]}
                          invalid={errors.some((e) => e.fieldId === `quota-${index}-${field}`)}
                          onChange={(event: ChangeEvent<HTMLInputElement>) => set(field, event.target.value)}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
        <div className="wk-panel-actions">
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            Quota opslaan
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={suggest}>
            Vul voorstel in (evenredig met de pool)
          </Button>
        </div>
      </form>
      <FormField
        label={<FormLabel htmlFor={fileId}>Of upload een quotabestand (category,feature,min,max)</FormLabel>}
        input={
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="utrecht-textbox"
            onChange={(e) => void uploadFile(e)}
          />
        }
      />
    </>
  );
}

function FeasibilityReport({ approachId, panel }: { approachId: string; panel: Panel }) {
  const query = useQuery({
    queryKey: panelKeys.feasibility(approachId, panel.id, panel.quotasVersion, panel.version),
    queryFn: () => panelsApi.feasibility(approachId, panel.id),
    staleTime: Infinity,
  });
  return (
    <div className="wk-panel-subsection" aria-labelledby="haalbaarheid-kop">
      <Heading level={3} id="haalbaarheid-kop">
        Haalbaarheid
      </Heading>
      {query.isPending ? <Loading what="de controle van de quota" /> : null}
      {query.isError ? <InlineError error={query.error} /> : null}
      {query.data ? (
        query.data.feasible ? (
          <Alert type="ok">
            <Paragraph>De quota zijn haalbaar met deze pool.</Paragraph>
          </Alert>
        ) : (
          <Alert type="warning">
            <Paragraph>De quota zijn niet haalbaar met deze pool.</Paragraph>
            <UnorderedList>
              {query.data.conflicts.map((c, i) => (
                <UnorderedListItem key={i}>{c.reason}</UnorderedListItem>
              ))}
            </UnorderedList>
            {query.data.relaxations.length > 0 ? (
              <>
                <Paragraph>Kleinste versoepeling die wel haalbaar is:</Paragraph>
                <UnorderedList>
                  {query.data.relaxations.map((r, i) => (
                    <UnorderedListItem key={i}>
                      {r.bound === 'min' ? 'verlaag het minimum' : 'verhoog het maximum'} van {r.category}:{' '}
                      {r.value} van {r.from} naar {r.to}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
          </Alert>
        )
      ) : null}
    </div>
  );
}
