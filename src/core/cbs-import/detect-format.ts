/**
 * Recognises a CBS file by its content (the name only breaks no ties): an xlsx is a zip ("PK"),
 * and each text layout has a tell-tale header.
 */
import { getV3Stem } from '../analysis/indicator-catalogue.ts';
import { failImport } from './import-issues.ts';
import { parseDelimited, stripByteOrderMark } from './parse-csv.ts';
import type { CbsFormat } from './read-result.ts';
import { ODATA_BUNDLE_FORMAT } from './read-odata-json.ts';
import { V3_REGION_KEYS } from './region-columns.ts';

function isZip(content: Uint8Array): boolean {
  return (
    content.length >= 4 &&
    content[0] === 0x50 &&
    content[1] === 0x4b &&
    content[2] === 0x03 &&
    content[3] === 0x04
  );
}

function firstRecord(text: string, delimiter: string, fileName: string): string[] {
  const body = stripByteOrderMark(text);
  const end = body.search(/\r?\n/);
  const line = end === -1 ? body : body.slice(0, end);
  try {
    return (parseDelimited(line, { delimiter, fileName })[0] ?? []).map((h) => h.trim());
  } catch {
    return []; // not this delimiter: the quotes do not line up
  }
}

/** An OData JSON document: which API, from the first characters (the reader checks it in full). */
function detectJsonFormat(text: string): CbsFormat | null {
  const head = stripByteOrderMark(text).slice(0, 4096).trimStart();
  if (!head.startsWith('{')) return null;
  if (head.includes(ODATA_BUNDLE_FORMAT))
    return /"api"\s*:\s*"v4"/.test(head) ? 'odata-v4-json' : 'odata-v3-json';
  if (head.includes('"@odata.context"')) return 'odata-v4-json';
  return 'odata-v3-json';
}

/** Detects the format of a text file from its header line. */
export function detectTextFormat(text: string, fileName: string): CbsFormat {
  const json = detectJsonFormat(text);
  if (json !== null) return json;
  const semicolon = firstRecord(text, ';', fileName);
  const comma = firstRecord(text, ',', fileName);
  const header = semicolon.length > comma.length ? semicolon : comma;
  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('gwb_code_10') || lower.includes('gwb_code')) return 'kwb-csv';
  if (header.includes('Measure') && header.includes('Value') && header.includes('Id'))
    return 'odata-v4-observations';
  if (header.length === 2 && header[0] === 'Identifier' && header[1] === 'Title') return 'region-names';
  // OData v3 keys (also StatLine's raw "onbewerkte dataset"): a region dimension and Topic_<n> keys.
  if (header.some((h) => V3_REGION_KEYS.includes(h))) {
    const hasTypedKeys = header.some((h) => /_\d+$/.test(h) && getV3Stem(h) !== h);
    if (hasTypedKeys) return 'odata-v3-typed';
  }
  // StatLine (labelled): titled headers, with units in parentheses and group paths with "/".
  if (header.length > 1 && header.some((h) => /\([^()]+\)\s*$/.test(h) || h.includes('/'))) {
    return 'statline-csv';
  }
  failImport(fileName, {
    row: 1,
    reason:
      'onbekend bestandsformaat: verwacht kwb-xlsx/csv, OData v4 Observations, OData v3 TypedDataSet, ' +
      'StatLine CSV met statistische symbolen of een lijst Identifier,Title',
  });
}

export function detectFormat(content: string | Uint8Array, fileName: string): CbsFormat {
  if (typeof content !== 'string') {
    if (isZip(content)) return 'kwb-xlsx';
    return detectTextFormat(new TextDecoder('utf-8').decode(content), fileName);
  }
  return detectTextFormat(content, fileName);
}
