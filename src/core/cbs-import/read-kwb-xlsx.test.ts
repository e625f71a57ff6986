import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import type { ReadResult } from './read-result.ts';
import { readKwbXlsx } from './read-kwb-xlsx.ts';

const catalogue = buildIndicatorCatalogue({
  dataProperties: JSON.parse(
    readFileSync('../shared/data/cbs/metadata/DataProperties_85984NED.json', 'utf8'),
  ),
});
const load = (year: number) => readFileSync(`../shared/data/cbs/kwb-${year}-utrecht.xlsx`);

function find(result: ReadResult, code: string, key: string) {
  return result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);
}

async function issuesOf(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, issues: error.issues };
    throw error;
  }
  throw new Error('expected an import error');
}

/** A small kwb-layout workbook made in the test; rows are written as given. */
async function makeWorkbook(rows: (string | number | null)[][], sheetName = 'kwb-2023'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HEADER = ['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs', 'gwb_code', 'a_inw', 'p_huurw'];

describe('kwb-2023-utrecht.xlsx', async () => {
  const result = await readKwbXlsx(load(2023), { fileName: 'kwb-2023-utrecht.xlsx', catalogue });

  it('reads every region row and column', () => {
    expect(result.format).toBe('kwb-xlsx');
    expect(result.year).toBe(2023);
    expect(result.report.rows).toBe(122);
    expect(result.regions.filter((r) => r.level === 'GM')).toHaveLength(1);
    expect(result.regions.filter((r) => r.level === 'WK')).toHaveLength(10);
    expect(result.regions.filter((r) => r.level === 'BU')).toHaveLength(111);
    expect(result.report.indicators).toBe(115);
    expect(result.report.newIndicators).toEqual([]);
    // 115 indicator columns x 122 rows; 5 591 cells are "." (counted in the raw sheet)
    expect(result.observations).toHaveLength(115 * 122);
    expect(result.report.missingCells).toBe(5591);
  });

  it('keeps names, numbers stored as numbers and as text, and provenance', () => {
    expect(result.regions.find((r) => r.code === 'WK034403')?.name).toBe('Wijk 03 Overvecht');
    expect(find(result, 'GM0344', 'a_inw')).toMatchObject({
      value: 367947,
      sourceRow: 2,
      sourceColumn: 'a_inw',
    });
    expect(find(result, 'BU03440311', 'a_inw')).toMatchObject({ value: 4195, status: 'ok', sourceRow: 30 });
    expect(find(result, 'BU03440311', 'p_huurw')?.value).toBe(73);
    expect(find(result, 'BU03440311', 'g_wozbag')?.value).toBe(313);
    expect(find(result, 'BU03440311', 'g_hhgro')?.value).toBe(2);
    // a_nl_all is stored as text ("1830") in this file
    expect(find(result, 'BU03440311', 'a_nl_all')?.value).toBe(1830);
  });

  it('gives the same result through the exceljs fallback engine', async () => {
    const viaExcelJs = await readKwbXlsx(load(2023), {
      fileName: 'kwb-2023-utrecht.xlsx',
      catalogue,
      engine: 'exceljs',
    });
    expect(viaExcelJs.observations).toEqual(result.observations);
    expect(viaExcelJs.regions).toEqual(result.regions);
  });

  it('keeps "." as missing, never 0', () => {
    expect(find(result, 'BU03440311', 'g_ele')).toMatchObject({ value: null, status: 'missing' });
    expect(find(result, 'WK034403', 'pst_mvp')).toMatchObject({ value: null, status: 'missing' });
  });
});

describe('kwb-2024-utrecht.xlsx', async () => {
  const result = await readKwbXlsx(load(2024), { fileName: 'kwb-2024-utrecht.xlsx', catalogue });

  it('takes the year from the file name when the sheet name has none', () => {
    expect(result.year).toBe(2024);
    expect(result.report.missingCells).toBe(10393);
  });

  it('reads the published figures and leaves unpublished ones missing', () => {
    expect(find(result, 'BU03440311', 'a_inw')?.value).toBe(4260);
    expect(find(result, 'BU03440311', 'g_hhgro')?.value).toBe(1.9);
    // WOZ and income were not yet published for 2024: "." in the file
    expect(find(result, 'BU03440311', 'g_wozbag')).toMatchObject({ value: null, status: 'missing' });
    expect(find(result, 'GM0344', 'p_hh_li')).toMatchObject({ value: null, status: 'missing' });
  });
});

describe('broken kwb workbooks', () => {
  it('names file, row and column for text in a number column', async () => {
    const content = await makeWorkbook([
      HEADER,
      ['GM0344', '0344', 'Utrecht', 'Utrecht', 'Gemeente', 'GM0344', 367947, 44],
      ['BU03440311', '03440311', 'Taag', 'Utrecht', 'Buurt', 'BU03440311', 'abc', 73],
    ]);
    expect(await issuesOf(readKwbXlsx(content, { fileName: 'k.xlsx', catalogue, year: 2023 }))).toEqual({
      code: 'import_failed',
      issues: [{ path: ['k.xlsx', 3, 'a_inw'], message: "kolom a_inw, rij 3: 'abc' is geen getal" }],
    });
  });

  it('refuses a malformed region code and a level that contradicts the code', async () => {
    const content = await makeWorkbook([
      HEADER,
      ['BU0344031', '0344031', 'Kapot', 'Utrecht', 'Buurt', 'BU0344031', 1, 1],
      ['WK034403', '034403', 'Overvecht', 'Utrecht', 'Buurt', 'WK034403', 1, 1],
    ]);
    const { issues } = await issuesOf(readKwbXlsx(content, { fileName: 'k.xlsx', catalogue, year: 2023 }));
    expect(issues).toEqual([
      {
        path: ['k.xlsx', 2, 'gwb_code_10'],
        message: "kolom gwb_code_10, rij 2: 'BU0344031' is geen geldige CBS-regiocode",
      },
      { path: ['k.xlsx', 3, 'recs'], message: "kolom recs, rij 3: 'buurt' past niet bij regiocode WK034403" },
    ]);
  });

  it('refuses an explicit year that contradicts the sheet', async () => {
    const content = await makeWorkbook([
      HEADER,
      ['GM0344', '0344', 'Utrecht', 'Utrecht', 'Gemeente', 'GM0344', 1, 1],
    ]);
    const { issues } = await issuesOf(
      readKwbXlsx(content, { fileName: 'utrecht.xlsx', catalogue, year: 2022 }),
    );
    expect(issues[0]?.message).toBe("het opgegeven jaar (2022) spreekt werkblad 'kwb-2023' (2023) tegen");
  });

  it('turns an unknown column into a new indicator instead of dropping it', async () => {
    const content = await makeWorkbook([
      [...HEADER, 'p_nieuw'],
      ['GM0344', '0344', 'Utrecht', 'Utrecht', 'Gemeente', 'GM0344', 1, 1, '12.5'],
    ]);
    const result = await readKwbXlsx(content, { fileName: 'k.xlsx', catalogue });
    expect(result.indicators.map((i) => [i.key, i.kind, i.origin])).toEqual([
      ['p_nieuw', 'percentage', 'file'],
    ]);
    expect(find(result, 'GM0344', 'p_nieuw')?.value).toBe(12.5);
  });

  it('refuses bytes that are not a workbook', async () => {
    const { issues } = await issuesOf(
      readKwbXlsx(new TextEncoder().encode('PK\u0003\u0004 nope'), { fileName: 'x.xlsx', catalogue }),
    );
    expect(issues[0]?.message).toMatch(/geen leesbaar xlsx-bestand/);
  });
});
