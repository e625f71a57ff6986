import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportTable, tableToCsv, tableToXlsx } from './table-export.ts';

const table: ExportTable = {
  title: 'Kerncijfers Overvecht',
  columns: [
    { key: 'name', label: 'Indicator' },
    { key: 'area', label: 'Focusgebied', kind: 'number' },
    { key: 'share', label: 'Aandeel (%)', kind: 'percent' },
  ],
  rows: [
    { name: 'Inwoners', area: 35360, share: null },
    { name: 'Huishoudens; "eenpersoons"', area: 0, share: 48.25 },
    { name: 'Regel\nmet einde', area: -0.5, share: 0.001 },
    { name: '=SUM(A1:A2)', area: null, share: 100 },
  ],
  source: 'Bron: CBS, Kerncijfers wijken en buurten 2023',
};

describe('tableToCsv', () => {
  const csv = tableToCsv(table);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 byte order mark and ends every line with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('separates with semicolons and writes the header first', () => {
    expect(lines[0]).toBe('Indicator;Focusgebied;Aandeel (%)');
  });

  it('writes null as an empty field and zero as 0', () => {
    expect(lines[1]).toBe('Inwoners;35360;');
    expect(lines[2]).toMatch(/;0;48,25$/);
  });

  it('uses a decimal comma and no thousands separator, keeping small numbers out of exponent form', () => {
    expect(lines[3]).toMatch(/;-0,5;0,001$/);
  });

  it('quotes fields with a separator, a quote or a line break (RFC 4180)', () => {
    expect(lines[2]).toBe('"Huishoudens; ""eenpersoons""";0;48,25');
    // The line break stays inside the quoted field, so the record spans two physical lines.
    expect(lines[3]).toBe('"Regel\nmet einde";-0,5;0,001');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(lines[4]).toBe("'=SUM(A1:A2);;100");
  });

  it('leaves the source out of the data', () => {
    expect(csv).not.toContain('Bron');
    expect(lines).toHaveLength(6); // header, four rows, and the empty string after the last CRLF
  });
});

describe('tableToXlsx', () => {
  it('keeps numbers as numbers, null as empty and puts the source under the table', async () => {
    const blob = await tableToXlsx(table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Kerncijfers Overvecht');
    expect(sheet.getCell('A1').value).toBe('Kerncijfers Overvecht');
    expect(sheet.getRow(3).values).toEqual([undefined, 'Indicator', 'Focusgebied', 'Aandeel (%)']);
    expect(sheet.getCell('B4').value).toBe(35360);
    expect(sheet.getCell('C4').value).toBeNull();
    expect(sheet.getCell('C5').value).toBe(48.25);
    expect(sheet.getCell('A7').value).toBe('=SUM(A1:A2)');
    expect(sheet.getCell('A9').value).toBe('Bron: CBS, Kerncijfers wijken en buurten 2023');
  });
});
