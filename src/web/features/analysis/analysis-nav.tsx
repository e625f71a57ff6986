/**
 * The sub-navigation of the neighbourhood analysis of one approach (Gebiedsanalyse): the focus
 * area's own pages (profile, indicator explorer, early signals) and the municipality-wide pages
 * (map, rankings, accumulation). Shown under the approach navigation on every analysis page.
 */
import { NavLink } from 'react-router';
import type { ApproachDetail } from '../../api/types.ts';

export function analysisBase(approachId: string): string {
  return `/aanpakken/${approachId}/analyse`;
}

export function AnalysisNav({ approach }: { approach: ApproachDetail }) {
  const base = analysisBase(approach.id);
  const items = [
    { to: base, label: 'Gebiedsprofiel', end: true },
    { to: `${base}/indicatoren`, label: 'Indicatoren', end: false },
    { to: `${base}/signalen`, label: 'Vroege signalen', end: false },
    { to: `${base}/kaart`, label: 'Kaart', end: false },
    { to: `${base}/rangorde`, label: 'Rangorde', end: false },
    { to: `${base}/opstapeling`, label: 'Opstapeling', end: false },
  ];
  return (
    <nav aria-label="Onderdelen van de gebiedsanalyse" className="wk-subnav wk-subnav--secondary wk-no-print">
      <ul className="wk-subnav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="wk-subnav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
