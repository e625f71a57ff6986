import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { isDomainError } from '../errors.ts';
import { parseCsv } from './parse-csv.ts';
import { findIdColumn } from './id-column.ts';
import { parsePoolCsv, parseQuotasCsv, readPoolCsv } from './read-sortition-csv.ts';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and a missing final newline', () => {
    const table = parseCsv('\ufeffid,naam\r\n1,"Jansen, P."\r\n2,"zei ""hoi"""', 'f.csv', []);
    expect(table.header).toEqual(['id', 'naam']);
    expect(table.rows.map((row) => row.fields)).toEqual([
      ['1', 'Jansen, P.'],
      ['2', 'zei "hoi"'],
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('guesses a semicolon delimiter and skips blank lines', () => {
    const table = parseCsv('a;b\n\n1;2\n', 'f.csv', []);
    expect(table.rows.map((row) => row.fields)).toEqual([['1', '2']]);
  });

  it('reports an unclosed quote with its line', () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    parseCsv('a,b\n1,"open\n', 'f.csv', issues);
    expect(issues).toEqual([expect.objectContaining({ path: ['f.csv', 2] })]);
  });
});

describe('parseQuotasCsv', () => {
  it('reads the paper layout category,feature,min,max', () => {
    expect(parseQuotasCsv('category,feature,min,max\ngender,female,9,20\ngender,male,9,20', 'c.csv')).toEqual(
      [
        { category: 'gender', value: 'female', min: 9, max: 20 },
        { category: 'gender', value: 'male', min: 9, max: 20 },
      ],
    );
  });

  it('reads the older Sortition Foundation layout category,name,min,max', () => {
    expect(
      parseQuotasCsv('category,name,min,max,min_flex,max_flex\nGender,Male,10,11,0,12\n', 'c.csv'),
    ).toEqual([{ category: 'Gender', value: 'Male', min: 10, max: 11, minFlex: 0, maxFlex: 12 }]);
  });

  it('reads the Sortition Foundation layout with min_flex and max_flex', () => {
    expect(
      parseQuotasCsv('feature,value,min,max,min_flex,max_flex\nGender,Female,11,12,0,12\n', 'f.csv'),
    ).toEqual([{ category: 'Gender', value: 'Female', min: 11, max: 12, minFlex: 0, maxFlex: 12 }]);
  });

  it('reports every bad cell with file, line and column', () => {
    const error = errorOf(() =>
      parseQuotasCsv('feature,value,min,max\nleeftijd,jong,twee,3\nleeftijd,oud,4,2\n,x,1,1\n', 'q.csv'),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['q.csv', 2, 'min'],
      ['q.csv', 3, 'min'],
      ['q.csv', 4, 'feature'],
    ]);
    expect(error.issues[0]!.message).toBe('q.csv, regel 2, kolom min: "twee" is geen geheel getal ≥ 0.');
  });

  it('rejects an unknown header', () => {
    const error = errorOf(() => parseQuotasCsv('kenmerk,waarde,min,max\n', 'q.csv'));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['q.csv', 1] })]);
  });
});

describe('readPoolCsv: the id column', () => {
  it('recognises nationbuilder_id (Sortition Foundation) before any other id-like column', () => {
    const text = 'nr,nationbuilder_id,Gender\n1,p7,Male\n2,p9,Female\n';
    const read = readPoolCsv(text, 'candidates.csv');
    expect(read.idColumn).toBe('nationbuilder_id');
    expect(read.pool.map((m) => m.id)).toEqual(['p7', 'p9']);
  });

  it('recognises other obvious id columns, case and separators ignored', () => {
    expect(findIdColumn(['Gender', 'Person ID'])).toBe('Person ID');
    expect(findIdColumn(['respondent-id', 'leeftijd'])).toBe('respondent-id');
    expect(findIdColumn(['deelnemersnummer', 'wijk'])).toBe('deelnemersnummer');
    expect(findIdColumn(['ID', 'person_id'])).toBe('ID');
    expect(findIdColumn(['gender', 'identity', 'middle'])).toBeNull();
  });

  it('says when the ids are row numbers, and null forces row numbers', () => {
    expect(readPoolCsv('gender\nfemale\n', 'r.csv').idColumn).toBeNull();
    const forced = readPoolCsv('id,gender\nA,female\n', 'r.csv', { idColumn: null });
    expect(forced).toEqual({ idColumn: null, pool: [{ id: '1', values: { id: 'A', gender: 'female' } }] });
  });
});

describe('parsePoolCsv', () => {
  it('uses the id column, or else the 1-based row number', () => {
    expect(parsePoolCsv('id,gender\nA7,female\nB2,male\n', 'r.csv').map((m) => m.id)).toEqual(['A7', 'B2']);
    expect(parsePoolCsv('gender,leaning\nfemale,liberal\nmale,liberal\n', 'r.csv')).toEqual([
      { id: '1', values: { gender: 'female', leaning: 'liberal' } },
      { id: '2', values: { gender: 'male', leaning: 'liberal' } },
    ]);
    expect(parsePoolCsv('nr,gender\n9,female\n', 'r.csv', { idColumn: 'nr' })[0]!.id).toBe('9');
  });

  it('reports duplicate ids, missing ids and ragged rows', () => {
    const error = errorOf(() => parsePoolCsv('id,gender\nA,female\nA,male\n,male\nB\n', 'r.csv'));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['r.csv', 3, 'id'],
      ['r.csv', 4, 'id'],
      ['r.csv', 5],
    ]);
    expect(error.issues[0]!.message).toBe('r.csv, regel 3: id "A" komt al voor op regel 2.');
  });

  it('reports a missing id column that was asked for', () => {
    const error = errorOf(() => parsePoolCsv('gender\nfemale\n', 'r.csv', { idColumn: 'nummer' }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['r.csv', 1, 'nummer'] })]);
  });
});
