/**
 * The tables of the accumulation page: the indicators that put the focus area among the worst
 * share, and the accumulation per buurt (number of domains, which domains, which indicators).
 */
import { useMemo } from 'react';
import type {
  AccumulationDriver,
  Indicator,
  MunicipalityAccumulation,
} from '../../api/analysis-municipality.ts';
import { domainLabel, formatFigure, formatPercentile } from './analysis-format.ts';
import { SortableTable, type TableColumn } from './sortable-table.tsx';

export type AccumulationBuurt = MunicipalityAccumulation['buurten'][number];

function indicatorTitle(indicators: ReadonlyMap<string, Indicator>, key: string): string {
  return indicators.get(key)?.title ?? key;
}

/** "Gemiddelde WOZ-waarde (slechtste 10,1%)" for each driver. */
export function describeDrivers(
  indicators: ReadonlyMap<string, Indicator>,
  drivers: AccumulationDriver[],
): string {
  return drivers
    .map((d) => `${indicatorTitle(indicators, d.key)} (slechtste ${formatPercentile(d.worstPercentile)}%)`)
    .join('; ');
}

export function DriversTable({
  title,
  drivers,
  indicators,
  fileName,
  source,
}: {
  title: string;
  drivers: AccumulationDriver[];
  indicators: ReadonlyMap<string, Indicator>;
  fileName: string;
  source: string;
}) {
  const columns = useMemo<TableColumn<AccumulationDriver>[]>(
    () => [
      { key: 'indicator', label: 'Indicator', kind: 'text', value: (d) => indicatorTitle(indicators, d.key) },
      { key: 'domein', label: 'Domein', kind: 'text', value: (d) => domainLabel(d.domain) },
      {
        key: 'waarde',
        label: 'Waarde',
        kind: 'number',
        value: (d) => d.value,
        render: (d) => {
          const indicator = indicators.get(d.key);
          return indicator
            ? `${formatFigure(d.value, indicator)}${indicator.unit === '%' ? '' : ` ${indicator.unit}`}`
            : d.value;
        },
      },
      { key: 'rang', label: 'Rang (1 = ongunstigst)', kind: 'number', value: (d) => d.rank },
      { key: 'buurten', label: 'Vergeleken buurten', kind: 'number', value: (d) => d.n },
      {
        key: 'slechtste',
        label: 'Bij de slechtste … %',
        kind: 'number',
        value: (d) => Math.round(d.worstPercentile * 10) / 10,
        render: (d) => formatPercentile(d.worstPercentile),
      },
    ],
    [indicators],
  );
  return (
    <SortableTable
      caption={title}
      columns={columns}
      rows={drivers}
      rowKey={(d) => d.key}
      initialSort={{ key: 'slechtste', direction: 'ascending' }}
      exportTitle={title}
      exportFileName={fileName}
      source={source}
    />
  );
}

export function BuurtAccumulationTable({
  title,
  buurten,
  indicators,
  focusArea,
  fileName,
  source,
  testId,
}: {
  title: string;
  buurten: AccumulationBuurt[];
  indicators: ReadonlyMap<string, Indicator>;
  focusArea: ReadonlySet<string>;
  fileName: string;
  source: string;
  testId?: string;
}) {
  const columns = useMemo<TableColumn<AccumulationBuurt>[]>(
    () => [
      {
        key: 'buurt',
        label: 'Buurt',
        kind: 'text',
        value: (b) => b.name ?? b.regionCode,
        render: (b) => (
          <>
            {b.name ?? b.regionCode}
            {focusArea.has(b.regionCode) ? <span className="wk-muni-focus-mark"> (focusgebied)</span> : null}
          </>
        ),
      },
      { key: 'code', label: 'CBS-code', kind: 'text', value: (b) => b.regionCode },
      { key: 'domeinen_aantal', label: 'Aantal domeinen', kind: 'number', value: (b) => b.domainCount },
      {
        key: 'domeinen',
        label: 'Domeinen',
        kind: 'text',
        value: (b) => (b.domains.length > 0 ? b.domains.map(domainLabel).join(', ') : null),
        render: (b) => (b.domains.length > 0 ? b.domains.map(domainLabel).join(', ') : '–'),
      },
      {
        key: 'indicatoren',
        label: 'Door de indicatoren',
        kind: 'text',
        value: (b) => (b.drivers.length > 0 ? describeDrivers(indicators, b.drivers) : null),
        render: (b) => (b.drivers.length > 0 ? describeDrivers(indicators, b.drivers) : '–'),
        isSortable: false,
      },
    ],
    [indicators, focusArea],
  );
  return (
    <SortableTable
      caption={title}
      columns={columns}
      rows={buurten}
      rowKey={(b) => b.regionCode}
      initialSort={{ key: 'domeinen_aantal', direction: 'descending' }}
      isRowMarked={(b) => focusArea.has(b.regionCode)}
      exportTitle={title}
      exportFileName={fileName}
      source={source}
      testId={testId}
    />
  );
}
