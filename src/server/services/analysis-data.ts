/**
 * What the analyses read, kept in memory: the indicator catalogue and one columnar year table per
 * year (core/analysis/year-table.ts), plus a small memo of computed results (profiles, rankings).
 * Everything is dropped when the data change: directly after an import in this process, and, for
 * imports by another process (the CLI), when the database's analysis stamp (counts and latest
 * times of imports, indicators and boundaries) differs from the one the cache was built on. The
 * stamp is read at most once per second (a query per request would cost more than serving a cached
 * profile), so another process's import shows within a second.
 */
import { addDerivedIndicators } from '../../core/analysis/derived-indicators.ts';
import type { Indicator } from '../../core/analysis/indicator.ts';
import type { IndicatorCatalogue } from '../../core/analysis/indicator-catalogue.ts';
import type { Observation, RegionRecord } from '../../core/analysis/observation.ts';
import { restoreIndicatorCatalogue } from '../../core/analysis/stored-catalogue.ts';
import type { ObservationBatch, YearTable } from '../../core/analysis/year-table.ts';
import { buildYearTable } from '../../core/analysis/year-table.ts';
import {
  findLatestMetadataImport,
  listImportSources,
  listImportYears,
  listIndicatorRows,
  listYearRegions,
  readAnalysisStamp,
} from '../../db/analysis.repository.ts';
import type { Database } from '../../db/client.ts';
import { listYearColumns } from '../../db/observations.repository.ts';

export interface StoredCatalogue {
  catalogue: IndicatorCatalogue;
  /** Local indicators: key -> the municipality (CBS code) that owns them. */
  owners: ReadonlyMap<string, string>;
}

interface Generation {
  catalogue?: Promise<StoredCatalogue>;
  tables: Map<number, Promise<YearTable | null>>;
  years?: Promise<number[]>;
  memo: Map<string, Promise<unknown>>;
}

const MEMO_LIMIT = 500;
/** How long a checked stamp is trusted, in milliseconds. */
const STAMP_TTL_MS = 1000;

export async function loadStoredCatalogue(db: Database): Promise<StoredCatalogue> {
  const [rows, metadata] = await Promise.all([listIndicatorRows(db), findLatestMetadataImport(db)]);
  const title = (metadata?.report as { title?: unknown } | undefined)?.title;
  const catalogue = restoreIndicatorCatalogue({
    stored: rows.map((row) => row.indicator.spec as Indicator),
    metadataTable: metadata?.tableId
      ? { tableId: metadata.tableId, year: metadata.year, title: typeof title === 'string' ? title : '' }
      : null,
  });
  const owners = new Map(
    rows
      .filter((row) => row.municipalityCode !== null)
      .map((row) => [row.indicator.key, row.municipalityCode as string]),
  );
  return { catalogue, owners };
}

async function loadYearTable(
  db: Database,
  year: number,
  catalogue: IndicatorCatalogue,
): Promise<YearTable | null> {
  const [columns, regionRows] = await Promise.all([listYearColumns(db, year), listYearRegions(db, year)]);
  if (columns.length === 0 && regionRows.codes.length === 0) return null;
  const byImport = new Map<string, Observation[]>();
  for (const column of columns) {
    const list = byImport.get(column.importId) ?? [];
    column.regionCodes.forEach((regionCode, i) => {
      list.push({
        regionCode,
        indicatorKey: column.indicatorKey,
        year,
        value: column.values[i] ?? null,
        status: column.statuses[i] ?? 'missing',
        sourceRow: column.sourceRows[i] ?? null,
        sourceColumn: column.sourceColumn,
      });
    });
    byImport.set(column.importId, list);
  }
  const sources = (await listImportSources(db, [...byImport.keys()])).sort(
    (a, b) => a.importedAt.getTime() - b.importedAt.getTime(),
  );
  const regions: RegionRecord[] = regionRows.codes.map((code, i) => ({
    code,
    name: regionRows.names[i] ?? null,
    level: regionRows.levels[i] ?? 'BU',
    year,
  }));
  const batches: ObservationBatch[] = [
    { source: { fileName: '(regio-indeling)', format: 'regions' }, regions, observations: [] },
    ...sources.map((source) => ({
      source: {
        fileName: source.fileName,
        format: source.format,
        ...(source.tableId ? { tableId: source.tableId } : {}),
      },
      regions: [],
      observations: byImport.get(source.id) ?? [],
    })),
  ];
  return addDerivedIndicators(buildYearTable(year, batches), catalogue);
}

export function createAnalysisData(db: Database) {
  let generation: Generation = { tables: new Map(), memo: new Map() };
  let stamp: string | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | null = null;

  function reset() {
    generation = { tables: new Map(), memo: new Map() };
  }

  /** Drops the caches when another process changed the data. */
  function refresh(): Promise<void> {
    if (checking === null && performance.now() - checkedAt < STAMP_TTL_MS) return Promise.resolve();
    checking ??= readAnalysisStamp(db)
      .then((current) => {
        checkedAt = performance.now();
        if (current !== stamp) {
          reset();
          stamp = current;
        }
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  }

  async function getStoredCatalogue(): Promise<StoredCatalogue> {
    await refresh();
    const current = generation;
    current.catalogue ??= loadStoredCatalogue(db);
    return current.catalogue;
  }

  return {
    /** After a write in this process: the next read rebuilds. */
    invalidate() {
      reset();
      stamp = null;
      checkedAt = Number.NEGATIVE_INFINITY;
    },

    getStoredCatalogue,

    async getCatalogue(): Promise<IndicatorCatalogue> {
      return (await getStoredCatalogue()).catalogue;
    },

    /** The year table with derived indicators, or null when nothing is known for that year. */
    async getYearTable(year: number): Promise<YearTable | null> {
      const { catalogue } = await getStoredCatalogue();
      const current = generation;
      let table = current.tables.get(year);
      if (table === undefined) {
        table = loadYearTable(db, year, catalogue);
        current.tables.set(year, table);
        table.catch(() => current.tables.delete(year));
      }
      return table;
    },

    /** Report years with figures, ascending. */
    async listYears(): Promise<number[]> {
      await refresh();
      const current = generation;
      current.years ??= listImportYears(db).then((rows) => rows.map((r) => r.year));
      return current.years;
    },

    /** Computes once per data generation and key (bounded). */
    async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      await refresh();
      const current = generation;
      const found = current.memo.get(key);
      if (found !== undefined) return found as Promise<T>;
      if (current.memo.size >= MEMO_LIMIT) current.memo.delete(current.memo.keys().next().value as string);
      const value = compute();
      current.memo.set(key, value);
      value.catch(() => current.memo.delete(key));
      return value;
    },
  };
}

export type AnalysisData = ReturnType<typeof createAnalysisData>;
