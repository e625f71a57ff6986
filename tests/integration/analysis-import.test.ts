/**
 * Importing CBS files through the API (issue 3 items 1 and 6): reports that match the raw files,
 * idempotent re-imports, newer versions that replace and audit values, and broken files that are
 * refused with file, row, column and reason while the database stays exactly as it was.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMunicipality,
  buildScenario,
  buildUser,
  getTestApp,
  login,
  PASSWORD,
  problemOf,
} from './harness.ts';
import {
  ensureUtrechtData,
  makeKwbCsv,
  readShared,
  snapshotAnalysisTables,
  toBase64Upload,
} from './analysis-harness.ts';

type Scenario = Awaited<ReturnType<typeof buildScenario>>;
const ATTRIBUTE_COLUMNS = ['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs', 'gwb_code'];

/** Counts taken from the spreadsheet itself, independently of the readers. */
async function countXlsx(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readShared(path) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const valueColumns = header
    .map((name, i) => ({ name, i: i + 1 }))
    .filter((c) => !ATTRIBUTE_COLUMNS.includes(c.name));
  let rows = 0;
  let missing = 0;
  sheet.eachRow((row, number) => {
    if (number === 1 || !row.getCell(1).value) return;
    rows++;
    for (const column of valueColumns) {
      const value = row.getCell(column.i).value;
      if (
        value === null ||
        value === undefined ||
        String(value).trim() === '.' ||
        String(value).trim() === ''
      )
        missing++;
    }
  });
  return { rows, indicators: valueColumns.length, observations: rows * valueColumns.length, missing };
}

/** A raw upload (the file itself as the body), as a browser or curl would send it. */
async function uploadRaw(email: string, file: { fileName: string; content: Buffer }, contentType: string) {
  const { app } = await getTestApp();
  const session = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password: PASSWORD },
  });
  const cookie = `wk_session=${session.cookies.find((c) => c.name === 'wk_session')!.value}`;
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports?fileName=${encodeURIComponent(file.fileName)}`,
    headers: { cookie, 'x-csrf-token': session.json().csrfToken, 'content-type': contentType },
    payload: file.content,
  });
}

describe('importing CBS files', () => {
  let s: Scenario;
  beforeAll(async () => {
    // The run's one import of the real Utrecht files (whichever file asks first), so every test here
    // sees the same state in any order.
    await ensureUtrechtData();
    s = await buildScenario();
  });

  it('reports kwb-2023-utrecht.xlsx as the spreadsheet counts it, and the same bytes again as unchanged', async () => {
    const file = { fileName: 'kwb-2023-utrecht.xlsx', content: readShared('cbs/kwb-2023-utrecht.xlsx') };
    const expected = await countXlsx('cbs/kwb-2023-utrecht.xlsx');
    const response = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      fileName: 'kwb-2023-utrecht.xlsx',
      format: 'kwb-xlsx',
      year: 2023,
      outcome: 'unchanged',
    });
    expect(body.report).toMatchObject({
      rows: expected.rows,
      regions: expected.rows,
      indicators: expected.indicators,
      observations: expected.observations,
      missingCells: expected.missing,
    });
    expect(body.report.ignoredColumns.map((c: { column: string }) => c.column)).toEqual(ATTRIBUTE_COLUMNS);
    expect(expected).toMatchObject({ rows: 122, indicators: 115 });
  });

  it('imports a national CSV sent as the raw body, counting rows from the file', async () => {
    const content = readShared('cbs/misdrijven-2024-buurten.csv');
    const lines = content
      .toString('utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    const pseudo = lines.filter(([code]) => code!.trim() === 'BU00000000').length;
    const blank = lines.filter((fields) => (fields[2] ?? '').trim() === '').length;
    const response = await uploadRaw(
      s.users.coordinatorUser.email,
      { fileName: 'misdrijven-2024-buurten.csv', content },
      'text/csv',
    );
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json().report;
    expect(report).toMatchObject({
      rows: lines.length,
      regions: lines.length - pseudo,
      observations: lines.length - pseudo,
      missingCells: blank,
      indicators: 1,
    });
    expect(report.ignoredRows).toEqual([
      { row: expect.any(Number), reason: expect.stringContaining('BU00000000') },
    ]);
    expect(report.written).toMatchObject({ inserted: lines.length - pseudo, replaced: 0 });
  });

  it('gives the same state and outcome "unchanged" for the same file twice', async () => {
    const file = makeKwbCsv((await buildMunicipality()).code);
    const first = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
    expect(first.statusCode).toBe(201);
    const before = await snapshotAnalysisTables();
    const second = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      outcome: 'unchanged',
      importId: first.json().importId,
      report: first.json().report,
    });
    expect(await snapshotAnalysisTables()).toEqual(before);
  });

  it('imports the same bytes again when the file name gives another year, and refuses them when the content names the year', async () => {
    const code = (await buildMunicipality()).code;
    const file = makeKwbCsv(code, { year: 2019 });
    const first = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().year).toBe(2019);

    // A kwb CSV carries no year of its own: the file name decides, so these are the 2020 figures.
    const renamed = { ...file, fileName: file.fileName.replace('2019', '2020') };
    const second = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(renamed));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ outcome: 'created', year: 2020 });
    expect(second.json().importId).not.toBe(first.json().importId);
    const ranking = await s.coordinator.request(
      'GET',
      `/api/v1/municipalities/${code}/rankings?indicator=a_inw&year=2020`,
    );
    expect(ranking.statusCode, ranking.body).toBe(200);
    // makeKwbCsv: Buurt Noord 100 and Buurt Zuid 200 inhabitants.
    expect(
      ranking
        .json()
        .buurten.map((b: { code: string; value: number }) => [b.code, b.value])
        .sort(),
    ).toEqual([
      [`BU${code.slice(2)}0101`, 100],
      [`BU${code.slice(2)}0102`, 200],
    ]);

    // With a table id the content names the year: a file name for another year contradicts it.
    const withTable = makeKwbCsv(code, { year: 2021, rows: { [code]: { a_inw: '301' } } });
    const tabled = await s.coordinator.request(
      'POST',
      '/api/v1/imports',
      toBase64Upload(withTable, { tableId: '85039NED' }),
    );
    expect(tabled.statusCode, tabled.body).toBe(201);
    expect(tabled.json().year).toBe(2021);
    const before = await snapshotAnalysisTables();
    const contradicted = await s.coordinator.request(
      'POST',
      '/api/v1/imports',
      toBase64Upload(
        { ...withTable, fileName: withTable.fileName.replace('2021', '2022') },
        { tableId: '85039NED' },
      ),
    );
    expect(contradicted.statusCode, contradicted.body).toBe(422);
    expect(contradicted.body).toMatch(/tabel 85039NED \(2021\) spreekt de bestandsnaam \(2022\) tegen/);
    expect(await snapshotAnalysisTables()).toEqual(before);
  });

  it('replaces the values a newer version of a year changes, keeps published figures over empty cells, and audits it', async () => {
    const municipality = (await buildMunicipality()).code;
    const digits = municipality.slice(2);
    const first = await s.coordinator.request(
      'POST',
      '/api/v1/imports',
      toBase64Upload(makeKwbCsv(municipality, { year: 2018 })),
    );
    expect(first.statusCode).toBe(201);
    const newer = makeKwbCsv(municipality, {
      year: 2018,
      fileName: 'kwb-2018-nieuwe-versie.csv',
      rows: { [`BU${digits}0101`]: { a_inw: '105' }, [`BU${digits}0102`]: { p_huurw: '.' } },
    });
    const response = await s.coordinator.request('POST', '/api/v1/imports', toBase64Upload(newer));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.outcome).toBe('replaced');
    expect(body.report.written).toMatchObject({ inserted: 0, replaced: 1, keptPublished: 1, unchanged: 10 });
    const { database } = await getTestApp();
    const [audit] = await database.handle.query<{
      action: string;
      after: { counts: { replaced: number }; replacedSamples: unknown[] };
    }>('SELECT action, after FROM audit_events WHERE entity_type = $1 AND entity_id = $2', [
      'data_import',
      body.importId,
    ]);
    expect(audit!.action).toBe('replace_values');
    expect(audit!.after.counts.replaced).toBe(1);
    expect(audit!.after.replacedSamples).toEqual([
      {
        regionCode: `BU${digits}0101`,
        indicatorKey: 'a_inw',
        year: 2018,
        before: 100,
        beforeStatus: 'ok',
        after: 105,
        afterStatus: 'ok',
      },
    ]);
    const [stored] = await database.handle.query<{ value: number; status: string }>(
      'SELECT value, status FROM observations WHERE region_code = $1 AND indicator_key = $2 AND year = 2018',
      [`BU${digits}0102`, 'p_huurw'],
    );
    expect(stored).toEqual({ value: 33, status: 'ok' });
  });

  describe('refuses a broken file with a precise 422 and writes nothing', () => {
    const municipality = 'GM9001';
    const truncated = () => {
      const lines = readShared('cbs/misdrijven-2024-buurten.csv').toString('utf8').split('\n').slice(0, 30);
      lines[29] = lines[29]!.split(',').slice(0, 2).join(',');
      return { fileName: 'misdrijven-2024-afgebroken.csv', content: Buffer.from(`${lines.join('\n')}\n`) };
    };
    const cases: {
      name: string;
      file: () => { fileName: string; content: Buffer };
      extra?: Record<string, unknown>;
      path: (string | number)[];
      message: RegExp;
    }[] = [
      {
        name: 'a truncated row',
        file: truncated,
        path: ['misdrijven-2024-afgebroken.csv', 30],
        message: /afgebroken rij: 2 van de 3 kolommen/,
      },
      {
        name: 'text in a number column',
        file: () =>
          makeKwbCsv(municipality, {
            fileName: 'kwb-2019-tekst.csv',
            rows: { BU90010102: { a_inw: 'veel' } },
          }),
        path: ['kwb-2019-tekst.csv', 5, 'a_inw'],
        message: /'veel' is geen getal/,
      },
      {
        name: 'a malformed region code',
        file: () => ({
          fileName: 'kwb-2019-code.csv',
          content: Buffer.from('gwb_code_10;regio;a_inw\nGM9001;X;10\nBU9001XX1;Y;5\n'),
        }),
        path: ['kwb-2019-code.csv', 3, 'gwb_code_10'],
        message: /'BU9001XX1' is geen geldige CBS-regiocode/,
      },
      {
        name: 'a year that contradicts the file',
        file: () => ({ fileName: 'kwb-2023-utrecht.xlsx', content: readShared('cbs/kwb-2023-utrecht.xlsx') }),
        extra: { year: 2024 },
        path: ['kwb-2023-utrecht.xlsx'],
        message: /opgegeven jaar \(2024\) spreekt de bestandsnaam \(2023\) tegen/,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const before = await snapshotAnalysisTables();
        const response = await s.coordinator.request(
          'POST',
          '/api/v1/imports',
          toBase64Upload(c.file(), c.extra),
        );
        expect(response.statusCode, response.body).toBe(422);
        const problem = problemOf(response);
        expect(problem.code).toBe('import_failed');
        expect(problem.errors![0]!.path).toEqual(c.path);
        expect(problem.errors![0]!.message).toMatch(c.message);
        expect(await snapshotAnalysisTables()).toEqual(before);
      });
    }
  });

  it('lets only coordinators of a municipality and the administrator import and list imports', async () => {
    const file = makeKwbCsv((await buildMunicipality()).code);
    for (const who of [s.viewer, s.partner]) {
      expect((await who.request('POST', '/api/v1/imports', toBase64Upload(file))).statusCode).toBe(403);
      expect((await who.request('GET', '/api/v1/imports')).statusCode).toBe(403);
    }
    const admin = await login(
      (await buildUser({ organisationCode: s.municipality.code, role: 'admin' })).email,
    );
    const listed = await admin.request('GET', '/api/v1/imports?limit=500');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().some((i: { fileName: string }) => i.fileName === 'kwb-2023-utrecht.xlsx')).toBe(
      true,
    );
  });
});
