/**
 * Citizens' panels through the HTTP API on the real database: the published example of Flanigan et
 * al. (2021) run to completion with LEXIMIN, the public draw and its replay, alternates, exports,
 * infeasible quotas, privacy (who sees personal data, and the audit of every access), the purge on
 * the retention date (with an injected clock), optimistic versions and cancelling a long run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync as readText } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runPanelCli } from '../../src/cli/commands/panel.ts';
import { createClusterEvents } from '../../src/server/services/cluster-events.ts';
import { createJobQueue } from '../../src/server/services/job-queue.ts';
import { createPanelRunner } from '../../src/server/services/panel-runner.ts';
import { createPanelsService } from '../../src/server/services/panels.service.ts';
import {
  buildLongRunPool,
  buildPanel,
  buildScenario,
  countAudit,
  getTestApp,
  inDays,
  problemOf,
  readUpload,
  SORTITION_DATA,
  waitForRun,
  type Client,
} from './harness.ts';

const EXAMPLE = `${SORTITION_DATA}/example_small_20`;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The seed as draw.ts documents it, recomputed here without the engine. */
const expectedSeed = (publicValue: string, hashes: string[]) =>
  sha256(['wijkkompas-sortition-draw-v1', publicValue, ...hashes].join('\n'));

/** The paper's LEXIMIN minimum probability for an instance (nature2021-reference-results.csv, "10.0%"). */
function referenceLeximinMin(instance: string): number {
  const [header, ...rows] = readFileSync(`${SORTITION_DATA}/nature2021-reference-results.csv`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const row = rows.find((r) => r[0] === instance)!;
  return Number(row[header!.indexOf('leximin_min')]!.replace('%', '')) / 100;
}

type Run = {
  id: string;
  status: string;
  summary: {
    minProbability: number;
    maxProbability: number;
    histogram: { count: number }[];
    byValue: { meanProbability: number }[];
  } | null;
  error: { code: string; conflicts: { reason: string }[] } | null;
  progress: { phase: string } | null;
};
type Draw = {
  id: string;
  seed: string;
  inputHashes: string[];
  panelIndex: number;
  size: number;
  composition: { category: string; values: { value: string; count: number }[] }[];
  hasMembers: boolean;
};
type Members = {
  members: { reference: string; values: Record<string, string>; status: string }[];
  droppedOut: { reference: string }[];
};

/** `npx wijkkompas panel select` on the published files with the announced value: the record it writes. */
async function replayWithCli(publicValue: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'wijkkompas-replay-')), 'record.json');
  const io = { out: () => undefined, err: (text: string) => console.error(text), readStdin: async () => '' };
  const code = await runPanelCli(
    [
      'select',
      '--categories',
      `${EXAMPLE}/categories.csv`,
      '--respondents',
      `${EXAMPLE}/respondents.csv`,
      '--size',
      '20',
      '--seed',
      publicValue,
      '--out',
      out,
    ],
    io,
  );
  expect(code).toBe(0);
  return JSON.parse(readText(out, 'utf8')) as { drawSeed: string; selected: string[] };
}

async function completeRun(client: Client, panelUrl: string, algorithm = 'leximin') {
  const started = await client.request('POST', `${panelUrl}/runs`, { algorithm });
  expect(started.statusCode, started.body).toBe(202);
  expect(['queued', 'running']).toContain(started.json().status);
  return (await waitForRun(client, `${panelUrl}/runs/${started.json().id}`)) as unknown as Run;
}

async function drawMembers(client: Client, panelUrl: string, drawId: string) {
  const response = await client.request('GET', `${panelUrl}/draws/${drawId}/members`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Members;
}

function expectWithinQuotas(members: Members['members']) {
  const count = (feature: string, value: string) => members.filter((m) => m.values[feature] === value).length;
  expect(members).toHaveLength(20);
  for (const [feature, value] of [
    ['gender', 'female'],
    ['gender', 'male'],
    ['leaning', 'liberal'],
    ['leaning', 'conservative'],
  ] as const) {
    expect(count(feature, value)).toBeGreaterThanOrEqual(9);
  }
}

describe("citizens' panels: the published example end to end", () => {
  it('registers the pool and quotas with their file hashes, runs LEXIMIN in the background to 0.10 for everyone, draws, replays and exports', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s);
    const detail = (await s.partner.request('GET', panel.url)).json();
    expect(detail.pool).toMatchObject({
      size: 200,
      featureColumns: ['gender', 'leaning'],
      droppedColumns: [],
      sha256: sha256(readFileSync(`${EXAMPLE}/respondents.csv`)),
    });
    expect(detail.quotasFile.sha256).toBe(sha256(readFileSync(`${EXAMPLE}/categories.csv`)));
    expect(detail.pool.counts[0].values.reduce((sum: number, v: { count: number }) => sum + v.count, 0)).toBe(
      200,
    );
    expect(detail.canReadPersonalData).toBe(false);

    const feasibility = await s.viewer.request('GET', `${panel.url}/feasibility`);
    expect(feasibility.json()).toMatchObject({ feasible: true, conflicts: [] });

    const run = await completeRun(s.coordinator, panel.url);
    expect(run.status, JSON.stringify(run.error)).toBe('completed');
    // Every registrant's probability lies between the minimum and the maximum: both are 0.10.
    const published = referenceLeximinMin('example_small_20');
    expect(published).toBe(0.1);
    expect(Math.abs(run.summary!.minProbability - published)).toBeLessThan(1e-6);
    expect(Math.abs(run.summary!.maxProbability - published)).toBeLessThan(1e-6);
    expect(run.summary!.histogram.filter((band) => band.count > 0)).toEqual([
      expect.objectContaining({ count: 200 }),
    ]);

    const history = (await s.partner.request('GET', `${panel.url}/runs`)).json();
    expect(history.map((r: Run) => r.id)).toContain(run.id);

    // The public draw: the seed binds the announced value to the quota file, the pool file and the settings.
    const publicValue = 'Staatsloterij 10 januari 2026: 0 4 8 1 5 2';
    const first = await s.coordinator.request('POST', `${panel.url}/draws`, { runId: run.id, publicValue });
    expect(first.statusCode, first.body).toBe(201);
    const draw = first.json() as Draw;
    const settings = JSON.stringify({
      algorithm: 'leximin',
      panelSize: 20,
      householdColumns: [],
      idColumn: null,
    });
    expect(draw.inputHashes).toEqual([detail.quotasFile.sha256, detail.pool.sha256, sha256(settings)]);
    expect(draw.seed).toBe(expectedSeed(publicValue, draw.inputHashes));
    expect(draw.size).toBe(20);
    const members = await drawMembers(s.coordinator, panel.url, draw.id);
    expectWithinQuotas(members.members);

    // Anyone with the two files replays it with the CLI: same seed, same panel.
    const cli = await replayWithCli(publicValue);
    expect(cli.drawSeed).toBe(draw.seed);
    expect([...cli.selected].sort()).toEqual(members.members.map((m) => m.reference).sort());

    // Replay in the app: the same value gives the same panel, another value another one.
    const replay = (
      await s.partner.request('POST', `${panel.url}/draw-replays`, { runId: run.id, publicValue })
    ).json();
    expect(replay).toMatchObject({
      seed: draw.seed,
      panelIndex: draw.panelIndex,
      matchingDrawIds: [draw.id],
    });
    const again = (
      await s.coordinator.request('POST', `${panel.url}/draws`, { runId: run.id, publicValue })
    ).json() as Draw;
    expect(again.panelIndex).toBe(draw.panelIndex);
    expect((await drawMembers(s.coordinator, panel.url, again.id)).members.map((m) => m.reference)).toEqual(
      members.members.map((m) => m.reference),
    );
    const other = (
      await s.coordinator.request('POST', `${panel.url}/draws`, {
        runId: run.id,
        publicValue: 'Staatsloterij 10 januari 2026: 9 9 1 7 3 6',
      })
    ).json() as Draw;
    expect(other.seed).not.toBe(draw.seed);
    expect(other.panelIndex).not.toBe(draw.panelIndex);
    const otherMembers = await drawMembers(s.coordinator, panel.url, other.id);
    expect(otherMembers.members.map((m) => m.reference)).not.toEqual(members.members.map((m) => m.reference));

    // Exports: CSV and XLSX with every member, and the accountability sheet.
    const csv = await s.coordinator.request('GET', `${panel.url}/draws/${draw.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="burgerpanel-loting-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('referentie,gender,leaning,status');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(members.members.map((m) => m.reference));
    const xlsx = await s.coordinator.request('GET', `${panel.url}/draws/${draw.id}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Panel')!.rowCount).toBe(21);
    const accountability = workbook.getWorksheet('Verantwoording')!.getSheetValues().flat().map(String);
    expect(accountability).toContain(draw.seed);
    expect(accountability).toContain(publicValue);
    expect(await countAudit('panel_draw', draw.id)).toBe(
      1 /* draw */ + 1 /* member view */ + 2 /* exports */,
    );
  });

  it('selects alternates for members who drop out, given those who stay, and exports them', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s);
    const run = await completeRun(s.coordinator, panel.url);
    const draw = (
      await s.coordinator.request('POST', `${panel.url}/draws`, { runId: run.id, publicValue: 'beacon 7f3a' })
    ).json() as Draw;
    const original = await drawMembers(s.coordinator, panel.url, draw.id);
    const dropped = original.members.slice(0, 2).map((m) => m.reference);
    const outsider = await s.coordinator.request('POST', `${panel.url}/draws/${draw.id}/alternates`, {
      publicValue: 'beacon 8b1c',
      droppedOut: ['niet-in-panel'],
    });
    expect(outsider.statusCode).toBe(400);
    expect(problemOf(outsider).errors![0]!.path).toEqual(['droppedOut', 0]);

    const response = await s.coordinator.request('POST', `${panel.url}/draws/${draw.id}/alternates`, {
      publicValue: 'beacon 8b1c',
      droppedOut: dropped,
    });
    expect(response.statusCode, response.body).toBe(201);
    const alternates = response.json() as Draw & {
      kind: string;
      parentDrawId: string;
      droppedOutCount: number;
    };
    expect(alternates).toMatchObject({
      kind: 'alternates',
      parentDrawId: draw.id,
      droppedOutCount: 2,
      size: 20,
    });
    const after = await drawMembers(s.coordinator, panel.url, alternates.id);
    expectWithinQuotas(after.members);
    const kept = original.members.slice(2).map((m) => m.reference);
    expect(
      after.members
        .filter((m) => m.status === 'member')
        .map((m) => m.reference)
        .sort(),
    ).toEqual([...kept].sort());
    const replacements = after.members.filter((m) => m.status === 'replacement').map((m) => m.reference);
    expect(replacements).toHaveLength(2);
    for (const reference of replacements)
      expect(original.members.map((m) => m.reference)).not.toContain(reference);
    expect(after.droppedOut.map((m) => m.reference).sort()).toEqual([...dropped].sort());

    const csv = (await s.coordinator.request('GET', `${panel.url}/draws/${alternates.id}/export?format=csv`))
      .body;
    expect(csv.match(/,vervanger\r\n/g)).toHaveLength(2);
    expect(csv.match(/,afgevallen\r\n/g)).toHaveLength(2);
  });

  it('names the conflicting quotas and the smallest relaxation, and a run on them fails with the conflict', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { quotas: false });
    const quotas = [
      { category: 'gender', value: 'female', min: 15, max: 20 },
      { category: 'gender', value: 'male', min: 9, max: 20 },
      { category: 'leaning', value: 'liberal', min: 9, max: 20 },
      { category: 'leaning', value: 'conservative', min: 9, max: 20 },
    ];
    const set = await s.coordinator.request('PUT', `${panel.url}/quotas`, {
      version: panel.quotasVersion,
      quotas,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().quotasFile.csv).toBe(
      'category,feature,min,max\ngender,female,15,20\ngender,male,9,20\nleaning,liberal,9,20\nleaning,conservative,9,20',
    );
    const report = (await s.partner.request('GET', `${panel.url}/feasibility`)).json();
    expect(report.feasible).toBe(false);
    expect(report.conflicts[0].reason).toContain('"gender"');
    expect(report.conflicts[0].quotas.map((q: { value: string }) => q.value).sort()).toEqual([
      'female',
      'male',
    ]);
    expect(report.relaxations.length).toBeGreaterThan(0);
    expect(
      report.relaxations.every(
        (r: { category: string; bound: string }) => r.category === 'gender' && r.bound === 'min',
      ),
    ).toBe(true);
    expect(report.message).toContain('Kleinste versoepeling');

    const run = await completeRun(s.coordinator, panel.url);
    expect(run.status).toBe('failed');
    expect(run.error!.code).toBe('infeasible');
    expect(run.error!.conflicts[0]!.reason).toContain('"gender"');
  });

  it('refuses quotas that do not fit the pool, naming each problem', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { quotas: false });
    const response = await s.coordinator.request('PUT', `${panel.url}/quotas`, {
      version: panel.quotasVersion,
      quotas: [
        { category: 'leeftijd', value: '18-25', min: 0, max: 5 },
        { category: 'gender', value: 'female', min: 30, max: 20 },
      ],
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    const paths = problem.errors!.map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['quotas.0.category', 'quotas.1.min']));
    expect(problem.detail).toContain('geen quotum voor gender: male');
  });
});

describe("citizens' panels: files and columns", () => {
  it('reads an XLSX pool, keeps only the chosen columns, names the dropped ones and hashes the file as uploaded', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false });
    const respondents = readFileSync(`${EXAMPLE}/respondents.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Aanmeldingen');
    sheet.addRow(['registratienummer', 'naam', 'e-mail', 'gender', 'leaning', 'postcode']);
    respondents.forEach(([gender, leaning], i) =>
      sheet.addRow([
        `R${1000 + i}`,
        `Persoon ${i}`,
        `p${i}@example.org`,
        gender,
        leaning,
        `3500 A${String.fromCharCode(65 + (i % 26))}`,
      ]),
    );
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { fileName: 'aanmeldingen.xlsx', content: bytes.toString('base64') };

    const inspected = await s.coordinator.request('POST', `${panel.url}/pool-inspections`, file);
    expect(inspected.statusCode, inspected.body).toBe(200);
    const columns = inspected.json().columns as {
      name: string;
      suggestedRole: string;
      values: { value: string; count: number }[] | null;
    }[];
    expect(columns.map((c) => [c.name, c.suggestedRole])).toEqual([
      ['registratienummer', 'id'],
      ['naam', 'drop'],
      ['e-mail', 'drop'],
      ['gender', 'feature'],
      ['leaning', 'feature'],
      ['postcode', 'household'],
    ]);
    expect(inspected.json()).toMatchObject({ fileKind: 'xlsx', rows: 200, sha256: sha256(bytes) });

    const uploaded = await s.coordinator.request('PUT', `${panel.url}/pool`, {
      version: panel.version,
      ...file,
      idColumn: 'registratienummer',
      featureColumns: ['gender', 'leaning'],
      householdColumns: ['postcode'],
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().droppedColumns).toEqual(['naam', 'e-mail']);
    expect(uploaded.json().panel.pool).toMatchObject({
      fileKind: 'xlsx',
      sha256: sha256(bytes),
      size: 200,
      householdColumns: ['postcode'],
    });
    const pool = (await s.coordinator.request('GET', `${panel.url}/pool?limit=2`)).json();
    expect(pool.members[0]).toEqual({
      position: 0,
      reference: 'R1000',
      values: { gender: respondents[0]![0], leaning: respondents[0]![1], postcode: '3500 AA' },
    });
    expect(JSON.stringify(pool)).not.toContain('example.org');
  });

  it('refuses a pool whose chosen columns are missing or whose rows lack a feature value, naming each', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false });
    const csv = 'id,gender,leaning\n1,female,liberal\n1,male,\n';
    const response = await s.coordinator.request('PUT', `${panel.url}/pool`, {
      version: panel.version,
      fileName: 'pool.csv',
      content: Buffer.from(csv).toString('base64'),
      idColumn: 'id',
      featureColumns: ['gender', 'leaning'],
      householdColumns: [],
    });
    expect(response.statusCode).toBe(400);
    const messages = problemOf(response).errors!.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('referentie "1" komt al voor'),
        expect.stringContaining('geen waarde voor kenmerk "leaning"'),
      ]),
    );
    const missing = await s.coordinator.request('PUT', `${panel.url}/pool`, {
      version: panel.version,
      ...readUpload(`${EXAMPLE}/respondents.csv`),
      idColumn: 'nummer',
      featureColumns: ['gender', 'leeftijd'],
      householdColumns: [],
    });
    expect(problemOf(missing).errors!.map((e) => e.path.join('.'))).toEqual(['idColumn', 'featureColumns.1']);
  });
});

describe("citizens' panels: privacy and retention", () => {
  it('shows partners and viewers aggregates only, and audits every view of personal data', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s);
    for (const client of [s.partner, s.viewer]) {
      const pool = await client.request('GET', `${panel.url}/pool`);
      expect(pool.statusCode).toBe(403);
      expect(problemOf(pool).code).toBe('forbidden');
      const detail = (await client.request('GET', panel.url)).json();
      expect(detail.pool.counts).toEqual([
        {
          category: 'gender',
          values: [
            { value: 'female', count: expect.any(Number), share: expect.any(Number) },
            { value: 'male', count: expect.any(Number), share: expect.any(Number) },
          ],
        },
        { category: 'leaning', values: expect.any(Array) },
      ]);
      expect((await client.request('POST', `${panel.url}/runs`, { algorithm: 'leximin' })).statusCode).toBe(
        403,
      );
    }
    const before = await countAudit('panel', panel.id);
    const first = await s.coordinator.request('GET', `${panel.url}/pool?offset=0&limit=50`);
    expect(first.json()).toMatchObject({ total: 200, offset: 0, limit: 50 });
    expect(first.json().members).toHaveLength(50);
    await s.coordinator.request('GET', `${panel.url}/pool?offset=50&limit=50`);
    expect(await countAudit('panel', panel.id)).toBe(before + 2);
    const { database } = await getTestApp();
    const views = await database.handle.query<{
      action: string;
      after: { rows: number };
      actor_user_id: string;
    }>(
      "SELECT action, after, actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'view_pool' ORDER BY id",
      [panel.id],
    );
    expect(views.map((v) => [v.after.rows, v.actor_user_id])).toEqual([
      [50, s.coordinator.userId],
      [50, s.coordinator.userId],
    ]);
    // Audit rows hold counts and hashes, never the registrants.
    const all = await database.handle.query<{ text: string }>(
      "SELECT coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_events WHERE entity_id = $1",
      [panel.id],
    );
    expect(all.map((row) => row.text).join('')).not.toMatch(/"reference"|conservative","liberal/);
  });

  it('requires a retention date at most two years ahead', async () => {
    const s = await buildScenario();
    const url = `/api/v1/approaches/${s.approach.id}/panels`;
    const missing = await s.coordinator.request('POST', url, { name: 'Panel zonder termijn', panelSize: 20 });
    expect(problemOf(missing).errors!.map((e) => e.path.join('.'))).toContain('retentionUntil');
    for (const retentionUntil of [inDays(-1), inDays(3 * 366)]) {
      const response = await s.coordinator.request('POST', url, {
        name: 'Panel',
        panelSize: 20,
        retentionUntil,
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).errors![0]!.path).toEqual(['retentionUntil']);
    }
  });

  it('deletes the personal data on the retention date (injected clock), keeping aggregates, hashes and the replay', async () => {
    const s = await buildScenario();
    const retentionUntil = inDays(30);
    const panel = await buildPanel(s, { retentionUntil });
    const run = await completeRun(s.coordinator, panel.url);
    const draw = (
      await s.coordinator.request('POST', `${panel.url}/draws`, { runId: run.id, publicValue: '12 34 56' })
    ).json() as Draw;
    const { database } = await getTestApp();
    const countRows = async () =>
      (
        await database.handle.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM panel_pool_members WHERE panel_id = $1',
          [panel.id],
        )
      )[0]!.n;
    expect(await countRows()).toBe(200);

    // The app's own instance answers the HTTP requests; these two only purge (no run is unfinished).
    const background = {
      runner: createPanelRunner(),
      queue: createJobQueue(database.handle),
      events: createClusterEvents(database.handle),
    };
    const dayBefore = createPanelsService(
      { db: database.handle.db, clock: { now: () => new Date(`${inDays(29)}T12:00:00+01:00`) } },
      background,
    );
    expect((await dayBefore.purgeExpired()).map((p) => p.panelId)).not.toContain(panel.id);
    expect(await countRows()).toBe(200);

    const onTheDay = createPanelsService(
      { db: database.handle.db, clock: { now: () => new Date(`${retentionUntil}T08:00:00+01:00`) } },
      background,
    );
    expect(await onTheDay.purgeExpired()).toContainEqual({ panelId: panel.id, rowsDeleted: 200 });
    expect(await countRows()).toBe(0);
    const personal = await database.handle.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM panel_runs WHERE panel_id = $1 AND (panel_members IS NOT NULL OR person_probabilities IS NOT NULL)) + (SELECT count(*) FROM panel_draws WHERE panel_id = $1 AND members IS NOT NULL) AS n',
      [panel.id],
    );
    expect(Number(personal[0]!.n)).toBe(0);

    const detail = (await s.coordinator.request('GET', panel.url)).json();
    expect(detail).toMatchObject({ status: 'purged', retentionUntil, pool: { size: 200 } });
    const after = (await s.coordinator.request('GET', `${panel.url}/runs/${run.id}`)).json() as Run;
    expect(after.summary!.minProbability).toBeCloseTo(0.1, 6);
    expect((await s.coordinator.request('GET', `${panel.url}/draws/${draw.id}`)).json()).toMatchObject({
      seed: draw.seed,
      hasMembers: false,
    });
    expect(
      (
        await s.partner.request('POST', `${panel.url}/draw-replays`, {
          runId: run.id,
          publicValue: '12 34 56',
        })
      ).json(),
    ).toMatchObject({ panelIndex: draw.panelIndex });
    expect((await s.coordinator.request('GET', `${panel.url}/pool`)).json()).toMatchObject({
      total: 0,
      members: [],
    });
    const upload = await s.coordinator.request('PUT', `${panel.url}/pool`, {
      version: detail.version,
      ...readUpload(`${EXAMPLE}/respondents.csv`),
      idColumn: null,
      featureColumns: ['gender'],
      householdColumns: [],
    });
    expect(upload.statusCode).toBe(409);
    expect(problemOf(upload).code).toBe('read_only');
    const purgeAudit = await database.handle.query<{ actor_user_id: string | null }>(
      "SELECT actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'purge_personal_data'",
      [panel.id],
    );
    expect(purgeAudit).toEqual([{ actor_user_id: null }]);
    expect(await onTheDay.purgeExpired()).not.toContainEqual(expect.objectContaining({ panelId: panel.id }));
  });
});

describe("citizens' panels: versions and cancelling", () => {
  it('refuses stale settings and stale quotas with 409 and the current record', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s);
    const first = await s.coordinator.request('PATCH', panel.url, {
      version: panel.version,
      purpose: 'Nieuw doel',
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await s.coordinator.request('PATCH', panel.url, {
      version: panel.version,
      name: 'Oude naam',
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).current).toMatchObject({ version: panel.version + 1 });
    const quotas = { version: panel.quotasVersion - 1, file: readUpload(`${EXAMPLE}/categories.csv`) };
    const staleQuotas = await s.coordinator.request('PUT', `${panel.url}/quotas`, quotas);
    expect(staleQuotas.statusCode).toBe(409);
    expect(problemOf(staleQuotas).current).toMatchObject({ quotasVersion: panel.quotasVersion });
  });

  it('cancels a long LEXIMIN run while it runs, and the server keeps answering meanwhile', async () => {
    const s = await buildScenario();
    const panel = await buildPanel(s, { pool: false, panelSize: 60 });
    const { csv, features, quotas } = buildLongRunPool(60);
    const uploaded = await s.coordinator.request('PUT', `${panel.url}/pool`, {
      version: panel.version,
      fileName: 'groot.csv',
      content: Buffer.from(csv).toString('base64'),
      idColumn: null,
      featureColumns: features,
      householdColumns: [],
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(
      (await s.coordinator.request('PUT', `${panel.url}/quotas`, { version: panel.quotasVersion, quotas }))
        .statusCode,
    ).toBe(200);

    const started = (
      await s.coordinator.request('POST', `${panel.url}/runs`, { algorithm: 'leximin' })
    ).json() as Run;
    const runUrl = `${panel.url}/runs/${started.id}`;
    await vi.waitFor(
      async () => {
        const run = (await s.coordinator.request('GET', runUrl)).json() as Run;
        if (run.status !== 'running' || !run.progress) throw new Error(`not yet computing: ${run.status}`);
      },
      { timeout: 60_000, interval: 50 },
    );
    const busy = await s.coordinator.request('POST', `${panel.url}/runs`, { algorithm: 'maximin' });
    expect(busy.statusCode).toBe(409);
    const cancelled = await s.coordinator.request('POST', `${runUrl}/cancellation`);
    expect(cancelled.statusCode, cancelled.body).toBe(202);
    expect((await waitForRun(s.coordinator, runUrl)).status).toBe('cancelled');
    const again = await s.coordinator.request('POST', `${runUrl}/cancellation`);
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('invalid_transition');
  });
});
