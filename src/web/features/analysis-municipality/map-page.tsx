/**
 * /aanpakken/:approachId/analyse/kaart — the choropleth map of the municipality's buurten for any
 * indicator and year, with an HTML legend and, below it, the sortable table of every buurt with its
 * value (the keyboard and screen-reader path to the same numbers), exportable to CSV and Excel.
 */
import { useMemo } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import {
  useBuurtMap,
  type BuurtMap,
  type BuurtMapFeature,
  type Indicator,
} from '../../api/analysis-municipality.ts';
import { CbsSource, cbsSourceText } from '../../components/cbs-source.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { AnalysisControls } from './analysis-controls.tsx';
import { formatFigure, STATUS_LABELS, valueHeader } from './analysis-format.ts';
import { ChoroplethFigure } from './choropleth.tsx';
import { MapLegend } from './map-legend.tsx';
import { computeClassScale } from './map-classes.ts';
import { MunicipalityShell, type MunicipalityContext } from './municipality-shell.tsx';
import { SortableTable, type TableColumn } from './sortable-table.tsx';

export function MunicipalityMapPage() {
  return (
    <MunicipalityShell
      page={{ path: 'kaart', label: 'Kaart' }}
      title={(name) => `Kaart van de buurten van ${name}`}
    >
      {(context) => <MapContent context={context} />}
    </MunicipalityShell>
  );
}

/** "Bron: CBS, ... 2024 (kwb-2024-utrecht.xlsx)": the files the figures came from. */
export function sourceNote(year: number, fileNames: (string | null | undefined)[]): string {
  const files = [...new Set(fileNames.filter((f): f is string => Boolean(f)))].sort();
  return `${cbsSourceText(year)}${files.length > 0 ? ` (${files.join(', ')})` : ''}`;
}

function MapContent({ context }: { context: MunicipalityContext }) {
  const { municipalityCode, indicator, year } = context;
  const map = useBuurtMap(municipalityCode, indicator?.key ?? null, year);
  return (
    <>
      <Paragraph lead>
        De buurten van {context.municipalityName} gekleurd naar één indicator in één jaar. De buurten van{' '}
        {context.approach.title} zijn zwart omlijnd. Alle cijfers staan ook in de tabel onder de kaart.
      </Paragraph>
      <AnalysisControls context={context} />
      {map.isPending && indicator && year ? <Loading what="de kaart" /> : null}
      {map.isError ? <InlineError error={map.error} /> : null}
      {map.data && indicator ? (
        <MapView context={context} map={map.data} indicator={map.data.indicator} />
      ) : null}
    </>
  );
}

function MapView({
  context,
  map,
  indicator,
}: {
  context: MunicipalityContext;
  map: BuurtMap;
  indicator: Indicator;
}) {
  const { focusArea } = context;
  const scale = useMemo(
    () =>
      computeClassScale(
        map.features.map((f) => f.properties.value),
        indicator.direction,
      ),
    [map, indicator],
  );
  const missingCount = map.features.filter((f) => f.properties.value === null).length;
  const source = sourceNote(
    map.year,
    map.features.map((f) => f.properties.provenance?.fileName),
  );
  const columns = useMemo<TableColumn<BuurtMapFeature>[]>(
    () => [
      {
        key: 'buurt',
        label: 'Buurt',
        kind: 'text',
        value: (f) => f.properties.name ?? f.properties.code,
        render: (f) => (
          <>
            {f.properties.name ?? f.properties.code}
            {focusArea.has(f.properties.code) ? (
              <span className="wk-muni-focus-mark"> (focusgebied)</span>
            ) : null}
          </>
        ),
      },
      { key: 'code', label: 'CBS-code', kind: 'text', value: (f) => f.properties.code },
      {
        key: 'waarde',
        label: valueHeader(indicator),
        kind: 'number',
        value: (f) => f.properties.value,
        render: (f) => formatFigure(f.properties.value, indicator),
      },
      {
        key: 'toelichting',
        label: 'Toelichting',
        kind: 'text',
        value: (f) => STATUS_LABELS[f.properties.status] || null,
        render: (f) => STATUS_LABELS[f.properties.status] || '',
        isSortable: false,
      },
    ],
    [indicator, focusArea],
  );
  const hasFigures = missingCount < map.features.length;
  const title = `${indicator.title} per buurt, ${map.year}`;
  return (
    <section aria-labelledby="kaart-tabel-kop" className="wk-section">
      {!hasFigures ? (
        <Paragraph>
          Voor deze indicator zijn er in {map.year} geen cijfers voor de buurten van{' '}
          {context.municipalityName}. Kies een ander jaar of een andere indicator.
        </Paragraph>
      ) : null}
      {map.features.length > 0 ? (
        <ChoroplethFigure
          title={title}
          description={`Kaart van ${map.features.length} buurten van ${context.municipalityName}: ${map.features.length - missingCount} met een cijfer, ${missingCount} zonder (gearceerd). Grenzen van ${map.geometryYear ?? 'onbekend jaar'}. De tabel hieronder bevat alle waarden.`}
          features={map.features}
          focusArea={focusArea}
          scale={scale}
          indicator={indicator}
          legend={
            <MapLegend
              scale={scale}
              indicator={indicator}
              year={map.year}
              missingCount={missingCount}
              focusAreaName={context.approach.title}
            />
          }
        />
      ) : (
        <Paragraph>
          Er zijn geen buurtgrenzen van {context.municipalityName} geïmporteerd; de tabel bevat de cijfers.
        </Paragraph>
      )}
      {map.withoutGeometry.length > 0 ? (
        <Paragraph small>
          Zonder grens op de kaart (en daarom niet in de tabel): {map.withoutGeometry.join(', ')}.
        </Paragraph>
      ) : null}
      <CbsSource year={map.year} note={source} />
      <Heading level={2} id="kaart-tabel-kop">
        Alle buurten
      </Heading>
      <SortableTable
        caption={`${title} (${indicator.unit || 'waarde'})`}
        columns={columns}
        rows={map.features}
        rowKey={(f) => f.properties.code}
        initialSort={{ key: 'buurt', direction: 'ascending' }}
        isRowMarked={(f) => focusArea.has(f.properties.code)}
        exportTitle={title}
        exportFileName={`kaart-${indicator.key}-${map.year}-${map.municipalityCode}`}
        source={source}
        testId="map-table"
      />
    </section>
  );
}
