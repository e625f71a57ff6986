/**
 * A small, fast reader for the cells of an .xlsx workbook (Office Open XML, ECMA-376): the zip
 * container is walked through its central directory, entries are inflated with the standard
 * DecompressionStream('deflate-raw'), and the sheet XML is scanned with regular expressions.
 * It reads values only (no styles, no dates), which is all the kwb layout needs, and is about ten
 * times faster than a full workbook model on a national file (18 000 rows x 121 columns).
 * Workbooks it cannot handle (other compression) raise XlsxUnsupportedError so the caller
 * can fall back to exceljs, after `checkXlsxArchive` has checked the archive with the same limits.
 *
 * Limits (issue 10, findings 2 and 3): every entry is inflated as a stream and stopped as soon as it
 * passes its limit or the archive's total (a zip bomb never gets further than the limit, whatever its
 * directory claims); cell references beyond Excel's own grid (column XFD = 16,384, row 1,048,576) and
 * more cells than the limit are refused with XlsxLimitError. ZIP64 archives are refused (Excel writes
 * them only above 4 GB).
 */
import type { Cell } from './wide-table.ts';

export class XlsxUnsupportedError extends Error {}

/** The workbook is beyond a limit: never retried with another reader. The message is Dutch. */
export class XlsxLimitError extends Error {}

/** Excel's own grid (ECMA-376; Excel 2007 and later). */
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_ROWS = 1_048_576;

export interface XlsxLimits {
  /** Inflated bytes of one zip entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries read together. */
  maxTotalBytes: number;
  /** Cells of all sheets together. */
  maxCells: number;
  /** Entries in the archive. */
  maxEntries: number;
}

/**
 * A national kwb workbook (18,000 buurten x 121 columns, 2.2 million cells) inflates to about
 * 150 MB; the limits leave room for it and not much more.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntryBytes: 256 * 2 ** 20,
  maxTotalBytes: 512 * 2 ** 20,
  maxCells: 5_000_000,
  maxEntries: 10_000,
};

const mebibytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** What has been inflated so far (the archive's total budget). */
interface Budget {
  limits: XlsxLimits;
  inflated: number;
  cells: number;
}

export interface XlsxSheet {
  name: string;
  /** [row number as a spreadsheet shows it, cells by column (0 = A)]. */
  rows: [number, Cell[]][];
}

interface ZipEntry {
  name: string;
  method: number;
  offset: number;
  compressedSize: number;
}

function readEntries(bytes: Uint8Array, limits: XlsxLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxUnsupportedError('geen zip-inhoudsopgave gevonden');
  const count = view.getUint16(end + 10, true);
  let position = view.getUint32(end + 16, true);
  if (position === 0xffffffff || count === 0xffff)
    throw new XlsxUnsupportedError('ZIP64 wordt niet ondersteund');
  if (count > limits.maxEntries)
    throw new XlsxLimitError(`het archief heeft ${count} onderdelen; hoogstens ${limits.maxEntries}`);
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (position + 46 > bytes.length || view.getUint32(position, true) !== 0x02014b50)
      throw new XlsxUnsupportedError('beschadigde zip-inhoudsopgave');
    const method = view.getUint16(position + 10, true);
    const compressedSize = view.getUint32(position + 20, true);
    const nameLength = view.getUint16(position + 28, true);
    const extraLength = view.getUint16(position + 30, true);
    const commentLength = view.getUint16(position + 32, true);
    const offset = view.getUint32(position + 42, true);
    const name = decoder.decode(bytes.subarray(position + 46, position + 46 + nameLength));
    entries.set(name, { name, method, offset, compressedSize });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry as a stream, stopping as soon as it passes the entry's or the archive's limit. */
async function readEntryText(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50)
    throw new XlsxUnsupportedError('beschadigde zip-regel');
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let size = 0;
  /** Counts `added` inflated bytes of this entry against both limits. */
  const count = (added: number) => {
    size += added;
    budget.inflated += added;
    const { maxEntryBytes, maxTotalBytes } = budget.limits;
    if (size > maxEntryBytes)
      throw new XlsxLimitError(`${entry.name} pakt uit tot meer dan ${mebibytes(maxEntryBytes)}`);
    if (budget.inflated > maxTotalBytes)
      throw new XlsxLimitError(`het bestand pakt uit tot meer dan ${mebibytes(maxTotalBytes)}`);
  };
  if (entry.method === 0) {
    count(data.length);
    return new TextDecoder('utf-8').decode(data);
  }
  if (entry.method !== 8)
    throw new XlsxUnsupportedError(`compressiemethode ${entry.method} wordt niet ondersteund`);
  const reader = new Blob([data.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count(value.length);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof XlsxLimitError) throw error;
    throw new XlsxUnsupportedError(`${entry.name} is beschadigd (${(error as Error).message})`);
  }
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED[name ?? ''] ?? '';
  });
}

function collectText(xml: string): string {
  let text = '';
  // Phonetic runs (<rPh>) repeat the text in another script; they are not part of the value.
  const withoutPhonetics = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  for (const match of withoutPhonetics.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += match[1] ?? '';
  return decodeXmlText(text);
}

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(collectText(match[1] ?? ''));
  return strings;
}

function columnIndex(letters: string): number {
  const upper = letters.toUpperCase();
  let index = 0;
  for (let i = 0; i < upper.length; i++) index = index * 26 + (upper.charCodeAt(i) - 64);
  return index - 1;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

const OUTSIDE_GRID = `buiten het bereik van Excel (hoogstens kolom XFD = ${XLSX_MAX_COLUMNS} en rij ${XLSX_MAX_ROWS.toLocaleString('nl-NL')})`;

function checkRowNumber(row: number, where: string) {
  if (!Number.isSafeInteger(row) || row < 1 || row > XLSX_MAX_ROWS)
    throw new XlsxLimitError(`${where}: rij ${row} ligt ${OUTSIDE_GRID}`);
}

/** Column index (0 = A) of a cell reference such as "B12"; refuses references outside Excel's grid. */
function readCellColumn(attributes: string, nextColumn: number, where: string): number {
  const match = /\br="([A-Za-z]*)(\d*)"/.exec(attributes);
  if (!match) return nextColumn;
  const [reference, letters = '', digits = ''] = match;
  const column = letters.length === 0 ? nextColumn : letters.length > 3 ? Infinity : columnIndex(letters);
  if (column >= XLSX_MAX_COLUMNS || (digits !== '' && Number(digits) > XLSX_MAX_ROWS))
    throw new XlsxLimitError(`${where}: cel ${reference.slice(3, -1)} ligt ${OUTSIDE_GRID}`);
  return column;
}

function countCell(budget: Budget, where: string) {
  budget.cells += 1;
  if (budget.cells > budget.limits.maxCells)
    throw new XlsxLimitError(`${where}: meer dan ${budget.limits.maxCells} cellen`);
}

function parseSheet(
  xml: string,
  shared: readonly string[],
  where: string,
  budget: Budget,
): [number, Cell[]][] {
  const rows: [number, Cell[]][] = [];
  let nextRow = 1;
  for (const rowMatch of xml.matchAll(ROW)) {
    const rowNumberText = /\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1];
    const rowNumber = rowNumberText === undefined ? nextRow : Number(rowNumberText);
    checkRowNumber(rowNumber, where);
    nextRow = rowNumber + 1;
    const cells: Cell[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(CELL)) {
      const attributes = cellMatch[1] ?? '';
      const body = cellMatch[2] ?? '';
      countCell(budget, where);
      const column = readCellColumn(attributes, nextColumn, where);
      if (column >= XLSX_MAX_COLUMNS)
        throw new XlsxLimitError(`${where}: meer dan ${XLSX_MAX_COLUMNS} kolommen`);
      nextColumn = column + 1;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: Cell = null;
      if (type === 'inlineStr') value = collectText(body);
      else if (raw === undefined) value = null;
      else if (type === 's') value = shared[Number(raw)] ?? null;
      else if (type === 'str' || type === 'e') value = decodeXmlText(raw);
      else if (type === 'b') value = raw === '1' ? 1 : 0;
      else value = Number(raw);
      cells[column] = value;
    }
    rows.push([rowNumber, cells]);
  }
  return rows;
}

/** Reads every worksheet of the workbook, in workbook order, within `limits`. */
export async function readXlsxSheets(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<XlsxSheet[]> {
  const entries = readEntries(bytes, limits);
  const budget: Budget = { limits, inflated: 0, cells: 0 };
  const text = async (name: string): Promise<string | null> => {
    const entry = entries.get(name);
    return entry === undefined ? null : readEntryText(bytes, entry, budget);
  };
  const workbook = await text('xl/workbook.xml');
  const relations = await text('xl/_rels/workbook.xml.rels');
  if (workbook === null || relations === null) throw new XlsxUnsupportedError('geen xl/workbook.xml');
  const targets = new Map<string, string>();
  for (const match of relations.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[1] ?? '')?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[1] ?? '')?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sharedXml = await text('xl/sharedStrings.xml');
  const shared = sharedXml === null ? [] : parseSharedStrings(sharedXml);
  const sheets: XlsxSheet[] = [];
  for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const name = decodeXmlText(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? '');
    const id = /\br:id="([^"]+)"/.exec(attributes)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (target === undefined) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const xml = await text(path);
    if (xml === null) throw new XlsxUnsupportedError(`werkblad ${path} ontbreekt`);
    sheets.push({ name, rows: parseSheet(xml, shared, `werkblad ${name}`, budget) });
  }
  return sheets;
}

/**
 * Checks a whole archive before another reader (exceljs) loads it: every entry inflated as a stream
 * within the limits, and every cell reference of every worksheet inside Excel's grid. Throws
 * XlsxLimitError or XlsxUnsupportedError; resolves when the archive is safe to load.
 */
export async function checkXlsxArchive(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const budget: Budget = { limits, inflated: 0, cells: 0 };
  for (const entry of readEntries(bytes, limits).values()) {
    const xml = await readEntryText(bytes, entry, budget);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    for (const rowMatch of xml.matchAll(ROW)) {
      const rowNumberText = /\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1];
      if (rowNumberText !== undefined) checkRowNumber(Number(rowNumberText), entry.name);
      for (const cellMatch of (rowMatch[2] ?? '').matchAll(CELL)) {
        countCell(budget, entry.name);
        readCellColumn(cellMatch[1] ?? '', 0, entry.name);
      }
    }
  }
}
