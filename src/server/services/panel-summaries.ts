/**
 * Aggregates of citizens' panels: counts per feature value, the canonical quota file, and the
 * summary of a selection run (what partners may see and what is kept after the purge).
 */
import { computeGini } from '../../core/sortition/gini.ts';
import type { PanelDistribution, Quota } from '../../core/sortition/types.ts';
import type { FeatureCounts, RunSummary } from '../../db/schema/panels.ts';

/** Registrants per feature and value. */
export function countFeatureValues(
  rows: readonly { values: Readonly<Record<string, string>> }[],
  features: readonly string[],
): FeatureCounts {
  const counts: FeatureCounts = {};
  for (const feature of features) counts[feature] = {};
  for (const row of rows) {
    for (const feature of features) {
      const value = row.values[feature] ?? '';
      counts[feature]![value] = (counts[feature]![value] ?? 0) + 1;
    }
  }
  return counts;
}

/** The counts as a sorted list (features in column order, values alphabetically). */
export function listFeatureCounts(counts: FeatureCounts, features: readonly string[], total: number) {
  return features.map((category) => ({
    category,
    values: Object.entries(counts[category] ?? {})
      .sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .map(([value, count]) => ({ value, count, share: total > 0 ? count / total : 0 })),
  }));
}

/**
 * The quota file written from quotas set in the app, in the layout of Flanigan et al. (2021):
 * `category,feature,min,max`, LF line ends, no trailing newline (like the published examples), so
 * its SHA-256 is reproducible from the quotas alone.
 */
export function writeQuotasCsv(quotas: readonly Quota[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    'category,feature,min,max',
    ...quotas.map((q) => [cell(q.category), cell(q.value), q.min, q.max].join(',')),
  ];
  return lines.join('\n');
}

const HISTOGRAM_BANDS = 20;

/** Summary of a distribution: probability spread, fairness per feature value, engine statistics. */
export function summarizeDistribution(
  distribution: PanelDistribution,
  pool: readonly { values: Readonly<Record<string, string>> }[],
  features: readonly string[],
): RunSummary {
  const p = distribution.probabilities;
  const min = p.length > 0 ? Math.min(...p) : 0;
  const max = p.length > 0 ? Math.max(...p) : 0;
  const mean = p.length > 0 ? p.reduce((sum, value) => sum + value, 0) / p.length : 0;
  // Bands of equal width from 0 to the highest probability (rounded up to a hundredth), so the
  // chart reads in percentages; a probability equal to the top falls in the last band.
  const top = Math.max(0.01, Math.ceil(max * 100 - 1e-9) / 100);
  const width = top / HISTOGRAM_BANDS;
  const histogram = Array.from({ length: HISTOGRAM_BANDS }, (_, band) => ({
    from: band * width,
    to: (band + 1) * width,
    count: 0,
  }));
  for (const value of p) histogram[Math.min(HISTOGRAM_BANDS - 1, Math.floor(value / width + 1e-9))]!.count++;
  const byValue = features.flatMap((category) => {
    const groups = new Map<string, number[]>();
    pool.forEach((row, index) => {
      const value = row.values[category] ?? '';
      if (!groups.has(value)) groups.set(value, []);
      groups.get(value)!.push(p[index] ?? 0);
    });
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .map(([value, list]) => ({
        category,
        value,
        count: list.length,
        meanProbability: list.reduce((sum, x) => sum + x, 0) / list.length,
        minProbability: Math.min(...list),
      }));
  });
  return {
    minProbability: min,
    maxProbability: max,
    meanProbability: mean,
    gini: computeGini(p),
    histogram,
    byValue,
    stats: { ...distribution.stats },
    panelCount: distribution.panels.length,
  };
}

/** Panel members per feature value (the composition of a drawn panel). */
export function composePanel(
  members: readonly number[],
  pool: readonly { values: Readonly<Record<string, string>> }[],
  features: readonly string[],
): FeatureCounts {
  return countFeatureValues(
    members.map((index) => pool[index]!),
    features,
  );
}
