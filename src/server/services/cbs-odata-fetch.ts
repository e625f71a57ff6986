/**
 * Fetching a CBS table through CBS's open-data APIs (`npx wijkkompas import cbs --table 85984NED`):
 * - OData v3 (https://opendata.cbs.nl/ODataApi/odata/<id>): TableInfos, DataProperties, the codes of
 *   further dimensions and TypedDataSet in pages of $top rows ($skip), also following odata.nextLink;
 * - OData v4 (https://odata4.cbs.nl/CBS/<id>): Dimensions, MeasureCodes, <dimension>Codes and
 *   Observations, following @odata.nextLink.
 * A table with a period dimension is filtered to one year: the requested one, else the latest
 * yearly period ("2024JJ00"). The result is one JSON bundle (core/cbs-import/read-odata-json.ts) that
 * the ordinary import reads, so a fetched table lands whole or not at all like any file.
 * Bounded: per response bytes, in total rows and pages, and a timeout per request; only http(s).
 */
import type { ODataBundle } from '../../core/cbs-import/read-odata-json.ts';
import { ODATA_BUNDLE_FORMAT } from '../../core/cbs-import/read-odata-json.ts';
import { DomainError } from '../../core/errors.ts';

export const CBS_ODATA_V3_URL = 'https://opendata.cbs.nl/ODataApi/odata';
export const CBS_ODATA_V4_URL = 'https://odata4.cbs.nl/CBS';

export interface FetchTableOptions {
  tableId: string;
  api: 'v3' | 'v4';
  /** Base address without the table id; defaults to CBS's own. */
  baseUrl?: string;
  year?: number;
  /** Rows per v3 page ($top); the v3 API gives at most 10 000. */
  pageSize?: number;
  fetch?: typeof fetch;
  limits?: Partial<FetchLimits>;
}

export interface FetchLimits {
  /** Bytes of one response. */
  responseBytes: number;
  rows: number;
  pages: number;
  timeoutMs: number;
}

const DEFAULT_LIMITS: FetchLimits = {
  responseBytes: 128 * 1024 * 1024,
  rows: 2_000_000,
  pages: 2_000,
  timeoutMs: 120_000,
};

export interface FetchedTable {
  fileName: string;
  content: Uint8Array;
  bundle: ODataBundle;
  /** The period filtered on ("2024JJ00"), or null for a table without a period dimension. */
  period: string | null;
  pages: number;
}

type Json = Record<string, unknown>;

const RETRIED_CAUSES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function fail(message: string, path: string = 'table'): never {
  throw new DomainError('import_failed', message, { issues: [{ path: [path], message }] });
}

export function normalizeTableId(tableId: string): string {
  const id = tableId.trim().toUpperCase();
  if (!/^\d{5}(NED|ENG)$/.test(id)) fail(`'${tableId}' is geen CBS-tabelnummer (zoals 85984NED)`);
  return id;
}

/** Reads a response body up to `limit` bytes, then parses it as JSON. */
async function readJson(response: Response, url: string, limit: number): Promise<Json> {
  const reader = response.body?.getReader();
  if (reader === undefined) fail(`${url}: leeg antwoord`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      fail(`${url}: het antwoord is groter dan ${formatBytes(limit)}`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('geen object');
    return parsed as Json;
  } catch (error) {
    fail(`${url}: geen geldige JSON (${(error as Error).message})`);
  }
}

function createGetter(options: FetchTableOptions, limits: FetchLimits) {
  const doFetch = options.fetch ?? fetch;
  return async (url: string): Promise<Json> => {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail(`${url}: alleen http(s)`);
    let response: Response | undefined;
    // A GET is safe to repeat: a dropped connection (a reused keep-alive socket the server just
    // closed, ECONNRESET) gets two more tries; a timeout does not.
    for (let attempt = 1; response === undefined; attempt++) {
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(limits.timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        if (attempt < 3 && RETRIED_CAUSES.has(cause)) continue;
        fail(`${url}: CBS is niet bereikbaar (${cause})`);
      }
    }
    if (response.status === 404) fail(`${url}: tabel of onderdeel niet gevonden bij CBS (404)`);
    if (!response.ok) fail(`${url}: CBS antwoordde met ${response.status}`);
    return readJson(response, url, limits.responseBytes);
  };
}

function valuesOf(document: Json, url: string): Json[] {
  const value = document.value;
  if (!Array.isArray(value)) fail(`${url}: geen "value" in het antwoord`);
  return value.filter((row): row is Json => typeof row === 'object' && row !== null && !Array.isArray(row));
}

function withQuery(url: string, query: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(query)) parsed.searchParams.set(name, value);
  return parsed.toString();
}

/** The period key to filter on: the requested year's, else the latest yearly one. */
export function choosePeriod(keys: readonly string[], year: number | undefined, tableId: string): string {
  const yearly = keys.map((key) => key.trim()).filter((key) => /^\d{4}JJ00$/.test(key));
  if (year !== undefined) {
    const wanted = `${year}JJ00`;
    if (!yearly.includes(wanted)) {
      fail(
        `tabel ${tableId} heeft geen cijfers over ${year} (wel: ${yearly.map((k) => k.slice(0, 4)).join(', ') || 'geen jaren'})`,
        'year',
      );
    }
    return wanted;
  }
  const latest = [...yearly].sort().pop();
  if (latest === undefined)
    fail(`tabel ${tableId} heeft geen jaarcijfers (perioden ${keys.slice(0, 5).join(', ')} ...)`);
  return latest;
}

async function fetchV3(options: FetchTableOptions, tableId: string, limits: FetchLimits) {
  const get = createGetter(options, limits);
  const base = `${(options.baseUrl ?? CBS_ODATA_V3_URL).replace(/\/+$/, '')}/${tableId}`;
  const json = { $format: 'json' };
  const properties = valuesOf(await get(withQuery(`${base}/DataProperties`, json)), `${base}/DataProperties`);
  const topics: ODataBundle['topics'] = {};
  const dimensionLabels: Record<string, string> = {};
  let periodDimension: string | null = null;
  for (const property of properties) {
    const key = String(property.Key ?? '');
    if (property.Type === 'Topic' && key !== '') {
      topics[key] = { title: String(property.Title ?? key), unit: String(property.Unit ?? '') };
    } else if (property.Type === 'TimeDimension') {
      periodDimension = key;
    } else if (property.Type === 'Dimension' && key !== '') {
      const url = withQuery(`${base}/${key}`, json);
      for (const code of valuesOf(await get(url), url)) {
        dimensionLabels[String(code.Key ?? '').trim()] = String(code.Title ?? '');
      }
    }
  }
  let period: string | null = null;
  const query: Record<string, string> = { ...json };
  if (periodDimension !== null) {
    const url = withQuery(`${base}/${periodDimension}`, json);
    period = choosePeriod(
      valuesOf(await get(url), url).map((row) => String(row.Key ?? '')),
      options.year,
      tableId,
    );
    query.$filter = `${periodDimension} eq '${period}'`;
  }
  const pageSize = options.pageSize ?? 10_000;
  const rows: Json[] = [];
  const first = withQuery(`${base}/TypedDataSet`, { ...query, $top: String(pageSize) });
  let pages = 0;
  let next: string | null = first;
  while (next !== null) {
    if (++pages > limits.pages) fail(`tabel ${tableId}: meer dan ${limits.pages} pagina's`);
    const document = await get(next);
    const page = valuesOf(document, next);
    rows.push(...page);
    if (rows.length > limits.rows) fail(`tabel ${tableId}: meer dan ${limits.rows} rijen`);
    const link = document['odata.nextLink'];
    next =
      typeof link === 'string'
        ? new URL(link, next).toString()
        : page.length === pageSize
          ? withQuery(`${base}/TypedDataSet`, {
              ...query,
              $top: String(pageSize),
              $skip: String(rows.length),
            })
          : null;
  }
  return { rows, topics, dimensionLabels, period, pages, source: first };
}

async function fetchV4(options: FetchTableOptions, tableId: string, limits: FetchLimits) {
  const get = createGetter(options, limits);
  const base = `${(options.baseUrl ?? CBS_ODATA_V4_URL).replace(/\/+$/, '')}/${tableId}`;
  const topics: ODataBundle['topics'] = {};
  for (const measure of valuesOf(await get(`${base}/MeasureCodes`), `${base}/MeasureCodes`)) {
    const id = String(measure.Identifier ?? '');
    if (id !== '') topics[id] = { title: String(measure.Title ?? id), unit: String(measure.Unit ?? '') };
  }
  const dimensionLabels: Record<string, string> = {};
  let period: string | null = null;
  const query: Record<string, string> = {};
  for (const dimension of valuesOf(await get(`${base}/Dimensions`), `${base}/Dimensions`)) {
    const id = String(dimension.Identifier ?? '');
    const kind = String(dimension.Kind ?? '');
    if (id === '' || kind === 'GeoDimension') continue;
    const url = `${base}/${id}Codes`;
    const codes = valuesOf(await get(url), url);
    if (kind === 'TimeDimension') {
      period = choosePeriod(
        codes.map((code) => String(code.Identifier ?? '')),
        options.year,
        tableId,
      );
      query.$filter = `${id} eq '${period}'`;
    } else {
      for (const code of codes)
        dimensionLabels[String(code.Identifier ?? '').trim()] = String(code.Title ?? '');
    }
  }
  const rows: Json[] = [];
  const first = withQuery(`${base}/Observations`, query);
  let pages = 0;
  let next: string | null = first;
  while (next !== null) {
    if (++pages > limits.pages) fail(`tabel ${tableId}: meer dan ${limits.pages} pagina's`);
    const document = await get(next);
    rows.push(...valuesOf(document, next));
    if (rows.length > limits.rows) fail(`tabel ${tableId}: meer dan ${limits.rows} rijen`);
    const link = document['@odata.nextLink'];
    next = typeof link === 'string' ? new URL(link, next).toString() : null;
  }
  return { rows, topics, dimensionLabels, period, pages, source: first };
}

/** Fetches one table (one year of it) and returns it as an importable JSON bundle. */
export async function fetchCbsTable(options: FetchTableOptions): Promise<FetchedTable> {
  const tableId = normalizeTableId(options.tableId);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fetched =
    options.api === 'v4' ? await fetchV4(options, tableId, limits) : await fetchV3(options, tableId, limits);
  if (fetched.rows.length === 0) fail(`tabel ${tableId}: CBS gaf geen rijen`);
  // "format" and "api" first: format detection reads only the beginning of a file.
  const bundle: ODataBundle = {
    format: ODATA_BUNDLE_FORMAT,
    api: options.api,
    tableId,
    source: fetched.source,
    topics: fetched.topics,
    dimensionLabels: fetched.dimensionLabels,
    rows: fetched.rows,
  };
  const year = fetched.period === null ? '' : `-${fetched.period.slice(0, 4)}`;
  return {
    fileName: `${tableId}-odata-${options.api}${year}.json`,
    content: new TextEncoder().encode(JSON.stringify(bundle)),
    bundle,
    period: fetched.period,
    pages: fetched.pages,
  };
}
