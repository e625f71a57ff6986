/**
 * /beheer/eigen-indicatoren — a municipality's own ("local") indicators: the list, a form to add
 * one (POST /indicators), and per indicator a template of the values file for a chosen year, to be
 * filled in and uploaded on the CBS import page (POST /imports, kwb layout gwb_code_10;regio;<key>).
 * Access as for the import page: a coordinator of a municipality or the platform administrator
 * (who sees every municipality's own indicators and names the municipality when adding one).
 */
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  municipalityAnalysisApi,
  municipalityAnalysisKeys,
  useAnalysisYears,
  useIndicators,
  type Indicator,
} from '../../api/analysis-municipality.ts';
import { useSession } from '../../api/queries.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { saveBlob } from '../../components/save-file.ts';
import { KIND_LABELS } from '../analysis/analysis-format.ts';
import { DIRECTION_LABELS, domainLabel } from './analysis-format.ts';
import { canImportData, IMPORT_PATH } from './import-access.ts';
import { LocalIndicatorForm } from './local-indicator-form.tsx';
import { buildTemplateCsv, templateFileName } from './local-indicator-template.ts';
import { SortableTable, type TableColumn } from './sortable-table.tsx';
import './analysis-municipality.css';

export const LOCAL_INDICATORS_PATH = '/beheer/eigen-indicatoren';

/** "aantal", "percentage van een basis", "gemiddelde per eenheid": the start of the catalogue's wording. */
const shortKind = (kind: Indicator['kind']) => KIND_LABELS[kind].split(' (')[0] ?? kind;

const municipalityColumn: TableColumn<Indicator> = {
  key: 'municipality',
  label: 'Gemeente',
  kind: 'text',
  value: (i) => i.municipalityCode,
};

function columnsFor(catalogue: readonly Indicator[], isAdmin: boolean): TableColumn<Indicator>[] {
  const titleOf = (key: string) => catalogue.find((i) => i.key === key)?.title;
  const base = (indicator: Indicator) =>
    indicator.base && indicator.base.keys.length > 0
      ? indicator.base.keys.map((key) => `${titleOf(key) ?? key} (${key})`).join(', ')
      : null;
  return [
    { key: 'key', label: 'Sleutel', kind: 'text', value: (i) => i.key },
    { key: 'title', label: 'Titel', kind: 'text', value: (i) => i.title },
    ...(isAdmin ? [municipalityColumn] : []),
    { key: 'unit', label: 'Eenheid', kind: 'text', value: (i) => i.unit },
    { key: 'kind', label: 'Soort', kind: 'text', value: (i) => shortKind(i.kind) },
    { key: 'domain', label: 'Domein', kind: 'text', value: (i) => domainLabel(i.domain) },
    { key: 'direction', label: 'Richting', kind: 'text', value: (i) => DIRECTION_LABELS[i.direction] },
    { key: 'base', label: 'Basis', kind: 'text', value: base },
  ];
}

/** Year choice and one "Sjabloon downloaden" per indicator, with a status line for the result. */
function TemplateDownloads({ indicators, fallbackCode }: { indicators: Indicator[]; fallbackCode: string }) {
  const queryClient = useQueryClient();
  const years = useAnalysisYears();
  const choices = useMemo(
    () => (years.data ?? []).filter((y) => y.buurten > 0).sort((a, b) => b.year - a.year),
    [years.data],
  );
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState('');
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const year = Number(chosen || choices[0]?.year || 0);

  const download = async (indicator: Indicator) => {
    const code = indicator.municipalityCode ?? fallbackCode;
    setBusyKey(indicator.key);
    setMessage(`Het sjabloon voor ${indicator.title} wordt gemaakt…`);
    try {
      const regions = await queryClient.fetchQuery({
        queryKey: municipalityAnalysisKeys.regions(code, year),
        queryFn: () => municipalityAnalysisApi.listRegions(code, year),
      });
      if (regions.length === 0) {
        setMessage(
          `Voor ${year} zijn geen gebieden van ${code} bekend. Importeer eerst de CBS-cijfers van dat jaar of kies een ander jaar.`,
        );
        return;
      }
      const fileName = templateFileName(indicator.key, year);
      saveBlob(
        new Blob([buildTemplateCsv(indicator.key, regions)], { type: 'text/csv;charset=utf-8' }),
        fileName,
      );
      const count = (level: string) => regions.filter((r) => r.level === level).length;
      setMessage(
        `Het sjabloon ${fileName} is gemaakt: ${count('GM')} gemeente, ${count('WK')} wijken en ${count('BU')} buurten van ${year}. Uw browser slaat het op of vraagt waar.`,
      );
    } catch {
      setMessage('Het sjabloon kon niet worden gemaakt. Probeer het opnieuw.');
    } finally {
      setBusyKey(null);
    }
  };

  if (years.isPending) return <Loading what="de jaren met cijfers" />;
  if (years.isError) return <InlineError error={years.error} />;
  if (choices.length === 0)
    return (
      <Paragraph>
        Er zijn nog geen CBS-cijfers geïmporteerd, dus nog geen gebieden voor een sjabloon.
      </Paragraph>
    );
  return (
    <>
      <SelectField
        id="sjabloon-jaar"
        label="Jaar van het sjabloon"
        value={String(year)}
        onChange={setChosen}
        description="Het sjabloon noemt de gemeente, wijken en buurten zoals ze in dat jaar heetten; het jaar staat in de bestandsnaam."
        options={choices.map((y) => ({ value: String(y.year), label: String(y.year) }))}
      />
      <UnorderedList className="wk-template-list">
        {indicators.map((indicator) => (
          <UnorderedListItem key={indicator.key}>
            {indicator.title} ({indicator.key}){' '}
            <Button
              appearance="secondary-action-button"
              busy={busyKey === indicator.key}
              disabled={busyKey !== null}
              onClick={() => void download(indicator)}
            >
              Sjabloon downloaden<span className="wk-visually-hidden">: {indicator.title}</span>
            </Button>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <p role="status" className="wk-status-message">
        {message}
      </p>
    </>
  );
}

function HowToImport() {
  return (
    <section aria-labelledby="waarden-importeren-kop" className="wk-section">
      <Heading level={2} id="waarden-importeren-kop">
        Waarden importeren
      </Heading>
      <OrderedList>
        <OrderedListItem>
          Download bij de lijst van indicatoren het sjabloon van de indicator voor het jaar van de cijfers.
        </OrderedListItem>
        <OrderedListItem>
          Vul in de laatste kolom de waarden in, met een decimale komma of punt. Laat een cel leeg als er geen
          waarde is (nooit 0 voor onbekend); rijen zonder waarde mag u ook weghalen.
        </OrderedListItem>
        <OrderedListItem>
          Sla het op als CSV (puntkomma-gescheiden, UTF-8) en houd het jaar in de bestandsnaam, bijvoorbeeld
          overlast_wijkpeiling-2024.csv.
        </OrderedListItem>
        <OrderedListItem>
          Upload het bestand op de pagina <AppLink to={IMPORT_PATH}>CBS-cijfers importeren</AppLink>. Het komt
          er helemaal in of helemaal niet; bij een fout ziet u rij, kolom en reden.
        </OrderedListItem>
      </OrderedList>
      <Paragraph>
        Daarna staan de waarden in het gebiedsprofiel, de indicatorverkenner, de kaart en de rangorde van de
        buurten. Een percentage of gemiddelde wordt over buurten gewogen met de basis uit de CBS-cijfers van
        hetzelfde jaar. Eigen indicatoren tellen niet mee in de opstapeling van problemen: die vergelijkt
        buurten met heel Nederland, en voor een eigen indicator is er geen landelijke vergelijking.
      </Paragraph>
    </section>
  );
}

export function LocalIndicatorsPage() {
  const session = useSession();
  const user = session.data?.user;
  const isAllowed = canImportData(user);
  const isAdmin = user?.role === 'admin';
  const catalogue = useIndicators();
  const local = useMemo(
    () => (catalogue.data ?? []).filter((indicator) => indicator.origin === 'local'),
    [catalogue.data],
  );
  const columns = useMemo(() => columnsFor(catalogue.data ?? [], isAdmin), [catalogue.data, isAdmin]);
  if (session.isPending) return <Loading what="uw gegevens" />;
  const owner = isAdmin ? 'alle gemeenten' : (user?.organisation.name ?? 'uw gemeente');
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: IMPORT_PATH, label: 'CBS-cijfers importeren' },
          { to: LOCAL_INDICATORS_PATH, label: 'Eigen indicatoren' },
        ]}
      />
      <PageHeading title="Eigen indicatoren">Eigen indicatoren</PageHeading>
      {!isAllowed || !user ? (
        <Alert type="warning">
          <Paragraph>
            Alleen een coördinator van een gemeente of de platformbeheerder kan eigen indicatoren toevoegen.
            De cijfers zelf ziet u bij de gebiedsanalyse van een wijkaanpak.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph lead>
            Cijfers die het CBS niet heeft, zoals uit de eigen wijkmonitor of wijkpeiling, komen naast de
            CBS-cijfers in de gebiedsanalyse. Alleen de eigen gemeente en de platformbeheerder zien ze.
          </Paragraph>
          {catalogue.isPending ? <Loading what="de indicatoren" /> : null}
          {catalogue.isError ? <InlineError error={catalogue.error} /> : null}
          {catalogue.data ? (
            <>
              <section aria-labelledby="eigen-indicatoren-kop" className="wk-section">
                <Heading level={2} id="eigen-indicatoren-kop">
                  Indicatoren van {owner}
                </Heading>
                {local.length === 0 ? (
                  <Paragraph>Er zijn nog geen eigen indicatoren. Voeg hieronder de eerste toe.</Paragraph>
                ) : (
                  <>
                    <SortableTable
                      caption={`Eigen indicatoren van ${owner} (${local.length})`}
                      columns={columns}
                      rows={local}
                      rowKey={(i) => i.key}
                      exportTitle={`Eigen indicatoren van ${owner}`}
                      exportFileName={`eigen-indicatoren-${isAdmin ? 'alle-gemeenten' : user.organisation.code}`}
                      testId="local-indicators"
                    />
                    <Heading level={3}>Sjabloon voor de waarden</Heading>
                    <TemplateDownloads indicators={local} fallbackCode={user.organisation.code} />
                  </>
                )}
              </section>
              <LocalIndicatorForm
                catalogue={catalogue.data}
                isAdmin={isAdmin}
                municipalityName={user.organisation.name}
              />
              <HowToImport />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
