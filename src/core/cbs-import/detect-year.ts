/**
 * The report year of a file, from every source that states one: an explicit year (--year), the
 * CBS table id (one KWB table per year), the file name (kwb-2024-utrecht.xlsx), the sheet name
 * (kwb-2023) or a Perioden column. All sources that speak must agree; a contradiction is an error.
 */
import { failImport } from './import-issues.ts';

/** Kerncijfers wijken en buurten: one StatLine table per report year. */
export const KWB_TABLE_YEARS: Readonly<Record<string, number>> = {
  '82339NED': 2013,
  '82931NED': 2014,
  '83220NED': 2015,
  '83487NED': 2016,
  '83765NED': 2017,
  '84286NED': 2018,
  '84583NED': 2019,
  '84799NED': 2020,
  '85039NED': 2021,
  '85318NED': 2022,
  '85618NED': 2023,
  '85984NED': 2024,
  '86165NED': 2025,
};

const TABLE_ID = /(?:^|[^0-9A-Za-z])(\d{5}(?:NED|ENG))(?=$|[^0-9A-Za-z])/i;
const YEAR = /(?:^|[^0-9])((?:19|20)\d{2})(?=$|[^0-9])/g;

export function getTableYear(tableId: string): number | null {
  return KWB_TABLE_YEARS[tableId.toUpperCase()] ?? null;
}

/** A CBS table id in a file name ("85984NED_TypedDataSet.csv"), or null. */
export function detectTableIdFromName(fileName: string): string | null {
  const match = TABLE_ID.exec(getBaseName(fileName));
  return match?.[1]?.toUpperCase() ?? null;
}

/** The single year a name mentions; null when it mentions none, or several different ones. */
export function detectYearFromName(name: string): number | null {
  const withoutTableId = getBaseName(name).replace(TABLE_ID, ' ');
  const years = new Set<number>();
  for (const match of withoutTableId.matchAll(YEAR)) years.add(Number(match[1]));
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

/** CBS period codes and labels: "2023", "2023JJ00", and "2023*" / "2023**" (provisional) in labelled exports. */
export function parsePeriodYear(period: string): number | null {
  const match = /^\s*((?:19|20)\d{2})(?:JJ00)?\s*\**\s*$/.exec(period);
  return match ? Number(match[1]) : null;
}

export function getBaseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}

export interface YearEvidence {
  explicitYear?: number;
  tableId?: string;
  sheetName?: string;
  periodYear?: number;
}

/** Resolves the year or throws import_failed naming the contradicting sources. */
export function resolveYear(fileName: string, evidence: YearEvidence): number {
  const sources: { label: string; year: number }[] = [];
  if (evidence.explicitYear !== undefined) {
    if (
      !Number.isInteger(evidence.explicitYear) ||
      evidence.explicitYear < 1900 ||
      evidence.explicitYear > 2100
    ) {
      failImport(fileName, { reason: `het opgegeven jaar ${evidence.explicitYear} is geen geldig jaar` });
    }
    sources.push({ label: 'het opgegeven jaar', year: evidence.explicitYear });
  }
  const tableYear = evidence.tableId === undefined ? null : getTableYear(evidence.tableId);
  if (tableYear !== null) sources.push({ label: `tabel ${evidence.tableId}`, year: tableYear });
  const nameYear = detectYearFromName(fileName);
  if (nameYear !== null) sources.push({ label: `de bestandsnaam`, year: nameYear });
  const sheetYear = evidence.sheetName === undefined ? null : detectYearFromName(evidence.sheetName);
  if (sheetYear !== null) sources.push({ label: `werkblad '${evidence.sheetName}'`, year: sheetYear });
  if (evidence.periodYear !== undefined)
    sources.push({ label: 'de kolom Perioden', year: evidence.periodYear });

  const first = sources[0];
  if (first === undefined) {
    failImport(fileName, {
      reason: 'het jaar is niet te bepalen uit tabel, bestandsnaam of inhoud; geef het jaar op (--year)',
    });
  }
  for (const other of sources.slice(1)) {
    if (other.year !== first.year) {
      failImport(fileName, {
        reason: `${first.label} (${first.year}) spreekt ${other.label} (${other.year}) tegen`,
      });
    }
  }
  return first.year;
}

/** The table id: explicit, else from the file name; both given and different is an error. */
export function resolveTableId(fileName: string, explicitTableId: string | undefined): string | undefined {
  const fromName = detectTableIdFromName(fileName);
  const explicit = explicitTableId?.trim().toUpperCase();
  if (explicit !== undefined && fromName !== null && explicit !== fromName) {
    failImport(fileName, {
      reason: `de opgegeven tabel ${explicit} spreekt de bestandsnaam (${fromName}) tegen`,
    });
  }
  return explicit ?? fromName ?? undefined;
}
