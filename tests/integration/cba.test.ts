import { describe, expect, it } from 'vitest';
import { buildScenario, countAudit, problemOf } from './harness.ts';

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
