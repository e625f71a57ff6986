/**
 * Values for a municipality's own (local) indicator, e.g. "ervaren overlast" from its own
 * wijkpeiling: imported as a small kwb-layout CSV (gwb_code_10;regio;<key>), shown in the
 * approach's area profile (weighted by the indicator's base), the series and the ranking; and
 * written or seen by no other municipality. Fresh municipalities and year 2019 keep these made-up
 * figures away from the Utrecht data and the other files of the shared integration app.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildApproachInput,
  buildMunicipality,
  buildUser,
  login,
  problemOf,
  type Client,
} from './harness.ts';
import { makeKwbCsv, snapshotAnalysisTables, toBase64Upload } from './analysis-harness.ts';

const YEAR = 2019;

/** A file in the layout a user uploads for a local indicator: gwb_code_10;regio;<key>, ";" and decimal commas. */
function makeLocalCsv(fileName: string, key: string, rows: [code: string, name: string, value: string][]) {
  const lines = [`gwb_code_10;regio;${key}`, ...rows.map((row) => row.join(';'))];
  return { fileName, content: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}

interface ProfileIndicator {
  key: string;
  value: number | null;
  coverage: number;
  method: string;
  municipalityValue: number | null;
  provenance: { regionCode: string; fileName: string; column: string; row: number; year: number }[];
}

describe('values of a local indicator', () => {
  let own: string;
  let other: string;
  let key: string;
  let coordinator: Client;
  let viewer: Client;
  let otherCoordinator: Client;
  let admin: Client;
  let approachId: string;
  let otherApproachId: string;
  let ownCbsImportId: string;
  let localImportId: string;
  let first: Awaited<ReturnType<Client['request']>>;
  const bu = (municipality: string, suffix: string) => `BU${municipality.slice(2)}${suffix}`;
  const localFile = () =>
    makeLocalCsv(`wijkpeiling-${YEAR}-overlast.csv`, key, [
      [bu(own, '0101'), 'Buurt Noord', '12,5'],
      [bu(own, '0102'), 'Buurt Zuid', '30'],
      [bu(own, '0103'), 'Buurt West', '6'],
    ]);

  beforeAll(async () => {
    own = (await buildMunicipality()).code;
    other = (await buildMunicipality()).code;
    coordinator = await login((await buildUser({ organisationCode: own, role: 'coordinator' })).email);
    viewer = await login((await buildUser({ organisationCode: own, role: 'viewer' })).email);
    otherCoordinator = await login((await buildUser({ organisationCode: other, role: 'coordinator' })).email);
    admin = await login((await buildUser({ organisationCode: other, role: 'admin' })).email);
    // The CBS figures of both municipalities: a_inw is the base the local percentage is weighted by.
    // Own: Noord 100, Zuid 200, West 50 inhabitants (a third buurt added to the two of makeKwbCsv).
    // The same inhabitants in 2018; p_huurw differs so the two files are not the same bytes.
    for (const year of [2018, YEAR]) {
      const west = {
        [bu(own, '0103')]: { regio: 'Buurt West', a_inw: '50', a_woning: '20', p_huurw: String(year - 2008) },
      };
      const base = await coordinator.request(
        'POST',
        '/api/v1/imports',
        toBase64Upload(makeKwbCsv(own, { year, rows: west })),
      );
      expect(base.statusCode, base.body).toBe(201);
      ownCbsImportId = base.json().importId;
    }
    expect(
      (
        await otherCoordinator.request(
          'POST',
          '/api/v1/imports',
          toBase64Upload(makeKwbCsv(other, { year: YEAR })),
        )
      ).statusCode,
    ).toBe(201);

    key = `overlast_${own.toLowerCase()}`;
    const created = await coordinator.request('POST', '/api/v1/indicators', {
      key,
      title: `Ervaren overlast (wijkpeiling ${own})`,
      definition: 'Aandeel inwoners dat in de wijkpeiling zegt vaak overlast te ervaren.',
      unit: '%',
      domain: 'safety',
      direction: 'higher_is_worse',
      kind: 'percentage',
      baseKeys: ['a_inw'],
    });
    expect(created.statusCode, created.body).toBe(201);

    const approach = await coordinator.request(
      'POST',
      '/api/v1/approaches',
      buildApproachInput({
        title: 'Aanpak Noord en Zuid',
        focusArea: [bu(own, '0101'), bu(own, '0102')],
        focusAreaYear: YEAR,
      }),
    );
    expect(approach.statusCode, approach.body).toBe(201);
    approachId = approach.json().id;
    // Another municipality's approach whose focus area names the same buurten (focus areas are not
    // restricted to the own municipality): its analyses must still not show the local indicator.
    const foreign = await otherCoordinator.request(
      'POST',
      '/api/v1/approaches',
      buildApproachInput({
        title: 'Aanpak over de grens',
        focusArea: [bu(own, '0101'), bu(own, '0102')],
        focusAreaYear: YEAR,
      }),
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    otherApproachId = foreign.json().id;

    // The municipality's own values, imported before any test (tests run in random order).
    first = await coordinator.request('POST', '/api/v1/imports', toBase64Upload(localFile()));
    localImportId = first.json().importId;
  });

  it('imports the municipality’s own values in the kwb layout; the same file again changes nothing', async () => {
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'created', format: 'kwb-csv', year: YEAR });
    expect(first.json().report).toMatchObject({
      rows: 3,
      regions: 3,
      indicators: 1,
      observations: 3,
      missingCells: 0,
      newIndicators: [],
    });
    expect(first.json().report.written).toMatchObject({
      regionsCreated: 0,
      indicatorsCreated: [],
      inserted: 3,
      replaced: 0,
    });

    const before = await snapshotAnalysisTables();
    const again = await coordinator.request('POST', '/api/v1/imports', toBase64Upload(localFile()));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'unchanged', importId: first.json().importId });
    expect(await snapshotAnalysisTables()).toEqual(before);
  });

  it('shows the values, weighted by inhabitants, in the area profile, the series and the ranking', async () => {
    // Hand calculation, weights a_inw: focus area Noord + Zuid = (12.5 x 100 + 30 x 200) / 300;
    // the gemeente (no own row in the file) = its three buurten = (1250 + 6000 + 6 x 50) / 350.
    const areaValue = (12.5 * 100 + 30 * 200) / (100 + 200);
    const municipalityValue = (12.5 * 100 + 30 * 200 + 6 * 50) / (100 + 200 + 50);
    expect(areaValue).toBeCloseTo(24.1667, 4);
    expect(municipalityValue).toBeCloseTo(21.5714, 4);

    const profile = await viewer.request('GET', `/api/v1/approaches/${approachId}/area-profile?year=${YEAR}`);
    expect(profile.statusCode, profile.body).toBe(200);
    const local = (profile.json().indicators as ProfileIndicator[]).find((i) => i.key === key);
    expect(local).toMatchObject({ method: 'weighted_mean', coverage: 1 });
    expect(local!.value).toBeCloseTo(areaValue, 10);
    expect(local!.municipalityValue).toBeCloseTo(municipalityValue, 10);
    expect(local!.provenance.map((p) => [p.regionCode, p.fileName, p.column, p.row])).toEqual([
      [bu(own, '0101'), `wijkpeiling-${YEAR}-overlast.csv`, key, 2],
      [bu(own, '0102'), `wijkpeiling-${YEAR}-overlast.csv`, key, 3],
    ]);

    const series = await viewer.request(
      'GET',
      `/api/v1/approaches/${approachId}/indicator-series?indicator=${key}`,
    );
    expect(series.statusCode, series.body).toBe(200);
    // Another test adds the owner's 2018 values; YEAR is the year of this file.
    const pointOf = (development: { points: { year: number; value: number }[] }) =>
      development.points.find((p) => p.year === YEAR)!;
    expect(series.json().years).toContain(YEAR);
    expect(pointOf(series.json().area).value).toBeCloseTo(areaValue, 10);
    expect(pointOf(series.json().municipality).value).toBeCloseTo(municipalityValue, 10);

    const ranking = await viewer.request(
      'GET',
      `/api/v1/municipalities/${own}/rankings?indicator=${key}&year=${YEAR}`,
    );
    expect(ranking.statusCode, ranking.body).toBe(200);
    // Higher is worse: Zuid (30) is rank 1, then Noord (12.5), then West (6).
    expect(
      ranking
        .json()
        .buurten.map((b: { code: string; value: number; rank: number }) => [b.code, b.value, b.rank]),
    ).toEqual([
      [bu(own, '0102'), 30, 1],
      [bu(own, '0101'), 12.5, 2],
      [bu(own, '0103'), 6, 3],
    ]);
    expect(ranking.json().municipalityValue).toBeCloseTo(municipalityValue, 10);

    const map = await viewer.request(
      'GET',
      `/api/v1/municipalities/${own}/map?indicator=${key}&year=${YEAR}`,
    );
    expect(map.statusCode, map.body).toBe(200);
    expect(map.json().withoutGeometry).toEqual([bu(own, '0101'), bu(own, '0102'), bu(own, '0103')]);
  });

  it('refuses text in a value column with a precise 422 and writes nothing', async () => {
    const before = await snapshotAnalysisTables();
    const file = makeLocalCsv(`wijkpeiling-${YEAR}-tekst.csv`, key, [
      [bu(own, '0101'), 'Buurt Noord', '12,5'],
      [bu(own, '0102'), 'Buurt Zuid', 'veel'],
    ]);
    const response = await coordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
    expect(response.statusCode, response.body).toBe(422);
    const problem = problemOf(response);
    expect(problem.code).toBe('import_failed');
    expect(problem.errors).toEqual([
      {
        path: [file.fileName, 3, key],
        message: expect.stringMatching(/^kolom .*, rij 3: 'veel' is geen getal/),
      },
    ]);
    expect(await snapshotAnalysisTables()).toEqual(before);
  });

  it('refuses values from a coordinator of another municipality, for any region and for the same bytes', async () => {
    const before = await snapshotAnalysisTables();
    const ownRegions = makeLocalCsv(`peiling-${YEAR}-buren.csv`, key, [
      [bu(other, '0101'), 'Buurt Noord', '40'],
    ]);
    const theirRegions = makeLocalCsv(`peiling-${YEAR}-inbreken.csv`, key, [
      [bu(own, '0101'), 'Buurt Noord', '99'],
    ]);
    for (const file of [ownRegions, theirRegions, localFile()]) {
      const response = await otherCoordinator.request('POST', '/api/v1/imports', toBase64Upload(file));
      expect(response.statusCode, `${file.fileName}: ${response.body}`).toBe(422);
      const problem = problemOf(response);
      expect(problem.code).toBe('import_failed');
      expect(problem.errors![0]).toEqual({
        path: [file.fileName, 2, key],
        message: `kolom ${key}, rij 2: ${key} is een eigen indicator van een andere gemeente; alleen die gemeente en de platformbeheerder kunnen er waarden voor importeren`,
      });
      // The owner is not named to another municipality.
      expect(response.body).not.toContain(own);
    }
    expect(await snapshotAnalysisTables()).toEqual(before);
    const ranking = await coordinator.request(
      'GET',
      `/api/v1/municipalities/${own}/rankings?indicator=${key}&year=${YEAR}`,
    );
    expect(ranking.json().buurten.find((b: { code: string }) => b.code === bu(own, '0101')).value).toBe(12.5);
  });

  it('refuses a file with rows of other municipalities in the column, even from the administrator, who may import the owner’s values', async () => {
    // A file covering several municipalities that happens to carry a column with the same name.
    const wide = {
      fileName: `kwb-${YEAR}-meerdere-gemeenten.csv`,
      content: Buffer.from(
        [
          `gwb_code_10;regio;a_inw;${key}`,
          `${own};Eigen;350;20`,
          `${bu(own, '0101')};Buurt Noord;100;12,5`,
          `${other};Buren;300;.`,
          `${bu(other, '0102')};Buurt Zuid;200;31`,
          '',
        ].join('\n'),
        'utf8',
      ),
    };
    for (const client of [coordinator, admin]) {
      const before = await snapshotAnalysisTables();
      const response = await client.request('POST', '/api/v1/imports', toBase64Upload(wide));
      expect(response.statusCode, response.body).toBe(422);
      const problem = problemOf(response);
      expect(problem.code).toBe('import_failed');
      // Every row outside the owning municipality, also an empty cell (".") there.
      expect(problem.errors).toEqual([
        {
          path: [wide.fileName, 4, key],
          message: `kolom ${key}, rij 4: ${other} ligt niet in ${own}, de gemeente van eigen indicator ${key}; waarden alleen voor haar eigen gebieden`,
        },
        {
          path: [wide.fileName, 5, key],
          message: `kolom ${key}, rij 5: ${bu(other, '0102')} ligt niet in ${own}, de gemeente van eigen indicator ${key}; waarden alleen voor haar eigen gebieden`,
        },
      ]);
      expect(await snapshotAnalysisTables()).toEqual(before);
    }

    // The administrator may import the owner's values (here an earlier year of the wijkpeiling).
    const earlier = makeLocalCsv('wijkpeiling-2018-overlast.csv', key, [
      [bu(own, '0101'), 'Buurt Noord', '10'],
      [bu(own, '0102'), 'Buurt Zuid', '25'],
    ]);
    const response = await admin.request('POST', '/api/v1/imports', toBase64Upload(earlier));
    expect(response.statusCode, response.body).toBe(201);
    const series = (
      await viewer.request('GET', `/api/v1/approaches/${approachId}/indicator-series?indicator=${key}`)
    ).json();
    expect(series.years).toEqual([2018, YEAR]);
    // 2018: (10 x 100 + 25 x 200) / 300 = 20.
    expect(series.area.points.map((p: { year: number; value: number }) => [p.year, p.value])).toEqual([
      [2018, 20],
      [YEAR, expect.closeTo((12.5 * 100 + 30 * 200) / 300, 10)],
    ]);
  });

  it('never shows the local indicator to another municipality', async () => {
    const hasKey = (list: { key?: string; indicatorKey?: string }[]) =>
      list.some((i) => (i.key ?? i.indicatorKey) === key);

    expect((await otherCoordinator.request('GET', `/api/v1/indicators/${key}`)).statusCode).toBe(404);
    expect(hasKey((await otherCoordinator.request('GET', '/api/v1/indicators')).json())).toBe(false);

    // Rankings and map of the owning municipality, by the indicator's key.
    for (const path of ['rankings', 'map']) {
      const response = await otherCoordinator.request(
        'GET',
        `/api/v1/municipalities/${own}/${path}?indicator=${key}&year=${YEAR}`,
      );
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('12.5');
    }

    // Profiles: the other municipality's approach over the same buurten, and explicit regions.
    const profile = await otherCoordinator.request(
      'GET',
      `/api/v1/approaches/${otherApproachId}/area-profile?year=${YEAR}`,
    );
    expect(profile.statusCode).toBe(200);
    expect(profile.json().indicators.length).toBeGreaterThan(0);
    expect(hasKey(profile.json().indicators)).toBe(false);
    expect(
      (await otherCoordinator.request('GET', `/api/v1/area-profiles?regions=${bu(own, '0101')}&year=${YEAR}`))
        .statusCode,
    ).toBe(403);
    // The owner (and the administrator) do see it in the same kind of request.
    expect(
      hasKey(
        (await viewer.request('GET', `/api/v1/area-profiles?regions=${bu(own, '0101')}&year=${YEAR}`)).json()
          .indicators,
      ),
    ).toBe(true);
    expect(
      hasKey(
        (await admin.request('GET', `/api/v1/approaches/${otherApproachId}/area-profile?year=${YEAR}`)).json()
          .indicators,
      ),
    ).toBe(true);

    // Series.
    expect(
      (
        await otherCoordinator.request(
          'GET',
          `/api/v1/approaches/${otherApproachId}/indicator-series?indicator=${key}`,
        )
      ).statusCode,
    ).toBe(404);

    // Accumulation, of the approach and of the owning municipality's buurten.
    const areaAccumulation = await otherCoordinator.request(
      'GET',
      `/api/v1/approaches/${otherApproachId}/accumulation?year=${YEAR}`,
    );
    expect(areaAccumulation.statusCode, areaAccumulation.body).toBe(200);
    const municipalityAccumulation = await otherCoordinator.request(
      'GET',
      `/api/v1/municipalities/${own}/accumulation?year=${YEAR}`,
    );
    expect(municipalityAccumulation.statusCode, municipalityAccumulation.body).toBe(200);
    for (const body of [areaAccumulation.body, municipalityAccumulation.body])
      expect(body).not.toContain(key);

    // Early signals list every indicator they evaluated: the owner's approach includes it, the other's not.
    const ownSignals = await viewer.request(
      'GET',
      `/api/v1/approaches/${approachId}/early-signals?toYear=${YEAR}`,
    );
    expect(ownSignals.statusCode, ownSignals.body).toBe(200);
    expect(hasKey(ownSignals.json().evaluated)).toBe(true);
    const otherSignals = await otherCoordinator.request(
      'GET',
      `/api/v1/approaches/${otherApproachId}/early-signals?toYear=${YEAR}`,
    );
    expect(otherSignals.statusCode, otherSignals.body).toBe(200);
    expect(otherSignals.body).not.toContain(key);

    // The import history: the owner's file of own values (name, importer, report) stays with the
    // owner and the administrator; CBS files are everyone's.
    const historyOf = async (client: Client) => {
      const response = await client.request('GET', '/api/v1/imports?limit=500');
      expect(response.statusCode, response.body).toBe(200);
      return response.json().map((i: { importId: string }) => i.importId);
    };
    expect(await historyOf(coordinator)).toEqual(expect.arrayContaining([localImportId, ownCbsImportId]));
    expect(await historyOf(admin)).toEqual(expect.arrayContaining([localImportId, ownCbsImportId]));
    const otherHistory = await historyOf(otherCoordinator);
    expect(otherHistory).toContain(ownCbsImportId);
    expect(otherHistory).not.toContain(localImportId);

    // Evidence on a discussion point: the owner's approach may link the figure; for another
    // municipality's approach the indicator is as unknown as one that does not exist.
    const evidence = {
      version: 0,
      status: 'answered',
      answer: 'Zie cijfer.',
      evidence: [
        { kind: 'figure', title: 'Ervaren overlast', reference: `${key}@${YEAR}:${bu(own, '0101')}` },
      ],
    };
    const refused = await otherCoordinator.request(
      'PUT',
      `/api/v1/approaches/${otherApproachId}/cycles/1/points/1.1.1`,
      evidence,
    );
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: ['evidence', 0, 'reference'],
      message: `onbekende indicator ${key}`,
    });
    const linked = await coordinator.request(
      'PUT',
      `/api/v1/approaches/${approachId}/cycles/1/points/1.1.1`,
      evidence,
    );
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence[0]).toMatchObject({
      kind: 'figure',
      reference: `${key}@${YEAR}:${bu(own, '0101')}`,
    });
  });
});
