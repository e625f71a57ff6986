import { describe, expect, it } from 'vitest';
import { DomainError, type FieldIssue } from '../errors.ts';
import { formatIssue } from './case-issues.ts';
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

  it('a discount rate of −100% or lower', () => {
    for (const discountRate of [-1, -1.5]) {
      const issues = issuesOf({ ...validCase(), discountRate });
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['discountRate']);
      expect(issues[0]?.message).toContain('groter zijn dan −100%');
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
      'discountRate: discontovoet moet groter zijn dan −100% (−1)',
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
