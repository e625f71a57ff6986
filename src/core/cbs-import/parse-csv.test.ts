import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { parseDelimited } from './parse-csv.ts';

const parse = (text: string, delimiter = ',') => parseDelimited(text, { delimiter, fileName: 't.csv' });

describe('parseDelimited', () => {
  it('splits plain lines with CRLF or LF and ignores the final line break', () => {
    expect(parse('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parse('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles quotes, escaped quotes, delimiters and line breaks inside quotes, and a BOM', () => {
    expect(parse('\uFEFF"x";"y"\n"Nuenen; Gerwen";"zei ""ja""\nen nee"\n', ';')).toEqual([
      ['x', 'y'],
      ['Nuenen; Gerwen', 'zei "ja"\nen nee'],
    ]);
    expect(parse('BU1,"Nuenen, Gerwen en Nederwetten   ",Buurt\n')).toEqual([
      ['BU1', 'Nuenen, Gerwen en Nederwetten   ', 'Buurt'],
    ]);
  });

  it('keeps blank lines and empty fields so row numbers match a spreadsheet', () => {
    expect(parse('a,b\n\n1,\n')).toEqual([['a', 'b'], [''], ['1', '']]);
  });

  it('reports an unterminated quote with its row', () => {
    try {
      parse('a,b\n1,"open\n');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.issues[0]).toEqual({
        path: ['t.csv', 2],
        message: 'rij 2: aanhalingsteken wordt niet gesloten',
      });
    }
  });
});
