/**
 * Regions, indicators, observations and imports. Bulk loads use one
 * `INSERT ... SELECT * FROM unnest($1::text[], ...)` per batch (about 3x faster than row inserts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { dataImports, indicators, interpretations, observations, regionGeometries, regions, users } from './schema/index.ts';

const BATCH = 20_000;

export interface RegionInput {
  code: string;
  year: number;
  name: string | null;
  level: 'NL' | 'GM' | 'WK' | 'BU';
  parentCode: string | null;
  municipalityCode: string | null;
}

export interface ObservationInput {
  regionCode: string;
  year: number;
  indicatorKey: string;
  value: number | null;
  status: 'ok' | 'missing' | 'secret';
  sourceRow: number | null;
  sourceColumn: string;
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts regions; a known (code, year) keeps its row but gains a name it did not have. */
export async function upsertRegions(db: Database, rows: readonly RegionInput[]): Promise<number> {
  let created = 0;
  for (const batch of chunks(rows)) {
    const result = await db.execute(sql`
      INSERT INTO regions (code, year, name, level, parent_code, municipality_code)
      SELECT * FROM unnest(
        ${sql.param(batch.map((r) => r.code))}::text[], ${sql.param(batch.map((r) => r.year))}::int[],
        ${sql.param(batch.map((r) => r.name))}::text[], ${sql.param(batch.map((r) => r.level))}::text[],
        ${sql.param(batch.map((r) => r.parentCode))}::text[], ${sql.param(batch.map((r) => r.municipalityCode))}::text[])
      ON CONFLICT (code, year) DO UPDATE SET name = COALESCE(regions.name, EXCLUDED.name)
        WHERE regions.name IS NULL AND EXCLUDED.name IS NOT NULL
      RETURNING (xmax = 0) AS inserted`);
    created += (result as unknown as { rows: { inserted: boolean }[] }).rows.filter((r) => r.inserted).length;
  }
  return created;
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
export async function insertMissingIndicators(db: Database, rows: readonly IndicatorInput[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(indicators)
    .values(rows.map((r) => ({ ...r, municipalityId: r.municipalityId ?? null })))
    .onConflictDoNothing({ target: indicators.key })
    .returning({ key: indicators.key });
  return inserted.map((r) => r.key);
}

export async function listIndicators(db: Database) {
  return db.select().from(indicators).orderBy(asc(indicators.key));
}

export async function findImportBySha(db: Database, sha256: string) {
  const [row] = await db.select().from(dataImports).where(eq(dataImports.fileSha256, sha256)).limit(1);
  return row;
}

export async function insertImport(db: Database, values: typeof dataImports.$inferInsert) {
  const [row] = await db.insert(dataImports).values(values).returning();
  return row!;
}

export async function updateImportOutcome(db: Database, id: string, values: Pick<typeof dataImports.$inferInsert, 'outcome' | 'report'>) {
  await db.update(dataImports).set(values).where(eq(dataImports.id, id));
}

export async function listImports(db: Database, limit = 100) {
  return db
    .select({ import: dataImports, importedByName: users.name })
    .from(dataImports)
    .leftJoin(users, eq(users.id, dataImports.importedBy))
    .orderBy(sql`${dataImports.importedAt} DESC`)
    .limit(limit);
}

export interface ReplacedValue {
  regionCode: string;
  indicatorKey: string;
  year: number;
  before: number | null;
  beforeStatus: string;
  after: number | null;
  afterStatus: string;
}

/**
 * Writes observations: new ones are inserted; existing ones whose value or status differs are
 * replaced (and returned, for the audit log); identical ones are left alone, so re-importing the
 * same figures changes nothing.
 */
export async function upsertObservations(db: Database, importId: string, rows: readonly ObservationInput[]) {
  let inserted = 0;
  const replaced: ReplacedValue[] = [];
  for (const batch of chunks(rows)) {
    const result = await db.execute(sql`
      WITH incoming AS (
        SELECT * FROM unnest(
          ${sql.param(batch.map((r) => r.regionCode))}::text[], ${sql.param(batch.map((r) => r.year))}::int[],
          ${sql.param(batch.map((r) => r.indicatorKey))}::text[], ${sql.param(batch.map((r) => r.value))}::float8[],
          ${sql.param(batch.map((r) => r.status))}::text[], ${sql.param(batch.map((r) => r.sourceRow))}::int[],
          ${sql.param(batch.map((r) => r.sourceColumn))}::text[])
          AS t(region_code, year, indicator_key, value, status, source_row, source_column)
      ), previous AS (
        SELECT o.region_code, o.year, o.indicator_key, o.value, o.status
        FROM observations o JOIN incoming i USING (indicator_key, year, region_code)
      ), written AS (
        INSERT INTO observations (region_code, year, indicator_key, value, status, import_id, source_row, source_column)
        SELECT region_code, year, indicator_key, value, status, ${importId}::uuid, source_row, source_column FROM incoming
        ON CONFLICT (indicator_key, year, region_code) DO UPDATE SET
          value = EXCLUDED.value, status = EXCLUDED.status, import_id = EXCLUDED.import_id,
          source_row = EXCLUDED.source_row, source_column = EXCLUDED.source_column
        WHERE observations.value IS DISTINCT FROM EXCLUDED.value OR observations.status IS DISTINCT FROM EXCLUDED.status
        RETURNING region_code, year, indicator_key, value, status, (xmax = 0) AS inserted
      )
      SELECT w.region_code, w.year, w.indicator_key, w.value, w.status, w.inserted,
             p.value AS before_value, p.status AS before_status
      FROM written w LEFT JOIN previous p USING (indicator_key, year, region_code)`);
    for (const r of (result as unknown as { rows: Record<string, unknown>[] }).rows) {
      if (r.inserted) inserted++;
      else
        replaced.push({
          regionCode: r.region_code as string,
          indicatorKey: r.indicator_key as string,
          year: Number(r.year),
          before: r.before_value as number | null,
          beforeStatus: r.before_status as string,
          after: r.value as number | null,
          afterStatus: r.status as string,
        });
    }
  }
  return { inserted, replaced };
}

/** All observations of some indicators in one year, for one level (e.g. every buurt of the country). */
export async function listObservations(
  db: Database,
  filter: { year: number; indicatorKeys?: string[]; regionCodes?: string[]; level?: 'NL' | 'GM' | 'WK' | 'BU'; municipalityCode?: string },
) {
  const conditions = [eq(observations.year, filter.year)];
  if (filter.indicatorKeys) conditions.push(inArray(observations.indicatorKey, filter.indicatorKeys));
  if (filter.regionCodes) conditions.push(inArray(observations.regionCode, filter.regionCodes));
  if (filter.level) conditions.push(eq(regions.level, filter.level));
  if (filter.municipalityCode) conditions.push(eq(regions.municipalityCode, filter.municipalityCode));
  return db
    .select({
      regionCode: observations.regionCode,
      year: observations.year,
      indicatorKey: observations.indicatorKey,
      value: observations.value,
      status: observations.status,
      importId: observations.importId,
      sourceRow: observations.sourceRow,
      sourceColumn: observations.sourceColumn,
    })
    .from(observations)
    .innerJoin(regions, and(eq(regions.code, observations.regionCode), eq(regions.year, observations.year)))
    .where(and(...conditions));
}

export async function listRegions(db: Database, filter: { year: number; municipalityCode?: string; level?: 'NL' | 'GM' | 'WK' | 'BU' }) {
  const conditions = [eq(regions.year, filter.year)];
  if (filter.municipalityCode) conditions.push(eq(regions.municipalityCode, filter.municipalityCode));
  if (filter.level) conditions.push(eq(regions.level, filter.level));
  return db.select().from(regions).where(and(...conditions)).orderBy(asc(regions.code));
}

export async function listObservationYears(db: Database) {
  const rows = await db.selectDistinct({ year: observations.year }).from(observations).orderBy(asc(observations.year));
  return rows.map((r) => r.year);
}

export async function upsertGeometries(db: Database, rows: { code: string; year: number; geometry: unknown; source: string }[]) {
  for (const batch of chunks(rows, 500)) {
    await db
      .insert(regionGeometries)
      .values(batch)
      .onConflictDoUpdate({ target: [regionGeometries.code, regionGeometries.year], set: { geometry: sql`EXCLUDED.geometry`, source: sql`EXCLUDED.source`, importedAt: sql`now()` } });
  }
}

export async function listGeometries(db: Database, filter: { year: number; codePrefix: string }) {
  return db
    .select()
    .from(regionGeometries)
    .where(and(eq(regionGeometries.year, filter.year), sql`${regionGeometries.code} LIKE ${`${filter.codePrefix}%`}`));
}

export async function insertInterpretation(db: Database, values: typeof interpretations.$inferInsert) {
  const [row] = await db.insert(interpretations).values(values).returning();
  return row!;
}

export async function listInterpretations(db: Database, filter: { approachId: string; indicatorKey?: string }) {
  const conditions = [eq(interpretations.approachId, filter.approachId)];
  if (filter.indicatorKey) conditions.push(eq(interpretations.indicatorKey, filter.indicatorKey));
  return db.select().from(interpretations).where(and(...conditions)).orderBy(sql`${interpretations.notedOn} DESC`, sql`${interpretations.id} DESC`);
}
