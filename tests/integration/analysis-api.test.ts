/**
 * The analysis API on real CBS data (Utrecht 2023 and 2024): the area profile of Overvecht
 * reproduces the CBS wijk row, every figure carries its provenance, and the rankings, series,
 * accumulation, early signals, map, interpretations, local indicators and figure evidence work
 * through HTTP with the access rules of the approach.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EARLY_SIGNAL_METHOD_NL } from '../../src/core/analysis/early-signals.ts';
import {
  buildApproachInput,
  buildMunicipality,
  buildScenario,
  buildUser,
  countAudit,
  login,
  problemOf,
} from './harness.ts';
import {
  ensureUtrechtData,
  ensureUtrechtMunicipality,
  OVERVECHT_BUURTEN,
  readCbsRow,
} from './analysis-harness.ts';

type Scenario = Awaited<ReturnType<typeof buildScenario>>;

describe('the analysis API on Utrecht', () => {
  let s: Scenario;
  let overvecht: { id: string };
  const A = () => `/api/v1/approaches/${overvecht.id}`;

  beforeAll(async () => {
    await ensureUtrechtData();
    s = await buildScenario();
    const created = await s.coordinator.request(
      'POST',
      '/api/v1/approaches',
      buildApproachInput({
        title: 'Wijkaanpak Overvecht',
        focusArea: OVERVECHT_BUURTEN,
        focusAreaYear: 2023,
      }),
    );
    expect(created.statusCode).toBe(201);
    overvecht = created.json();
    await s.coordinator.request('POST', `${A()}/members`, {
      email: s.users.partnerUser.email,
      role: 'partner',
    });
  });

  it('reproduces the CBS row of Overvecht (WK034403) from its ten buurten for a_inw and p_huurw, 2023', async () => {
    const wijk = await readCbsRow(2023, 'WK034403');
    const response = await s.viewer.request('GET', `${A()}/area-profile?year=2023`);
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(profile.regions.map((r: { code: string }) => r.code)).toEqual(OVERVECHT_BUURTEN);
    const byKey = new Map(profile.indicators.map((i: { key: string }) => [i.key, i])) as Map<
      string,
      { value: number; coverage: number; method: string; provenance: Record<string, unknown>[] }
    >;
    const inhabitants = byKey.get('a_inw')!;
    // CBS rounds persons to 5 per buurt and per wijk: at most (10 + 1) x 2.5 apart.
    expect(Math.abs(inhabitants.value - Number(wijk.a_inw))).toBeLessThanOrEqual(27.5);
    expect(inhabitants).toMatchObject({ coverage: 1, method: 'sum' });
    const rented = byKey.get('p_huurw')!;
    // Whole percentages, weighted by dwellings: within half a percent point.
    expect(Math.abs(rented.value - Number(wijk.p_huurw))).toBeLessThanOrEqual(0.5);
    expect(rented.method).toBe('weighted_mean');
    expect(rented.provenance).toHaveLength(10);
    expect(rented.provenance[0]).toMatchObject({
      regionCode: 'BU03440311',
      indicatorKey: 'p_huurw',
      year: 2023,
      fileName: 'kwb-2023-utrecht.xlsx',
      column: 'p_huurw',
      status: 'ok',
      row: expect.any(Number),
    });
    expect(profile.attribution).toBe('Bron: CBS');
  });

  it('gives the municipality its own CBS row and no country figure where only Utrecht was imported', async () => {
    const gemeente = await readCbsRow(2023, 'GM0344');
    const profile = (await s.viewer.request('GET', `${A()}/area-profile?year=2023`)).json();
    const inhabitants = profile.indicators.find((i: { key: string }) => i.key === 'a_inw');
    expect(inhabitants.municipalityValue).toBe(Number(gemeente.a_inw));
    expect(inhabitants.countryValue).toBeNull();
    expect(inhabitants.countryNote).toMatch(/geen landelijk cijfer/);
  });

  it('profiles explicit regions only of the actor’s own municipality', async () => {
    const outsider = await login(
      (await buildUser({ organisationCode: (await buildMunicipality()).code, role: 'coordinator' })).email,
    );
    const forbidden = await outsider.request(
      'GET',
      `/api/v1/area-profiles?regions=${OVERVECHT_BUURTEN.join(',')}&year=2023`,
    );
    expect(forbidden.statusCode).toBe(403);
    await ensureUtrechtMunicipality();
    const utrecht = await login((await buildUser({ organisationCode: 'GM0344', role: 'viewer' })).email);
    const own = await utrecht.request('GET', `/api/v1/area-profiles?regions=WK034403&year=2023`);
    expect(own.statusCode).toBe(200);
    expect(own.json().indicators.find((i: { key: string }) => i.key === 'a_inw')).toMatchObject({
      method: 'observed',
      value: Number((await readCbsRow(2023, 'WK034403')).a_inw),
    });
  });

  it('hides the analysis of an approach from other municipalities (404)', async () => {
    const outsider = await login(
      (await buildUser({ organisationCode: (await buildMunicipality()).code, role: 'coordinator' })).email,
    );
    for (const path of [
      'area-profile?year=2023',
      'indicator-series?indicator=a_inw',
      'accumulation?year=2023',
      'early-signals',
      'interpretations',
    ]) {
      const response = await outsider.request('GET', `${A()}/${path}`);
      expect(response.statusCode, path).toBe(404);
    }
  });

  it('shows the development over the years for area, municipality and country', async () => {
    const response = await s.viewer.request('GET', `${A()}/indicator-series?indicator=a_inw`);
    expect(response.statusCode).toBe(200);
    const series = response.json();
    const points = new Map(series.area.points.map((p: { year: number; value: number }) => [p.year, p.value]));
    expect(points.has(2023) && points.has(2024)).toBe(true);
    const municipality = series.municipality.points.find((p: { year: number }) => p.year === 2024);
    expect(municipality).toMatchObject({
      method: 'observed',
      value: Number((await readCbsRow(2024, 'GM0344')).a_inw),
    });
    expect(municipality.provenance[0]).toMatchObject({
      fileName: 'kwb-2024-utrecht.xlsx',
      regionCode: 'GM0344',
    });
  });

  it('ranks the buurten of Utrecht with rank and percentile', async () => {
    const response = await s.viewer.request(
      'GET',
      '/api/v1/municipalities/GM0344/rankings?indicator=p_huurw&year=2023',
    );
    expect(response.statusCode).toBe(200);
    const ranking = response.json();
    const ranked = ranking.buurten.filter((b: { rank: number | null }) => b.rank !== null);
    expect(ranked.length).toBe(ranking.n);
    const values = ranked.map((b: { value: number }) => b.value);
    // The rented share is neutral (neither good nor bad): rank 1 is the highest share, and there is no "worst" end.
    expect(ranked[0].value).toBe(Math.max(...values));
    expect(ranked[0].percentileInMunicipality).toBeGreaterThan(95);
    expect(ranked[0].worstPercentileInMunicipality).toBeNull();
    expect(ranked[0].provenance[0]).toMatchObject({
      fileName: 'kwb-2023-utrecht.xlsx',
      column: 'p_huurw',
      year: 2023,
    });
  });

  it('computes accumulation for the focus area and for every buurt, with a configurable worst share', async () => {
    const area = await s.viewer.request('GET', `${A()}/accumulation?year=2023&worstShare=0.3`);
    expect(area.statusCode).toBe(200);
    const body = area.json();
    expect(body.worstShare).toBe(0.3);
    expect(body.buurten.map((b: { regionCode: string }) => b.regionCode).sort()).toEqual(OVERVECHT_BUURTEN);
    expect(body.area.domainCount).toBe(body.area.domains.length);
    const all = await s.viewer.request('GET', '/api/v1/municipalities/GM0344/accumulation?year=2023');
    expect(all.statusCode).toBe(200);
    expect(all.json().buurten).toHaveLength(111);
    expect((await s.viewer.request('GET', `${A()}/accumulation?year=2023&worstShare=1`)).statusCode).toBe(
      400,
    );
  });

  it('explains the method of early signals', async () => {
    const response = await s.viewer.request('GET', `${A()}/early-signals`);
    expect(response.statusCode).toBe(200);
    expect(response.json().method).toBe(EARLY_SIGNAL_METHOD_NL);
    expect(response.json().municipalityCode).toBe('GM0344');
  });

  it('maps the 111 buurten of Utrecht with the value of each', async () => {
    const response = await s.viewer.request(
      'GET',
      '/api/v1/municipalities/GM0344/map?indicator=p_huurw&year=2023',
    );
    expect(response.statusCode).toBe(200);
    const map = response.json();
    expect(map).toMatchObject({ type: 'FeatureCollection', geometryYear: 2024, withoutGeometry: [] });
    expect(map.features).toHaveLength(111);
    const ranking = (
      await s.viewer.request('GET', '/api/v1/municipalities/GM0344/rankings?indicator=p_huurw&year=2023')
    ).json();
    const feature = map.features.find((f: { id: string }) => f.id === 'BU03440311');
    expect(feature.geometry.type).toBe('Polygon');
    expect(feature.properties.value).toBe(
      ranking.buurten.find((b: { code: string }) => b.code === 'BU03440311').value,
    );
  });

  it('keeps interpretations per approach: partners add, viewers read, every note audited', async () => {
    const added = await s.partner.request('POST', `${A()}/interpretations`, {
      indicatorKey: 'p_huurw',
      year: 2023,
      text: 'Veel portiekflats van de corporatie.',
      notedOn: '2025-02-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      authorName: 'Partner',
      regionCodes: OVERVECHT_BUURTEN,
      notedOn: '2025-02-01',
    });
    expect(await countAudit('interpretation', String(added.json().id))).toBe(1);
    expect(
      (
        await s.viewer.request('POST', `${A()}/interpretations`, {
          indicatorKey: 'p_huurw',
          year: 2023,
          text: 'Mag niet.',
        })
      ).statusCode,
    ).toBe(403);
    const foreign = await s.partner.request('POST', `${A()}/interpretations`, {
      indicatorKey: 'p_huurw',
      year: 2023,
      text: 'Elders',
      regionCodes: ['BU03630001'],
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemOf(foreign).errors![0]!.path).toEqual(['regionCodes', 0]);
    const list = await s.viewer.request('GET', `${A()}/interpretations?indicator=p_huurw`);
    expect(list.json().map((i: { text: string }) => i.text)).toContain(
      'Veel portiekflats van de corporatie.',
    );
  });

  it('links a figure as evidence to a discussion point, and refuses a figure that does not exist', async () => {
    const url = `${A()}/cycles/1/points/1.1.1`;
    const unknown = await s.coordinator.request('PUT', url, {
      version: 0,
      status: 'answered',
      answer: 'Zie cijfer.',
      evidence: [{ kind: 'figure', title: 'Onbekend', reference: 'bestaat_niet@2023:WK034403' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(problemOf(unknown).errors![0]).toMatchObject({
      path: ['evidence', 0, 'reference'],
      message: expect.stringContaining('onbekende indicator'),
    });
    const malformed = await s.coordinator.request('PUT', url, {
      version: 0,
      status: 'answered',
      answer: 'Zie cijfer.',
      evidence: [{ kind: 'figure', title: 'Fout', reference: 'p_huurw 2023 Overvecht' }],
    });
    expect(malformed.statusCode).toBe(400);
    const linked = await s.coordinator.request('PUT', url, {
      version: 0,
      status: 'answered',
      answer: 'Zie cijfer.',
      evidence: [
        { kind: 'figure', title: 'Huurwoningen Overvecht 2023', reference: 'p_huurw@2023:WK034403' },
      ],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence[0]).toMatchObject({ kind: 'figure', reference: 'p_huurw@2023:WK034403' });
  });

  it('adds a local indicator that only its own municipality sees', async () => {
    const key = `eigen_${s.municipality.code.toLowerCase()}`;
    const input = {
      key,
      title: 'Ervaren overlast (wijkpeiling)',
      unit: '%',
      domain: 'safety',
      direction: 'higher_is_worse',
      kind: 'percentage',
      baseKeys: ['a_inw'],
    };
    expect((await s.viewer.request('POST', '/api/v1/indicators', input)).statusCode).toBe(403);
    const created = await s.coordinator.request('POST', '/api/v1/indicators', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      key,
      origin: 'local',
      municipalityCode: s.municipality.code,
      base: { keys: ['a_inw'] },
    });
    expect((await s.coordinator.request('POST', '/api/v1/indicators', input)).statusCode).toBe(409);
    expect((await s.viewer.request('GET', `/api/v1/indicators/${key}`)).statusCode).toBe(200);
    const outsider = await login(
      (await buildUser({ organisationCode: (await buildMunicipality()).code, role: 'coordinator' })).email,
    );
    expect((await outsider.request('GET', `/api/v1/indicators/${key}`)).statusCode).toBe(404);
    expect(
      (await outsider.request('GET', '/api/v1/indicators'))
        .json()
        .some((i: { key: string }) => i.key === key),
    ).toBe(false);
  });

  it('applies a change of focus area or membership to the next analysis request at once', async () => {
    // The service keeps an approach's focus area per user a few seconds (decision 0105); a change
    // made through this server must not wait for that.
    const created = await s.coordinator.request(
      'POST',
      '/api/v1/approaches',
      buildApproachInput({
        title: 'Kern van Overvecht',
        focusArea: OVERVECHT_BUURTEN.slice(0, 2),
        focusAreaYear: 2023,
      }),
    );
    expect(created.statusCode).toBe(201);
    const approach = created.json();
    const url = `/api/v1/approaches/${approach.id}/area-profile?year=2023`;
    expect(
      (
        await s.coordinator.request('POST', `/api/v1/approaches/${approach.id}/members`, {
          email: s.users.partnerUser.email,
          role: 'partner',
        })
      ).statusCode,
    ).toBe(201);
    const before = await s.partner.request('GET', url);
    expect(before.statusCode).toBe(200);
    expect(before.json().regions.map((r: { code: string }) => r.code)).toEqual(OVERVECHT_BUURTEN.slice(0, 2));

    const patched = await s.coordinator.request('PATCH', `/api/v1/approaches/${approach.id}`, {
      version: approach.version,
      focusArea: OVERVECHT_BUURTEN.slice(0, 3),
    });
    expect(patched.statusCode).toBe(200);
    const after = await s.partner.request('GET', url);
    expect(after.json().regions.map((r: { code: string }) => r.code)).toEqual(OVERVECHT_BUURTEN.slice(0, 3));

    expect(
      (
        await s.coordinator.request(
          'DELETE',
          `/api/v1/approaches/${approach.id}/members/${s.users.partnerUser.id}`,
        )
      ).statusCode,
    ).toBe(204);
    const removed = await s.partner.request('GET', url);
    expect(removed.statusCode).toBe(404);
  });

  it('lists years and the regions of a municipality in a year', async () => {
    const years = (await s.viewer.request('GET', '/api/v1/analysis-years'))
      .json()
      .map((y: { year: number }) => y.year);
    expect(years).toEqual(expect.arrayContaining([2023, 2024]));
    const regions = await s.viewer.request('GET', '/api/v1/municipalities/GM0344/regions?year=2023&level=WK');
    expect(regions.json().map((r: { code: string }) => r.code)).toHaveLength(10);
    expect(regions.json().find((r: { code: string }) => r.code === 'WK034403')).toMatchObject({
      name: 'Wijk 03 Overvecht',
      parentCode: 'GM0344',
    });
  });
});
