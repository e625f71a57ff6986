/**
 * The map's legend as HTML text (readable by everyone, not only as colours): the classes with their
 * ranges and number of buurten, which end is unfavourable, the hatched "no figure" swatch with its
 * count, and the focus area's outline.
 */
import type { Indicator } from '../../api/analysis-municipality.ts';
import { formatFigure } from './analysis-format.ts';
import type { ClassScale } from './map-classes.ts';

function buurten(count: number): string {
  return `${count} ${count === 1 ? 'buurt' : 'buurten'}`;
}

export function MapLegend({
  scale,
  indicator,
  year,
  missingCount,
  focusAreaName,
}: {
  scale: ClassScale;
  indicator: Indicator;
  year: number;
  missingCount: number;
  focusAreaName: string;
}) {
  const last = scale.classes.length - 1;
  const endNote = (i: number) => {
    if (scale.worseEnd === null || last === 0) return '';
    const isHighEnd = i === last;
    const isLowEnd = i === 0;
    if (!isHighEnd && !isLowEnd) return '';
    const isWorse = (scale.worseEnd === 'high') === isHighEnd;
    return isWorse ? ' – ongunstigst' : ' – gunstigst';
  };
  return (
    <div className="wk-muni-legend" data-testid="map-legend">
      <p className="wk-muni-legend__title">
        {indicator.title}
        {indicator.unit ? ` (${indicator.unit})` : ''}, {year}
      </p>
      <p className="wk-muni-legend__note">
        {scale.worseEnd === null
          ? 'Neutrale indicator: donkerder betekent alleen een hogere waarde, niet beter of slechter.'
          : `Donkerder is ongunstiger (${scale.worseEnd === 'high' ? 'hoger is ongunstiger' : 'lager is ongunstiger'}).`}{' '}
        Vijf klassen met ongeveer even veel buurten.
      </p>
      <ul className="wk-muni-legend__list">
        {scale.classes.map((c, i) => (
          <li key={`${c.lower}-${c.upper}`}>
            <span className="wk-muni-legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {formatFigure(c.lower, indicator)} tot {i === last ? 'en met ' : ''}
            {formatFigure(c.upper, indicator)} ({buurten(c.count)}){endNote(i)}
          </li>
        ))}
        <li>
          <span className="wk-muni-legend__swatch wk-muni-legend__swatch--missing" aria-hidden="true" />
          Geen cijfer: onbekend, geheim of te weinig inwoners ({buurten(missingCount)})
        </li>
        <li>
          <span className="wk-muni-legend__swatch wk-muni-legend__swatch--focus" aria-hidden="true" />
          Zwart omlijnd: buurten van {focusAreaName}
        </li>
      </ul>
    </div>
  );
}
