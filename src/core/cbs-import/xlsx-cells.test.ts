import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetsWithExcelJs } from './read-kwb-xlsx.ts';
import { buildXlsxBomb, buildXlsxWithCells } from '../../../tests/support/crafted-xlsx.ts';
import {
  checkXlsxArchive,
  decodeXmlText,
  readXlsxSheets,
  XLSX_LIMITS,
  XlsxLimitError,
  XlsxUnsupportedError,
} from './xlsx-cells.ts';

describe('fast xlsx cell reader', () => {
  it.each([2023, 2024])('reads kwb-%i-utrecht.xlsx cell for cell as exceljs does', async (year) => {
    const bytes = new Uint8Array(readFileSync(`../shared/data/cbs/kwb-${year}-utrecht.xlsx`));
    const fast = await readXlsxSheets(bytes);
    const reference = await readSheetsWithExcelJs(bytes);
    expect(fast.map((s) => s.name)).toEqual(reference.map((s) => s.name));
    const normalise = (rows: [number, unknown[]][]) =>
      rows.map(([row, cells]) => [row, Array.from(cells, (c) => (c === undefined ? null : c))]);
    expect(normalise(fast[0]?.rows ?? [])).toEqual(normalise(reference[0]?.rows ?? []));
    expect(fast[0]?.rows).toHaveLength(123);
  });

  it('reads shared-string, numeric, empty and escaped cells of a workbook written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad & co');
    sheet.addRow(['a<b', 1.5, null, 'x']);
    sheet.getCell('C2').value = 7;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [only] = await readXlsxSheets(bytes);
    expect(only?.name).toBe('Blad & co');
    expect(only?.rows[0]).toEqual([1, ['a<b', 1.5, undefined, 'x']]);
    expect(only?.rows[1]?.[1][2]).toBe(7);
  });

  it('decodes XML entities', () => {
    expect(decodeXmlText('Wijk &amp; buurt &#233;&#x20AC;&lt;')).toBe('Wijk & buurt é€<');
  });

  it('says when the bytes are no zip it can read', async () => {
    await expect(readXlsxSheets(new TextEncoder().encode('geen zip'))).rejects.toBeInstanceOf(
      XlsxUnsupportedError,
    );
  });
});

describe('limits of the xlsx reader (issue 10, findings 2 and 3)', () => {
  it('refuses a 1.5 kB workbook with a cell in column ~50 million (r="DEJTLX1"), naming the cell', async () => {
    const bytes = buildXlsxWithCells(['B2', 'DEJTLX1']);
    expect(bytes.length).toBeLessThan(2048);
    const error = await readXlsxSheets(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect((error as Error).message).toContain('DEJTLX1');
  });

  it('refuses a row beyond Excel’s last row and accepts the last column and row', async () => {
    await expect(readXlsxSheets(buildXlsxWithCells(['A1048577']))).rejects.toBeInstanceOf(XlsxLimitError);
    const [sheet] = await readXlsxSheets(buildXlsxWithCells(['XFD1048576']));
    expect(sheet?.rows.at(-1)?.[0]).toBe(2);
  });

  it('refuses more cells than the limit', async () => {
    const references = Array.from({ length: 50 }, (_, i) => `A${i + 3}`);
    await expect(
      readXlsxSheets(buildXlsxWithCells(references), { ...XLSX_LIMITS, maxCells: 20 }),
    ).rejects.toThrow(/20 cellen/);
  });

  it('stops inflating a zip bomb at the limit, not after: a 2 GiB sheet from 2 MB', async () => {
    const bomb = buildXlsxBomb(2048);
    expect(bomb.length).toBeLessThan(3 * 2 ** 20);
    const rssBefore = process.memoryUsage().rss;
    const error = await readXlsxSheets(bomb, { ...XLSX_LIMITS, maxEntryBytes: 8 * 2 ** 20 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect((error as Error).message).toContain('xl/worksheets/sheet1.xml');
    // Had it inflated the whole entry first, the process would have grown by 2 GiB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 2 ** 20);
  });

  it('checks an archive for exceljs the same way (entry size, total size, cell references)', async () => {
    await expect(checkXlsxArchive(buildXlsxWithCells(['DEJTLX1']))).rejects.toBeInstanceOf(XlsxLimitError);
    await expect(
      checkXlsxArchive(buildXlsxBomb(64), { ...XLSX_LIMITS, maxTotalBytes: 16 * 2 ** 20 }),
    ).rejects.toThrow(/pakt uit tot meer dan 16 MiB/);
  });
});
