/**
 * Aggregation of an indicator over the parts of an area (a focus area's buurten, a wijk's buurten).
 * - count: summed.
 * - percentage / average: weighted by the indicator's own base, sum(value x base) / sum(base): the
 *   exact figure for the whole when the parts' values are ratios over that base (CBS computes a
 *   wijk's p_huurw as rented dwellings / dwellings, which equals the dwelling-weighted mean of its
 *   buurten). Never a plain mean of percentages.
 * - code (stedelijkheid, postcode) and indicators without a published base (medians, per-type
 *   averages): not aggregated; the result says why.
 * Parts without a value (or base) are left out and reported: `coverage` is the share of the base
 * (or, lacking complete bases, of the parts) that had what the method needs. Nothing is guessed.
 */
import { DomainError } from '../errors.ts';
import type { Indicator } from './indicator.ts';
import { getAggregationMethod } from './indicator.ts';

export interface AggregationPart {
  regionCode: string;
  value: number | null;
  /** The base of this part (sum of the base keys); null when unknown. Ignored for counts. */
  base: number | null;
}

export interface AggregateResult {
  indicatorKey: string;
  method: 'sum' | 'weighted_mean' | 'none';
  value: number | null;
  /** Share in [0, 1] of the area the value covers; 1 when every part contributed. */
  coverage: number;
  coverageBasis: 'base' | 'parts';
  partsTotal: number;
  partsUsed: number;
  /** Parts left out because their value (or base) is unknown. */
  missingParts: string[];
  /** Sum of the base over the parts used (weighted means only). */
  weightUsed: number | null;
  /** Why value is null, in Dutch. */
  reason?: string;
}

function isKnown(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

export function aggregateParts(indicator: Indicator, parts: readonly AggregationPart[]): AggregateResult {
  const method = getAggregationMethod(indicator);
  const base: AggregateResult = {
    indicatorKey: indicator.key,
    method,
    value: null,
    coverage: 0,
    coverageBasis: 'parts',
    partsTotal: parts.length,
    partsUsed: 0,
    missingParts: [],
    weightUsed: null,
  };
  if (parts.length === 0) return { ...base, reason: 'het gebied heeft geen delen' };
  if (method === 'none') {
    return {
      ...base,
      missingParts: parts.map((part) => part.regionCode),
      reason:
        indicator.notAggregatableReason ??
        (indicator.kind === 'code'
          ? 'een code of klasse is niet op te tellen'
          : 'geen basis om mee te wegen'),
    };
  }
  if (method === 'sum') {
    let sum = 0;
    let used = 0;
    const missingParts: string[] = [];
    for (const part of parts) {
      if (isKnown(part.value)) {
        sum += part.value;
        used++;
      } else missingParts.push(part.regionCode);
    }
    return {
      ...base,
      value: used > 0 ? sum : null,
      coverage: used / parts.length,
      partsUsed: used,
      missingParts,
      ...(used === 0 ? { reason: 'geen enkel deel heeft een waarde' } : {}),
    };
  }
  let weightedSum = 0;
  let weightUsed = 0;
  let weightAll = 0;
  let used = 0;
  let hasAllBases = true;
  const missingParts: string[] = [];
  for (const part of parts) {
    if (part.base !== null && part.base < 0) {
      throw new DomainError('invalid_input', `Negatieve basis voor ${part.regionCode}.`, {
        issues: [{ path: ['parts', part.regionCode, 'base'], message: 'een basis kan niet negatief zijn' }],
      });
    }
    if (isKnown(part.base)) weightAll += part.base;
    else hasAllBases = false;
    if (isKnown(part.value) && isKnown(part.base)) {
      weightedSum += part.value * part.base;
      weightUsed += part.base;
      used++;
    } else missingParts.push(part.regionCode);
  }
  const isBaseCoverage = hasAllBases && weightAll > 0;
  const coverage = isBaseCoverage ? weightUsed / weightAll : used / parts.length;
  const result: AggregateResult = {
    ...base,
    coverage,
    coverageBasis: isBaseCoverage ? 'base' : 'parts',
    partsUsed: used,
    missingParts,
    weightUsed,
  };
  if (weightUsed > 0) return { ...result, value: weightedSum / weightUsed };
  return {
    ...result,
    reason: used === 0 ? 'geen enkel deel heeft een waarde en een basis' : 'de basis is nul',
  };
}
