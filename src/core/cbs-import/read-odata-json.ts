/**
 * CBS tables as JSON from the OData APIs:
 * - a bare OData v3 response ({"odata.metadata": ".../85984NED/$metadata#Cbs.OData.TypedDataSet",
 *   "value": [...]}) or OData v4 Observations ({"@odata.context": ".../85984NED/$metadata#Observations",
 *   "value": [...]}), as saved from the API by hand;
 * - the bundle `import cbs --table` assembles from the API (cbs-odata-fetch.ts): the rows of every page
 *   with the table's metadata, so new variables get CBS's titles and units and dimension keys their titles.
 * The rows go through the same readers as the CSV exports (header first, cells as text).
 */
import { failImport } from './import-issues.ts';
import { readODataV3Records } from './read-odata-v3-typed.ts';
import { readODataV4Records } from './read-odata-v4-observations.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';

/** The format of the bundle `import cbs --table` writes. */
export const ODATA_BUNDLE_FORMAT = 'wijkkompas-cbs-odata/1';

export interface ODataBundle {
  format: typeof ODATA_BUNDLE_FORMAT;
  api: 'v3' | 'v4';
  tableId: string;
  /** Where the rows came from (the first page's address). */
  source: string;
  /** v3: key -> { title, unit } from DataProperties; v4: measure code -> { title, unit } from MeasureCodes. */
  topics: Record<string, { title: string; unit: string }>;
  /** Keys of further dimensions -> their titles ("0.0.0" -> "Totaal misdrijven"). */
  dimensionLabels: Record<string, string>;
  rows: Record<string, unknown>[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON cell as the text a CSV export would hold: numbers as written, null as empty (missing). */
function toCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return JSON.stringify(value);
}

/** Rows of objects as a header (the union of their keys, in first-seen order) and records of text. */
export function toRecords(rows: readonly unknown[], fileName: string): string[][] {
  const header: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!isObject(row)) failImport(fileName, { row: index + 2, reason: 'een rij is geen JSON-object' });
    for (const key of Object.keys(row)) {
      if (key.startsWith('odata.') || key.startsWith('@odata') || seen.has(key)) continue;
      seen.add(key);
      header.push(key);
    }
  });
  return [header, ...rows.map((row) => header.map((key) => toCellText((row as Json)[key])))];
}

/** The table id in an OData address: ".../odata/85984NED/..." or ".../CBS/85984NED/$metadata#...". */
export function findTableIdInUrl(url: string): string | undefined {
  return /\/(\d{5}(?:NED|ENG))(?:\/|$)/i.exec(url)?.[1]?.toUpperCase();
}

/** Whether a JSON document is one of the layouts this reader takes (for format detection). */
export function detectODataJson(document: unknown): 'odata-v3-json' | 'odata-v4-json' | null {
  if (!isObject(document)) return null;
  if (document.format === ODATA_BUNDLE_FORMAT)
    return document.api === 'v4' ? 'odata-v4-json' : 'odata-v3-json';
  if (!Array.isArray(document.value)) return null;
  if (typeof document['odata.metadata'] === 'string') return 'odata-v3-json';
  if (typeof document['@odata.context'] === 'string') return 'odata-v4-json';
  return null;
}

export function readODataJson(document: unknown, options: ReadOptions): ReadResult {
  const { fileName } = options;
  const kind = detectODataJson(document);
  if (kind === null || !isObject(document)) {
    failImport(fileName, {
      reason: 'geen OData-antwoord van CBS (verwacht "value" met "odata.metadata" of "@odata.context")',
    });
  }
  const isBundle = document.format === ODATA_BUNDLE_FORMAT;
  const rows = isBundle ? document.rows : document.value;
  if (!Array.isArray(rows) || rows.length === 0)
    failImport(fileName, { reason: 'het antwoord bevat geen rijen' });
  const url = String(isBundle ? document.source : (document['odata.metadata'] ?? document['@odata.context']));
  const tableId =
    options.tableId ??
    (isBundle && typeof document.tableId === 'string' ? document.tableId : findTableIdInUrl(url));
  const topics =
    isBundle && isObject(document.topics) ? (document.topics as ODataBundle['topics']) : undefined;
  const labels =
    isBundle && isObject(document.dimensionLabels)
      ? (document.dimensionLabels as Record<string, string>)
      : undefined;
  const shared = {
    ...options,
    ...(tableId !== undefined ? { tableId } : {}),
    ...(labels !== undefined ? { dimensionLabels: labels } : {}),
  };
  const records = toRecords(rows, fileName);
  if (kind === 'odata-v4-json') {
    return readODataV4Records(records, {
      ...shared,
      format: 'odata-v4-json',
      ...(topics !== undefined ? { measureTitles: topics } : {}),
    });
  }
  return readODataV3Records(records, {
    ...shared,
    format: 'odata-v3-json',
    ...(topics !== undefined ? { topicTitles: topics } : {}),
  });
}
