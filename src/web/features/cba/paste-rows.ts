/**
 * Pasting a block copied from a spreadsheet (Excel, LibreOffice: tab-separated lines) into the
 * items table, like a spreadsheet does: the block starts at the cell that has focus and overwrites
 * to the right and downwards; rows are added below when the block is longer than the table.
 * Columns of the table: description, costs/benefits, category, party, then one per year.
 */
import { formatAmountInput, parseDutchNumber } from './cba-format.ts';
import { categoryLabel, readCategory, readParty, readType } from './cba-labels.ts';
import { createEmptyRow, withType, type AlternativeDraft, type RowDraft } from './case-draft.ts';

/** Columns before the first year column. */
export const FIXED_COLUMNS = ['label', 'type', 'category', 'party'] as const;

/** Splits clipboard text into rows of cells; quoted cells ("a\tb") as a spreadsheet writes them. */
export function splitClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === '\t') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // A copied block ends with a line break; blank lines at the end are not rows.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** Whether a paste should be handled as a block (more than one cell) rather than as plain text. */
export function isBlock(text: string): boolean {
  return /[\t\n]/.test(text.replace(/[\r\n]+$/, ''));
}

export interface PasteResult {
  alternative: AlternativeDraft;
  /** Rows written to (existing and new). */
  rowCount: number;
  added: number;
  /** What could not be used, in Dutch, one line each. */
  skipped: string[];
}

function pasteIntoRow(
  row: RowDraft,
  cells: readonly string[],
  startColumn: number,
  years: readonly string[],
  skipped: string[],
  rowNumber: number,
): RowDraft {
  let next = { ...row, cells: { ...row.cells } };
  cells.forEach((raw, offset) => {
    const column = startColumn + offset;
    const value = raw.trim();
    if (column === 0) next.label = value;
    else if (column === 1) {
      if (value === '') return;
      const type = readType(value);
      if (type) next = withType(next, type);
      else skipped.push(`Rij ${rowNumber}: “${value}” is geen kosten of baten.`);
    } else if (column === 2) {
      if (value === '') return;
      const category = readCategory(next.type, value);
      if (category) next.category = category;
      else
        skipped.push(
          `Rij ${rowNumber}: “${value}” is geen categorie van ${next.type === 'cost' ? 'kosten' : 'baten'}; de categorie blijft ${categoryLabel(next.type, next.category)}.`,
        );
    } else if (column === 3) {
      if (value === '') return;
      const party = readParty(value);
      if (party) next.party = party;
      else skipped.push(`Rij ${rowNumber}: “${value}” is geen bekende partij.`);
    } else {
      const year = years[column - FIXED_COLUMNS.length];
      if (year === undefined) {
        if (value !== '')
          skipped.push(`Rij ${rowNumber}: “${value}” valt na het laatste jaar en is weggelaten.`);
        return;
      }
      if (next.patterns.length > 0) {
        if (value !== '')
          skipped.push(`Rij ${rowNumber} rekent met een patroon; zet het eerst om naar bedragen per jaar.`);
        return;
      }
      if (value === '') {
        delete next.cells[year];
        return;
      }
      const parsed = parseDutchNumber(value);
      next.cells[year] = parsed?.ok
        ? { text: formatAmountInput(parsed.value), exact: parsed.value }
        : { text: value };
    }
  });
  return next;
}

/**
 * Writes the block `text` into `alternative` from (`row`, `column`); column 0 is the description,
 * 4 the first year of `years`.
 */
export function pasteBlock(
  alternative: AlternativeDraft,
  start: { row: number; column: number },
  text: string,
  years: readonly string[],
): PasteResult {
  const block = splitClipboard(text);
  const rows = [...alternative.rows];
  const skipped: string[] = [];
  let added = 0;
  block.forEach((cells, offset) => {
    const index = start.row + offset;
    let row = rows[index];
    if (!row) {
      row = createEmptyRow();
      added += 1;
    }
    rows[index] = pasteIntoRow(row, cells, start.column, years, skipped, index + 1);
  });
  return {
    alternative: { ...alternative, rows },
    rowCount: block.length,
    added,
    skipped: [...new Set(skipped)],
  };
}
