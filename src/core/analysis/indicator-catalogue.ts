/**
 * The indicator catalogue: CBS metadata (DataProperties/TableInfos of an OData v3 table, parsed by
 * the caller) merged with the curated overlay, indexed by every name an indicator carries in the
 * CBS formats. Building it is pure; reading the JSON files is the caller's job.
 */
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { Indicator, IndicatorAliases } from './indicator.ts';
import { INDICATOR_OVERLAY } from './indicator-overlay.ts';
import type { OverlayEntry } from './indicator-overlay-entry.ts';
import { REGION_ATTRIBUTE_COLUMNS } from './indicator-overlay.ts';
import { inferIndicator } from './infer-indicator.ts';
import { deriveIndicatorKey, getV3Stem, normalizeTitle } from './indicator-key.ts';

export { deriveIndicatorKey, getV3Stem, normalizeTitle };

export interface IndicatorCatalogue {
  readonly indicators: readonly Indicator[];
  /** The table the metadata came from, e.g. { tableId: '85984NED', year: 2024 }. */
  readonly metadataTable: { tableId: string; year: number | null; title: string } | null;
  /** Exact v3 keys of the metadata table (AantalInwoners_5) -> indicator key. */
  readonly v3Keys: ReadonlyMap<string, string>;
  get(key: string): Indicator | undefined;
  findByKwbColumn(column: string): Indicator | undefined;
  findByV4Measure(measure: string): Indicator | undefined;
  /** All indicators using a v3 stem, in CBS table order (several for Nederland, Appartement ...). */
  findByV3Stem(stem: string): readonly Indicator[];
  /** Exact v3 key of the metadata table (AantalInwoners_5) -> indicator. */
  findByV3Key(key: string): Indicator | undefined;
  findByStatlinePath(path: string): Indicator | undefined;
  findByTitle(title: string): readonly Indicator[];
}

const dataPropertySchema = z.object({
  ID: z.number(),
  ParentID: z.number().nullable().optional(),
  Type: z.string(),
  Key: z.string().nullable().optional(),
  Title: z.string().nullable().optional(),
  Description: z.string().nullable().optional(),
  Unit: z.string().nullable().optional(),
});
const dataPropertiesSchema = z.array(dataPropertySchema);
const tableInfosSchema = z
  .array(z.object({ Identifier: z.string(), Title: z.string().optional(), Period: z.string().optional() }))
  .min(1);

type DataProperty = z.infer<typeof dataPropertySchema>;

/** Top-level TopicGroups of the KWB tables -> domain, for metadata topics the overlay does not know. */
const TOP_GROUP_DOMAINS: Record<string, Indicator['domain']> = {
  bevolking: 'demography',
  'wonen en vastgoed': 'housing',
  wonen: 'housing',
  energie: 'housing',
  onderwijs: 'education',
  opleidingsniveau: 'education',
  arbeid: 'work_income',
  inkomen: 'work_income',
  'sociale zekerheid': 'work_income',
  zorg: 'care_welfare',
  'bedrijfsvestigingen, sbi 2008': 'work_income',
  motorvoertuigen: 'physical_environment',
  'nabijheid voorzieningen': 'amenities',
  oppervlakte: 'physical_environment',
  postcode: 'physical_environment',
  stedelijkheid: 'physical_environment',
};

function toIndicator(entry: OverlayEntry): Indicator {
  const aliases: IndicatorAliases = {
    kwbColumns: entry.derivation ? [...(entry.kwb ?? [])] : [entry.key, ...(entry.kwb ?? [])],
    v3Stems: [...(entry.v3 ?? [])],
    v4Measures: [...(entry.v4 ?? [])],
    statlinePaths: [...(entry.statline ?? [])],
  };
  if (entry.v3Group !== undefined) aliases.v3Group = entry.v3Group;
  const indicator: Indicator = {
    key: entry.key,
    title: entry.title,
    definition: entry.definition ?? '',
    unit: entry.unit,
    domain: entry.domain,
    direction: entry.direction,
    kind: entry.kind,
    base: entry.base ?? null,
    aliases,
    origin: entry.derivation ? 'derived' : 'curated',
  };
  if (entry.notAggregatableReason !== undefined)
    indicator.notAggregatableReason = entry.notAggregatableReason;
  if (entry.rounding !== undefined) indicator.rounding = entry.rounding;
  if (entry.derivation !== undefined) indicator.derivation = entry.derivation;
  if (entry.source !== undefined) indicator.source = entry.source;
  return indicator;
}

/** Indexes a list of indicators; keys must be unique. */
export function createIndicatorCatalogue(
  indicators: readonly Indicator[],
  options: { metadataTable?: IndicatorCatalogue['metadataTable']; v3Keys?: ReadonlyMap<string, string> } = {},
): IndicatorCatalogue {
  const byKey = new Map<string, Indicator>();
  const byKwb = new Map<string, Indicator>();
  const byV4 = new Map<string, Indicator>();
  const byStem = new Map<string, Indicator[]>();
  const byPath = new Map<string, Indicator>();
  const byTitle = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    if (byKey.has(indicator.key)) {
      throw new DomainError('invalid_input', `Indicator ${indicator.key} staat twee keer in de catalogus.`, {
        issues: [{ path: ['indicators', indicator.key], message: 'dubbele sleutel' }],
      });
    }
    byKey.set(indicator.key, indicator);
    for (const column of indicator.aliases.kwbColumns) byKwb.set(column.toLowerCase(), indicator);
    for (const measure of indicator.aliases.v4Measures) byV4.set(measure, indicator);
    for (const stem of indicator.aliases.v3Stems) {
      const list = byStem.get(stem) ?? [];
      list.push(indicator);
      byStem.set(stem, list);
    }
    for (const path of indicator.aliases.statlinePaths) byPath.set(normalizeTitle(path), indicator);
    const titleKey = normalizeTitle(indicator.title);
    byTitle.set(titleKey, [...(byTitle.get(titleKey) ?? []), indicator]);
  }
  const v3Keys = options.v3Keys ?? new Map<string, string>();
  return {
    indicators: [...indicators],
    metadataTable: options.metadataTable ?? null,
    v3Keys,
    get: (key) => byKey.get(key),
    findByKwbColumn: (column) => byKwb.get(column.trim().toLowerCase()),
    findByV4Measure: (measure) => byV4.get(measure.trim()),
    findByV3Stem: (stem) => byStem.get(stem) ?? [],
    findByV3Key: (key) => {
      const indicatorKey = v3Keys.get(key.trim());
      return indicatorKey === undefined ? undefined : byKey.get(indicatorKey);
    },
    findByStatlinePath: (path) => byPath.get(normalizeTitle(path)),
    findByTitle: (title) => byTitle.get(normalizeTitle(title)) ?? [],
  };
}

/** Adds indicators (new ones found in a file, local ones) and returns a new catalogue. */
export function addIndicators(
  catalogue: IndicatorCatalogue,
  extra: readonly Indicator[],
): IndicatorCatalogue {
  return createIndicatorCatalogue([...catalogue.indicators, ...extra], {
    metadataTable: catalogue.metadataTable,
    v3Keys: catalogue.v3Keys,
  });
}

function parseMetadata(dataProperties: unknown, fileName: string): DataProperty[] {
  const parsed = dataPropertiesSchema.safeParse(dataProperties);
  if (!parsed.success) {
    throw new DomainError('import_failed', `${fileName}: geen geldige CBS DataProperties.`, {
      issues: parsed.error.issues.map((issue) => ({
        path: [fileName, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: issue.message,
      })),
    });
  }
  return parsed.data;
}

/** Titles of the TopicGroups above a property, outermost first, lower case. */
function getGroupPath(property: DataProperty, byId: Map<number, DataProperty>): string[] {
  const path: string[] = [];
  let parentId = property.ParentID ?? null;
  while (parentId !== null) {
    const parent = byId.get(parentId);
    if (parent === undefined) break;
    path.unshift(normalizeTitle(parent.Title ?? ''));
    parentId = parent.ParentID ?? null;
  }
  return path;
}

function pickOverlayEntry(
  stem: string,
  groupPath: string[],
  entries: readonly OverlayEntry[],
): OverlayEntry | null {
  const candidates = entries.filter((entry) => entry.v3?.includes(stem));
  if (candidates.length <= 1) return candidates[0] ?? null;
  const inGroup = candidates.filter(
    (entry) => entry.v3Group !== undefined && groupPath.some((title) => title.includes(entry.v3Group ?? '')),
  );
  return inGroup.length === 1 ? (inGroup[0] ?? null) : null;
}

export interface BuildCatalogueOptions {
  /** Parsed DataProperties_<table>.json (OData v3 metadata). Optional: without it only the overlay seeds. */
  dataProperties?: unknown;
  /** Parsed TableInfos_<table>.json, for the table id and year. */
  tableInfos?: unknown;
  overlay?: readonly OverlayEntry[];
  /** Indicators a municipality adds itself (origin 'local'). */
  localIndicators?: readonly Indicator[];
}

/**
 * Seeds the catalogue: every Topic of the metadata becomes an indicator (its key, title, definition
 * and unit from CBS, the rest from the overlay); overlay entries the metadata lacks (older kwb
 * columns, derived rates, 47018NED crime) are added as they are.
 */
export function buildIndicatorCatalogue(options: BuildCatalogueOptions = {}): IndicatorCatalogue {
  const overlay = options.overlay ?? INDICATOR_OVERLAY;
  const fromOverlay = new Map(overlay.map((entry) => [entry.key, toIndicator(entry)]));
  const metadataIndicators: Indicator[] = [];
  const v3Keys = new Map<string, string>();
  let metadataTable: IndicatorCatalogue['metadataTable'] = null;

  if (options.tableInfos !== undefined) {
    const parsed = tableInfosSchema.safeParse(options.tableInfos);
    if (!parsed.success) {
      throw new DomainError('import_failed', 'TableInfos: geen geldige CBS TableInfos.', {
        issues: [{ path: ['TableInfos'], message: parsed.error.issues[0]?.message ?? 'ongeldig' }],
      });
    }
    const info = parsed.data[0];
    if (info !== undefined) {
      const year = /^\d{4}$/.test(info.Period ?? '') ? Number(info.Period) : null;
      metadataTable = { tableId: info.Identifier, year, title: info.Title ?? '' };
    }
  }

  if (options.dataProperties !== undefined) {
    const properties = parseMetadata(options.dataProperties, 'DataProperties');
    const byId = new Map(properties.map((p) => [p.ID, p]));
    const attributeStems: readonly string[] = REGION_ATTRIBUTE_COLUMNS.v3Stems;
    for (const property of properties) {
      if (property.Type !== 'Topic' || !property.Key) continue;
      const stem = getV3Stem(property.Key);
      if (attributeStems.includes(stem)) continue;
      const groupPath = getGroupPath(property, byId);
      const entry = pickOverlayEntry(stem, groupPath, overlay);
      const metadata = {
        definition: (property.Description ?? '').replace(/\r\n/g, '\n').trim(),
        unit: (property.Unit ?? '').trim(),
        source: { ...(metadataTable ? { tableId: metadataTable.tableId } : {}), key: property.Key.trim() },
      };
      let indicator: Indicator;
      if (entry !== null) {
        const curated = fromOverlay.get(entry.key);
        if (curated === undefined) continue;
        fromOverlay.delete(entry.key);
        indicator = {
          ...curated,
          definition: metadata.definition || curated.definition,
          unit: metadata.unit || curated.unit,
          origin: 'cbs_metadata',
          source: metadata.source,
        };
      } else {
        indicator = inferIndicator({
          key: deriveIndicatorKey(stem),
          title: (property.Title ?? stem).trim(),
          unit: metadata.unit,
          groupPath,
          origin: 'cbs_metadata',
          definition: metadata.definition,
        });
        indicator.domain = indicator.domain ?? TOP_GROUP_DOMAINS[groupPath[0] ?? ''] ?? null;
        indicator.aliases.v3Stems = [stem];
        indicator.source = metadata.source;
      }
      v3Keys.set(property.Key.trim(), indicator.key);
      metadataIndicators.push(indicator);
    }
  }

  const all = [...metadataIndicators, ...fromOverlay.values(), ...(options.localIndicators ?? [])];
  return createIndicatorCatalogue(all, { metadataTable, v3Keys });
}
