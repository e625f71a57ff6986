/**
 * Neighbourhood analysis: regions per year, the indicator catalogue, yearly observations with their
 * provenance (import and source row), imports with their reports, boundaries, interpretations.
 * A region code is always stored with its year: CBS codes change between years.
 */
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  bigserial,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, users } from './accounts.ts';
import { approaches } from './approaches.ts';

export const regions = pgTable(
  'regions',
  {
    code: text('code').notNull(),
    year: integer('year').notNull(),
    name: text('name'),
    level: text('level', { enum: ['NL', 'GM', 'WK', 'BU'] }).notNull(),
    /** Derived from the code: BU03440301 -> WK034403 -> GM0344 -> NL00. */
    parentCode: text('parent_code'),
    municipalityCode: text('municipality_code'),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.year] }),
    index('regions_year_level_idx').on(t.year, t.level, t.municipalityCode),
  ],
);

export const indicators = pgTable('indicators', {
  key: text('key').primaryKey(),
  title: text('title').notNull(),
  definition: text('definition').notNull().default(''),
  unit: text('unit').notNull().default(''),
  domain: text('domain'),
  direction: text('direction', { enum: ['higher_is_better', 'higher_is_worse', 'neutral'] }).notNull(),
  kind: text('kind', { enum: ['count', 'percentage', 'average', 'code'] }).notNull(),
  /** The full catalogue entry (base, aliases, derivation, source ...), as the core defines it. */
  spec: jsonb('spec').notNull(),
  origin: text('origin').notNull(),
  /** Local indicators belong to one municipality; CBS ones to everyone (null). */
  municipalityId: uuid('municipality_id').references(() => organisations.id),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dataImports = pgTable(
  'data_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').notNull(),
    tableId: text('table_id'),
    year: integer('year').notNull(),
    report: jsonb('report').notNull(),
    /** unchanged = the same figures were already there (re-import). */
    outcome: text('outcome', { enum: ['created', 'replaced', 'unchanged'] }).notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The municipalities (CBS codes) whose own indicators this file wrote values for; empty for
     * CBS data. Only those municipalities (and the administrator) see the import in the history.
     */
    localMunicipalityCodes: text('local_municipality_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index('data_imports_sha_idx').on(t.fileSha256)],
);

export const observations = pgTable(
  'observations',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    value: doublePrecision('value'),
    status: text('status', { enum: ['ok', 'missing', 'secret'] }).notNull(),
    importId: uuid('import_id').notNull(),
    sourceRow: integer('source_row'),
    sourceColumn: text('source_column').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorKey, t.year, t.regionCode] }),
    index('observations_region_idx').on(t.regionCode, t.year),
  ],
);

export const regionGeometries = pgTable(
  'region_geometries',
  {
    code: text('code').notNull(),
    year: integer('year').notNull(),
    /** GeoJSON geometry in WGS84 (lon/lat); RD New input is converted on import. */
    geometry: jsonb('geometry').notNull(),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.code, t.year] })],
);

/** Warm interpretation (warme duiding): a note on a figure for an area and year. */
export const interpretations = pgTable(
  'interpretations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    approachId: uuid('approach_id')
      .notNull()
      .references(() => approaches.id, { onDelete: 'cascade' }),
    regionCodes: text('region_codes').array().notNull(),
    year: integer('year').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    text: text('text').notNull(),
    authorName: text('author_name').notNull(),
    organisationName: text('organisation_name').notNull(),
    notedOn: date('noted_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('interpretations_approach_idx').on(t.approachId, t.indicatorKey)],
);
