/**
 * Regions, indicators, imports, boundaries and interpretations of the neighbourhood analysis.
 * Observations have their own file (observations.repository.ts). Bulk loads use one
 * `INSERT ... SELECT * FROM unnest($1::text[], ...)` per batch and return counts, not rows.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { copyRows, getPgTransactionClient, toCopyField } from './pg-copy.ts';
import {
  dataImports,
  indicators,
  interpretations,
  organisations,
  regionGeometries,
  regions,
  users,
} from './schema/index.ts';

const BATCH = 20_000;

type Rows<T> = { rows: T[] };

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RegionInput {
  code: string;
  year: number;
  name: string | null;
  level: 'NL' | 'GM' | 'WK' | 'BU';
  parentCode: string | null;
  municipalityCode: string | null;
}

const REGION_CONFLICT = sql`ON CONFLICT (code, year) DO UPDATE SET name = EXCLUDED.name
  WHERE regions.name IS NULL AND EXCLUDED.name IS NOT NULL
  RETURNING (xmax = 0) AS inserted`;

/**
 * On PostgreSQL: COPY. Straight into the table when the year has no regions yet (a new year, the
 * usual case for a national file), else through a staging table and one INSERT ... ON CONFLICT.
 */
async function upsertRegionsByCopy(db: Database, rows: readonly RegionInput[]): Promise<number | null> {
  const client = getPgTransactionClient(db);
  if (client === null) return null;
  const toLine = (r: RegionInput) =>
    [
      toCopyField(r.code),
      r.year,
      toCopyField(r.name),
      r.level,
      toCopyField(r.parentCode),
      toCopyField(r.municipalityCode),
    ].join('\t');
  const years = [...new Set(rows.map((r) => r.year))];
  const known = (await db.execute(sql`
    SELECT y AS year FROM unnest(${sql.param(years)}::int[]) AS y WHERE EXISTS (SELECT 1 FROM regions r WHERE r.year = y)`)) as unknown as Rows<{
    year: number;
  }>;
  if (known.rows.length === 0)
    return copyRows(
      client,
      'regions (code, year, name, level, parent_code, municipality_code)',
      rows,
      toLine,
    );
  await db.execute(
    sql`CREATE TEMP TABLE region_stage (code text, year int, name text, level text, parent_code text, municipality_code text) ON COMMIT DROP`,
  );
  try {
    await copyRows(client, 'region_stage', rows, toLine);
    const result = (await db.execute(sql`
      WITH written AS (
        INSERT INTO regions (code, year, name, level, parent_code, municipality_code)
        SELECT DISTINCT ON (code, year) * FROM region_stage ORDER BY code, year, name NULLS LAST ${REGION_CONFLICT})
      SELECT count(*) FILTER (WHERE inserted)::int AS created FROM written`)) as unknown as Rows<{
      created: number;
    }>;
    return result.rows[0]?.created ?? 0;
  } finally {
    await db.execute(sql`DROP TABLE IF EXISTS region_stage`);
  }
}

/**
 * Inserts regions; a known (code, year) keeps its row but gains a name it did not have. Returns how
 * many were new. `rows` must name each (code, year) once.
 */
export async function upsertRegions(db: Database, rows: readonly RegionInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const copied = await upsertRegionsByCopy(db, rows);
  if (copied !== null) return copied;
  let created = 0;
  for (const batch of chunks(rows)) {
    const result = (await db.execute(sql`
      WITH written AS (
        INSERT INTO regions (code, year, name, level, parent_code, municipality_code)
        SELECT * FROM unnest(
          ${sql.param(batch.map((r) => r.code))}::text[], ${sql.param(batch.map((r) => r.year))}::int[],
          ${sql.param(batch.map((r) => r.name))}::text[], ${sql.param(batch.map((r) => r.level))}::text[],
          ${sql.param(batch.map((r) => r.parentCode))}::text[], ${sql.param(batch.map((r) => r.municipalityCode))}::text[])
        ${REGION_CONFLICT})
      SELECT count(*) FILTER (WHERE inserted)::int AS created FROM written`)) as unknown as Rows<{
      created: number;
    }>;
    created += result.rows[0]?.created ?? 0;
  }
  return created;
}

export async function listRegions(
  db: Database,
  filter: { year: number; municipalityCode?: string; level?: RegionInput['level']; codes?: string[] },
) {
  const conditions = [eq(regions.year, filter.year)];
  if (filter.municipalityCode) conditions.push(eq(regions.municipalityCode, filter.municipalityCode));
  if (filter.level) conditions.push(eq(regions.level, filter.level));
  if (filter.codes) conditions.push(inArray(regions.code, filter.codes));
  return db
    .select()
    .from(regions)
    .where(and(...conditions))
    .orderBy(asc(regions.code));
}

/** Code, name and level of every region of a year, as parallel arrays (fast to read on PGlite). */
export async function listYearRegions(
  db: Database,
  year: number,
): Promise<{ codes: string[]; names: (string | null)[]; levels: RegionInput['level'][] }> {
  const result = (await db.execute(sql`
    SELECT array_agg(code ORDER BY code) AS codes, array_agg(name ORDER BY code) AS names, array_agg(level ORDER BY code) AS levels
    FROM regions WHERE year = ${year}`)) as unknown as Rows<{
    codes: string[] | null;
    names: (string | null)[] | null;
    levels: RegionInput['level'][] | null;
  }>;
  const row = result.rows[0];
  return { codes: row?.codes ?? [], names: row?.names ?? [], levels: row?.levels ?? [] };
}

/** Regions per year and level. */
export async function countRegionsByYear(db: Database) {
  const result = (await db.execute(sql`
    SELECT year, level, count(*)::int AS n FROM regions GROUP BY year, level ORDER BY year, level`)) as unknown as Rows<{
    year: number;
    level: string;
    n: number;
  }>;
  return result.rows.map((r) => ({ year: Number(r.year), level: r.level, n: Number(r.n) }));
}

export interface IndicatorInput {
  key: string;
  title: string;
  definition: string;
  unit: string;
  domain: string | null;
  direction: 'higher_is_better' | 'higher_is_worse' | 'neutral';
  kind: 'count' | 'percentage' | 'average' | 'code';
  origin: string;
  spec: unknown;
  municipalityId?: string | null;
}

/** Adds indicators that are not in the catalogue yet; existing ones are left as they are. */
export async function insertMissingIndicators(
  db: Database,
  rows: readonly IndicatorInput[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(indicators)
    .values(rows.map((r) => ({ ...r, municipalityId: r.municipalityId ?? null })))
    .onConflictDoNothing({ target: indicators.key })
    .returning({ key: indicators.key });
  return inserted.map((r) => r.key);
}

/**
 * Writes indicators that come from CBS (metadata, curated overlay): new keys are inserted, stored
 * CBS indicators whose description changed are updated; local and file indicators are never touched.
 */
export async function upsertCbsIndicators(
  db: Database,
  rows: readonly IndicatorInput[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const batch of chunks(rows, 500)) {
    const result = await db
      .insert(indicators)
      .values(batch.map((r) => ({ ...r, municipalityId: null })))
      .onConflictDoUpdate({
        target: indicators.key,
        set: {
          title: sql`EXCLUDED.title`,
          definition: sql`EXCLUDED.definition`,
          unit: sql`EXCLUDED.unit`,
          domain: sql`EXCLUDED.domain`,
          direction: sql`EXCLUDED.direction`,
          kind: sql`EXCLUDED.kind`,
          spec: sql`EXCLUDED.spec`,
          origin: sql`EXCLUDED.origin`,
          version: sql`${indicators.version} + 1`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${indicators.origin} IN ('cbs_metadata', 'curated', 'derived') AND ${indicators.spec} IS DISTINCT FROM EXCLUDED.spec`,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const row of result) {
      if (row.inserted) created++;
      else updated++;
    }
  }
  return { created, updated };
}

export async function listIndicatorRows(db: Database) {
  return db
    .select({ indicator: indicators, municipalityCode: organisations.code })
    .from(indicators)
    .leftJoin(organisations, eq(organisations.id, indicators.municipalityId))
    .orderBy(asc(indicators.key));
}

export async function findIndicatorRow(db: Database, key: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.key, key)).limit(1);
  return row;
}

/** Cheap fingerprint of what the analyses read: changes with every import and catalogue edit. */
export async function readAnalysisStamp(db: Database): Promise<string> {
  const result = (await db.execute(sql`
    SELECT (SELECT count(*) FROM data_imports)::int AS imports, (SELECT extract(epoch FROM max(imported_at)) FROM data_imports)::float8 AS imported,
           (SELECT count(*) FROM indicators)::int AS indicators, (SELECT extract(epoch FROM max(updated_at)) FROM indicators)::float8 AS updated,
           (SELECT count(*) FROM region_geometries)::int AS geometries`)) as unknown as Rows<
    Record<string, unknown>
  >;
  const row = result.rows[0] ?? {};
  return [row.imports, row.imported, row.indicators, row.updated, row.geometries].join('/');
}

/** Serialises imports (one at a time, so concurrent uploads of one file cannot both land). */
export async function lockImports(db: Database): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(7336001)`);
}

/** Earlier imports of the same bytes, oldest first. */
export async function listImportsBySha(db: Database, sha256: string) {
  return db
    .select()
    .from(dataImports)
    .where(eq(dataImports.fileSha256, sha256))
    .orderBy(asc(dataImports.importedAt));
}

export async function insertImport(db: Database, values: typeof dataImports.$inferInsert) {
  const [row] = await db.insert(dataImports).values(values).returning();
  return row!;
}

export async function updateImport(
  db: Database,
  id: string,
  values: Pick<typeof dataImports.$inferInsert, 'outcome' | 'report'>,
) {
  await db.update(dataImports).set(values).where(eq(dataImports.id, id));
}

/**
 * The newest imports. `visibleTo` (a municipality's CBS code) leaves out imports with values of
 * other municipalities' own indicators; undefined lists every import (the administrator).
 */
export async function listImports(
  db: Database,
  options: { limit: number; format?: string; visibleTo?: string | null },
) {
  const conditions = [
    options.format ? eq(dataImports.format, options.format) : undefined,
    options.visibleTo !== undefined
      ? sql`${dataImports.localMunicipalityCodes} <@ ${options.visibleTo === null ? sql`'{}'::text[]` : sql`ARRAY[${options.visibleTo}]::text[]`}`
      : undefined,
  ];
  return db
    .select({ import: dataImports, importedByName: users.name })
    .from(dataImports)
    .leftJoin(users, eq(users.id, dataImports.importedBy))
    .where(and(...conditions))
    .orderBy(desc(dataImports.importedAt), desc(dataImports.id))
    .limit(options.limit);
}

/** File, table and format of the given imports (the provenance of their observations). */
export async function listImportSources(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: dataImports.id,
      fileName: dataImports.fileName,
      tableId: dataImports.tableId,
      format: dataImports.format,
      importedAt: dataImports.importedAt,
    })
    .from(dataImports)
    .where(inArray(dataImports.id, [...ids]));
}

/** The latest CBS metadata import: its table is the one whose exact v3 keys the catalogue knows. */
export async function findLatestMetadataImport(db: Database) {
  const [row] = await db
    .select()
    .from(dataImports)
    .where(eq(dataImports.format, 'cbs-metadata'))
    .orderBy(desc(dataImports.importedAt))
    .limit(1);
  return row;
}

/** Years with imported figures, with the number of imports that delivered them. */
export async function listImportYears(db: Database) {
  const result = (await db.execute(sql`
    SELECT year, count(*)::int AS imports FROM data_imports
    WHERE format NOT IN ('cbs-metadata', 'geojson') AND coalesce((report->>'observations')::int, 0) > 0
    GROUP BY year ORDER BY year`)) as unknown as Rows<{ year: number; imports: number }>;
  return result.rows.map((r) => ({ year: Number(r.year), imports: Number(r.imports) }));
}

/** Whether an (indicator, year) has figures for every given region. */
export async function countFigures(
  db: Database,
  filter: { indicatorKey: string; year: number; regionCodes: string[] },
) {
  const result = (await db.execute(sql`
    SELECT count(*)::int AS n FROM observations
    WHERE indicator_key = ${filter.indicatorKey} AND year = ${filter.year} AND region_code = ANY(${sql.param(filter.regionCodes)}::text[])`)) as unknown as Rows<{
    n: number;
  }>;
  return Number(result.rows[0]?.n ?? 0);
}

/** Which of `keys` have figures of `year` that one import wrote (and no later import replaced). */
export async function listImportedIndicatorKeys(
  db: Database,
  filter: { importId: string; year: number; keys: readonly string[] },
): Promise<string[]> {
  if (filter.keys.length === 0) return [];
  const result = (await db.execute(sql`
    SELECT DISTINCT indicator_key AS key FROM observations
    WHERE indicator_key = ANY(${sql.param([...filter.keys])}::text[]) AND year = ${filter.year} AND import_id = ${filter.importId}::uuid`)) as unknown as Rows<{
    key: string;
  }>;
  return result.rows.map((row) => row.key);
}

export async function upsertGeometries(
  db: Database,
  rows: readonly { code: string; year: number; geometry: unknown; source: string }[],
) {
  for (const batch of chunks(rows, 200)) {
    await db
      .insert(regionGeometries)
      .values([...batch])
      .onConflictDoUpdate({
        target: [regionGeometries.code, regionGeometries.year],
        set: { geometry: sql`EXCLUDED.geometry`, source: sql`EXCLUDED.source`, importedAt: sql`now()` },
      });
  }
}

/** Years for which boundaries of codes starting with `codePrefix` exist. */
export async function listGeometryYears(db: Database, codePrefix: string) {
  const rows = await db
    .selectDistinct({ year: regionGeometries.year })
    .from(regionGeometries)
    .where(sql`${regionGeometries.code} LIKE ${`${codePrefix}%`}`)
    .orderBy(asc(regionGeometries.year));
  return rows.map((r) => r.year);
}

export async function listGeometries(db: Database, filter: { year: number; codePrefix: string }) {
  return db
    .select()
    .from(regionGeometries)
    .where(
      and(
        eq(regionGeometries.year, filter.year),
        sql`${regionGeometries.code} LIKE ${`${filter.codePrefix}%`}`,
      ),
    )
    .orderBy(asc(regionGeometries.code));
}

export async function insertInterpretation(db: Database, values: typeof interpretations.$inferInsert) {
  const [row] = await db.insert(interpretations).values(values).returning();
  return row!;
}

export async function listInterpretations(
  db: Database,
  filter: { approachId: string; indicatorKey?: string | undefined; year?: number | undefined },
) {
  const conditions = [eq(interpretations.approachId, filter.approachId)];
  if (filter.indicatorKey) conditions.push(eq(interpretations.indicatorKey, filter.indicatorKey));
  if (filter.year) conditions.push(eq(interpretations.year, filter.year));
  return db
    .select()
    .from(interpretations)
    .where(and(...conditions))
    .orderBy(desc(interpretations.notedOn), desc(interpretations.id));
}
