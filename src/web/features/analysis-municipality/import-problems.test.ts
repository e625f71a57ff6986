import { describe, expect, it } from 'vitest';
import { toProblemRows } from './import-problems.ts';

describe('problems of a failed import', () => {
  it('reads file, row and column from the problem paths the server sends', () => {
    // Paths as src/core/cbs-import/import-issues.ts builds them: [file, row?, column?].
    const rows = toProblemRows(
      [
        {
          path: 'kwb.csv.3.a_inw',
          segments: ['kwb.csv', 3, 'a_inw'],
          message: "kolom a_inw, rij 3: 'abc' is geen getal",
        },
        { path: 'kwb.csv.p_huurw', segments: ['kwb.csv', 'p_huurw'], message: 'kolom p_huurw: onbekend' },
        { path: 'kwb.csv.1', segments: ['kwb.csv', 1], message: 'rij 1: geen kolom gwb_code_10' },
        { path: '', segments: [], message: 'geen geldige JSON' },
      ],
      'upload.csv',
    );
    expect(rows).toEqual([
      { file: 'kwb.csv', row: 3, column: 'a_inw', reason: "kolom a_inw, rij 3: 'abc' is geen getal" },
      { file: 'kwb.csv', row: null, column: 'p_huurw', reason: 'kolom p_huurw: onbekend' },
      { file: 'kwb.csv', row: 1, column: null, reason: 'rij 1: geen kolom gwb_code_10' },
      { file: 'upload.csv', row: null, column: null, reason: 'geen geldige JSON' },
    ]);
  });
});
