/**
 * The costs and benefits of one alternative as a spreadsheet: one row per item (description,
 * costs or benefits, category, party) and one column per year. A plain table of native inputs, so
 * Tab and screen readers work as everywhere; on top of that:
 * - arrow keys and Enter move between cells (grid-keyboard.ts);
 * - pasting a block copied from Excel fills the table from the focused cell (paste-rows.ts);
 * - a row that uses a pattern shows what it adds up to per year, read-only, until it is converted.
 */
import { useId, useState, type ClipboardEvent } from 'react';
import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { formatAmountInput } from './cba-format.ts';
import {
  computeRowAmounts,
  createEmptyRow,
  expandRowPatterns,
  type AlternativeDraft,
  type RowDraft,
} from './case-draft.ts';
import { rowFieldId } from './case-problems.ts';
import { moveFocus } from './grid-keyboard.ts';
import { GridRow, rowName, type ErrorOf } from './grid-row.tsx';
import { FIXED_COLUMNS, isBlock, pasteBlock } from './paste-rows.ts';

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
