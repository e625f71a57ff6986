/**
 * Export of a table shown on screen to CSV and Excel (.xlsx), made in the browser.
 *
 * CSV follows what Dutch Excel opens without an import wizard: `;` between fields, a decimal comma,
 * CRLF line ends and fields quoted as in RFC 4180 (a field with `;`, `"` or a line break is put in
 * double quotes, quotes inside doubled). The file starts with a UTF-8 byte order mark so Excel reads
 * é and ë correctly. An empty field means "no value" (null): CBS's secrecy and missing markers are
 * never written as 0. Text that starts with `=`, `+`, `-`, `@` or a tab gets a leading apostrophe,
 * so a spreadsheet does not run it as a formula (OWASP "CSV injection").
 *
 * The source (e.g. "Bron: CBS, Kerncijfers wijken en buurten 2023") is NOT written into the CSV:
 * every line of a CSV is read as data, and a trailing source line breaks re-import and summing.
 * The XLSX has it as a separate line under the table, after an empty row.
 *
 * Numbers stay numbers in the XLSX (the receiver can recalculate). A column of kind 'percent'
 * holds percentages as shown (12.5 means 12,5 %), not fractions; its cells are formatted with a
 * "%" sign without multiplying.
 */
import type { Workbook } from 'exceljs';

export interface ExportColumn {
  key: string;
  label: string;
  kind?: 'text' | 'number' | 'percent';
}

export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  rows: Record<string, string | number | null>[];
  source?: string;
}

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/** 1234.5 -> "1234,5": no thousands separator (it would be read as text), all digits kept. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }).replace('.', ',');
}

function quote(field: string): string {
  return /[";\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

/** The table as CSV text for Dutch Excel (see the file comment); the source is left out. */
export function tableToCsv(table: ExportTable): string {
  const lines = [
    table.columns.map((column) => formatCell(column.label)).join(SEPARATOR),
    ...table.rows.map((row) => table.columns.map((column) => formatCell(row[column.key])).join(SEPARATOR)),
  ];
  return BOM + lines.join(LINE_END) + LINE_END;
}

/** Excel forbids : \ / ? * [ ] in sheet names and allows at most 31 characters. */
function sheetName(title: string): string {
  const cleaned = title.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (cleaned || 'Tabel').slice(0, 31);
}

function fillWorkbook(workbook: Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table.title));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(table.columns.map((column) => column.label)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => row[column.key] ?? null));
  }
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(60, Math.max(12, column.label.length + 2));
    if (column.kind === 'percent') sheetColumn.numFmt = '0.0##" %"';
  });
  // The title row keeps the general format of a text cell.
  sheet.getCell(1, 1).numFmt = 'General';
  if (table.source) {
    sheet.addRow([]);
    sheet.addRow([table.source]).font = { italic: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
}

/** The table as an Excel workbook (one sheet: title, header, rows, and the source under it). */
export async function tableToXlsx(table: ExportTable): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  fillWorkbook(workbook, table);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
