/**
 * What every reader returns: regions, normalised observations, indicators the catalogue did not
 * know yet, and the import report.
 */
import type { Indicator } from '../analysis/indicator.ts';
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import type { Observation, ObservationSource, RegionRecord } from '../analysis/observation.ts';

export type CbsFormat =
  | 'kwb-xlsx'
  | 'kwb-csv'
  | 'odata-v4-observations'
  | 'odata-v3-typed'
  | 'statline-csv'
  | 'region-names'
  | 'odata-v3-json'
  | 'odata-v4-json';

export interface ImportReport {
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  regions: number;
  indicators: number;
  observations: number;
  /** Cells without a figure: ".", blank, null or (OData v4) an absent row. */
  missingCells: number;
  secretCells: number;
  ignoredColumns: { column: string; reason: string }[];
  ignoredRows: { row: number; reason: string }[];
  /** Keys of indicators this file introduced. */
  newIndicators: string[];
}

export interface ReadResult {
  format: CbsFormat;
  year: number;
  tableId?: string;
  source: ObservationSource;
  regions: RegionRecord[];
  observations: Observation[];
  /** Indicators found in the file that were not in the catalogue (added, never dropped). */
  indicators: Indicator[];
  report: ImportReport;
}

export interface ReadOptions {
  fileName: string;
  catalogue: IndicatorCatalogue;
  /** An explicit year (--year); contradicting the file is an error. */
  year?: number;
  /** The CBS table id when the file does not carry it (e.g. '85984NED'). */
  tableId?: string;
  /** Titles of the keys of further dimensions (from the table's metadata): "1.1.1" -> "Diefstal/inbraak woning". */
  dimensionLabels?: Readonly<Record<string, string>>;
}

export function summarizeRead(input: {
  rows: number;
  regions: readonly RegionRecord[];
  observations: readonly Observation[];
  newIndicators: readonly Indicator[];
  ignoredColumns?: ImportReport['ignoredColumns'];
  ignoredRows?: ImportReport['ignoredRows'];
}): ImportReport {
  let missingCells = 0;
  let secretCells = 0;
  const indicatorKeys = new Set<string>();
  for (const observation of input.observations) {
    indicatorKeys.add(observation.indicatorKey);
    if (observation.status === 'missing') missingCells++;
    else if (observation.status === 'secret') secretCells++;
  }
  return {
    rows: input.rows,
    regions: input.regions.length,
    indicators: indicatorKeys.size,
    observations: input.observations.length,
    missingCells,
    secretCells,
    ignoredColumns: [...(input.ignoredColumns ?? [])],
    ignoredRows: [...(input.ignoredRows ?? [])],
    newIndicators: input.newIndicators.map((indicator) => indicator.key),
  };
}
