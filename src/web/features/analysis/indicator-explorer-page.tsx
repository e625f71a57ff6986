/**
 * Indicator explorer: any indicator of the catalogue for the focus area, the municipality and the
 * country over all years (line chart with breaks, and its table with an export), what the
 * indicator means, the interpretations (warme duiding) next to the figure with a form to add one,
 * and the figure as evidence for a discussion point.
 */
import { useMemo } from 'react';
import {
  Heading,
  Paragraph,
  Select,
  SelectOption,
  FormField,
  FormLabel,
} from '@utrecht/component-library-react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DOMAINS } from '../../../core/analysis/indicator.ts';
import {
  useIndicatorCatalogue,
  useIndicatorSeries,
  useInterpretations,
  type AnalysisIndicator,
  type IndicatorSeries,
} from '../../api/analysis.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { CbsSource } from '../../components/cbs-source.tsx';
import { ExportButtons } from '../../components/export-buttons.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { isUuid } from '../approaches/labels.ts';
import { DIRECTION_LABELS, KIND_LABELS, domainLabel, formatFigure, formatShare } from './analysis-format.ts';
import { analysisBase } from './analysis-nav.tsx';
import { AnalysisShell } from './analysis-shell.tsx';
import { FigureEvidence } from './figure-evidence.tsx';
import { InterpretationForm, InterpretationList } from './interpretations.tsx';
import { ProvenanceDetails } from './provenance.tsx';
import {
  BREAK_REASONS,
  SeriesChart,
  SeriesTable,
  seriesExportTable,
  seriesSourceText,
} from './series-chart.tsx';
import { YearPicker } from './year-picker.tsx';

const DEFAULT_INDICATOR = 'p_huurw';
const KEY_PATTERN = /^[a-z0-9_]{1,128}$/;

export function IndicatorExplorerPage() {
  const { approachId, indicatorKey } = useParams();
  if (!isUuid(approachId) || (indicatorKey !== undefined && !KEY_PATTERN.test(indicatorKey)))
    return <NotFoundPage />;
  return (
    <AnalysisShell
      approachId={approachId}
      title="Indicatoren"
      crumbs={[{ to: `${analysisBase(approachId)}/indicatoren`, label: 'Indicatoren' }]}
    >
      {(approach) => <Explorer approach={approach} indicatorKey={indicatorKey} />}
    </AnalysisShell>
  );
}

function Explorer({
  approach,
  indicatorKey,
}: {
  approach: ApproachDetail;
  indicatorKey: string | undefined;
}) {
  const catalogue = useIndicatorCatalogue();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const list = catalogue.data ?? [];
  const chosen =
    indicatorKey ??
    (list.some((i) => i.key === DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : (list[0]?.key ?? null));
  const indicator = list.find((i) => i.key === chosen);
  const series = useIndicatorSeries(approach.id, indicator ? chosen : null);
  const choose = (key: string) => {
    const query = params.get('jaar') ? `?jaar=${params.get('jaar')}` : '';
    void navigate(`${analysisBase(approach.id)}/indicatoren/${key}${query}`);
  };
  if (catalogue.isPending) return <Loading what="de indicatoren" />;
  if (catalogue.isError) return <InlineError error={catalogue.error} />;
  if (chosen === null) return <Paragraph>De indicatorencatalogus is leeg.</Paragraph>;
  return (
    <>
      <Paragraph lead>
        Kies een indicator om het focusgebied, de gemeente en Nederland over alle jaren te vergelijken, met de
        duiding van professionals en bewoners erbij.
      </Paragraph>
      <div className="wk-analysis-toolbar wk-no-print">
        <IndicatorSelect indicators={list} value={chosen} onChange={choose} />
      </div>
      {!indicator ? (
        <Paragraph>De indicator “{chosen}” staat niet in de catalogus. Kies er een uit de lijst.</Paragraph>
      ) : null}
      {indicator ? <IndicatorDefinition indicator={indicator} /> : null}
      {series.isPending && indicator ? <Loading what={`het verloop van ${indicator.title}`} /> : null}
      {series.isError ? <InlineError error={series.error} /> : null}
      {series.data && indicator ? <SeriesView approach={approach} series={series.data} /> : null}
    </>
  );
}

function IndicatorSelect({
  indicators,
  value,
  onChange,
}: {
  indicators: AnalysisIndicator[];
  value: string;
  onChange: (key: string) => void;
}) {
  const groups = useMemo(() => {
    const byDomain = new Map<string, AnalysisIndicator[]>();
    for (const indicator of indicators) {
      const domain = indicator.domain ?? 'overig';
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), indicator]);
    }
    const order = [...DOMAINS, 'overig'] as string[];
    return [...byDomain.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([domain, items]) => ({
        label: domainLabel(domain === 'overig' ? null : domain),
        items: [...items].sort((a, b) => a.title.localeCompare(b.title, 'nl')),
      }));
  }, [indicators]);
  return (
    <FormField
      label={<FormLabel htmlFor="indicator-keuze">Indicator</FormLabel>}
      input={
        <Select id="indicator-keuze" value={value} onChange={(event) => onChange(event.target.value)}>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.items.map((i) => (
                <SelectOption key={i.key} value={i.key}>
                  {i.title} ({i.unit})
                </SelectOption>
              ))}
            </optgroup>
          ))}
        </Select>
      }
    />
  );
}

function IndicatorDefinition({ indicator }: { indicator: AnalysisIndicator }) {
  return (
    <section aria-labelledby="indicator-kop" className="wk-section">
      <Heading level={2} id="indicator-kop">
        {indicator.title}
      </Heading>
      <dl className="wk-definition-list" data-testid="indicator-definition">
        <dt>Definitie</dt>
        <dd>{indicator.definition.trim() || 'Geen definitie beschikbaar.'}</dd>
        <dt>Eenheid</dt>
        <dd>{indicator.unit}</dd>
        <dt>Richting</dt>
        <dd>{DIRECTION_LABELS[indicator.direction]}</dd>
        <dt>Soort</dt>
        <dd>{KIND_LABELS[indicator.kind]}</dd>
        {indicator.base ? (
          <>
            <dt>Basis</dt>
            <dd>{indicator.base.note || indicator.base.keys.join(', ')}</dd>
          </>
        ) : null}
        <dt>Domein</dt>
        <dd>{domainLabel(indicator.domain)}</dd>
        <dt>Sleutel</dt>
        <dd>
          <code>{indicator.key}</code>
          {indicator.source?.tableId
            ? ` (CBS-tabel ${indicator.source.tableId}${indicator.source.key ? `, ${indicator.source.key}` : ''})`
            : ''}
        </dd>
        {indicator.notAggregatableReason ? (
          <>
            <dt>Samenvoegen</dt>
            <dd>{indicator.notAggregatableReason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function SeriesView({ approach, series }: { approach: ApproachDetail; series: IndicatorSeries }) {
  const notes = useInterpretations(approach.id);
  const [params, setParams] = useSearchParams();
  const indicator = series.indicator;
  const yearsWithArea = series.area.points.filter((p) => p.value !== null).map((p) => p.year);
  const asked = Number(params.get('jaar'));
  const year = series.years.includes(asked)
    ? asked
    : (yearsWithArea[yearsWithArea.length - 1] ??
      series.years[series.years.length - 1] ??
      approach.focusAreaYear);
  const setYear = (next: number) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('jaar', String(next));
        return updated;
      },
      { replace: true },
    );
  const point = series.area.points.find((p) => p.year === year);
  const regionCodes = point ? [...new Set(point.provenance.map((p) => p.regionCode))] : [];
  const ownNotes = (notes.data ?? []).filter((n) => n.indicatorKey === indicator.key);
  const years = [...series.years].sort((a, b) => b - a);
  return (
    <div className="wk-explorer">
      <div>
        <SeriesChart
          series={series}
          title={`${indicator.title}: ${series.areaName}, gemeente en Nederland`}
          headingLevel={3}
        />
        {series.area.breaks.length > 0 ? (
          <Paragraph small>
            Breuk in de reeks:{' '}
            {series.area.breaks
              .map((b) => `${b.year} (${BREAK_REASONS[b.reason]}: ${b.regionCodes.join(', ')})`)
              .join('; ')}
            .
          </Paragraph>
        ) : null}
        <section aria-labelledby="tabel-kop" className="wk-section">
          <Heading level={3} id="tabel-kop">
            Cijfers per jaar
          </Heading>
          <ExportButtons
            table={seriesExportTable(series)}
            fileName={`${indicator.key}-${approach.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
          />
          <div data-testid="series-table">
            <SeriesTable series={series} caption={`${indicator.title} (${indicator.unit}) per jaar`} />
          </div>
          <Paragraph small className="wk-source-note">
            {seriesSourceText(series)}
          </Paragraph>
        </section>
        <section aria-labelledby="jaar-kop" className="wk-section">
          <Heading level={3} id="jaar-kop">
            Het cijfer van één jaar
          </Heading>
          <div className="wk-no-print">
            <YearPicker id="verkenner-jaar" label="Jaar" years={years} year={year} onChange={setYear} />
          </div>
          <Paragraph>
            {series.areaName} in {year}: <strong>{formatFigure(point?.value ?? null, indicator)}</strong>
            {point && point.value !== null && point.coverage < 1
              ? ` (over ${formatShare(point.coverage)} van het gebied)`
              : ''}
            .
          </Paragraph>
          <CbsSource year={year} />
          {point ? (
            <ProvenanceDetails provenance={point.provenance} label={`${indicator.title} ${year}`} />
          ) : null}
          {regionCodes.length > 0 && point?.value !== null ? (
            <FigureEvidence
              approach={approach}
              indicatorKey={indicator.key}
              indicatorTitle={indicator.title}
              year={year}
              regionCodes={regionCodes}
            />
          ) : null}
        </section>
      </div>
      <aside aria-labelledby="duiding-kop" className="wk-explorer__notes">
        <Heading level={2} id="duiding-kop">
          Duiding
        </Heading>
        {notes.isPending ? <Loading what="de duidingen" /> : null}
        {notes.isError ? <InlineError error={notes.error} /> : null}
        {notes.data ? <InterpretationList notes={ownNotes} /> : null}
        <InterpretationForm
          key={indicator.key}
          approach={approach}
          indicatorKey={indicator.key}
          years={years}
          defaultYear={year}
        />
      </aside>
    </div>
  );
}
