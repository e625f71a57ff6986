/**
 * Keyboard movement between the cells of the items table, as in a spreadsheet: left/right leave a
 * text cell when the caret is at its edge or the whole text is selected, up/down and Enter move
 * between rows (in a list box up/down keep choosing a value, as everywhere). Cells carry their
 * position in data-row and data-col; the table its column count in data-columns.
 */
import type { KeyboardEvent } from 'react';

/** Finds the next editable cell from (row, column) in direction (dr, dc), skipping read-only cells. */
function findCell(
  table: HTMLElement,
  row: number,
  column: number,
  dr: number,
  dc: number,
): HTMLElement | null {
  const columns = Number(table.dataset.columns);
  for (let r = row + dr, c = column + dc; r >= 0 && c >= 0 && c < columns; r += dr, c += dc) {
    if (!table.querySelector(`[data-row="${r}"]`)) return null;
    const found = table.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`);
    if (found) return found;
  }
  return null;
}

function isAtEdge(input: HTMLInputElement, side: 'start' | 'end'): boolean {
  const { selectionStart, selectionEnd, value } = input;
  if (selectionStart === null || selectionEnd === null) return true;
  if (selectionStart === 0 && selectionEnd === value.length) return true; // whole text selected
  return side === 'start' ? selectionEnd === 0 : selectionStart === value.length;
}

export function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const element = event.target as HTMLElement;
  const row = Number(element.dataset.row);
  const column = Number(element.dataset.col);
  if (!Number.isInteger(row) || !Number.isInteger(column)) return;
  const isSelect = element.tagName === 'SELECT';
  const input = element as HTMLInputElement;
  let move: [number, number] | null = null;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  switch (event.key) {
    case 'ArrowUp':
      if (!isSelect) move = [-1, 0];
      break;
    case 'ArrowDown':
      if (!isSelect) move = [1, 0];
      break;
    case 'Enter':
      if (!isSelect) move = [event.shiftKey ? -1 : 1, 0];
      break;
    case 'ArrowLeft':
      if (isSelect || isAtEdge(input, 'start')) move = [0, -1];
      break;
    case 'ArrowRight':
      if (isSelect || isAtEdge(input, 'end')) move = [0, 1];
      break;
  }
  if (!move) return;
  const target = findCell(event.currentTarget, row, column, move[0], move[1]);
  if (event.key === 'Enter' || target) event.preventDefault();
  if (!target) return;
  target.focus();
  if (target instanceof HTMLInputElement) target.select();
}
