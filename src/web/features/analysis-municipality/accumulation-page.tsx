/**
 * /aanpakken/:approachId/analyse/opstapeling — accumulation of problems (opstapeling): in how many
 * domains the focus area, and every buurt of the municipality, is among the worst share of buurten
 * (default the worst 20% of the country, configurable with ?aandeel=), and which indicators drive it.
 */
import { useCallback, useMemo } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  useApproachAccumulation,
  useMunicipalityAccumulation,
  type AreaAccumulation,
  type MunicipalityAccumulation,
} from '../../api/analysis-municipality.ts';
import { CbsSource, cbsSourceText } from '../../components/cbs-source.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { NumberTable } from '../cba/number-table.tsx';
import { PlotFigure, type RenderChart } from '../cba/plot-figure.tsx';
import { BuurtAccumulationTable, DriversTable, type AccumulationBuurt } from './accumulation-tables.tsx';
import { AnalysisControls } from './analysis-controls.tsx';
import { domainLabel, formatShare } from './analysis-format.ts';
import { MunicipalityShell, type MunicipalityContext } from './municipality-shell.tsx';

const SHARES = [5, 10, 15, 20, 25, 30, 40, 50];
const DEFAULT_SHARE = 20;

export function AccumulationPage() {
  return (
    <MunicipalityShell
      page={{ path: 'opstapeling', label: 'Opstapeling' }}
      title={(name) => `Opstapeling van problemen in de buurten van ${name}`}
    >
      {(context) => <AccumulationContent context={context} />}
    </MunicipalityShell>
  );
}

function readShare(params: URLSearchParams): number {
  const asked = Number(params.get('aandeel'));
  return SHARES.includes(asked) ? asked : DEFAULT_SHARE;
}

function ShareSelect({ context, percent }: { context: MunicipalityContext; percent: number }) {
  return (
    <FormField
      label={<FormLabel htmlFor="analyse-aandeel">Slechtste deel van de buurten</FormLabel>}
      description={
        <FormFieldDescription id="analyse-aandeel-beschrijving">
          Standaard de slechtste 20%
        </FormFieldDescription>
      }
      input={
        <Select
          id="analyse-aandeel"
          value={String(percent)}
          aria-describedby="analyse-aandeel-beschrijving"
          onChange={(event) => context.setParam('aandeel', event.target.value)}
        >
          {SHARES.map((share) => (
            <SelectOption key={share} value={String(share)}>
              {share}%
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

function AccumulationContent({ context }: { context: MunicipalityContext }) {
  const percent = readShare(context.params);
  const share = percent / 100;
  const area = useApproachAccumulation(context.approach.id, context.year, share);
  const all = useMunicipalityAccumulation(context.municipalityCode, context.year, share);
  return (
    <>
      <Paragraph lead>
        Een buurt telt in een domein (wonen, werk en inkomen, veiligheid …) mee als zij op minstens één
        indicator van dat domein bij de slechtste {percent}% van de buurten hoort. Hoe meer domeinen, hoe meer
        problemen zich opstapelen. Neutrale indicatoren en aantallen tellen niet mee.
      </Paragraph>
      <AnalysisControls
        context={context}
        hasIndicator={false}
        extra={<ShareSelect context={context} percent={percent} />}
      />
      {area.isPending && context.year ? <Loading what="de opstapeling van het focusgebied" /> : null}
      {area.isError ? <InlineError error={area.error} /> : null}
      {area.data ? <FocusAreaAccumulation context={context} result={area.data} /> : null}
      {all.isPending && context.year ? <Loading what="de opstapeling per buurt" /> : null}
      {all.isError ? <InlineError error={all.error} /> : null}
      {all.data ? <MunicipalityAccumulationView context={context} result={all.data} /> : null}
    </>
  );
}

function comparisonText(
  result: { scope: 'country' | 'municipality'; worstShare: number },
  municipalityName: string,
) {
  return `de slechtste ${formatShare(result.worstShare)} van de buurten van ${result.scope === 'country' ? 'Nederland' : municipalityName}`;
}

function FocusAreaAccumulation({
  context,
  result,
}: {
  context: MunicipalityContext;
  result: AreaAccumulation;
}) {
  const { area } = result;
  const source = cbsSourceText(result.year);
  const considered = result.domainsConsidered.map(domainLabel).join(', ');
  return (
    <section aria-labelledby="opstapeling-focus-kop" className="wk-section" data-testid="focus-accumulation">
      <Heading level={2} id="opstapeling-focus-kop">
        {area.name}
      </Heading>
      <p className="wk-muni-summary" data-testid="focus-accumulation-summary">
        {area.name} ({area.areaCodes.length} buurten samen) hoort in <strong>{area.domainCount}</strong> van
        de {result.domainsConsidered.length} domeinen bij {comparisonText(result, context.municipalityName)}
        {area.domains.length > 0 ? `: ${area.domains.map(domainLabel).join(', ')}.` : '.'}
      </p>
      <Paragraph small>
        Beoordeelde domeinen in {result.year}: {considered || 'geen'} ({result.indicatorKeys.length}{' '}
        indicatoren).
      </Paragraph>
      {area.drivers.length > 0 ? (
        <DriversTable
          title={`Indicatoren waarop ${area.name} bij ${comparisonText(result, context.municipalityName)} hoort, ${result.year}`}
          drivers={area.drivers}
          indicators={context.indicatorByKey}
          fileName={`opstapeling-focusgebied-${result.year}-${Math.round(result.worstShare * 100)}`}
          source={source}
        />
      ) : null}
      <BuurtAccumulationTable
        title={`Opstapeling in de buurten van ${area.name}, ${result.year}`}
        buurten={result.buurten}
        indicators={context.indicatorByKey}
        focusArea={context.focusArea}
        fileName={`opstapeling-buurten-focusgebied-${result.year}-${Math.round(result.worstShare * 100)}`}
        source={source}
        testId="focus-buurten-accumulation"
      />
      <CbsSource year={result.year} />
    </section>
  );
}

function AccumulationChart({
  context,
  buurten,
}: {
  context: MunicipalityContext;
  buurten: AccumulationBuurt[];
}) {
  const { focusArea } = context;
  const shown = useMemo(
    () =>
      buurten
        .filter((b) => b.domainCount > 0)
        .sort((a, b) => b.domainCount - a.domainCount || (a.name ?? '').localeCompare(b.name ?? '', 'nl')),
    [buurten],
  );
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const names = new Map(shown.map((b) => [b.regionCode, b.name ?? b.regionCode]));
      return Plot.plot({
        width,
        height: 40 + shown.length * 18,
        marginLeft: Math.min(260, Math.max(140, width * 0.3)),
        x: { label: 'Aantal domeinen bij het slechtste deel', grid: true, tickFormat: 'd' },
        y: {
          domain: shown.map((b) => b.regionCode),
          tickFormat: (code: string) => names.get(code) ?? code,
          label: null,
        },
        marks: [
          Plot.barX(shown, {
            x: 'domainCount',
            y: 'regionCode',
            fill: (b: AccumulationBuurt) => (focusArea.has(b.regionCode) ? colors.costs : colors.muted),
          }),
          Plot.ruleX([0]),
        ],
      });
    },
    [shown, focusArea],
  );
  if (shown.length === 0)
    return <Paragraph>Geen enkele buurt hoort in een domein bij het slechtste deel.</Paragraph>;
  return (
    <PlotFigure
      title={`Buurten van ${context.municipalityName} met opstapeling`}
      headingLevel={3}
      description={`Staafdiagram van de ${shown.length} buurten die in minstens één domein bij het slechtste deel horen, met het aantal domeinen. De buurten van ${context.approach.title} zijn rood, de andere grijs.`}
      render={render}
      table={
        <NumberTable
          caption={`Aantal domeinen per buurt van ${context.municipalityName}`}
          columns={['Buurt', 'Aantal domeinen']}
          rows={shown.map((b) => [
            `${b.name ?? b.regionCode}${focusArea.has(b.regionCode) ? ' (focusgebied)' : ''}`,
            String(b.domainCount),
          ])}
        />
      }
    />
  );
}

function MunicipalityAccumulationView({
  context,
  result,
}: {
  context: MunicipalityContext;
  result: MunicipalityAccumulation;
}) {
  const source = cbsSourceText(result.year);
  const withAny = result.buurten.filter((b) => b.domainCount > 0).length;
  return (
    <section aria-labelledby="opstapeling-gemeente-kop" className="wk-section">
      <Heading level={2} id="opstapeling-gemeente-kop">
        Alle buurten van {context.municipalityName}
      </Heading>
      <Paragraph>
        {withAny} van de {result.buurten.length} buurten horen in minstens één domein bij{' '}
        {comparisonText(result, context.municipalityName)}.
      </Paragraph>
      <AccumulationChart context={context} buurten={result.buurten} />
      <BuurtAccumulationTable
        title={`Opstapeling per buurt van ${context.municipalityName}, ${result.year}`}
        buurten={result.buurten}
        indicators={context.indicatorByKey}
        focusArea={context.focusArea}
        fileName={`opstapeling-${result.municipalityCode}-${result.year}-${Math.round(result.worstShare * 100)}`}
        source={source}
        testId="municipality-accumulation"
      />
      <CbsSource year={result.year} />
    </section>
  );
}
