/**
 * The history of imported files, newest first, with each import's report: rows, regions,
 * indicators, missing and secret cells, ignored columns and rows, new indicators, values written.
 * Metadata and boundary imports have their own report fields; whatever is there is shown.
 */
import { useMemo } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { CbsImportReport, DataImport } from '../../api/analysis-municipality.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatNumber } from './analysis-format.ts';
import { SortableTable, type TableColumn } from './sortable-table.tsx';

export const OUTCOME_LABELS: Record<DataImport['outcome'], string> = {
  created: 'Nieuw',
  replaced: 'Vervangen (nieuwere versie)',
  unchanged: 'Ongewijzigd (al eerder geïmporteerd)',
};

function reportOf(item: DataImport): CbsImportReport {
  return item.report as CbsImportReport;
}

function numberIn(report: CbsImportReport, key: string): number | null {
  const value = report[key];
  return typeof value === 'number' ? value : null;
}

function listIn<T>(report: CbsImportReport, key: string): T[] {
  const value = report[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

const count = (value: number | null) => (value === null ? '–' : formatNumber(value, 'count'));

/** The report of one import as a list of labelled figures (also right after an upload). */
export function ImportReportDetails({ item }: { item: DataImport }) {
  const report = reportOf(item);
  const ignoredColumns = listIn<{ column: string; reason: string }>(report, 'ignoredColumns');
  const ignoredRows = listIn<{ row: number; reason: string }>(report, 'ignoredRows');
  const newIndicators = listIn<string>(report, 'newIndicators');
  const written =
    report.written && typeof report.written === 'object' ? (report.written as Record<string, unknown>) : null;
  const figures: [string, number | null][] = [
    ['Rijen gelezen', numberIn(report, 'rows')],
    ['Gebieden', numberIn(report, 'regions')],
    ['Indicatoren', numberIn(report, 'indicators')],
    ['Cijfers (cellen)', numberIn(report, 'observations')],
    ['Lege cellen (geen cijfer)', numberIn(report, 'missingCells')],
    ['Geheime cellen', numberIn(report, 'secretCells')],
    ['Grenzen (features)', numberIn(report, 'features')],
  ];
  return (
    <div className="wk-muni-report">
      <dl className="wk-muni-summary">
        {figures
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{count(value)}</dd>
            </div>
          ))}
        {written ? (
          <div>
            <dt>Geschreven</dt>
            <dd>
              {Object.entries(written)
                .filter(([, v]) => typeof v === 'number')
                .map(([k, v]) => `${k}: ${formatNumber(v as number, 'count')}`)
                .join(', ')}
            </dd>
          </div>
        ) : null}
      </dl>
      <Paragraph small>
        Genegeerde kolommen:{' '}
        {ignoredColumns.length === 0
          ? 'geen'
          : ignoredColumns.map((c) => `${c.column} (${c.reason})`).join('; ')}
      </Paragraph>
      {ignoredRows.length > 0 ? (
        <Paragraph small>
          Genegeerde rijen: {ignoredRows.map((r) => `rij ${r.row} (${r.reason})`).join('; ')}
        </Paragraph>
      ) : null}
      {newIndicators.length > 0 ? (
        <Paragraph small>Nieuwe indicatoren: {newIndicators.join(', ')}</Paragraph>
      ) : null}
    </div>
  );
}

export function ImportHistory({ imports }: { imports: DataImport[] }) {
  const columns = useMemo<TableColumn<DataImport>[]>(
    () => [
      { key: 'bestand', label: 'Bestand', kind: 'text', value: (i) => i.fileName },
      { key: 'jaar', label: 'Jaar', kind: 'number', value: (i) => i.year },
      { key: 'formaat', label: 'Formaat', kind: 'text', value: (i) => i.format },
      { key: 'tabel', label: 'CBS-tabel', kind: 'text', value: (i) => i.tableId },
      { key: 'uitkomst', label: 'Uitkomst', kind: 'text', value: (i) => OUTCOME_LABELS[i.outcome] },
      { key: 'rijen', label: 'Rijen', kind: 'number', value: (i) => numberIn(reportOf(i), 'rows') },
      { key: 'gebieden', label: 'Gebieden', kind: 'number', value: (i) => numberIn(reportOf(i), 'regions') },
      {
        key: 'indicatoren',
        label: 'Indicatoren',
        kind: 'number',
        value: (i) => numberIn(reportOf(i), 'indicators'),
      },
      {
        key: 'lege_cellen',
        label: 'Lege cellen',
        kind: 'number',
        value: (i) => numberIn(reportOf(i), 'missingCells'),
      },
      {
        key: 'genegeerde_kolommen',
        label: 'Genegeerde kolommen',
        kind: 'number',
        value: (i) => listIn(reportOf(i), 'ignoredColumns').length,
      },
      {
        key: 'geimporteerd',
        label: 'Geïmporteerd',
        kind: 'text',
        value: (i) => i.importedAt,
        render: (i) => `${formatDateTime(i.importedAt)}${i.importedBy ? ` door ${i.importedBy.name}` : ''}`,
      },
    ],
    [],
  );
  if (imports.length === 0) return <Paragraph>Er zijn nog geen bestanden geïmporteerd.</Paragraph>;
  return (
    <>
      <SortableTable
        caption="Geïmporteerde bestanden, nieuwste eerst"
        columns={columns}
        rows={imports}
        rowKey={(i) => i.importId}
        exportTitle="Geïmporteerde CBS-bestanden"
        exportFileName="cbs-imports"
        testId="import-history"
      />
      <Heading level={3}>Rapport per import</Heading>
      {imports.map((item) => (
        <details key={item.importId} className="wk-cba-table-alt">
          <summary className="wk-cba-table-alt__summary">
            {item.fileName} ({item.year}, {formatDateTime(item.importedAt)})
          </summary>
          <ImportReportDetails item={item} />
        </details>
      ))}
    </>
  );
}
