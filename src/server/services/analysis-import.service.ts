/**
 * Imports of CBS figures, CBS metadata and boundaries. A file lands whole or not at all: reading
 * (core) happens inside the import's transaction, and any problem rolls everything back and leaves
 * as DomainError 'import_failed' naming file, row, column and reason. The same bytes twice
 * (SHA-256) write nothing and return the earlier report with outcome 'unchanged'.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../core/access/actor.ts';
import type { Indicator } from '../../core/analysis/indicator.ts';
import { buildIndicatorCatalogue } from '../../core/analysis/indicator-catalogue.ts';
import type { Observation } from '../../core/analysis/observation.ts';
import { getMunicipalityCode, getParentCode } from '../../core/analysis/region-code.ts';
import {
  checkLocalIndicatorValues,
  listForbiddenLocalKeys,
  type LocalIndicatorImporter,
} from '../../core/cbs-import/check-local-indicators.ts';
import { detectYearFromName } from '../../core/cbs-import/detect-year.ts';
import { failImport } from '../../core/cbs-import/import-issues.ts';
import { readCbsFile } from '../../core/cbs-import/read-cbs-file.ts';
import type { ImportReport } from '../../core/cbs-import/read-result.ts';
import { DomainError } from '../../core/errors.ts';
import {
  insertImport,
  insertMissingIndicators,
  listImportedIndicatorKeys,
  listImportsBySha,
  listImports,
  lockImports,
  updateImport,
  upsertCbsIndicators,
  upsertGeometries,
  upsertRegions,
  type IndicatorInput,
  type RegionInput,
} from '../../db/analysis.repository.ts';
import { insertAuditEvent } from '../../db/audit.repository.ts';
import type { Database } from '../../db/client.ts';
import { writeObservations, type ObservationWriteResult } from '../../db/observations.repository.ts';
import type { AnalysisData } from './analysis-data.ts';
import { readBoundaryFileInWorker } from './boundary-reader.ts';
import { loadStoredCatalogue } from './analysis-data.ts';
import { viewerOf } from './analysis-common.ts';
import { inTransaction, type ServiceContext } from './context.ts';

export interface ImportFileInput {
  fileName: string;
  content: Uint8Array;
  year?: number | undefined;
  tableId?: string | undefined;
}

export interface WrittenCounts {
  regionsCreated: number;
  indicatorsCreated: string[];
  inserted: number;
  replaced: number;
  unchanged: number;
  keptPublished: number;
}

export type StoredImportReport = ImportReport & { written: WrittenCounts };

export interface ImportResult {
  importId: string;
  outcome: 'created' | 'replaced' | 'unchanged';
  fileName: string;
  format: string;
  year: number;
  tableId: string | null;
  sha256: string;
  importedAt: string;
  report: Record<string, unknown>;
}

type ImportRow = Awaited<ReturnType<typeof insertImport>>;

/** The bare file name: uploads and the CLI may pass paths; provenance shows the name. */
export function toBaseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' ? 'bestand' : base.slice(0, 255);
}

function sha256Of(...parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function presentImport(row: ImportRow, outcome: ImportResult['outcome'] = row.outcome): ImportResult {
  return {
    importId: row.id,
    outcome,
    fileName: row.fileName,
    format: row.format,
    year: row.year,
    tableId: row.tableId,
    sha256: row.fileSha256,
    importedAt: row.importedAt.toISOString(),
    report: row.report as Record<string, unknown>,
  };
}

export function toIndicatorInput(indicator: Indicator, municipalityId: string | null = null): IndicatorInput {
  return {
    key: indicator.key,
    title: indicator.title,
    definition: indicator.definition,
    unit: indicator.unit,
    domain: indicator.domain,
    direction: indicator.direction,
    kind: indicator.kind,
    origin: indicator.origin,
    spec: indicator,
    municipalityId,
  };
}

function toRegionInput(region: {
  code: string;
  year: number;
  name: string | null;
  level: RegionInput['level'];
}): RegionInput {
  return {
    ...region,
    parentCode: getParentCode(region.code),
    municipalityCode: getMunicipalityCode(region.code),
  };
}

/** One row per (code, year), the one with a name when a file names a region twice. */
function dedupeRegions(rows: readonly RegionInput[]): RegionInput[] {
  const byKey = new Map<string, RegionInput>();
  for (const row of rows) {
    const key = `${row.code}@${row.year}`;
    const earlier = byKey.get(key);
    if (earlier === undefined || (earlier.name === null && row.name !== null)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

/** One figure per (indicator, region, year): a published value beats a missing one, a later row wins among values. */
function dedupeObservations(observations: readonly Observation[]): Observation[] {
  const byKey = new Map<string, Observation>();
  for (const observation of observations) {
    const key = `${observation.indicatorKey}\u0000${observation.regionCode}\u0000${observation.year}`;
    const earlier = byKey.get(key);
    if (earlier !== undefined && earlier.status === 'ok' && observation.status !== 'ok') continue;
    byKey.set(key, observation);
  }
  return byKey.size === observations.length ? [...observations] : [...byKey.values()];
}

function decideOutcome(written: ObservationWriteResult, regionsCreated: number): ImportResult['outcome'] {
  if (written.replaced > 0) return 'replaced';
  if (written.inserted > 0 || regionsCreated > 0) return 'created';
  return 'unchanged';
}

function parseJson(content: Uint8Array, fileName: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(content).replace(/^\uFEFF/, ''));
  } catch (error) {
    failImport(fileName, { reason: `geen geldige JSON (${(error as Error).message})` });
  }
}

export function canImportData(actor: Actor): boolean {
  return (
    actor.role === 'admin' || (actor.role === 'coordinator' && actor.organisationKind === 'municipality')
  );
}

function requireImporter(actor: Actor) {
  if (!canImportData(actor)) {
    throw new DomainError(
      'forbidden',
      'Alleen een coördinator van een gemeente of de platformbeheerder kan bestanden importeren.',
    );
  }
}

/**
 * The earlier import of the same bytes, unless this request says something else about them (another
 * year or table): then the file is read again, and a contradiction surfaces as an import error.
 */
async function findEarlier(
  db: Database,
  sha256: string,
  options: { year?: number | undefined; tableId?: string | undefined } = {},
) {
  const earlier = (await listImportsBySha(db, sha256)).find(
    (row) =>
      (options.year === undefined || options.year === row.year) &&
      (options.tableId === undefined || options.tableId.trim().toUpperCase() === row.tableId),
  );
  return earlier ? presentImport(earlier, 'unchanged') : null;
}

/** The municipalities whose own indicators these keys are (sorted CBS codes). */
function listLocalMunicipalities(keys: ReadonlySet<string>, owners: ReadonlyMap<string, string>): string[] {
  const codes = new Set<string>();
  for (const key of keys) {
    const owner = owners.get(key);
    if (owner !== undefined) codes.add(owner);
  }
  return [...codes].sort();
}

function toImporter(actor: Actor | null): LocalIndicatorImporter | null {
  return actor === null ? null : viewerOf(actor);
}

export function createAnalysisImportService(ctx: ServiceContext, data: AnalysisData) {
  /**
   * The earlier import of the same bytes, unless it wrote values of another municipality's local
   * indicator: then the file is read again, so this importer gets the precise refusal
   * (check-local-indicators.ts) rather than that import's report.
   */
  async function findReusable(
    db: Database,
    actor: Actor | null,
    sha256: string,
    input: ImportFileInput,
    loadOwners: () => Promise<ReadonlyMap<string, string>>,
  ) {
    // Every year source of a successful import agrees (resolveYear), so a year in the file name
    // must match too: the same bytes named for another year are read again (and imported for
    // that year, or refused when the content says otherwise), not reported as unchanged.
    const year = input.year ?? detectYearFromName(input.fileName) ?? undefined;
    const earlier = await findEarlier(db, sha256, { year, tableId: input.tableId });
    if (earlier === null) return null;
    const forbidden = listForbiddenLocalKeys(await loadOwners(), toImporter(actor));
    const touched = await listImportedIndicatorKeys(db, {
      importId: earlier.importId,
      year: earlier.year,
      keys: forbidden,
    });
    return touched.length === 0 ? earlier : null;
  }

  async function importCbsFile(actor: Actor | null, input: ImportFileInput): Promise<ImportResult> {
    const fileName = toBaseName(input.fileName);
    const sha256 = sha256Of(input.content);
    const known = await findReusable(
      ctx.db,
      actor,
      sha256,
      input,
      async () => (await data.getStoredCatalogue()).owners,
    );
    if (known) return known;
    let wrote = false;
    const result = await inTransaction(ctx, async (db) => {
      await lockImports(db);
      // Read inside the transaction (the cached catalogue would query outside it).
      const { catalogue, owners } = await loadStoredCatalogue(db);
      const earlier = await findReusable(db, actor, sha256, input, async () => owners);
      if (earlier) return earlier;
      wrote = true;
      const read = await readCbsFile(input.content, {
        fileName,
        catalogue,
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.tableId !== undefined ? { tableId: input.tableId } : {}),
      });
      checkLocalIndicatorValues({
        fileName,
        observations: read.observations,
        owners,
        importer: toImporter(actor),
      });
      const observedKeys = new Set(read.observations.map((o) => o.indicatorKey));
      const row = await insertImport(db, {
        fileName,
        fileSha256: sha256,
        format: read.format,
        tableId: read.tableId ?? null,
        year: read.year,
        report: read.report,
        outcome: 'created',
        importedBy: actor?.userId ?? null,
        localMunicipalityCodes: listLocalMunicipalities(observedKeys, owners),
      });
      const regionCodes = new Set(read.regions.map((r) => `${r.code}@${r.year}`));
      const implied = [
        ...new Map(
          read.observations
            .filter((o) => !regionCodes.has(`${o.regionCode}@${o.year}`))
            .map((o) => [`${o.regionCode}@${o.year}`, o]),
        ).values(),
      ];
      const regionsCreated = await upsertRegions(
        db,
        dedupeRegions([
          ...read.regions.map(toRegionInput),
          ...implied.map((o) =>
            toRegionInput({
              code: o.regionCode,
              year: o.year,
              name: null,
              level: o.regionCode.slice(0, 2) as RegionInput['level'],
            }),
          ),
        ]),
      );
      const indicatorsCreated = await insertMissingIndicators(db, [
        ...read.indicators.map((indicator) => toIndicatorInput(indicator)),
        ...[...observedKeys]
          .map((key) => catalogue.get(key))
          .filter((i): i is Indicator => i !== undefined)
          .map((indicator) => toIndicatorInput(indicator)),
      ]);
      const written = await writeObservations(db, row.id, dedupeObservations(read.observations));
      const outcome = decideOutcome(written, regionsCreated);
      const { samples, ...counts } = written;
      const report: StoredImportReport = {
        ...read.report,
        written: { regionsCreated, indicatorsCreated, ...counts },
      };
      await updateImport(db, row.id, { outcome, report });
      await insertAuditEvent(db, {
        actorUserId: actor?.userId ?? null,
        approachId: null,
        entityType: 'data_import',
        entityId: row.id,
        action: outcome === 'replaced' ? 'replace_values' : 'import',
        before: null,
        after: {
          fileName,
          sha256,
          format: read.format,
          year: read.year,
          tableId: read.tableId ?? null,
          outcome,
          counts: report.written,
          replacedSamples: samples,
        },
      });
      return presentImport({ ...row, outcome, report });
    });
    if (wrote) data.invalidate();
    return result;
  }

  return {
    importCbsFile,

    /** An upload through the API: coordinators of a municipality and the platform administrator. */
    async uploadFile(actor: Actor, input: ImportFileInput) {
      requireImporter(actor);
      return importCbsFile(actor, input);
    },

    /** Seeds the catalogue from CBS OData v3 metadata (DataProperties + TableInfos of one table). */
    async importMetadata(
      actor: Actor | null,
      input: {
        dataProperties: { fileName: string; content: Uint8Array };
        tableInfos: { fileName: string; content: Uint8Array };
      },
    ) {
      const sha256 = sha256Of(input.dataProperties.content, new Uint8Array([0]), input.tableInfos.content);
      const known = await findEarlier(ctx.db, sha256);
      if (known) return known;
      const catalogue = buildIndicatorCatalogue({
        dataProperties: parseJson(input.dataProperties.content, toBaseName(input.dataProperties.fileName)),
        tableInfos: parseJson(input.tableInfos.content, toBaseName(input.tableInfos.fileName)),
      });
      const table = catalogue.metadataTable;
      if (table === null || table.year === null) {
        failImport(toBaseName(input.tableInfos.fileName), {
          reason: 'TableInfos noemt geen tabel met een verslagjaar (Period)',
        });
      }
      const result = await inTransaction(ctx, async (db) => {
        await lockImports(db);
        const earlier = await findEarlier(db, sha256);
        if (earlier) return earlier;
        const cbs = catalogue.indicators.filter((i) => i.origin !== 'local' && i.origin !== 'file');
        const { created, updated } = await upsertCbsIndicators(
          db,
          cbs.map((indicator) => toIndicatorInput(indicator)),
        );
        const report = { title: table.title, indicators: cbs.length, created, updated, observations: 0 };
        const row = await insertImport(db, {
          fileName: toBaseName(input.dataProperties.fileName),
          fileSha256: sha256,
          format: 'cbs-metadata',
          tableId: table.tableId,
          year: table.year as number,
          report,
          outcome: created + updated > 0 ? (updated > 0 ? 'replaced' : 'created') : 'unchanged',
          importedBy: actor?.userId ?? null,
        });
        await insertAuditEvent(db, {
          actorUserId: actor?.userId ?? null,
          approachId: null,
          entityType: 'data_import',
          entityId: row.id,
          action: 'import_metadata',
          before: null,
          after: { ...report, tableId: table.tableId },
        });
        return presentImport(row);
      });
      data.invalidate();
      return result;
    },

    /**
     * Boundaries of the regions of one year: a zipped shapefile, a GeoPackage or GeoJSON, in the
     * coordinate system the file states, read and reprojected to WGS84 in a worker thread.
     */
    async importBoundaries(
      actor: Actor | null,
      input: {
        fileName: string;
        content: Uint8Array;
        year: number;
        /** Detected (buurtcode, BU_CODE, statcode ...) when absent. */
        codeProperty?: string | undefined;
        codePrefix?: string | undefined;
        /** Only this layer of a GeoPackage or zip with several. */
        layer?: string | undefined;
      },
    ) {
      const fileName = toBaseName(input.fileName);
      const sha256 = sha256Of(
        input.content,
        new TextEncoder().encode(
          `\u0000${input.year}\u0000${input.codeProperty ?? ''}\u0000${input.codePrefix ?? ''}\u0000${input.layer ?? ''}`,
        ),
      );
      const known = await findEarlier(ctx.db, sha256);
      if (known) return known;
      const { format, result: boundaries } = await readBoundaryFileInWorker({
        content: input.content,
        options: {
          fileName,
          year: input.year,
          ...(input.codeProperty ? { codeProperty: input.codeProperty } : {}),
          ...(input.codePrefix ? { codePrefix: input.codePrefix } : {}),
        },
        layer: input.layer,
      });
      const result = await inTransaction(ctx, async (db) => {
        await lockImports(db);
        const earlier = await findEarlier(db, sha256);
        if (earlier) return earlier;
        await upsertGeometries(
          db,
          boundaries.features.map((f) => ({
            code: f.code,
            year: input.year,
            geometry: f.geometry,
            source: fileName,
          })),
        );
        const levels: Record<string, number> = {};
        for (const f of boundaries.features) levels[f.level] = (levels[f.level] ?? 0) + 1;
        const report = {
          features: boundaries.features.length,
          crs: [...new Set(boundaries.layers.map((layer) => layer.crs))].join(', '),
          layers: boundaries.layers,
          levels,
          observations: 0,
        };
        const row = await insertImport(db, {
          fileName,
          fileSha256: sha256,
          format,
          tableId: null,
          year: input.year,
          report,
          outcome: 'created',
          importedBy: actor?.userId ?? null,
        });
        await insertAuditEvent(db, {
          actorUserId: actor?.userId ?? null,
          approachId: null,
          entityType: 'data_import',
          entityId: row.id,
          action: 'import_boundaries',
          before: null,
          after: { fileName, year: input.year, ...report },
        });
        return presentImport(row);
      });
      data.invalidate();
      return result;
    },

    /** Every CBS import; an import with values of a municipality's own indicators only for that municipality (and the administrator). */
    async listImports(actor: Actor, options: { limit: number }) {
      requireImporter(actor);
      const viewer = viewerOf(actor);
      const rows = await listImports(ctx.db, {
        ...options,
        ...(viewer.isAdmin ? {} : { visibleTo: viewer.municipalityCode }),
      });
      return rows.map((r) => ({
        ...presentImport(r.import),
        importedBy: r.import.importedBy ? { id: r.import.importedBy, name: r.importedByName ?? '' } : null,
      }));
    },
  };
}

export type AnalysisImportService = ReturnType<typeof createAnalysisImportService>;
