/** One row of the items table: description, costs or benefits, category, party, one cell per year. */
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
import { computeRowAmounts, editCell, tidyCell, withType, type RowDraft } from './case-draft.ts';
import { cellId, patternButtonId, rowFieldId } from './case-problems.ts';
import { FIXED_COLUMNS } from './paste-rows.ts';

export type ErrorOf = (fieldId: string) => string | undefined;

export function rowName(row: RowDraft, index: number): string {
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

function describedBy(id: string, message: string | undefined): string | undefined {
  return message ? `${id}-fout` : undefined;
}

export function GridRow(props: {
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
