/**
 * Where a figure comes from, on demand: per buurt (or the municipality's own row) the file, the
 * CBS table, the row and the column it was read from, and CBS's marker when there was no figure.
 */
import type { FigureProvenance } from '../../api/analysis.ts';
import { STATUS_LABELS, describeProvenance } from './analysis-format.ts';

export function ProvenanceDetails({
  provenance,
  label,
  regionNames,
}: {
  provenance: FigureProvenance[];
  /** What the figure is, for the summary's accessible name. */
  label: string;
  regionNames?: Map<string, string | null>;
}) {
  if (provenance.length === 0) return null;
  return (
    <details className="wk-provenance">
      <summary>
        Herkomst van dit cijfer<span className="wk-visually-hidden">: {label}</span>
      </summary>
      <ul className="wk-provenance__list">
        {provenance.map((p) => {
          const name = regionNames?.get(p.regionCode);
          return (
            <li key={`${p.regionCode}-${p.indicatorKey}-${p.year}-${p.column ?? ''}`}>
              {p.regionCode}
              {name ? ` (${name})` : ''}, {p.year}: {describeProvenance(p)}
              {p.status !== 'ok' ? ` — ${STATUS_LABELS[p.status]}` : ''}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
