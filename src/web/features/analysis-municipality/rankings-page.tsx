/**
 * /aanpakken/:approachId/analyse/rangorde — the municipality's buurten ranked on one indicator in
 * one year: rank (1 = least favourable; for neutral indicators the highest value), value, the
 * percentile in the municipality and in the country, the focus area's buurten marked. A bar chart
 * in rank order with its table, and the full sortable table with CSV/Excel export.
 */
import { useCallback, useMemo } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useBuurtRanking, type BuurtRanking, type RankedBuurt } from '../../api/analysis-municipality.ts';
import { CbsSource } from '../../components/cbs-source.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { NumberTable } from '../cba/number-table.tsx';
import { PlotFigure, type RenderChart } from '../cba/plot-figure.tsx';
import { AnalysisControls } from './analysis-controls.tsx';
import { formatFigure, formatPercentile, STATUS_LABELS, valueHeader } from './analysis-format.ts';
import { sourceNote } from './map-page.tsx';
import { MunicipalityShell, type MunicipalityContext } from './municipality-shell.tsx';
import { SortableTable, type TableColumn } from './sortable-table.tsx';

export function MunicipalityRankingsPage() {
  return (
    <MunicipalityShell
      page={{ path: 'rangorde', label: 'Rangorde' }}
      title={(name) => `Rangorde van de buurten van ${name}`}
    >
      {(context) => <RankingsContent context={context} />}
    </MunicipalityShell>
  );
}

function RankingsContent({ context }: { context: MunicipalityContext }) {
  const ranking = useBuurtRanking(context.municipalityCode, context.indicator?.key ?? null, context.year);
  return (
    <>
      <Paragraph lead>
        Waar staat elke buurt van {context.municipalityName} op één indicator? Rang 1 is de ongunstigste buurt
        (bij een neutrale indicator: de hoogste waarde). Het percentiel zegt hoger dan hoeveel procent van de
        buurten de waarde ligt, in de gemeente en in heel Nederland.
      </Paragraph>
      <AnalysisControls context={context} />
      {ranking.isPending && context.indicator && context.year ? <Loading what="de rangorde" /> : null}
      {ranking.isError ? <InlineError error={ranking.error} /> : null}
      {ranking.data ? <RankingView context={context} ranking={ranking.data} /> : null}
    </>
  );
}

function label(buurt: RankedBuurt): string {
  return buurt.name ?? buurt.code;
}

function RankingChart({ context, ranking }: { context: MunicipalityContext; ranking: BuurtRanking }) {
  const { focusArea } = context;
  const { indicator } = ranking;
  const ranked = useMemo(() => ranking.buurten.filter((b) => b.value !== null && b.rank !== null), [ranking]);
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const order = ranked.map((b) => b.code);
      const names = new Map(ranked.map((b) => [b.code, `${b.rank}. ${label(b)}`]));
      return Plot.plot({
        width,
        height: 40 + ranked.length * 16,
        marginLeft: Math.min(260, Math.max(140, width * 0.3)),
        x: { label: `${indicator.title} (${indicator.unit})`, grid: true },
        y: { domain: order, tickFormat: (code: string) => names.get(code) ?? code, label: null },
        marks: [
          Plot.barX(ranked, {
            x: 'value',
            y: 'code',
            fill: (b: RankedBuurt) => (focusArea.has(b.code) ? colors.costs : colors.muted),
          }),
          Plot.ruleX([0]),
        ],
      });
    },
    [ranked, focusArea, indicator],
  );
  if (ranked.length === 0) return null;
  const focusCount = ranked.filter((b) => focusArea.has(b.code)).length;
  return (
    <PlotFigure
      title={`${indicator.title} per buurt in rangorde, ${ranking.year}`}
      headingLevel={2}
      description={`Staafdiagram van ${ranked.length} buurten van ${context.municipalityName}, van rang 1 (boven) naar de laatste rang. De ${focusCount} buurten van ${context.approach.title} zijn rood, de andere grijs.`}
      render={render}
      table={
        <NumberTable
          caption={`${indicator.title} per buurt in rangorde, ${ranking.year}`}
          columns={['Buurt', 'Rang', valueHeader(indicator)]}
          rows={ranked.map((b) => [
            `${label(b)}${focusArea.has(b.code) ? ' (focusgebied)' : ''}`,
            String(b.rank),
            formatFigure(b.value, indicator),
          ])}
        />
      }
    />
  );
}

function RankingView({ context, ranking }: { context: MunicipalityContext; ranking: BuurtRanking }) {
  const { focusArea, municipalityName } = context;
  const { indicator } = ranking;
  const source = sourceNote(
    ranking.year,
    ranking.buurten.flatMap((b) => b.provenance.map((p) => p.fileName)),
  );
  const columns = useMemo<TableColumn<RankedBuurt>[]>(
    () => [
      {
        key: 'buurt',
        label: 'Buurt',
        kind: 'text',
        value: label,
        render: (b) => (
          <>
            {label(b)}
            {focusArea.has(b.code) ? <span className="wk-muni-focus-mark"> (focusgebied)</span> : null}
          </>
        ),
      },
      { key: 'code', label: 'CBS-code', kind: 'text', value: (b) => b.code },
      {
        key: 'rang',
        label: `Rang in ${municipalityName}`,
        kind: 'number',
        value: (b) => b.rank,
        render: (b) => b.rank ?? '–',
      },
      {
        key: 'waarde',
        label: valueHeader(indicator),
        kind: 'number',
        value: (b) => b.value,
        render: (b) => (b.value === null ? STATUS_LABELS[b.status] : formatFigure(b.value, indicator)),
      },
      {
        key: 'percentiel_gemeente',
        label: `Percentiel in ${municipalityName}`,
        kind: 'number',
        value: (b) => b.percentileInMunicipality,
        render: (b) => formatPercentile(b.percentileInMunicipality),
      },
      {
        key: 'rang_nederland',
        label: 'Rang in Nederland',
        kind: 'number',
        value: (b) => b.rankInCountry,
        render: (b) => b.rankInCountry ?? '–',
      },
      {
        key: 'percentiel_nederland',
        label: 'Percentiel in Nederland',
        kind: 'number',
        value: (b) => b.percentileInCountry,
        render: (b) => formatPercentile(b.percentileInCountry),
      },
    ],
    [indicator, focusArea, municipalityName],
  );
  const title = `Rangorde van de buurten van ${municipalityName}: ${indicator.title}, ${ranking.year}`;
  return (
    <section aria-labelledby="rangorde-kop" className="wk-section">
      <dl className="wk-muni-summary">
        <dt>{municipalityName} als geheel</dt>
        <dd>{formatFigure(ranking.municipalityValue, indicator)}</dd>
        <dt>Nederland</dt>
        <dd>
          {ranking.countryValue === null
            ? 'geen landelijk cijfer'
            : formatFigure(ranking.countryValue, indicator)}
        </dd>
        <dt>Buurten met een cijfer</dt>
        <dd>
          {ranking.n} van {ranking.buurten.length} in {municipalityName}
          {ranking.nInCountry > 0 ? `; ${ranking.nInCountry} in Nederland` : '; geen landelijke vergelijking'}
        </dd>
      </dl>
      {ranking.n === 0 ? (
        <Paragraph>
          Voor deze indicator zijn er in {ranking.year} geen cijfers voor de buurten van {municipalityName}.
          Kies een ander jaar of een andere indicator.
        </Paragraph>
      ) : null}
      <RankingChart context={context} ranking={ranking} />
      <CbsSource year={ranking.year} note={source} />
      <Heading level={2} id="rangorde-kop">
        Rangorde van alle buurten
      </Heading>
      <SortableTable
        caption={title}
        columns={columns}
        rows={ranking.buurten}
        rowKey={(b) => b.code}
        initialSort={{ key: 'rang', direction: 'ascending' }}
        isRowMarked={(b) => focusArea.has(b.code)}
        exportTitle={title}
        exportFileName={`rangorde-${indicator.key}-${ranking.year}-${ranking.municipalityCode}`}
        source={source}
        testId="ranking-table"
      />
    </section>
  );
}
