import { describe, expect, it } from 'vitest';
import { buildAreaProfile } from './area-profile.ts';
import { restrictToNationalFigures } from './country-coverage.ts';
import { buildIndicatorCatalogue } from './indicator-catalogue.ts';
import { makeYearTable } from './test-fixtures.ts';

const catalogue = buildIndicatorCatalogue();

describe('country figures only where they are national', () => {
  const rows = {
    BU00010001: { a_inw: 100, a_woning: 50 },
    BU00010002: { a_inw: 200, a_woning: 80 },
    BU00020001: { a_woning: 70 },
    BU00030001: { a_woning: 60 },
  };

  it('keeps a sum over enough buurten and drops one over a single municipality', () => {
    const table = makeYearTable(2024, { NL00: {}, ...rows });
    const profile = restrictToNationalFigures(
      buildAreaProfile({ table, catalogue, areaCodes: ['BU00010001'], indicatorKeys: ['a_inw', 'a_woning'] }),
      table,
    );
    const byKey = new Map(profile.indicators.map((i) => [i.key, i]));
    expect(byKey.get('a_woning')).toMatchObject({ countryValue: 260, percentileInCountry: 12.5 });
    // a_inw exists in 2 of 4 buurten: still half the country.
    expect(byKey.get('a_inw')).toMatchObject({ countryValue: 300 });
  });

  it('drops country figures when the table has no national file (no NL00)', () => {
    const table = makeYearTable(2024, rows);
    const profile = restrictToNationalFigures(
      buildAreaProfile({ table, catalogue, areaCodes: ['BU00010001'], indicatorKeys: ['a_woning'] }),
      table,
    );
    expect(profile.indicators[0]).toMatchObject({
      countryValue: null,
      percentileInCountry: null,
      positionInCountry: null,
    });
    expect(profile.indicators[0]!.country.value).toBeNull();
  });

  it('drops them when too few buurten have the figure', () => {
    const table = makeYearTable(2024, {
      NL00: {},
      ...rows,
      BU00040001: { a_woning: 1 },
      BU00050001: { a_woning: 1 },
    });
    const profile = restrictToNationalFigures(
      buildAreaProfile({ table, catalogue, areaCodes: ['BU00010001'], indicatorKeys: ['a_inw'] }),
      table,
    );
    expect(profile.indicators[0]).toMatchObject({ countryValue: null, percentileInCountry: null });
  });
});
