/** The navigation inside one approach: overview, area analysis, go/no-go decision, MKBA, citizens' panels, history. */
import { NavLink } from 'react-router';
import type { ApproachDetail } from '../../api/types.ts';

export function ApproachNav({ approach }: { approach: ApproachDetail }) {
  const base = `/aanpakken/${approach.id}`;
  const items = [
    { to: base, label: 'Overzicht en voortgang', end: true },
    { to: `${base}/analyse`, label: 'Gebiedsanalyse', end: false },
    { to: `${base}/besluit`, label: 'Go/no-go-besluit', end: false },
    { to: `${base}/mkba`, label: 'MKBA', end: false },
    { to: `${base}/burgerpanels`, label: 'Burgerpanels', end: false },
    ...(approach.permissions.includes('read_history')
      ? [{ to: `${base}/geschiedenis`, label: 'Geschiedenis', end: false }]
      : []),
  ];
  return (
    <nav aria-label={`Onderdelen van ${approach.title}`} className="wk-subnav wk-no-print">
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
