/**
 * One year of observations in columnar form: per indicator a Float64Array of values (NaN = no
 * figure) over all regions of that year, with status and provenance arrays beside it. Ranking and
 * accumulation over ~14 000 buurten x ~40 indicators run on these typed arrays.
 */
import type { Observation, ObservationSource, ObservationStatus, RegionRecord } from './observation.ts';
import type { RegionLevel } from './region-code.ts';
import { getMunicipalityCode, getRegionLevel } from './region-code.ts';

/** Status codes in the typed arrays. ABSENT: no observation at all for this region and indicator. */
export const STATUS_ABSENT = 0;
export const STATUS_OK = 1;
export const STATUS_MISSING = 2;
export const STATUS_SECRET = 3;

const STATUS_CODES: Record<ObservationStatus, number> = {
  ok: STATUS_OK,
  missing: STATUS_MISSING,
  secret: STATUS_SECRET,
};

export interface IndicatorColumn {
  key: string;
  values: Float64Array;
  status: Uint8Array;
  /** 1-based source row, -1 when none (absent, implied by a missing OData v4 row, or derived). */
  sourceRow: Int32Array;
  /** Index into YearTable.sources, -1 when none. */
  sourceIndex: Int16Array;
  /**
   * Column (or OData v4 measure) per source: one file gives an indicator from one column, so the
   * column of a cell is sourceColumns[sourceIndex]. Absent for derived columns.
   */
  sourceColumns?: (string | undefined)[];
  /** For derived columns: the indicator keys it was computed from. */
  derivedFrom?: string[];
}

export interface YearTable {
  year: number;
  codes: readonly string[];
  names: readonly (string | null)[];
  levels: readonly RegionLevel[];
  index: ReadonlyMap<string, number>;
  columns: Map<string, IndicatorColumn>;
  sources: readonly ObservationSource[];
  /** Indices of the buurten (BU), the units every ranking compares. */
  buurten: Int32Array;
  /** Buurt indices per gemeente code. */
  buurtenByMunicipality: ReadonlyMap<string, Int32Array>;
}

/** Anything shaped like a ReadResult (or rows loaded from the database). */
export interface ObservationBatch {
  source: ObservationSource;
  regions: readonly RegionRecord[];
  observations: readonly Observation[];
}

function createColumn(key: string, size: number): IndicatorColumn {
  return {
    key,
    values: new Float64Array(size).fill(Number.NaN),
    status: new Uint8Array(size),
    sourceRow: new Int32Array(size).fill(-1),
    sourceIndex: new Int16Array(size).fill(-1),
    sourceColumns: [],
  };
}

/**
 * Builds the table for `year` from batches (read results in import order). Regions are the union
 * of all batches (plus regions only seen in observations). When two batches give the same figure,
 * a published value beats a missing one and, among published values, the later batch wins.
 */
export function buildYearTable(year: number, batches: readonly ObservationBatch[]): YearTable {
  const index = new Map<string, number>();
  const codes: string[] = [];
  const names: (string | null)[] = [];
  const levels: RegionLevel[] = [];
  const addRegion = (code: string, name: string | null): void => {
    const existing = index.get(code);
    if (existing !== undefined) {
      if (names[existing] === null && name !== null) names[existing] = name;
      return;
    }
    const level = getRegionLevel(code);
    if (level === null) return;
    index.set(code, codes.length);
    codes.push(code);
    names.push(name);
    levels.push(level);
  };
  for (const batch of batches) {
    for (const region of batch.regions) if (region.year === year) addRegion(region.code, region.name);
    for (const observation of batch.observations) {
      if (observation.year === year && !index.has(observation.regionCode))
        addRegion(observation.regionCode, null);
    }
  }

  const size = codes.length;
  const columns = new Map<string, IndicatorColumn>();
  const sources: ObservationSource[] = [];
  batches.forEach((batch) => {
    const sourceIndex = sources.length;
    sources.push(batch.source);
    for (const observation of batch.observations) {
      if (observation.year !== year) continue;
      const at = index.get(observation.regionCode);
      if (at === undefined) continue;
      let column = columns.get(observation.indicatorKey);
      if (column === undefined) {
        column = createColumn(observation.indicatorKey, size);
        columns.set(observation.indicatorKey, column);
      }
      const status = STATUS_CODES[observation.status];
      const current = column.status[at] ?? STATUS_ABSENT;
      if (current === STATUS_OK && status !== STATUS_OK) continue;
      column.status[at] = status;
      column.values[at] = status === STATUS_OK && observation.value !== null ? observation.value : Number.NaN;
      column.sourceRow[at] = observation.sourceRow ?? -1;
      column.sourceIndex[at] = sourceIndex;
      if (column.sourceColumns !== undefined) column.sourceColumns[sourceIndex] = observation.sourceColumn;
    }
  });

  const buurtList: number[] = [];
  const byMunicipality = new Map<string, number[]>();
  for (let i = 0; i < size; i++) {
    if (levels[i] !== 'BU') continue;
    buurtList.push(i);
    const municipality = getMunicipalityCode(codes[i] ?? '') ?? '';
    const list = byMunicipality.get(municipality) ?? [];
    list.push(i);
    byMunicipality.set(municipality, list);
  }
  return {
    year,
    codes,
    names,
    levels,
    index,
    columns,
    sources,
    buurten: Int32Array.from(buurtList),
    buurtenByMunicipality: new Map([...byMunicipality].map(([code, list]) => [code, Int32Array.from(list)])),
  };
}

/** The value of one region, or null when there is no published figure. */
export function getTableValue(table: YearTable, code: string, key: string): number | null {
  const at = table.index.get(code);
  const column = table.columns.get(key);
  if (at === undefined || column === undefined) return null;
  const value = column.values[at] ?? Number.NaN;
  return Number.isNaN(value) ? null : value;
}

/** Provenance of one cell: the file (and table id), the row and column, the region and year it describes. */
export interface Provenance {
  regionCode: string;
  indicatorKey: string;
  year: number;
  fileName: string | null;
  tableId?: string;
  row: number | null;
  /** The column (kwb/v3/StatLine header) or OData v4 measure code the figure was read from. */
  column: string | null;
  status: ObservationStatus | 'absent';
}

export function getProvenance(table: YearTable, code: string, key: string): Provenance[] {
  const at = table.index.get(code);
  const column = table.columns.get(key);
  if (at === undefined || column === undefined) {
    return [
      {
        regionCode: code,
        indicatorKey: key,
        year: table.year,
        fileName: null,
        row: null,
        column: null,
        status: 'absent',
      },
    ];
  }
  if (column.derivedFrom !== undefined)
    return column.derivedFrom.flatMap((input) => getProvenance(table, code, input));
  const sourceIndex = column.sourceIndex[at] ?? -1;
  const source = table.sources[sourceIndex];
  const status = column.status[at] ?? STATUS_ABSENT;
  const row = column.sourceRow[at] ?? -1;
  return [
    {
      regionCode: code,
      indicatorKey: key,
      year: table.year,
      fileName: source?.fileName ?? null,
      ...(source?.tableId !== undefined ? { tableId: source.tableId } : {}),
      row: row >= 0 ? row : null,
      column: sourceIndex >= 0 ? (column.sourceColumns?.[sourceIndex] ?? null) : null,
      status:
        status === STATUS_OK
          ? 'ok'
          : status === STATUS_MISSING
            ? 'missing'
            : status === STATUS_SECRET
              ? 'secret'
              : 'absent',
    },
  ];
}
