/**
 * The costs and benefits of one alternative as a spreadsheet: one row per item (description,
 * costs or benefits, category, party) and one column per year. A plain table of native inputs, so
 * Tab and screen readers work as everywhere; on top of that:
 * - arrow keys move between cells (left/right leave a text cell when the caret is at its edge or
 *   the whole text is selected; up/down and Enter move between rows; in a list box up/down keep
 *   choosing a value, as everywhere);
 * - pasting a block copied from Excel fills the table from the focused cell (paste-rows.ts);
 * - a row that uses a pattern shows what it adds up to per year, read-only, until it is converted.
 */
import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { CbaItemCategory, CbaItemType, CbaParty } from '../../api/types.ts';
import { formatAmountInput } from './cba-format.ts';
import {
  PARTIES,
  PARTY_LABELS,
  TYPE_LABELS,
  categoriesOf,
  categoryLabel,
  describePattern,
} from './cba-labels.ts';
import {
  computeRowAmounts,
  createEmptyRow,
  editCell,
  expandRowPatterns,
  tidyCell,
  withType,
  type AlternativeDraft,
  type RowDraft,
} from './case-draft.ts';
import { cellId, patternButtonId, rowFieldId } from './case-problems.ts';
import { FIXED_COLUMNS, isBlock, pasteBlock } from './paste-rows.ts';

type ErrorOf = (fieldId: string) => string | undefined;

function rowName(row: RowDraft, index: number): string {
  return row.label.trim() || `rij ${index + 1}`;
}

function CellError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={`${id}-fout`} className="wk-cba-cell-error">
      <span className="wk-visually-hidden">Fout: </span>
      {message}
    </span>
  ) : null;
}

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

function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
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

interface GridProps {
  alt: number;
  alternative: AlternativeDraft;
  years: string[];
  horizon: { startYear: number; endYear: number };
  priceBaseYear: string;
  onChange: (next: AlternativeDraft) => void;
  errorOf: ErrorOf;
  /** Says what happened (a paste, a removed row) in the page's live region. */
  announce: (message: string) => void;
}

export function ItemsGrid(props: GridProps) {
  const { alt, alternative, years, horizon, priceBaseYear, onChange, errorOf, announce } = props;
  const captionId = useId();
  const helpId = useId();
  const [pasteProblems, setPasteProblems] = useState<string[]>([]);
  const rows = alternative.rows;
  const setRow = (index: number, row: RowDraft) =>
    onChange({ ...alternative, rows: rows.map((r, i) => (i === index ? row : r)) });

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const element = event.target as HTMLElement;
    const row = Number(element.dataset.row);
    const column = Number(element.dataset.col);
    if (!Number.isInteger(row) || !Number.isInteger(column)) return;
    const text = event.clipboardData.getData('text/plain');
    if (!isBlock(text) && element.tagName === 'INPUT') return; // one value: the input pastes it
    event.preventDefault();
    const result = pasteBlock(alternative, { row, column }, text, years);
    onChange(result.alternative);
    setPasteProblems(result.skipped);
    announce(
      `${result.rowCount} ${result.rowCount === 1 ? 'rij' : 'rijen'} geplakt` +
        (result.added > 0 ? `, waarvan ${result.added} nieuw` : '') +
        (result.skipped.length > 0 ? `; ${result.skipped.length} waarde(n) niet overgenomen.` : '.'),
    );
  };

  const addRow = () => {
    onChange({ ...alternative, rows: [...rows, createEmptyRow()] });
    const index = rows.length;
    requestAnimationFrame(() => document.getElementById(rowFieldId(alt, index, 'label'))?.focus());
  };

  const removeRow = (index: number) => {
    const removed = rows[index];
    onChange({ ...alternative, rows: rows.filter((_, i) => i !== index) });
    announce(`Rij “${removed ? rowName(removed, index) : index + 1}” verwijderd.`);
    const next = Math.min(index, rows.length - 2);
    requestAnimationFrame(() =>
      (next >= 0
        ? document.getElementById(rowFieldId(alt, next, 'label'))
        : document.getElementById(`mkba-a${alt}-rij-toevoegen`)
      )?.focus(),
    );
  };

  const convert = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setRow(index, expandRowPatterns(row));
    announce(
      `Het patroon van “${rowName(row, index)}” is omgezet naar bedragen per jaar; elk jaar is nu te bewerken.`,
    );
    requestAnimationFrame(() => document.getElementById(rowFieldId(alt, index, 'label'))?.focus());
  };

  const totals = years.map((year) => {
    let costs = 0;
    let benefits = 0;
    for (const row of rows) {
      const amount = computeRowAmounts(row).get(Number(year)) ?? 0;
      if (row.type === 'cost') costs += amount;
      else benefits += amount;
    }
    return { costs, benefits };
  });

  return (
    <div className="wk-cba-grid-block">
      <p id={helpId} className="wk-cba-help wk-no-print">
        Bedragen in euro’s, prijspeil {priceBaseYear}. Ga met Tab of de pijltjestoetsen van cel naar cel;
        Enter gaat naar de rij eronder. Plak met Ctrl+V (of ⌘+V) een blok rijen uit Excel in een cel: het blok
        vult de tabel vanaf die cel, kolommen in deze volgorde: omschrijving, kosten of baten, categorie,
        partij en dan de bedragen per jaar. Schrijf bedragen als 1.234.567,89.
      </p>
      {/* Focusable, so the years can be scrolled into view with the keyboard (WCAG 2.1.1). */}
      <div className="wk-cba-grid-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table
          className="utrecht-table utrecht-table--html-table wk-cba-grid"
          data-columns={FIXED_COLUMNS.length + years.length}
          onKeyDown={moveFocus}
          onPaste={onPaste}
          aria-describedby={helpId}
        >
          <caption id={captionId} className="wk-cba-grid__caption">
            Kosten en baten per jaar{alternative.name ? ` – ${alternative.name}` : ''}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell wk-cba-grid__label-col">
                Omschrijving
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Kosten of baten
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Categorie
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Partij
              </th>
              {years.map((year) => {
                const outside = Number(year) < horizon.startYear || Number(year) > horizon.endYear;
                return (
                  <th
                    key={year}
                    scope="col"
                    className={`utrecht-table__header-cell utrecht-table__header-cell--numeric-column${outside ? ' wk-cba-grid__outside' : ''}`}
                  >
                    {year}
                    {outside ? <span className="wk-cba-grid__outside-note"> (buiten horizon)</span> : null}
                  </th>
                );
              })}
              <th
                scope="col"
                className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
              >
                Totaal
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                <span className="wk-visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row, index) => (
              <GridRow
                key={row.key}
                alt={alt}
                index={index}
                row={row}
                years={years}
                errorOf={errorOf}
                onChange={(next) => setRow(index, next)}
                onRemove={() => removeRow(index)}
                onConvert={() => convert(index)}
              />
            ))}
            {rows.length === 0 ? (
              <tr className="utrecht-table__row">
                <td className="utrecht-table__cell" colSpan={years.length + 6}>
                  Nog geen kosten of baten. Voeg een rij toe, of plak rijen uit Excel in de eerste cel van een
                  nieuwe rij.
                </td>
              </tr>
            ) : null}
          </tbody>
          {rows.length > 0 ? (
            <tfoot className="utrecht-table__footer">
              {(['costs', 'benefits'] as const).map((kind) => (
                <tr key={kind} className="utrecht-table__row wk-cba-grid__total">
                  <th scope="row" colSpan={4} className="utrecht-table__header-cell">
                    Totaal {kind === 'costs' ? 'kosten' : 'baten'} (niet verdisconteerd)
                  </th>
                  {totals.map((total, i) => (
                    <td key={years[i]} className="utrecht-table__cell utrecht-table__cell--numeric-column">
                      {total[kind] === 0 ? '' : formatAmountInput(total[kind])}
                    </td>
                  ))}
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-column">
                    {formatAmountInput(totals.reduce((sum, t) => sum + t[kind], 0))}
                  </td>
                  <td className="utrecht-table__cell" />
                </tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>
      <div className="wk-cba-grid-actions wk-no-print">
        <Button id={`mkba-a${alt}-rij-toevoegen`} appearance="secondary-action-button" onClick={addRow}>
          Rij toevoegen<span className="wk-visually-hidden"> aan {alternative.name}</span>
        </Button>
      </div>
      {pasteProblems.length > 0 ? (
        <Alert type="warning" className="wk-no-print">
          <Paragraph>Niet alles uit het plakblok is overgenomen:</Paragraph>
          <UnorderedList>
            {pasteProblems.map((problem) => (
              <UnorderedListItem key={problem}>{problem}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
    </div>
  );
}

function describedBy(id: string, message: string | undefined): string | undefined {
  return message ? `${id}-fout` : undefined;
}

function GridRow(props: {
  alt: number;
  index: number;
  row: RowDraft;
  years: string[];
  errorOf: ErrorOf;
  onChange: (row: RowDraft) => void;
  onRemove: () => void;
  onConvert: () => void;
}) {
  const { alt, index, row, years, errorOf, onChange, onRemove, onConvert } = props;
  const name = rowName(row, index);
  const amounts = computeRowAmounts(row);
  const hasPatterns = row.patterns.length > 0;
  const ids = {
    label: rowFieldId(alt, index, 'label'),
    type: rowFieldId(alt, index, 'type'),
    category: rowFieldId(alt, index, 'category'),
    party: rowFieldId(alt, index, 'party'),
  };
  const errors = {
    label: errorOf(ids.label),
    type: errorOf(ids.type),
    category: errorOf(ids.category),
    party: errorOf(ids.party),
    patterns: errorOf(patternButtonId(alt, index)),
  };
  const total = [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
  const select = 'utrecht-select utrecht-select--html-select wk-cba-grid__select';
  return (
    <tr className={`utrecht-table__row${row.type === 'benefit' ? ' wk-cba-grid__row--benefit' : ''}`}>
      <th scope="row" className="utrecht-table__header-cell wk-cba-grid__label-col">
        <input
          id={ids.label}
          className={`utrecht-textbox utrecht-textbox--html-input wk-cba-grid__input wk-cba-grid__input--label${errors.label ? ' utrecht-textbox--invalid' : ''}`}
          data-row={index}
          data-col={0}
          value={row.label}
          autoComplete="off"
          aria-label={`Omschrijving rij ${index + 1}`}
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={describedBy(ids.label, errors.label)}
          onChange={(event) => onChange({ ...row, label: event.target.value })}
        />
        <CellError id={ids.label} message={errors.label} />
        {hasPatterns ? (
          <span className="wk-cba-grid__pattern">
            Patroon: {row.patterns.map(describePattern).join('; ')}.{' '}
            <button
              type="button"
              id={patternButtonId(alt, index)}
              className="utrecht-button utrecht-button--subtle wk-cba-grid__convert"
              aria-describedby={describedBy(patternButtonId(alt, index), errors.patterns)}
              onClick={onConvert}
            >
              Omzetten naar bedragen per jaar<span className="wk-visually-hidden">: {name}</span>
            </button>
            <CellError id={patternButtonId(alt, index)} message={errors.patterns} />
          </span>
        ) : null}
      </th>
      <td className="utrecht-table__cell">
        <select
          id={ids.type}
          className={select}
          data-row={index}
          data-col={1}
          value={row.type}
          aria-label={`Kosten of baten: ${name}`}
          aria-invalid={errors.type ? true : undefined}
          aria-describedby={describedBy(ids.type, errors.type)}
          onChange={(event) => onChange(withType(row, event.target.value as CbaItemType))}
        >
          {(['cost', 'benefit'] as const).map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <CellError id={ids.type} message={errors.type} />
      </td>
      <td className="utrecht-table__cell">
        <select
          id={ids.category}
          className={select}
          data-row={index}
          data-col={2}
          value={row.category}
          aria-label={`Categorie: ${name}`}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describedBy(ids.category, errors.category)}
          onChange={(event) => onChange({ ...row, category: event.target.value as CbaItemCategory })}
        >
          {categoriesOf(row.type).map((category) => (
            <option key={category} value={category}>
              {categoryLabel(row.type, category)}
            </option>
          ))}
        </select>
        <CellError id={ids.category} message={errors.category} />
      </td>
      <td className="utrecht-table__cell">
        <select
          id={ids.party}
          className={select}
          data-row={index}
          data-col={3}
          value={row.party}
          aria-label={`Partij: ${name}`}
          aria-invalid={errors.party ? true : undefined}
          aria-describedby={describedBy(ids.party, errors.party)}
          onChange={(event) => onChange({ ...row, party: event.target.value as CbaParty })}
        >
          {PARTIES.map((party) => (
            <option key={party} value={party}>
              {PARTY_LABELS[party]}
            </option>
          ))}
        </select>
        <CellError id={ids.party} message={errors.party} />
      </td>
      {years.map((year, y) => {
        const id = cellId(alt, index, year);
        const error = errorOf(id);
        if (hasPatterns) {
          const amount = amounts.get(Number(year));
          return (
            <td
              key={year}
              className="utrecht-table__cell utrecht-table__cell--numeric-column wk-cba-grid__computed"
            >
              {amount === undefined ? '' : formatAmountInput(amount)}
            </td>
          );
        }
        return (
          <td key={year} className="utrecht-table__cell utrecht-table__cell--numeric-column">
            <input
              id={id}
              className={`utrecht-textbox utrecht-textbox--html-input wk-cba-grid__input wk-cba-grid__input--amount${error ? ' utrecht-textbox--invalid' : ''}`}
              data-row={index}
              data-col={FIXED_COLUMNS.length + y}
              inputMode="decimal"
              autoComplete="off"
              value={row.cells[year]?.text ?? ''}
              aria-label={`${year}: ${name}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, error)}
              onChange={(event) => {
                const cells = { ...row.cells };
                const next = editCell(cells[year], event.target.value);
                if (next) cells[year] = next;
                else delete cells[year];
                onChange({ ...row, cells });
              }}
              onBlur={() => {
                const tidy = tidyCell(row.cells[year]);
                if (tidy && tidy !== row.cells[year])
                  onChange({ ...row, cells: { ...row.cells, [year]: tidy } });
              }}
            />
            <CellError id={id} message={error} />
          </td>
        );
      })}
      <td className="utrecht-table__cell utrecht-table__cell--numeric-column wk-cba-grid__row-total">
        {formatAmountInput(total)}
      </td>
      <td className="utrecht-table__cell">
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle wk-cba-grid__remove"
          onClick={onRemove}
        >
          Verwijderen<span className="wk-visually-hidden">: {name}</span>
        </button>
      </td>
    </tr>
  );
}
