import { describe, expect, it } from 'vitest';
import { createSixteenAreasTemplate, evaluateCase } from '../../../core/cba/index.ts';
import type { CbaCaseFile } from '../../api/types.ts';
import { buildCaseFile, createNewCaseFile, listGridYears } from './build-case-file.ts';
import { draftFromCaseFile, expandRowPatterns } from './case-draft.ts';
import { locateServerProblem } from './case-problems.ts';
import { pasteBlock, splitClipboard } from './paste-rows.ts';

describe('case draft', () => {
  it('round-trips the template without changing a single amount', () => {
    const template = createSixteenAreasTemplate();
    const { caseFile, problems } = buildCaseFile(draftFromCaseFile(template));
    expect(problems).toEqual([]);
    expect(caseFile).toEqual(JSON.parse(JSON.stringify(template)));
  });

  it('turns patterns into exact yearly amounts without changing the result', () => {
    const template = createSixteenAreasTemplate();
    const draft = draftFromCaseFile(template);
    const alternative = draft.alternatives[0]!;
    const expanded = {
      ...draft,
      alternatives: [{ ...alternative, rows: alternative.rows.map(expandRowPatterns) }],
    };
    const { caseFile } = buildCaseFile(expanded);
    expect(JSON.stringify(caseFile)).not.toContain('patterns');
    const before = evaluateCase(template);
    const after = evaluateCase(caseFile);
    expect(after.netPresentValue).toBe(before.netPresentValue);
  });

  it('reports text that is not a number at its cell and leaves blank rows out', () => {
    const draft = draftFromCaseFile(createNewCaseFile(2025));
    const pasted = pasteBlock(
      draft.alternatives[0]!,
      { row: 0, column: 0 },
      'Buurtteam\tKosten\tExploitatie\tGemeente\t10.000\tveel\n',
      ['2025', '2026'],
    );
    const withBlank = {
      ...pasted.alternative,
      rows: [...pasted.alternative.rows, { ...pasted.alternative.rows[0]!, key: 'x', label: '', cells: {} }],
    };
    const built = buildCaseFile({ ...draft, alternatives: [withBlank] });
    expect(built.problems).toEqual([
      {
        target: { kind: 'cell', alt: 0, row: 0, year: '2026' },
        message: expect.stringContaining('“veel” is geen bedrag'),
      },
    ]);
    expect(built.caseFile.items).toHaveLength(1);
    expect(built.caseFile.discountRate).toBe(0.0225);
  });

  it('shows the years of the horizon plus years that still hold an amount', () => {
    const draft = draftFromCaseFile({
      ...createNewCaseFile(2025),
      items: [{ label: 'x', type: 'cost', category: 'investment', party: 'rijk', amounts: { '2050': 1 } }],
    });
    expect(listGridYears(draft.alternatives, { startYear: 2025, endYear: 2027 })).toEqual([
      '2025',
      '2026',
      '2027',
      '2050',
    ]);
  });
});

describe('pasting rows from a spreadsheet', () => {
  const file: CbaCaseFile = createNewCaseFile(2025);

  it('fills rows from the focused cell, adds rows and reads Dutch numbers and labels', () => {
    const draft = draftFromCaseFile(file);
    const text =
      'Buurtteam\tkosten\tExploitatie\tGemeente\t100.000\t100.000\r\nMinder schooluitval\tBaten\tOnderwijs\tRijk\t\t1.234.567,89\r\n';
    const result = pasteBlock(draft.alternatives[0]!, { row: 0, column: 0 }, text, ['2025', '2026', '2027']);
    expect(result.added).toBe(2);
    expect(result.skipped).toEqual([]);
    const [first, second] = result.alternative.rows;
    expect(first).toMatchObject({
      label: 'Buurtteam',
      type: 'cost',
      category: 'operation',
      party: 'gemeente',
    });
    expect(second).toMatchObject({
      label: 'Minder schooluitval',
      type: 'benefit',
      category: 'education',
      party: 'rijk',
    });
    expect(second?.cells['2026']).toEqual({ text: '1.234.567,89', exact: 1234567.89 });
    expect(second?.cells['2025']).toBeUndefined();
  });

  it('reports values it cannot place', () => {
    const draft = draftFromCaseFile(file);
    const result = pasteBlock(draft.alternatives[0]!, { row: 0, column: 1 }, 'Kosten\tOnbekend\tMars\t1\t2', [
      '2025',
    ]);
    expect(result.skipped).toHaveLength(3);
    expect(result.skipped.join(' ')).toMatch(/Onbekend.*Mars.*na het laatste jaar/s);
  });

  it('splits quoted cells as a spreadsheet writes them', () => {
    expect(splitClipboard('"a\tb"\t1\n"say ""hi"""\t2\n\n')).toEqual([
      ['a\tb', '1'],
      ['say "hi"', '2'],
    ]);
  });
});

describe('locating server problems', () => {
  const index = { rowIndex: [[0, 2, 3]], effectIndex: [[1]] };

  it('puts an amount problem at its cell and skips blank rows in the count', () => {
    expect(locateServerProblem(['caseFile', 'items', 1, 'amounts', '2031'], index)).toEqual({
      kind: 'cell',
      alt: 0,
      row: 2,
      year: '2031',
    });
    expect(locateServerProblem(['caseFile', 'items', 2, 'category'], index)).toEqual({
      kind: 'row',
      alt: 0,
      row: 3,
      field: 'category',
    });
    expect(locateServerProblem(['caseFile', 'effects', 0, 'score'], index)).toEqual({
      kind: 'effect',
      alt: 0,
      effect: 1,
      field: 'score',
    });
    expect(locateServerProblem(['caseFile', 'endYear'], index)).toEqual({
      kind: 'setting',
      field: 'endYear',
    });
    expect(locateServerProblem(['caseFile', 'alternatives', 0, 'items', 0, 'label'], index)).toEqual({
      kind: 'row',
      alt: 0,
      row: 0,
      field: 'label',
    });
    expect(locateServerProblem(['caseFile', 'sources'], index)).toEqual({ kind: 'case' });
  });
});
