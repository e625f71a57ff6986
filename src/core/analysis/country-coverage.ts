/**
 * "Nederland" only where the figures are national. A year table holds whatever files were
 * imported: a national file (all buurten) next to one municipality's own file. Summing a_inw over
 * "all buurten of the table" then gives that municipality, not the country, and a percentile among
 * them is a percentile in that municipality. So a country value or percentile is shown only when
 * the table knows the country (an NL00 row from a national file) and the figure covers at least
 * `minShare` of the country's buurten in that table; otherwise it is null and says why.
 */
import type { AreaProfile, AreaProfileIndicator } from './area-profile.ts';
import type { YearTable } from './year-table.ts';

export const MIN_COUNTRY_SHARE = 0.5;

export const NOT_NATIONAL_NOTE =
  'geen landelijk cijfer: dit jaar zijn alleen cijfers van een deel van de buurten geïmporteerd';

/** Whether `n` buurten with a figure are a fair picture of the country in this table. */
export function isNationalCoverage(table: YearTable, n: number, minShare = MIN_COUNTRY_SHARE): boolean {
  return table.index.has('NL00') && table.buurten.length > 0 && n >= minShare * table.buurten.length;
}

function restrictIndicator(
  table: YearTable,
  indicator: AreaProfileIndicator,
  minShare: number,
): AreaProfileIndicator & { countryNote?: string } {
  const isObserved = indicator.country.method === 'observed';
  const hasCountryValue = isObserved || (table.index.has('NL00') && indicator.country.coverage >= minShare);
  const hasCountryPosition =
    indicator.positionInCountry !== null &&
    isNationalCoverage(table, indicator.positionInCountry.n, minShare);
  if (hasCountryValue && (hasCountryPosition || indicator.positionInCountry === null)) return indicator;
  return {
    ...indicator,
    countryValue: hasCountryValue ? indicator.countryValue : null,
    country: hasCountryValue ? indicator.country : { ...indicator.country, value: null },
    percentileInCountry: hasCountryPosition ? indicator.percentileInCountry : null,
    positionInCountry: hasCountryPosition ? indicator.positionInCountry : null,
    countryNote: NOT_NATIONAL_NOTE,
  };
}

export function restrictToNationalFigures(
  profile: AreaProfile,
  table: YearTable,
  minShare = MIN_COUNTRY_SHARE,
): AreaProfile {
  return {
    ...profile,
    indicators: profile.indicators.map((indicator) => restrictIndicator(table, indicator, minShare)),
  };
}
