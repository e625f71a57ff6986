/**
 * Reader for CBS OData v4 "Observations" in long form: Id,Measure,ValueAttribute,Value,StringValue,
 * <region dimension> (RegioS in 2013, WijkenEnBuurten later), optionally Perioden. One row per
 * (region, measure); a missing figure has no row at all, so every (region, measure) pair of the
 * file without a row becomes an explicit missing observation (sourceRow null), never a 0.
 */
import type { Observation, ObservationStatus, RegionRecord } from '../analysis/observation.ts';
import type { RegionLevel } from '../analysis/region-code.ts';
import { getRegionLevel, isPseudoRegionCode, normalizeRegionCode } from '../analysis/region-code.ts';
import { deriveIndicatorKey } from '../analysis/indicator-catalogue.ts';
import { parsePeriodYear, resolveTableId, resolveYear } from './detect-year.ts';
import { ImportIssues, failImport } from './import-issues.ts';
import { createDimensionSplit } from './dimension-split.ts';
import { NewIndicators } from './new-indicators.ts';
import { SECRET, describeBadCell, parseCbsValue } from './parse-cell.ts';
import { isBlankRecord, parseDelimited } from './parse-csv.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { summarizeRead } from './read-result.ts';
import { iterateRecords } from './records.ts';

export const V4_FIXED_COLUMNS = ['Id', 'Measure', 'ValueAttribute', 'Value', 'StringValue'] as const;
const REGION_DIMENSIONS = ['WijkenEnBuurten', 'RegioS', 'Regio', 'Gemeenten'];

export interface ReadV4Options extends ReadOptions {
  /** Titles and units of measures (from MeasureCodes), used for measures the catalogue lacks. */
  measureTitles?: Readonly<Record<string, { title: string; unit: string }>>;
}

/** CBS v4 ValueAttribute: None = a figure; Confidential = secret; Missing, Impossible ... = missing. */
function toCell(
  attribute: string,
  parsed: number | null | typeof SECRET,
): { value: number | null; status: ObservationStatus } {
  const marker = attribute.trim();
  if (marker === 'Confidential' || marker === 'Secret' || parsed === SECRET)
    return { value: null, status: 'secret' };
  if (marker !== '' && marker !== 'None') return { value: null, status: 'missing' };
  return parsed === null ? { value: null, status: 'missing' } : { value: parsed, status: 'ok' };
}

export function readODataV4Observations(text: string, options: ReadV4Options): ReadResult {
  const records = parseDelimited(text, { delimiter: ',', fileName: options.fileName });
  return readODataV4Records(records, { ...options, format: 'odata-v4-observations' });
}

/** Observations (header first, as from a CSV or from OData JSON) as regions and observations. */
export function readODataV4Records(
  records: readonly string[][],
  options: ReadV4Options & { format: 'odata-v4-observations' | 'odata-v4-json' },
): ReadResult {
  const { fileName, catalogue } = options;
  const header = (records[0] ?? []).map((h) => h.trim());
  const column = (name: string) => header.indexOf(name);
  for (const name of ['Measure', 'Value']) {
    if (column(name) < 0)
      failImport(fileName, { row: 1, column: name, reason: 'verplichte kolom ontbreekt' });
  }
  const regionIndex = header.findIndex((h) => REGION_DIMENSIONS.includes(h));
  if (regionIndex < 0) {
    failImport(fileName, { row: 1, reason: `geen regiokolom (${REGION_DIMENSIONS.join(', ')}) gevonden` });
  }
  const regionHeader = header[regionIndex] ?? 'regio';
  const periodIndex = column('Perioden');
  const known = new Set<string>([...V4_FIXED_COLUMNS, regionHeader, 'Perioden']);
  // Further dimensions (SoortMisdrijf, Leeftijd ...): each (measure, combination) is an indicator.
  const dimensionIndices = header.flatMap((h, index) => (known.has(h) ? [] : [index]));
  const measureIndex = column('Measure');
  const valueIndex = column('Value');
  const attributeIndex = column('ValueAttribute');
  const stringIndex = column('StringValue');
  const width = header.length;

  let periodYear: number | undefined;
  if (periodIndex >= 0) {
    for (const [row, fields] of iterateRecords(records)) {
      const year = parsePeriodYear(fields[periodIndex] ?? '');
      if (year === null || (periodYear !== undefined && year !== periodYear)) {
        failImport(fileName, {
          row,
          column: 'Perioden',
          reason: `'${fields[periodIndex] ?? ''}' is geen jaar of wijkt af van eerdere rijen (één jaar per bestand)`,
        });
      }
      periodYear = year;
    }
  }
  const tableId = resolveTableId(fileName, options.tableId);
  const year = resolveYear(fileName, {
    ...(options.year !== undefined ? { explicitYear: options.year } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    ...(periodYear !== undefined ? { periodYear } : {}),
  });

  const issues = new ImportIssues(fileName);
  const newIndicators = new NewIndicators(catalogue, fileName);
  /** Indicator key and provenance column per measure and combination of further dimension values. */
  const keyByMeasure = new Map<string, { key: string; column: string }>();
  const split = createDimensionSplit({
    catalogue,
    newIndicators,
    lookup: (key) => newIndicators.list().find((indicator) => indicator.key === key),
    ...(options.dimensionLabels !== undefined
      ? { labelTitles: new Map(Object.entries(options.dimensionLabels)) }
      : {}),
  });
  const regions = new Map<string, RegionRecord>();
  const seen = new Map<string, Map<string, number>>(); // indicator key -> region code -> row
  const observations: Observation[] = [];
  const ignoredRows: { row: number; reason: string }[] = [];
  const codeCache = new Map<string, string | null>();
  let rows = 0;

  for (let index = 1; index < records.length; index++) {
    const fields = records[index] as string[];
    const row = index + 1;
    if (isBlankRecord(fields)) continue;
    rows++;
    if (fields.length !== width) {
      issues.add({
        row,
        reason:
          fields.length < width
            ? `afgebroken rij: ${fields.length} van de ${width} kolommen`
            : `rij heeft ${fields.length} kolommen, de kop ${width}`,
      });
      continue;
    }
    const rawCode = fields[regionIndex] ?? '';
    let code = codeCache.get(rawCode);
    if (code === undefined) {
      code = normalizeRegionCode(rawCode);
      codeCache.set(rawCode, code);
    }
    if (code === null) {
      issues.add({ row, column: regionHeader, reason: `'${rawCode.trim()}' is geen geldige CBS-regiocode` });
      continue;
    }
    if (isPseudoRegionCode(code)) {
      ignoredRows.push({ row, reason: `${code} is een pseudo-code (niet in te delen), geen gebied` });
      continue;
    }
    const measure = (fields[measureIndex] ?? '').trim();
    if (measure === '') {
      issues.add({ row, column: 'Measure', reason: 'lege meetcode' });
      continue;
    }
    const labels = dimensionIndices.map((index) => (fields[index] ?? '').trim());
    const combination = labels.length === 0 ? measure : `${measure}\u0000${labels.join('\u0000')}`;
    let target = keyByMeasure.get(combination);
    if (target === undefined) {
      const described = options.measureTitles?.[measure];
      const measureKey =
        catalogue.findByV4Measure(measure)?.key ??
        newIndicators.obtain({
          originName: measure,
          key: deriveIndicatorKey(`cbs_${measure}`),
          title: described?.title ?? measure,
          unit: described?.unit ?? '',
          aliases: { v4Measures: [measure] },
        }).key;
      target =
        labels.length === 0
          ? { key: measureKey, column: measure }
          : {
              key: split({ index: 0, column: measure, indicatorKey: measureKey }, labels),
              column: `${measure} [${labels.join(', ')}]`,
            };
      keyByMeasure.set(combination, target);
    }
    const key = target.key;
    const raw = fields[valueIndex] ?? '';
    const rawText = raw.trim() === '' && stringIndex >= 0 ? (fields[stringIndex] ?? '') : raw;
    const parsed = parseCbsValue(rawText);
    if (parsed === undefined) {
      issues.add({ row, column: `Value (${target.column})`, reason: describeBadCell(rawText) });
      continue;
    }
    const cell = toCell(attributeIndex >= 0 ? (fields[attributeIndex] ?? '') : '', parsed);
    const byRegion = seen.get(key) ?? new Map<string, number>();
    seen.set(key, byRegion);
    const earlier = byRegion.get(code);
    if (earlier !== undefined) {
      issues.add({
        row,
        column: 'Measure',
        reason: `${target.column} voor ${code} stond al in rij ${earlier}`,
      });
      continue;
    }
    byRegion.set(code, row);
    if (!regions.has(code)) {
      regions.set(code, { code, name: null, level: getRegionLevel(code) as RegionLevel, year });
    }
    observations.push({
      regionCode: code,
      indicatorKey: key,
      year,
      value: cell.value,
      status: cell.status,
      sourceRow: row,
      sourceColumn: target.column,
    });
  }
  issues.throwIfAny();

  // "No row = missing": every region of the file lacks a figure for the measures it has no row for.
  for (const { key, column: measure } of keyByMeasure.values()) {
    const present = seen.get(key);
    for (const code of regions.keys()) {
      if (present?.has(code)) continue;
      observations.push({
        regionCode: code,
        indicatorKey: key,
        year,
        value: null,
        status: 'missing',
        sourceRow: null,
        sourceColumn: measure,
      });
    }
  }

  const regionList = [...regions.values()];
  const observed = new Set(observations.map((o) => o.indicatorKey));
  const indicators = newIndicators.list().filter((indicator) => observed.has(indicator.key));
  return {
    format: options.format,
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    source: { fileName, format: options.format, ...(tableId !== undefined ? { tableId } : {}) },
    regions: regionList,
    observations,
    indicators,
    report: summarizeRead({
      rows,
      regions: regionList,
      observations,
      newIndicators: indicators,
      ignoredColumns: [
        { column: 'Id', reason: 'rijnummer van CBS' },
        ...(stringIndex >= 0 ? [{ column: 'StringValue', reason: 'alleen gebruikt als Value leeg is' }] : []),
      ],
      ignoredRows,
    }),
  };
}
