/** Iterates parsed CSV records after the header as [row number, fields], skipping blank lines. */
import { isBlankRecord } from './parse-csv.ts';

export function* iterateRecords(
  records: readonly string[][],
): Generator<readonly [number, readonly string[]]> {
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (record === undefined || isBlankRecord(record)) continue;
    yield [i + 1, record] as const;
  }
}
