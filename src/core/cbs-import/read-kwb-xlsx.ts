/**
 * Reader for the CBS kwb-YYYY.xlsx layout (see kwb-table.ts). The cells come from the fast reader
 * in xlsx-cells.ts; a workbook it cannot handle falls back to exceljs. Both are pure computation
 * on the bytes the caller read.
 */
import ExcelJS from 'exceljs';
import { resolveTableId, resolveYear } from './detect-year.ts';
import { failImport } from './import-issues.ts';
import { findKwbHeader, readKwbRows } from './kwb-table.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import type { Cell } from './wide-table.ts';
import type { XlsxSheet } from './xlsx-cells.ts';
import { checkXlsxArchive, readXlsxSheets, XlsxLimitError } from './xlsx-cells.ts';

export interface ReadXlsxOptions extends ReadOptions {
  /** 'fast' (default, exceljs as fallback) or 'exceljs' only. */
  engine?: 'fast' | 'exceljs';
}

/** Flattens exceljs cell values (rich text, formulas, hyperlinks, dates) to a number or text. */
export function toPlainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
    }
    if ('result' in object) return toPlainCell(object.result);
    if (typeof object.text === 'string') return object.text;
    if (typeof object.error === 'string') return object.error;
  }
  return String(value);
}

/** The same sheets through exceljs's full workbook model (slower, more tolerant). */
export async function readSheetsWithExcelJs(content: Uint8Array): Promise<XlsxSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    // getSheetValues: a sparse array indexed by row number, each row indexed by column (1-based).
    const values = sheet.getSheetValues() as unknown[][];
    const rows: [number, Cell[]][] = [];
    values.forEach((row, rowNumber) => {
      if (Array.isArray(row)) rows.push([rowNumber, row.slice(1).map(toPlainCell)]);
    });
    return { name: sheet.name, rows };
  });
}

async function loadSheets(content: Uint8Array, options: ReadXlsxOptions): Promise<XlsxSheet[]> {
  try {
    if (options.engine !== 'exceljs') {
      try {
        return await readXlsxSheets(content);
      } catch (error) {
        if (error instanceof XlsxLimitError) throw error;
        // Not a workbook the fast reader understands: let exceljs try (after the same limits).
      }
    }
    await checkXlsxArchive(content);
    return await readSheetsWithExcelJs(content);
  } catch (error) {
    failImport(options.fileName, {
      reason:
        error instanceof XlsxLimitError
          ? `te groot of buiten het bereik van Excel: ${error.message}`
          : `geen leesbaar xlsx-bestand (${(error as Error).message})`,
    });
  }
}

function isEmptyRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (cell !== null && cell !== undefined && cell !== '') return false;
  return true;
}

export async function readKwbXlsx(content: Uint8Array, options: ReadXlsxOptions): Promise<ReadResult> {
  const { fileName } = options;
  for (const sheet of await loadSheets(content, options)) {
    const headerIndex = sheet.rows.findIndex(([, cells]) => !isEmptyRow(cells));
    const headerRow = sheet.rows[headerIndex]?.[1] ?? [];
    const header = Array.from(headerRow, (cell) => (cell === null || cell === undefined ? '' : String(cell)));
    if (!findKwbHeader(header)) continue;
    const tableId = resolveTableId(fileName, options.tableId);
    const year = resolveYear(fileName, {
      ...(options.year !== undefined ? { explicitYear: options.year } : {}),
      ...(tableId !== undefined ? { tableId } : {}),
      sheetName: sheet.name,
    });
    const records = sheet.rows.slice(headerIndex + 1).filter(([, cells]) => !isEmptyRow(cells));
    return readKwbRows({
      fileName,
      format: 'kwb-xlsx',
      year,
      ...(tableId !== undefined ? { tableId } : {}),
      header,
      records,
      catalogue: options.catalogue,
      isRaggedAllowed: true,
    });
  }
  failImport(fileName, { reason: 'geen werkblad met een kolom gwb_code_10 of gwb_code gevonden' });
}
