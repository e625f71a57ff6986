/**
 * Tables with more dimensions than region and period (47018NED "Geregistreerde misdrijven; soort
 * misdrijf, wijk en buurt", a health table by age group ...) have one row per region and combination
 * of the other dimensions' values. Each variable then splits into one indicator per combination:
 * "Geregistreerde misdrijven (Diefstal/inbraak woning)". The combination of totals ("Totaal
 * misdrijven", CBS key T001038, "0.0.0") is the variable itself, so it keeps the catalogue's meaning.
 */
import type { Indicator } from '../analysis/indicator.ts';
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { deriveIndicatorKey } from '../analysis/indicator-catalogue.ts';
import type { NewIndicators } from './new-indicators.ts';
import type { ValueColumn } from './wide-table.ts';

/** CBS's ways of writing "all values of this dimension": a title "Totaal ...", a key T001038, 0.0.0. */
export function isTotalLabel(label: string): boolean {
  const text = label.trim();
  return /^totaal\b/i.test(text) || /^T\d{6}$/.test(text) || /^0(\.0)+$/.test(text);
}

export interface DimensionSplitOptions {
  catalogue: IndicatorCatalogue;
  newIndicators: NewIndicators;
  /** Titles of dimension keys when the file has keys (raw variant): key -> title. */
  labelTitles?: ReadonlyMap<string, string>;
  /** The indicators this file created itself (their title and unit are not in the catalogue yet). */
  lookup?: (key: string) => Indicator | undefined;
}

/** Returns resolveIndicator for readWideRows: one indicator per (variable, combination of values). */
export function createDimensionSplit(
  options: DimensionSplitOptions,
): (column: ValueColumn, labels: readonly string[]) => string {
  const cache = new Map<string, string>();
  return (column, labels) => {
    const titles = labels.map((label) => options.labelTitles?.get(label.trim()) ?? label.trim());
    if (labels.every(isTotalLabel) || titles.every(isTotalLabel)) return column.indicatorKey;
    const cacheKey = `${column.index}\u0000${titles.join('\u0000')}`;
    const known = cache.get(cacheKey);
    if (known !== undefined) return known;
    const base = options.catalogue.get(column.indicatorKey) ?? options.lookup?.(column.indicatorKey);
    const shown = titles.filter((title) => !isTotalLabel(title));
    const key = options.newIndicators.obtain({
      originName: `${column.column} [${titles.join(', ')}]`,
      key: deriveIndicatorKey(`${column.indicatorKey} ${shown.join(' ')}`),
      title: `${base?.title ?? column.column} (${shown.join(', ')})`,
      ...(base !== undefined ? { leafTitle: base.title } : {}),
      unit: base?.unit ?? '',
    }).key;
    cache.set(cacheKey, key);
    return key;
  };
}
