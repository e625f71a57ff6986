/**
 * A small RFC 4180 parser for CBS exports: quoted fields with "" escapes, delimiters and line
 * breaks inside quotes, CRLF or LF line ends, a UTF-8 byte order mark. It keeps every line (a blank
 * line is a record with one empty field) so that record i is row i + 1 as a spreadsheet shows it.
 * Lines without quotes take a String.split fast path; quoted records go through a char loop.
 */
import { failImport } from './import-issues.ts';

export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseDelimited(text: string, options: { delimiter: string; fileName: string }): string[][] {
  const source = stripByteOrderMark(text);
  const records: string[][] = [];
  const length = source.length;
  let position = 0;
  while (position < length) {
    let lineEnd = source.indexOf('\n', position);
    if (lineEnd === -1) lineEnd = length;
    const contentEnd = lineEnd > position && source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = source.slice(position, contentEnd);
    if (line.indexOf('"') === -1) {
      // Fast path: most CBS lines have no quotes, and String.split is far faster than a char loop.
      records.push(line.split(options.delimiter));
      position = lineEnd + 1;
    } else {
      position = parseQuotedRecord(source, position, records, options);
    }
  }
  return records;
}

/** Parses one record that contains quotes (and may span lines); returns the position after it. */
function parseQuotedRecord(
  source: string,
  start: number,
  records: string[][],
  options: { delimiter: string; fileName: string },
): number {
  const delimiter = options.delimiter.charCodeAt(0);
  const length = source.length;
  const fields: string[] = [];
  let position = start;
  for (;;) {
    if (source.charCodeAt(position) === 34 /* " */) {
      let value = '';
      let cursor = position + 1;
      for (;;) {
        const quote = source.indexOf('"', cursor);
        if (quote === -1) {
          failImport(options.fileName, {
            row: records.length + 1,
            reason: 'aanhalingsteken wordt niet gesloten',
          });
        }
        value += source.slice(cursor, quote);
        if (source.charCodeAt(quote + 1) === 34) {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      fields.push(value);
    } else {
      let end = position;
      while (end < length) {
        const code = source.charCodeAt(end);
        if (code === delimiter || code === 10 || code === 13) break;
        end++;
      }
      fields.push(source.slice(position, end));
      position = end;
    }
    const code = source.charCodeAt(position);
    if (code === delimiter) {
      position++;
      continue;
    }
    if (code === 13 || code === 10 || position >= length) {
      records.push(fields);
      if (code === 13 && source.charCodeAt(position + 1) === 10) position++;
      return position + 1;
    }
    failImport(options.fileName, {
      row: records.length + 1,
      reason: 'tekst na een gesloten aanhalingsteken',
    });
  }
}

/** A record that is a blank line. */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 1 && (record[0] ?? '').trim() === '';
}
