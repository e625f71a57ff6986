/**
 * Reading pool files (CSV or XLSX) into a table and writing exports (CSV or XLSX). The CSV reader is
 * the sortition engine's (RFC 4180, delimiter guessed, BOM); XLSX goes through exceljs (first sheet,
 * first row is the header).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { checkXlsxArchive, XLSX_LIMITS, XlsxLimitError } from '../../core/cbs-import/xlsx-cells.ts';
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { parseCsv } from '../../core/sortition/parse-csv.ts';

export type PoolFileKind = 'csv' | 'xlsx';

export interface FileTable {
  kind: PoolFileKind;
  header: string[];
  /** One entry per data row: its line (row) number in the file and its cells, trimmed. */
  rows: { line: number; fields: string[] }[];
}

/** Decodes the base64 content of an uploaded file; the field path names the body field. */
export function decodeBase64File(content: string, field: string): Buffer {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length === 0) {
    throw new DomainError('invalid_input', 'Het bestand is leeg.', {
      issues: [{ path: [field], message: 'het bestand is leeg' }],
    });
  }
  return bytes;
}

export function computeFileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function detectFileKind(fileName: string, bytes: Uint8Array): PoolFileKind {
  // XLSX is a ZIP archive: "PK\x03\x04".
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

/**
 * A NUL character (U+0000) cannot be stored; it is named by row and column (issue 10, finding 6).
 * Only the position is reported, never the cell's content (personal data).
 */
function refuseNulCharacters(fileName: string, table: FileTable): FileTable {
  const issues: FieldIssue[] = [];
  const check = (line: number, fields: readonly string[]) =>
    fields.forEach((field, i) => {
      if (field.includes('\u0000') && issues.length < 20)
        issues.push({
          path: ['content', line, table.header[i] || `kolom ${i + 1}`],
          message: `regel ${line}, kolom ${i + 1}: bevat een NUL-teken (\\u0000)`,
        });
    });
  check(1, table.header);
  for (const row of table.rows) check(row.line, row.fields);
  if (issues.length > 0)
    throw new DomainError('invalid_input', `${fileName} bevat NUL-tekens (\\u0000).`, { issues });
  return table;
}

export async function readFileTable(fileName: string, bytes: Buffer): Promise<FileTable> {
  return refuseNulCharacters(fileName, await readAnyFileTable(fileName, bytes));
}

async function readAnyFileTable(fileName: string, bytes: Buffer): Promise<FileTable> {
  const kind = detectFileKind(fileName, bytes);
  if (kind === 'csv') {
    const issues: FieldIssue[] = [];
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const table = parseCsv(text, fileName, issues);
    if (issues.length > 0)
      throw new DomainError('invalid_input', issues.map((i) => i.message).join('\n'), {
        issues: issues.map((i) => ({ ...i, path: ['content', ...i.path.slice(1)] })),
      });
    return {
      kind,
      header: table.header,
      rows: table.rows.map((row) => ({ line: row.line, fields: row.fields.map((f) => f.trim()) })),
    };
  }
  return readXlsxTable(fileName, bytes);
}

/**
 * A pool is a few thousand residents, at most some hundred thousand: far below the national CBS
 * workbooks the default limits are made for.
 */
const POOL_XLSX_LIMITS = {
  ...XLSX_LIMITS,
  maxEntryBytes: 64 * 2 ** 20,
  maxTotalBytes: 128 * 2 ** 20,
  maxCells: 2_000_000,
};

async function readXlsxTable(fileName: string, bytes: Buffer): Promise<FileTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs inflates without limits: the archive is checked first (inflated sizes, cell references).
    await checkXlsxArchive(bytes, POOL_XLSX_LIMITS);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof XlsxLimitError) {
      throw new DomainError('invalid_input', `${fileName}: ${error.message}.`, {
        issues: [{ path: ['content'], message: error.message }],
      });
    }
    throw new DomainError('invalid_input', `${fileName} is geen leesbaar Excel-bestand (.xlsx).`, {
      issues: [{ path: ['content'], message: 'geen leesbaar .xlsx-bestand' }],
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new DomainError('invalid_input', `${fileName} bevat geen werkblad.`, {
      issues: [{ path: ['content'], message: 'geen werkblad' }],
    });
  const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
  const lines: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let column = 1; column <= width; column++) fields.push(cellText(row.getCell(column).value));
    if (fields.some((f) => f !== '')) lines.push({ line: rowNumber, fields });
  });
  const [head, ...rows] = lines;
  const header = head?.fields ?? [];
  // Trailing empty header cells are no columns.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return {
    kind: 'xlsx',
    header,
    rows: rows.map((row) => ({ line: row.line, fields: row.fields.slice(0, header.length) })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export interface ExportSheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the accents right) and CRLF. */
export function writeCsv(sheet: ExportSheet): Buffer {
  const quote = (value: string | number) => {
    const text = String(value);
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(quote).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function writeXlsx(sheets: ExportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkkompas';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    worksheet.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column) => (column.width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
