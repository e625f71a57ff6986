/**
 * The catalogue as the database holds it: the curated overlay (code) with the indicators stored
 * over it (seeded from CBS metadata, found in files, added locally), and the metadata table whose
 * exact v3 keys (AantalInwoners_5) the stored indicators remember in `source`.
 */
import type { Indicator } from './indicator.ts';
import type { IndicatorCatalogue } from './indicator-catalogue.ts';
import { buildIndicatorCatalogue, createIndicatorCatalogue } from './indicator-catalogue.ts';

export function restoreIndicatorCatalogue(input: {
  stored: readonly Indicator[];
  metadataTable: IndicatorCatalogue['metadataTable'];
}): IndicatorCatalogue {
  const byKey = new Map(buildIndicatorCatalogue().indicators.map((indicator) => [indicator.key, indicator]));
  for (const indicator of input.stored) byKey.set(indicator.key, indicator);
  const v3Keys = new Map<string, string>();
  const tableId = input.metadataTable?.tableId;
  if (tableId !== undefined) {
    for (const indicator of byKey.values()) {
      if (indicator.source?.tableId === tableId && indicator.source.key !== undefined)
        v3Keys.set(indicator.source.key, indicator.key);
    }
  }
  return createIndicatorCatalogue([...byKey.values()], { metadataTable: input.metadataTable, v3Keys });
}
