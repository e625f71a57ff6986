import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetsWithExcelJs } from './read-kwb-xlsx.ts';
import { decodeXmlText, readXlsxSheets, XlsxUnsupportedError } from './xlsx-cells.ts';

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
