/**
 * Normalised observations: what every CBS reader produces and what the analyses consume.
 */
import type { RegionLevel } from './region-code.ts';

/**
 * ok: a published figure. missing: CBS "." (onbekend, onvoldoende betrouwbaar), an empty cell or an
 * absent row. secret: CBS "x" (geheim). Missing and secret carry value null, never 0.
 */
export type ObservationStatus = 'ok' | 'missing' | 'secret';

/** A region as a file names it, valid in one year (codes move between years). */
export interface RegionRecord {
  code: string;
  /** null when the file gives codes only (OData v4 observations, v3 selections). */
  name: string | null;
  level: RegionLevel;
  year: number;
}

export interface Observation {
  regionCode: string;
  indicatorKey: string;
  year: number;
  value: number | null;
  status: ObservationStatus;
  /** 1-based row in the file as a spreadsheet shows it (header = row 1); null for an absent row. */
  sourceRow: number | null;
  /** Column (or OData v4 measure) the value was read from. */
  sourceColumn: string;
}

/** Where an observation came from; one per read file, shared by its observations. */
export interface ObservationSource {
  fileName: string;
  tableId?: string;
  format: string;
}
