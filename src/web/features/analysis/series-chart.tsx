/**
 * An indicator over the years for the focus area, the municipality and the country: a line chart
 * (Observable Plot, through the MKBA's PlotFigure with its table alternative) in which a break in
 * the area's series (a buurt changed its boundary or code) interrupts the line and is marked, and
 * the same figures as a table that can be exported.
 */
import { useCallback } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { IndicatorSeries, SeriesDevelopment } from '../../api/analysis.ts';
import type { ExportTable } from '../../components/table-export.ts';
import { PlotFigure, type RenderChart } from '../cba/plot-figure.tsx';
import { formatFigure, formatNumber, formatShare } from './analysis-format.ts';

const STYLE = { fontSize: '13px', fontFamily: 'inherit', background: 'transparent', color: 'currentColor' };

export const BREAK_REASONS: Record<SeriesDevelopment['breaks'][number]['reason'], string> = {
  boundary_changed: 'grens van een buurt veranderd',
  code_changed: 'buurtcode veranderd',
  parts_changed: 'andere buurten in het gebied',
};

interface Line {
  key: 'area' | 'municipality' | 'country';
  label: string;
  /** Dashes tell the lines apart without colour (WCAG 1.4.1). */
  dash: string;
  development: SeriesDevelopment;
}

function linesOf(series: IndicatorSeries): Line[] {
  return [
    { key: 'area', label: series.areaName, dash: 'none', development: series.area },
    ...(series.municipality
      ? [{ key: 'municipality' as const, label: 'Gemeente', dash: '7 4', development: series.municipality }]
      : []),
    { key: 'country', label: 'Nederland', dash: '2 3', development: series.country },
  ];
}

/**
 * The lines the chart draws. A count (inhabitants, dwellings) of the area, the municipality and the
 * country differ by orders of magnitude: on one axis the area would be a flat line at zero, so a
 * count charts only the area; the table keeps all three.
 */
function chartLinesOf(series: IndicatorSeries): Line[] {
  const lines = linesOf(series);
  return series.indicator.kind === 'count' ? lines.filter((line) => line.key === 'area') : lines;
}

/** The segment (between breaks) a year belongs to, so a line is not drawn across a break. */
function segmentOf(development: SeriesDevelopment, year: number): number {
  const index = development.segments.findIndex((s) => year >= s.fromYear && year <= s.toYear);
  return index < 0 ? 0 : index;
}

function pointAt(development: SeriesDevelopment | null, year: number) {
  return development?.points.find((p) => p.year === year);
}

export function yearRange(series: IndicatorSeries): string {
  const first = series.years[0];
  const last = series.years[series.years.length - 1];
  return first === last ? String(first ?? '') : `${first}–${last}`;
}

export function seriesSourceText(series: IndicatorSeries): string {
  return `Bron: CBS, Kerncijfers wijken en buurten ${yearRange(series)}`;
}

/** The table under the chart, as exported: raw numbers, coverage in percent, breaks in words. */
export function seriesExportTable(series: IndicatorSeries): ExportTable {
  const unit = series.indicator.unit;
  return {
    title: `${series.indicator.title} (${unit}), ${series.areaName}`,
    columns: [
      { key: 'year', label: 'Jaar', kind: 'number' },
      { key: 'area', label: `${series.areaName} (${unit})`, kind: 'number' },
      { key: 'coverage', label: 'Dekking focusgebied (%)', kind: 'percent' },
      ...(series.municipality
        ? [{ key: 'municipality', label: `Gemeente (${unit})`, kind: 'number' as const }]
        : []),
      { key: 'country', label: `Nederland (${unit})`, kind: 'number' },
      { key: 'break', label: 'Breuk in de reeks', kind: 'text' },
    ],
    rows: series.years.map((year) => {
      const area = pointAt(series.area, year);
      const breakHere = series.area.breaks.find((b) => b.year === year);
      return {
        year,
        area: area?.value ?? null,
        coverage: area && area.value !== null ? Math.round(area.coverage * 1000) / 10 : null,
        ...(series.municipality ? { municipality: pointAt(series.municipality, year)?.value ?? null } : {}),
        country: pointAt(series.country, year)?.value ?? null,
        break: breakHere ? BREAK_REASONS[breakHere.reason] : '',
      };
    }),
    source: seriesSourceText(series),
  };
}

export function SeriesTable({ series, caption }: { series: IndicatorSeries; caption: string }) {
  const lines = linesOf(series);
  const indicator = series.indicator;
  // A focusable region: on a narrow screen the table scrolls sideways, by keyboard too (WCAG 2.1.1).
  return (
    <div className="wk-cba-scroll" tabIndex={0} role="region" aria-label={`${caption} (schuifbaar)`}>
      <Table className="wk-cba-table">
        <TableCaption className="wk-cba-table__caption">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Jaar</TableHeaderCell>
            {lines.map((line) => (
              <TableHeaderCell key={line.key} scope="col" numericColumn>
                {line.label}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col" numericColumn>
              Dekking focusgebied
            </TableHeaderCell>
            <TableHeaderCell scope="col">Breuk</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {series.years.map((year) => {
            const area = pointAt(series.area, year);
            const breakHere = series.area.breaks.find((b) => b.year === year);
            return (
              <TableRow key={year}>
                <TableHeaderCell scope="row">{year}</TableHeaderCell>
                {lines.map((line) => (
                  <TableCell key={line.key} numericColumn>
                    {formatFigure(pointAt(line.development, year)?.value ?? null, indicator)}
                  </TableCell>
                ))}
                <TableCell numericColumn>
                  {area && area.value !== null ? formatShare(area.coverage) : '–'}
                </TableCell>
                <TableCell>{breakHere ? BREAK_REASONS[breakHere.reason] : ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function describeSeries(series: IndicatorSeries): string {
  const indicator = series.indicator;
  const withValues = series.area.points.filter((p) => p.value !== null);
  const first = withValues[0];
  const last = withValues[withValues.length - 1];
  const parts: string[] = [];
  if (first && last && first !== last) {
    parts.push(
      `${series.areaName}: ${formatFigure(first.value, indicator)} in ${first.year}, ${formatFigure(last.value, indicator)} in ${last.year}.`,
    );
  } else if (last) {
    parts.push(`${series.areaName}: ${formatFigure(last.value, indicator)} in ${last.year}.`);
  } else {
    parts.push(`Geen cijfers voor ${series.areaName}.`);
  }
  if (last) {
    const municipality = pointAt(series.municipality, last.year)?.value ?? null;
    const country = pointAt(series.country, last.year)?.value ?? null;
    if (municipality !== null)
      parts.push(`Gemeente in ${last.year}: ${formatFigure(municipality, indicator)}.`);
    if (country !== null) parts.push(`Nederland in ${last.year}: ${formatFigure(country, indicator)}.`);
  }
  if (series.indicator.kind === 'count') {
    parts.push(
      'De grafiek toont alleen het focusgebied (een aantal); gemeente en Nederland staan in de tabel.',
    );
  }
  if (series.area.breaks.length > 0) {
    parts.push(
      `Breuk in de reeks in ${series.area.breaks.map((b) => `${b.year} (${BREAK_REASONS[b.reason]})`).join(', ')}: de lijn is daar onderbroken.`,
    );
  }
  return parts.join(' ');
}

export function SeriesChart({
  series,
  title,
  compact = false,
  headingLevel = 3,
}: {
  series: IndicatorSeries;
  title: string;
  compact?: boolean;
  headingLevel?: number;
}) {
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const lines = chartLinesOf(series);
      const marks = lines.flatMap((line, index) => {
        const data = line.development.points.map((p) => ({
          year: p.year,
          value: p.value,
          segment: segmentOf(line.development, p.year),
        }));
        const stroke = colors.series[index] ?? colors.line;
        return [
          Plot.lineY(data, {
            x: 'year',
            y: 'value',
            z: 'segment',
            stroke,
            strokeWidth: line.key === 'area' ? 3 : 2,
            strokeDasharray: line.dash,
          }),
          Plot.dot(data, { x: 'year', y: 'value', fill: stroke, r: line.key === 'area' ? 3 : 2 }),
        ];
      });
      const breaks = series.area.breaks.map((b) => ({ year: b.year - 0.5, label: `breuk ${b.year}` }));
      return Plot.plot({
        width,
        height: compact ? 180 : 340,
        marginLeft: 64,
        marginRight: 16,
        marginBottom: 40,
        style: STYLE,
        x: {
          label: null,
          tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
          ticks: Math.max(2, Math.floor(width / (compact ? 70 : 80))),
        },
        y: {
          label: compact ? null : series.indicator.unit,
          grid: true,
          tickFormat: (d: number) => formatNumber(d, series.indicator.kind),
        },
        marks: [
          ...breaks.flatMap((b) => [
            Plot.ruleX([b.year], { stroke: colors.muted, strokeDasharray: '4 4' }),
            Plot.text([b], { x: 'year', frameAnchor: 'top', text: 'label', dy: 4, fill: colors.muted }),
          ]),
          ...marks,
        ],
      });
    },
    [series, compact],
  );
  return (
    <div className={compact ? 'wk-series wk-series--compact' : 'wk-series'}>
      <PlotFigure
        title={title}
        headingLevel={headingLevel}
        description={describeSeries(series)}
        render={render}
        table={<SeriesTable series={series} caption={`${title}: cijfers per jaar`} />}
      />
      <SeriesLegend series={series} />
    </div>
  );
}

/** The legend as text with a sample of each line (the chart itself is hidden from screen readers). */
function SeriesLegend({ series }: { series: IndicatorSeries }) {
  return (
    <ul className="wk-series-legend" aria-label="Legenda">
      {chartLinesOf(series).map((line, index) => (
        <li key={line.key} className="wk-series-legend__item">
          <svg
            width="32"
            height="10"
            aria-hidden="true"
            className={`wk-series-legend__sample wk-series-legend__sample--${index}`}
          >
            <line
              x1="0"
              y1="5"
              x2="32"
              y2="5"
              strokeWidth={line.key === 'area' ? 3 : 2}
              strokeDasharray={line.dash === 'none' ? undefined : line.dash}
            />
          </svg>
          {line.label}
        </li>
      ))}
    </ul>
  );
}
