/**
 * Reader for the kwb-YYYY.csv variant of the kwb layout (see kwb-table.ts): ";" or "," separated,
 * possibly with a byte order mark and decimal commas.
 */
import { resolveTableId, resolveYear } from './detect-year.ts';
import { failImport } from './import-issues.ts';
import { readKwbRows } from './kwb-table.ts';
import { isBlankRecord, parseDelimited, stripByteOrderMark } from './parse-csv.ts';
import type { ReadOptions, ReadResult } from './read-result.ts';
import { iterateRecords } from './records.ts';

export function detectDelimiter(firstLine: string): ';' | ',' {
  const semicolons = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  return semicolons > commas ? ';' : ',';
}

export function readKwbCsv(text: string, options: ReadOptions): ReadResult {
  const { fileName } = options;
  const body = stripByteOrderMark(text);
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const records = parseDelimited(body, { delimiter: detectDelimiter(firstLine), fileName });
  const header = records[0];
  if (header === undefined || isBlankRecord(header))
    failImport(fileName, { row: 1, reason: 'het bestand is leeg' });
  const tableId = resolveTableId(fileName, options.tableId);
  const year = resolveYear(fileName, {
    ...(options.year !== undefined ? { explicitYear: options.year } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
  });
  return readKwbRows({
    fileName,
    format: 'kwb-csv',
    year,
    ...(tableId !== undefined ? { tableId } : {}),
    header: header.map((h) => h.trim()),
    records: iterateRecords(records),
    catalogue: options.catalogue,
    isRaggedAllowed: false,
  });
}
