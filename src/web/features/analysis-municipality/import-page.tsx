/**
 * /beheer/cbs-import — uploading a CBS file (kwb xlsx/csv, OData v3/v4, StatLine CSV, area names)
 * and the history of imports with their reports. Only a coordinator of a municipality or the
 * platform administrator may import (canImportData in src/server/services/analysis-import.service.ts);
 * everyone else sees that they have no access. The file travels as base64 in JSON (POST /imports);
 * a file lands whole or not at all, and a failure names file, row, column and reason.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react';
import { municipalityAnalysisApi, useImports, type DataImport } from '../../api/analysis-municipality.ts';
import { readFileAsUpload } from '../../api/panels.ts';
import { useSession } from '../../api/queries.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { canImportData, IMPORT_PATH } from './import-access.ts';
import { ImportError } from './import-errors.tsx';
import { ImportHistory, ImportReportDetails, OUTCOME_LABELS } from './import-history.tsx';
import { LOCAL_INDICATORS_PATH } from './local-indicators-page.tsx';
import './analysis-municipality.css';

interface UploadInput {
  file: File;
  year: string;
  tableId: string;
}

function validate(file: File | null, year: string, tableId: string): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!file) errors.push({ fieldId: 'import-bestand', message: 'Kies een CBS-bestand.' });
  if (year.trim() !== '' && !/^(19|20|21)\d{2}$/.test(year.trim()))
    errors.push({ fieldId: 'import-jaar', message: 'Verslagjaar: vul een jaartal in, bijvoorbeeld 2024.' });
  if (tableId.trim() !== '' && !/^\d{5}(NED|ENG)$/i.test(tableId.trim()))
    errors.push({ fieldId: 'import-tabel', message: 'CBS-tabel: een tabelnummer zoals 85984NED.' });
  return errors;
}

function UploadForm() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [tableId, setTableId] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const upload = useMutation({
    mutationFn: async (input: UploadInput): Promise<DataImport> => {
      const { fileName, content } = await readFileAsUpload(input.file);
      return municipalityAnalysisApi.uploadImport({
        fileName,
        contentBase64: content,
        ...(input.year.trim() ? { year: Number(input.year.trim()) } : {}),
        ...(input.tableId.trim() ? { tableId: input.tableId.trim().toUpperCase() } : {}),
      });
    },
    onSuccess: () => {
      // New figures change every analysis: catalogue, years, maps, rankings, profiles.
      void queryClient.invalidateQueries({ queryKey: ['analysis'] });
      void queryClient.invalidateQueries({ queryKey: ['approach'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(file, year, tableId);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length === 0 && file) upload.mutate({ file, year, tableId });
  };
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section aria-labelledby="import-upload-kop" className="wk-section">
      <Heading level={2} id="import-upload-kop">
        Bestand importeren
      </Heading>
      <Paragraph>
        Upload een bestand zoals u het bij het CBS downloadt: Kerncijfers wijken en buurten (kwb-xlsx of
        -csv), een OData-bestand (v3 TypedDataSet of v4 Observations), een StatLine-CSV met statistische
        symbolen of een bestand met gebiedsnamen. Het jaar en de tabel haalt Wijkkompas uit het bestand; vul
        ze alleen in als het bestand ze niet noemt. Een bestand komt er helemaal in of helemaal niet.
      </Paragraph>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form className="wk-form" onSubmit={submit} noValidate aria-labelledby="import-upload-kop">
        <FormField
          invalid={Boolean(errorOf('import-bestand'))}
          label={<FormLabel htmlFor="import-bestand">CBS-bestand</FormLabel>}
          input={
            <input
              id="import-bestand"
              type="file"
              accept=".csv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="utrecht-textbox"
              aria-invalid={errorOf('import-bestand') ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
          }
        />
        <TextField
          id="import-jaar"
          label="Verslagjaar (optioneel)"
          value={year}
          onChange={setYear}
          inputMode="numeric"
          error={errorOf('import-jaar')}
          description="Alleen nodig als het jaar niet uit de bestandsnaam of de tabel blijkt; spreekt het het bestand tegen, dan wordt niets geïmporteerd."
        />
        <TextField
          id="import-tabel"
          label="CBS-tabelnummer (optioneel)"
          value={tableId}
          onChange={setTableId}
          error={errorOf('import-tabel')}
          description="Bijvoorbeeld 85984NED voor Kerncijfers wijken en buurten 2024."
        />
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={upload.isPending}
          disabled={upload.isPending}
        >
          Importeren
        </Button>
      </form>
      <div role="status" className="wk-status-message">
        {upload.isPending ? <Paragraph>Het bestand wordt gelezen en geïmporteerd…</Paragraph> : null}
        {upload.data ? (
          <Alert type="ok">
            <Heading level={3} appearance="utrecht-heading-4">
              {upload.data.fileName}: {OUTCOME_LABELS[upload.data.outcome]}
            </Heading>
            <Paragraph>
              Verslagjaar {upload.data.year}
              {upload.data.tableId ? `, CBS-tabel ${upload.data.tableId}` : ''}, formaat {upload.data.format}.
            </Paragraph>
            <ImportReportDetails item={upload.data} />
          </Alert>
        ) : null}
      </div>
      {upload.isError ? <ImportError error={upload.error} fileName={file?.name ?? 'bestand'} /> : null}
    </section>
  );
}

export function CbsImportPage() {
  const session = useSession();
  const user = session.data?.user;
  const isAllowed = canImportData(user);
  const imports = useImports(isAllowed);
  if (session.isPending) return <Loading what="uw gegevens" />;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: IMPORT_PATH, label: 'CBS-cijfers importeren' },
        ]}
      />
      <PageHeading title="CBS-cijfers importeren">CBS-cijfers importeren</PageHeading>
      {!isAllowed ? (
        <Alert type="warning">
          <Paragraph>
            Alleen een coördinator van een gemeente of de platformbeheerder kan CBS-bestanden importeren. De
            cijfers zelf ziet u bij de gebiedsanalyse van een wijkaanpak.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>
            Cijfers uit de eigen wijkmonitor of wijkpeiling? Voeg ze eerst toe als{' '}
            <AppLink to={LOCAL_INDICATORS_PATH}>eigen indicator</AppLink>, download daar het sjabloon en
            importeer het ingevulde bestand hier.
          </Paragraph>
          <UploadForm />
          <section aria-labelledby="import-geschiedenis-kop" className="wk-section">
            <Heading level={2} id="import-geschiedenis-kop">
              Eerdere imports
            </Heading>
            {imports.isPending ? <Loading what="de imports" /> : null}
            {imports.isError ? <InlineError error={imports.error} /> : null}
            {imports.data ? <ImportHistory imports={imports.data} /> : null}
          </section>
        </>
      )}
    </>
  );
}
