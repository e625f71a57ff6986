/**
 * Reader for the CBS kwb-YYYY.xlsx layout (see kwb-table.ts). Unzipping and parsing the workbook
 * with exceljs is pure computation on the bytes the caller read; nothing touches the filesystem.
 */
import ExcelJS from 'exceljs';
import { resolveTableId, resolveYear } from './detect-year.ts';
import { failImport } from './import-issues.ts';
import { findKwbHeader, readKwbRows } from './kwb-table.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import type { Cell } from './wide-table.ts';

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

export async function readKwbXlsx(content: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { fileName } = options;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    failImport(fileName, { reason: `geen leesbaar xlsx-bestand (${(error as Error).message})` });
  }
  for (const sheet of workbook.worksheets) {
    // getSheetValues: a sparse array indexed by row number, each row indexed by column number (1-based).
    const rows = sheet.getSheetValues() as unknown[][];
    const headerRowNumber = rows.findIndex((row) => Array.isArray(row) && row.some((v) => v !== undefined));
    if (headerRowNumber < 0) continue;
    const headerRow = rows[headerRowNumber] ?? [];
    const header = Array.from({ length: Math.max(headerRow.length - 1, 0) }, (_, i) =>
      String(toPlainCell(headerRow[i + 1]) ?? ''),
    );
    if (!findKwbHeader(header)) continue;
    const tableId = resolveTableId(fileName, options.tableId);
    const year = resolveYear(fileName, {
      ...(options.year !== undefined ? { explicitYear: options.year } : {}),
      ...(tableId !== undefined ? { tableId } : {}),
      sheetName: sheet.name,
    });
    return readKwbRows({
      fileName,
      format: 'kwb-xlsx',
      year,
      ...(tableId !== undefined ? { tableId } : {}),
      header,
      records: iterateSheetRows(rows, headerRowNumber, header.length),
      catalogue: options.catalogue,
      isRaggedAllowed: true,
    });
  }
  failImport(fileName, { reason: 'geen werkblad met een kolom gwb_code_10 of gwb_code gevonden' });
}

function* iterateSheetRows(
  rows: unknown[][],
  headerRowNumber: number,
  width: number,
): Generator<readonly [number, readonly Cell[]]> {
  for (let r = headerRowNumber + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    const cells: Cell[] = new Array<Cell>(width);
    let isEmpty = true;
    for (let c = 0; c < width; c++) {
      const cell = toPlainCell(row[c + 1]);
      cells[c] = cell;
      if (cell !== null && cell !== '') isEmpty = false;
    }
    if (!isEmpty) yield [r, cells] as const;
  }
}
