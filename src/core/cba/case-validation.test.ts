import { describe, expect, it } from 'vitest';
import { DomainError, type FieldIssue } from '../errors.ts';
import { formatIssue } from './case-issues.ts';
import {
  MAX_CASE_ITEMS,
  MAX_HORIZON_YEARS,
  MAX_ITEMS_PER_ALTERNATIVE,
  MAX_NAME_LENGTH,
} from './case-schema.ts';
import { parseCase } from './case-validation.ts';

const validCase = () => ({
  name: 'Test',
  priceBaseYear: 2021,
  discountBaseYear: 2022,
  discountRate: 0.0225,
  startYear: 2022,
  endYear: 2050,
  items: [
    {
      label: 'Investering',
      type: 'cost',
      category: 'investment',
      party: 'gemeente',
      amounts: { '2022': 100 },
    },
    { label: 'Baat', type: 'benefit', category: 'care', party: 'zorgverzekeraar', amounts: { '2030': 150 } },
  ],
});

/** The issues of the DomainError that parseCase throws (fails the test if it does not throw one). */
function issuesOf(input: unknown): FieldIssue[] {
  try {
    parseCase(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_input');
    return (error as DomainError).issues;
  }
  throw new Error('parseCase accepted invalid input');
}

function withItem0(patch: Record<string, unknown>) {
  const input = validCase();
  return { ...input, items: [{ ...input.items[0], ...patch }, input.items[1]] };
}

describe('parseCase: bad input gets a precise error', () => {
  it('a year outside the horizon', () => {
    expect(issuesOf(withItem0({ amounts: { '2051': 100 } }))).toEqual([
      {
        path: ['items', 0, 'amounts', '2051'],
        message: 'jaar 2051 valt buiten de horizon 2022–2050',
        code: 'outside_horizon',
      },
    ]);
  });

  it('a discount rate of −100% or lower (below the minimum of −50%)', () => {
    for (const discountRate of [-1, -1.5]) {
      const issues = issuesOf({ ...validCase(), discountRate });
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['discountRate']);
      expect(issues[0]?.message).toContain('minstens −50%');
    }
  });

  it('a rate written as a percentage instead of a fraction', () => {
    const issues = issuesOf({ ...validCase(), discountRate: 2.25 });
    expect(issues[0]?.path).toEqual(['discountRate']);
    expect(issues[0]?.message).toContain('0.0225');
  });

  it('text as amount', () => {
    const issues = issuesOf(withItem0({ amounts: { '2030': 'veel' } }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['items', 0, 'amounts', '2030']);
    expect(issues[0]?.message).toBe('bedrag moet een getal zijn (euro’s), geen tekst (ontvangen: "veel")');
  });

  it('text as discount rate', () => {
    const issues = issuesOf({ ...validCase(), discountRate: '2,25%' });
    expect(issues[0]?.path).toEqual(['discountRate']);
    expect(issues[0]?.message).toContain('moet een getal zijn');
  });

  it('an end year before the start year, of the horizon and of a pattern', () => {
    expect(issuesOf({ ...validCase(), startYear: 2030, endYear: 2025, items: [] })).toContainEqual({
      path: ['endYear'],
      message: 'eindjaar 2025 ligt vóór beginjaar 2030',
      code: 'end_before_start',
    });
    expect(
      issuesOf(
        withItem0({
          amounts: undefined,
          patterns: [{ kind: 'yearly', startYear: 2030, endYear: 2028, amount: 1 }],
        }),
      ),
    ).toEqual([
      {
        path: ['items', 0, 'patterns', 0, 'endYear'],
        message: 'eindjaar 2028 ligt vóór beginjaar 2030',
        code: 'end_before_start',
      },
    ]);
  });

  it('a pattern year outside the horizon names the pattern field', () => {
    const issues = issuesOf(
      withItem0({
        amounts: undefined,
        patterns: [{ kind: 'growing', startYear: 2040, endYear: 2060, amount: 1, growthRate: 0.02 }],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['items', 0, 'patterns', 0, 'endYear'],
        message: 'jaar 2060 valt buiten de horizon 2022–2050',
      }),
    ]);
  });

  it('a growth rate of −100% or lower, and an unknown pattern kind', () => {
    const issues = issuesOf(
      withItem0({
        amounts: undefined,
        patterns: [
          { kind: 'growing', startYear: 2030, endYear: 2031, amount: 1, growthRate: -1 },
          { kind: 'monthly', amount: 1 },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      ['items', 0, 'patterns', 0, 'growthRate'],
      ['items', 0, 'patterns', 1, 'kind'],
    ]);
    expect(issues[0]?.message).toContain('groeivoet moet groter zijn dan −100%');
    expect(issues[1]?.message).toContain('"once", "yearly" of "growing"');
  });

  it('a year key that is not a year', () => {
    expect(issuesOf(withItem0({ amounts: { '20x1': 5 } }))[0]).toMatchObject({
      path: ['items', 0, 'amounts', '20x1'],
      message: '"20x1" is geen jaartal (gebruik vier cijfers, bijv. "2031")',
    });
  });

  it('a category that does not fit the type', () => {
    expect(issuesOf(withItem0({ category: 'care' }))[0]).toMatchObject({
      path: ['items', 0, 'category'],
      message: 'categorie "care" past niet bij kosten; kies een van investment, operation, other',
    });
  });

  it('an unknown party or type, a missing label, an unknown field with a suggestion', () => {
    const input = {
      ...withItem0({ party: 'provincie', type: 'kosten', label: undefined }),
      discount_rate: 0.03,
    };
    const issues = issuesOf(input);
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath['discount_rate']).toBe('onbekend veld "discount_rate"; bedoel je "discountRate"?');
    expect(byPath['items.0.label']).toBe('verplicht veld ontbreekt');
    expect(byPath['items.0.party']).toContain('rijk, gemeente, corporatie');
    expect(byPath['items.0.type']).toContain('"cost" of "benefit"');
  });

  it('an item without any amount', () => {
    expect(issuesOf(withItem0({ amounts: {} }))).toEqual([
      expect.objectContaining({ path: ['items', 0, 'amounts'], code: 'no_amounts' }),
    ]);
  });

  it('both items and alternatives, or neither', () => {
    const { items, ...header } = validCase();
    expect(issuesOf(header)).toEqual([expect.objectContaining({ path: ['items'], code: 'no_items' })]);
    expect(issuesOf({ ...header, items, alternatives: [{ name: 'A', items }] })).toEqual([
      expect.objectContaining({ path: ['alternatives'], code: 'ambiguous_shape' }),
    ]);
  });

  it('duplicate alternative ids and bad items inside an alternative', () => {
    const { items, ...header } = validCase();
    const issues = issuesOf({
      ...header,
      alternatives: [
        { id: 'x', name: 'A', items },
        { id: 'x', name: 'B', items: [{ ...items[0], amounts: { '1999': 1 } }] },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['alternatives', 1, 'id'],
      ['alternatives', 1, 'items', 0, 'amounts', '1999'],
    ]);
  });

  it('collects every issue at once, sorted by path', () => {
    const input = validCase();
    const issues = issuesOf({
      ...input,
      discountRate: -2,
      items: [
        { ...input.items[0], amounts: { '2051': 'veel', '2023': 1 } },
        { ...input.items[1], category: 'investment' },
      ],
    });
    expect(issues.map(formatIssue)).toEqual([
      'discountRate: discontovoet moet minstens −50% (−0.5) zijn',
      'items[0].amounts.2051: bedrag moet een getal zijn (euro’s), geen tekst (ontvangen: "veel")',
      'items[0].amounts.2051: jaar 2051 valt buiten de horizon 2022–2050',
      'items[1].category: categorie "investment" past niet bij baten; kies een van benefits_savings, care, safety_crime, education, property_value, liveability, other',
    ]);
  });

  it('a file that is not an object at all', () => {
    expect(issuesOf([])[0]?.path).toEqual([]);
    expect(issuesOf(null)[0]?.path).toEqual([]);
  });
});

describe('parseCase: valid input', () => {
  it('normalises the simple shape into one project alternative with merged amounts and defaults', () => {
    const { discountRate: _rate, ...withoutRate } = validCase();
    const parsed = parseCase({
      ...withoutRate,
      items: [
        {
          ...withoutRate.items[0],
          amounts: { '2022': 100, '2023': 1 },
          patterns: [{ kind: 'once', year: 2023, amount: 2 }],
        },
      ],
    });
    expect(parsed.discountRate).toBe(0.0225);
    expect(parsed.alternatives).toHaveLength(1);
    expect(parsed.alternatives[0]?.id).toBe('project');
    expect([...(parsed.alternatives[0]?.items[0]?.amounts ?? [])]).toEqual([
      [2022, 100],
      [2023, 3],
    ]);
    expect(parsed.sensitivity.itemVariation).toBe(0.2);
    expect(parsed.zeroAlternative.name).toBe('Nulalternatief');
  });
});

describe('parseCase: every list has a maximum, every amount a finite range (issue 10, findings 1 and 8)', () => {
  const item = (i: number) => ({
    label: `Item ${i}`,
    type: 'cost',
    category: 'other',
    party: 'gemeente',
    amounts: { '2022': 1 },
  });

  it('an amount of 1e308 (or any amount beyond a trillion euros) names the field', () => {
    for (const amount of [1e308, -1e308, 1e12 + 1]) {
      expect(issuesOf(withItem0({ amounts: { '2030': amount } }))).toEqual([
        expect.objectContaining({
          path: ['items', 0, 'amounts', '2030'],
          message: expect.stringContaining('1.000.000.000.000') as string,
        }),
      ]);
    }
    expect(
      issuesOf(withItem0({ amounts: undefined, patterns: [{ kind: 'once', year: 2030, amount: 1e308 }] })),
    ).toEqual([expect.objectContaining({ path: ['items', 0, 'patterns', 0, 'amount'] })]);
  });

  it('a growing pattern whose amount would grow beyond the range names the growth rate', () => {
    const issues = issuesOf(
      withItem0({
        amounts: undefined,
        patterns: [{ kind: 'growing', startYear: 2022, endYear: 2050, amount: 1e11, growthRate: 1 }],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: ['items', 0, 'patterns', 0, 'growthRate'], code: 'out_of_range' }),
    ]);
  });

  it('more items than the maximum in one alternative, or in the whole case', () => {
    const input = validCase();
    const tooMany = Array.from({ length: MAX_ITEMS_PER_ALTERNATIVE + 1 }, (_, i) => item(i));
    expect(issuesOf({ ...input, items: tooMany })).toEqual([
      expect.objectContaining({
        path: ['items'],
        message: `hoogstens ${MAX_ITEMS_PER_ALTERNATIVE} kosten- en batenposten per alternatief`,
      }),
    ]);
    const { items: _items, ...header } = input;
    const perAlternative = Math.ceil((MAX_CASE_ITEMS + 1) / 3);
    const alternatives = Array.from({ length: 3 }, (_, k) => ({
      name: `A${k}`,
      items: Array.from({ length: perAlternative }, (_, i) => item(i)),
    }));
    expect(issuesOf({ ...header, alternatives })).toEqual([
      expect.objectContaining({ path: ['alternatives'], code: 'too_many_items' }),
    ]);
  });

  it('a horizon longer than the maximum number of years', () => {
    expect(issuesOf({ ...validCase(), startYear: 2022, endYear: 2022 + MAX_HORIZON_YEARS })).toEqual([
      expect.objectContaining({ path: ['endYear'], code: 'horizon_too_long' }),
    ]);
  });

  it('a discount rate below −50%, where discounting over centuries would overflow', () => {
    const issues = issuesOf({ ...validCase(), discountRate: -0.99 });
    expect(issues).toEqual([expect.objectContaining({ path: ['discountRate'] })]);
    expect(issues[0]?.message).toContain('−50%');
  });

  it('too many patterns, effects, sensitivity rates, assumptions; too long texts', () => {
    const input = validCase();
    const paths = issuesOf({
      ...input,
      name: 'x'.repeat(MAX_NAME_LENGTH + 1),
      items: [
        {
          ...input.items[0],
          patterns: Array.from({ length: 21 }, () => ({ kind: 'once', year: 2030, amount: 1 })),
        },
      ],
      effects: Array.from({ length: 101 }, () => ({ label: 'e', score: '+' })),
      sensitivity: { discountRates: Array.from({ length: 11 }, () => 0.01) },
      assumptions: Array.from({ length: 101 }, () => 'a'),
    }).map((issue) => issue.path.join('.'));
    expect(paths).toEqual([
      'assumptions',
      'effects',
      'items.0.patterns',
      'name',
      'sensitivity.discountRates',
    ]);
  });
});
