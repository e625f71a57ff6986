/** The costs and benefits of one alternative per year, read-only (for users who may not edit). */
import { useId } from 'react';
import { formatAmountInput } from './cba-format.ts';
import { PARTY_LABELS, TYPE_LABELS, categoryLabel, describePattern } from './cba-labels.ts';
import { computeRowAmounts, type AlternativeDraft } from './case-draft.ts';

export function ItemsTable({ alternative, years }: { alternative: AlternativeDraft; years: string[] }) {
  const captionId = useId();
  if (alternative.rows.length === 0) return <p className="wk-muted">Nog geen kosten of baten ingevuld.</p>;
  return (
    <div className="wk-cba-grid-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table wk-cba-grid wk-cba-grid--read-only">
        <caption id={captionId} className="wk-cba-grid__caption">
          Kosten en baten per jaar{alternative.name ? ` – ${alternative.name}` : ''} (euro’s)
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {['Omschrijving', 'Kosten of baten', 'Categorie', 'Partij'].map((label) => (
              <th key={label} scope="col" className="utrecht-table__header-cell">
                {label}
              </th>
            ))}
            {years.map((year) => (
              <th
                key={year}
                scope="col"
                className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
              >
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {alternative.rows.map((row) => {
            const amounts = computeRowAmounts(row);
            return (
              <tr
                key={row.key}
                className={`utrecht-table__row${row.type === 'benefit' ? ' wk-cba-grid__row--benefit' : ''}`}
              >
                <th scope="row" className="utrecht-table__header-cell wk-cba-grid__label-col">
                  {row.label}
                  {row.patterns.length > 0 ? (
                    <span className="wk-cba-grid__pattern">
                      Patroon: {row.patterns.map(describePattern).join('; ')}.
                    </span>
                  ) : null}
                </th>
                <td className="utrecht-table__cell">{TYPE_LABELS[row.type]}</td>
                <td className="utrecht-table__cell">{categoryLabel(row.type, row.category)}</td>
                <td className="utrecht-table__cell">{PARTY_LABELS[row.party]}</td>
                {years.map((year) => {
                  const amount = amounts.get(Number(year));
                  return (
                    <td key={year} className="utrecht-table__cell utrecht-table__cell--numeric-column">
                      {amount === undefined ? '' : formatAmountInput(amount)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
