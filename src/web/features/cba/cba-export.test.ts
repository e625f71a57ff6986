import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createSixteenAreasTemplate, evaluateCase } from '../../../core/cba/index.ts';
import { exportFileName, fillWorkbook } from './cba-export.ts';

describe('Excel export', () => {
  it('writes the four sheets with numbers that can be recalculated', async () => {
    const caseFile = createSixteenAreasTemplate();
    const result = evaluateCase(caseFile);
    const workbook = new ExcelJS.Workbook();
    fillWorkbook(workbook, caseFile, result);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    expect(reread.worksheets.map((s) => s.name)).toEqual([
      'invoer',
      'resultaten',
      'per partij',
      'gevoeligheid',
    ]);

    const input = reread.getWorksheet('invoer')!;
    expect(input.getRow(1).getCell(1).value).toBe('Omschrijving');
    expect(input.getRow(1).getCell(5).value).toBe(2022);
    // First item: €335 mln per year 2022–2027 from a pattern, worked out per year.
    expect(input.getRow(2).getCell(5).value).toBe(335_000_000);
    expect(input.getRow(2).getCell(10).value).toBe(335_000_000);
    expect(input.getRow(2).getCell(11).value).toBeNull();

    const results = reread.getWorksheet('resultaten')!;
    const npvRow = results
      .getRows(1, results.rowCount)!
      .find((r) => r.getCell(1).value === 'Netto contante waarde (NCW)');
    expect(npvRow?.getCell(2).value).toBeCloseTo(result.netPresentValue!, 2);
    // Yearly cash flows discounted by hand: the first year is the base year (factor 1).
    const yearRow = results.getRows(1, results.rowCount)!.find((r) => r.getCell(1).value === 2022);
    expect(yearRow?.getCell(4).value).toBe(1);

    const parties = reread.getWorksheet('per partij')!;
    const total = parties
      .getRows(2, parties.rowCount - 1)!
      .reduce((sum, row) => sum + Number(row.getCell(5).value), 0);
    expect(total).toBeCloseTo(result.netPresentValue!, 2);
  });

  it('names the file after the case', () => {
    expect(exportFileName('16 stedelijke vernieuwingsgebieden (2021)')).toBe(
      'mkba-16-stedelijke-vernieuwingsgebieden-2021.xlsx',
    );
  });
});
