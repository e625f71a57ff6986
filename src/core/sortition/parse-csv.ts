/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF/LF, UTF-8 BOM), with the
 * delimiter guessed from the header line (comma, semicolon or tab). Text in, rows out: the CLI
 * or the server reads the file.
 */
import type { FieldIssue } from '../errors.ts';

export interface CsvRow {
  /** 1-based line number where the row starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export function parseCsv(text: string, file: string, issues: FieldIssue[]): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(source);
  const records: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quotedStart = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === '') {
      inQuotes = true;
      quotedStart = line;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += char;
  }
  if (inQuotes) {
    issues.push({
      path: [file, quotedStart],
      message: `${file}, regel ${quotedStart}: aanhalingsteken wordt niet gesloten.`,
    });
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: rowLine, fields });
  }
  const nonEmpty = records.filter((record) => record.fields.some((value) => value.trim() !== ''));
  const [head, ...rows] = nonEmpty;
  return { header: (head?.fields ?? []).map((name) => name.trim()), rows };
}

function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ',';
}
