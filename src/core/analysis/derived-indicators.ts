/**
 * Indicators Wijkkompas derives from published counts (catalogue entries with a `derivation`),
 * such as registered crime per 1 000 inhabitants: value = numerator / sum(denominators) x scale.
 * Counts depend on the size of an area and cannot be ranked; these rates can.
 */
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import type { IndicatorColumn, YearTable } from './year-table.ts';
import { STATUS_ABSENT, STATUS_MISSING, STATUS_OK } from './year-table.ts';

/** Returns a table with a column for every derived indicator whose inputs the table has. */
export function addDerivedIndicators(table: YearTable, catalogue: IndicatorCatalogue): YearTable {
  const columns = new Map(table.columns);
  const size = table.codes.length;
  for (const indicator of catalogue.indicators) {
    const derivation = indicator.derivation;
    if (derivation === undefined) continue;
    const numerator = table.columns.get(derivation.numerator);
    const denominators = derivation.denominator.map((key) => table.columns.get(key));
    if (numerator === undefined || denominators.some((column) => column === undefined)) continue;
    const inputs = [numerator, ...(denominators as IndicatorColumn[])];
    const column: IndicatorColumn = {
      key: indicator.key,
      values: new Float64Array(size).fill(Number.NaN),
      status: new Uint8Array(size),
      sourceRow: new Int32Array(size).fill(-1),
      sourceIndex: new Int16Array(size).fill(-1),
      derivedFrom: [derivation.numerator, ...derivation.denominator],
    };
    for (let i = 0; i < size; i++) {
      if (inputs.every((input) => input.status[i] === STATUS_ABSENT)) continue;
      let denominator = 0;
      let isComplete = numerator.status[i] === STATUS_OK;
      for (const input of denominators as IndicatorColumn[]) {
        if (input.status[i] !== STATUS_OK) isComplete = false;
        denominator += input.values[i] ?? 0;
      }
      if (isComplete && denominator > 0) {
        column.values[i] = ((numerator.values[i] ?? 0) / denominator) * derivation.scale;
        column.status[i] = STATUS_OK;
      } else {
        column.status[i] = STATUS_MISSING;
      }
    }
    columns.set(indicator.key, column);
  }
  return { ...table, columns };
}
