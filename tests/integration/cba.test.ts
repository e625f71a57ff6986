import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_ALTERNATIVE } from '../../src/core/cba/case-schema.ts';
import { buildScenario, countAudit, getTestApp, problemOf } from './harness.ts';

const simpleCase = {
  name: 'Wijkpunt Overvecht',
  priceBaseYear: 2024,
  discountBaseYear: 2025,
  discountRate: 0.0225,
  startYear: 2025,
  endYear: 2027,
  items: [
    {
      label: 'Inrichting',
      type: 'cost',
      category: 'investment',
      party: 'gemeente',
      amounts: { '2025': 100000 },
    },
    {
      label: 'Minder uitkeringen',
      type: 'benefit',
      category: 'benefits_savings',
      party: 'gemeente',
      amounts: { '2026': 60000, '2027': 60000 },
    },
  ],
};

describe('MKBA in an approach', () => {
  it('evaluates the seed template to about 1.5 euro per euro', async () => {
    const s = await buildScenario();
    const detail = (
      await s.viewer.request('GET', `/api/v1/approaches/${s.approach.id}/cba-cases/${s.cbaCase.id}`)
    ).json();
    expect(detail.name).toMatch(/16 stedelijke vernieuwingsgebieden/);
    expect(detail.result.benefitCostRatio).toBeGreaterThan(1.45);
    expect(detail.result.benefitCostRatio).toBeLessThan(1.55);
    expect(detail.result.method).toContain('× (1 + 0,0225)^−(t − 2022)');
  });

  it('stores a case, evaluates it by hand-checkable figures, and refuses a stale update', async () => {
    const s = await buildScenario();
    const created = await s.partner.request('POST', `/api/v1/approaches/${s.approach.id}/cba-cases`, {
      caseFile: simpleCase,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    // PV costs = 100000 (base year 2025); PV benefits = 60000/1.0225 + 60000/1.0225^2.
    const pvBenefits = 60000 / 1.0225 + 60000 / 1.0225 ** 2;
    expect(c.result.presentValueCosts).toBeCloseTo(100000, 6);
    expect(c.result.presentValueBenefits).toBeCloseTo(pvBenefits, 6);
    expect(c.netPresentValue).toBeCloseTo(pvBenefits - 100000, 6);
    expect(await countAudit('cba_case', c.id)).toBe(1);
    const updated = await s.coordinator.request(
      'PUT',
      `/api/v1/approaches/${s.approach.id}/cba-cases/${c.id}`,
      { version: 1, caseFile: { ...simpleCase, discountRate: 0 } },
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json().netPresentValue).toBeCloseTo(20000, 6);
    const stale = await s.partner.request('PUT', `/api/v1/approaches/${s.approach.id}/cba-cases/${c.id}`, {
      version: 1,
      caseFile: simpleCase,
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).current).toMatchObject({ version: 2 });
  });

  it('names the bad field of a case file with its full path', async () => {
    const s = await buildScenario();
    const bad = { ...simpleCase, items: [{ ...simpleCase.items[0], amounts: { '2031': 5 } }] };
    const response = await s.coordinator.request('POST', `/api/v1/approaches/${s.approach.id}/cba-cases`, {
      caseFile: bad,
    });
    expect(response.statusCode).toBe(400);
    const paths = problemOf(response).errors!.map((e) => e.path.join('.'));
    expect(paths).toContain('caseFile.items.0.amounts.2031');
  });

  it('links a case as evidence to discussion point 2.4.2, only within the same approach', async () => {
    const s = await buildScenario();
    const other = await buildScenario();
    const url = `/api/v1/approaches/${s.approach.id}/cycles/1/points/2.4.2`;
    const foreign = await s.coordinator.request('PUT', url, {
      version: 0,
      status: 'answered',
      answer: 'Zie MKBA.',
      evidence: [{ kind: 'cba_case', title: 'MKBA', reference: other.cbaCase.id }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemOf(foreign).errors![0]!.path).toEqual(['evidence', 0, 'reference']);
    const own = await s.coordinator.request('PUT', url, {
      version: 0,
      status: 'answered',
      answer: 'Zie MKBA.',
      evidence: [{ kind: 'cba_case', title: 'MKBA 16 gebieden', reference: s.cbaCase.id }],
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().evidence).toEqual([
      { kind: 'cba_case', title: 'MKBA 16 gebieden', reference: s.cbaCase.id },
    ]);
  });
});

describe('MKBA: bounds and stored cases that no longer evaluate (issue 10, findings 1 and 8)', () => {
  const casesUrl = (approachId: string) => `/api/v1/approaches/${approachId}/cba-cases`;

  it('refuses amounts of 1e308 with a 400 naming the field, stores nothing, and the list keeps answering', async () => {
    const s = await buildScenario();
    const before = (await s.viewer.request('GET', casesUrl(s.approach.id))).json() as unknown[];
    const huge = {
      ...simpleCase,
      items: [{ ...simpleCase.items[0], amounts: { '2025': 1e308 } }, simpleCase.items[1]],
    };
    const created = await s.coordinator.request('POST', casesUrl(s.approach.id), { caseFile: huge });
    expect(created.statusCode, created.body).toBe(400);
    expect(problemOf(created).errors!.map((e) => e.path.join('.'))).toEqual([
      'caseFile.items.0.amounts.2025',
    ]);
    const evaluated = await s.coordinator.request('POST', '/api/v1/cba-evaluations', { caseFile: huge });
    expect(evaluated.statusCode).toBe(400);
    const list = await s.viewer.request('GET', casesUrl(s.approach.id));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(before.length);
  });

  it('refuses a case with more items than the maximum, naming the list', async () => {
    const s = await buildScenario();
    const items = Array.from({ length: MAX_ITEMS_PER_ALTERNATIVE + 1 }, (_, i) => ({
      ...simpleCase.items[0],
      label: `Post ${i}`,
    }));
    const response = await s.coordinator.request('POST', casesUrl(s.approach.id), {
      caseFile: { ...simpleCase, items },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((e) => e.path.join('.'))).toEqual(['caseFile.items']);
  });

  it('lists and opens a stored case that no longer evaluates, flagged with its problems, never a 500', async () => {
    const s = await buildScenario();
    const { database } = await getTestApp();
    // A case written before the bounds existed (straight into the table, as an old release could).
    const [row] = await database.handle.query<{ id: string }>(
      `INSERT INTO cba_cases (approach_id, name, case_file) VALUES ($1, 'Oud', $2::jsonb) RETURNING id`,
      [
        s.approach.id,
        JSON.stringify({
          ...simpleCase,
          name: 'Oud',
          // Two amounts of 1e308 add up to Infinity, which no JSON answer can carry.
          items: [
            { ...simpleCase.items[0], amounts: { '2025': 1e308 } },
            { ...simpleCase.items[0], amounts: { '2025': 1e308 } },
          ],
        }),
      ],
    );
    const list = await s.viewer.request('GET', casesUrl(s.approach.id));
    expect(list.statusCode, list.body).toBe(200);
    const listed = (list.json() as { id: string; netPresentValue: unknown; problemCount: number }[]).find(
      (c) => c.id === row!.id,
    );
    expect(listed).toMatchObject({ netPresentValue: null, problemCount: 2 });
    const template = (list.json() as { id: string; problemCount: number }[]).find(
      (c) => c.id === s.cbaCase.id,
    );
    expect(template?.problemCount).toBe(0);
    const detail = await s.viewer.request('GET', `${casesUrl(s.approach.id)}/${row!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      result: null,
      problems: [
        { path: ['caseFile', 'items', 0, 'amounts', '2025'] },
        { path: ['caseFile', 'items', 1, 'amounts', '2025'] },
      ],
    });
  });
});
