/**
 * One entry point for the import CLI and service: detects the format of a file's content and
 * reads it with the matching reader. Pure: the caller reads the bytes.
 */
import { detectFormat } from './detect-format.ts';
import { readKwbCsv } from './read-kwb-csv.ts';
import { readKwbXlsx } from './read-kwb-xlsx.ts';
import { readODataV3Typed } from './read-odata-v3-typed.ts';
import { readODataV4Observations } from './read-odata-v4-observations.ts';
import type { ReadV4Options } from './read-odata-v4-observations.ts';
import { failImport } from './import-issues.ts';
import { readODataJson } from './read-odata-json.ts';
import { readRegionNames } from './read-region-names.ts';
import type { ReadResult } from './read-result.ts';
import { readStatlineCsv } from './read-statline-csv.ts';

export async function readCbsFile(content: string | Uint8Array, options: ReadV4Options): Promise<ReadResult> {
  const format = detectFormat(content, options.fileName);
  if (format === 'kwb-xlsx') {
    return readKwbXlsx(typeof content === 'string' ? new TextEncoder().encode(content) : content, options);
  }
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  switch (format) {
    case 'odata-v3-json':
    case 'odata-v4-json':
      return readODataJson(parseJsonDocument(text, options.fileName), options);
    case 'kwb-csv':
      return readKwbCsv(text, options);
    case 'odata-v4-observations':
      return readODataV4Observations(text, options);
    case 'odata-v3-typed':
      return readODataV3Typed(text, options);
    case 'statline-csv':
      return readStatlineCsv(text, options);
    case 'region-names':
      return readRegionNames(text, options);
  }
}

function parseJsonDocument(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    failImport(fileName, { reason: `geen geldige JSON (${(error as Error).message})` });
  }
}
