/**
 * Analysis data for the integration tests: the real Utrecht files loaded once per run into the
 * shared database (through the import service, as the CLI and the demo do), small kwb-csv files
 * made in the test for a scenario's own municipality, and table counts to prove "nothing written".
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { insertOrganisation } from '../../src/db/accounts.repository.ts';
import { summarizeObservations } from '../../src/db/observations.repository.ts';
import { SHARED_DATA_DIR } from '../../src/server/demo/seed-analysis.ts';
import { createAnalysisData } from '../../src/server/services/analysis-data.ts';
import { createAnalysisImportService } from '../../src/server/services/analysis-import.service.ts';
import { systemClock } from '../../src/server/services/context.ts';
import { getTestApp } from './harness.ts';

export const DATA = SHARED_DATA_DIR;
export const OVERVECHT_BUURTEN = [
  'BU03440311',
  'BU03440312',
  'BU03440321',
  'BU03440322',
  'BU03440331',
  'BU03440332',
  'BU03440333',
  'BU03440341',
  'BU03440342',
  'BU03440343',
];

export function readShared(path: string): Buffer {
  return readFileSync(join(DATA, path));
}

export async function getImportService() {
  const { database } = await getTestApp();
  const ctx = { db: database.handle.db, clock: systemClock };
  return createAnalysisImportService(ctx, createAnalysisData(ctx.db));
}

/** The organisation of gemeente Utrecht (GM0344), for users of the municipality whose data the tests load. */
export async function ensureUtrechtMunicipality() {
  const { database } = await getTestApp();
  const [found] = await database.handle.query<{ id: string }>(
    'SELECT id FROM organisations WHERE code = $1',
    ['GM0344'],
  );
  if (!found)
    await insertOrganisation(database.handle.db, {
      code: 'GM0344',
      name: 'Gemeente Utrecht',
      kind: 'municipality',
    });
}

let utrecht: Promise<void> | undefined;

/** Metadata, kwb-2023/2024-utrecht.xlsx and the buurt boundaries (2024), once per run. */
export function ensureUtrechtData() {
  utrecht ??= (async () => {
    const imports = await getImportService();
    await imports.importMetadata(null, {
      dataProperties: {
        fileName: 'DataProperties_85984NED.json',
        content: readShared('cbs/metadata/DataProperties_85984NED.json'),
      },
      tableInfos: {
        fileName: 'TableInfos_85984NED.json',
        content: readShared('cbs/metadata/TableInfos_85984NED.json'),
      },
    });
    for (const fileName of ['kwb-2023-utrecht.xlsx', 'kwb-2024-utrecht.xlsx'])
      await imports.importCbsFile(null, { fileName, content: readShared(`cbs/${fileName}`) });
    await imports.importBoundaries(null, {
      fileName: 'utrecht-buurten.geojson',
      content: readShared('geo/utrecht-buurten.geojson'),
      year: 2024,
      codeProperty: 'KODE',
      codePrefix: 'BU0344',
    });
  })();
  return utrecht;
}

/**
 * A kwb-csv for a municipality (GMnnnn) with two buurten; `rows` overrides cells. Year 2019 keeps
 * these made-up figures away from the real Utrecht years.
 */
export function makeKwbCsv(
  municipalityCode: string,
  options: { year?: number; rows?: Record<string, Record<string, string>>; fileName?: string } = {},
) {
  const digits = municipalityCode.slice(2);
  const base: Record<string, Record<string, string>> = {
    [municipalityCode]: { regio: 'Testgemeente', a_inw: '300', a_woning: '120', p_huurw: '40' },
    [`WK${digits}01`]: { regio: 'Testwijk', a_inw: '300', a_woning: '120', p_huurw: '40' },
    [`BU${digits}0101`]: { regio: 'Buurt Noord', a_inw: '100', a_woning: '40', p_huurw: '55' },
    [`BU${digits}0102`]: { regio: 'Buurt Zuid', a_inw: '200', a_woning: '80', p_huurw: '33' },
  };
  for (const [code, cells] of Object.entries(options.rows ?? {}))
    base[code] = { ...(base[code] ?? {}), ...cells };
  const columns = ['regio', 'a_inw', 'a_woning', 'p_huurw'];
  const lines = [
    'gwb_code_10;' + columns.join(';'),
    ...Object.entries(base).map(([code, cells]) => [code, ...columns.map((c) => cells[c] ?? '.')].join(';')),
  ];
  // Letters for the digits: a code such as GM2001 in the name would read as a second year.
  const tag = digits.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  return {
    fileName: options.fileName ?? `kwb-${options.year ?? 2019}-gemeente-${tag}.csv`,
    content: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
  };
}

/** Row counts of the analysis tables and a checksum of the observations. */
export async function snapshotAnalysisTables() {
  const { database } = await getTestApp();
  const [counts] = await database.handle.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM data_imports)::int AS imports, (SELECT count(*) FROM regions)::int AS regions,
           (SELECT count(*) FROM indicators)::int AS indicators, (SELECT count(*) FROM region_geometries)::int AS geometries,
           (SELECT count(*) FROM audit_events WHERE entity_type = 'data_import')::int AS audits`);
  return { ...counts, observations: await summarizeObservations(database.handle.db) };
}

export function toBase64Upload(
  file: { fileName: string; content: Buffer },
  extra: Record<string, unknown> = {},
) {
  return { fileName: file.fileName, contentBase64: file.content.toString('base64'), ...extra };
}

/** The CBS row of a region in kwb-YYYY-utrecht.xlsx, read with exceljs (not with the importer). */
export async function readCbsRow(year: number, code: string): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readShared(`cbs/kwb-${year}-utrecht.xlsx`) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  let found: Record<string, unknown> | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code)
      found = Object.fromEntries(header.slice(1).map((name, i) => [name, row.getCell(i + 1).value]));
  });
  if (!found) throw new Error(`${code} not in kwb-${year}-utrecht.xlsx`);
  return found;
}
