/**
 * The choropleth map of a municipality's buurten, drawn with Observable Plot's geo mark in a
 * Mercator projection fitted to the buurten. Three layers: buurten with a figure (filled by class),
 * buurten without one (grey and hatched, so missing never looks like a low value), and the focus
 * area's outline on top. The SVG is decorative for assistive technology (aria-hidden, nothing
 * focusable): the legend is HTML and the table below the map carries every number (WCAG 1.1.1).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Heading } from '@utrecht/component-library-react';
import type * as PlotNamespace from '@observablehq/plot';
import type { BuurtMapFeature, Indicator } from '../../api/analysis-municipality.ts';
import { formatFigure } from './analysis-format.ts';
import { MISSING_COLOR, type ClassScale } from './map-classes.ts';

type PlotModule = typeof PlotNamespace;

let plotModule: Promise<PlotModule> | null = null;
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A diagonal hatch over grey for buurten without a figure. */
function addHatchPattern(svg: Element, id: string): void {
  const defs = document.createElementNS(SVG_NS, 'defs');
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', id);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '6');
  pattern.setAttribute('height', '6');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '6');
  background.setAttribute('height', '6');
  background.setAttribute('fill', MISSING_COLOR);
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '0');
  line.setAttribute('y1', '0');
  line.setAttribute('x2', '0');
  line.setAttribute('y2', '6');
  line.setAttribute('stroke', '#595959');
  line.setAttribute('stroke-width', '1.5');
  pattern.append(background, line);
  defs.append(pattern);
  svg.prepend(defs);
}

/** Marks each path with its buurt code (the geo mark draws one path per feature, in order). */
function tagPaths(svg: Element, className: string, features: BuurtMapFeature[]): void {
  const paths = svg.querySelectorAll(`g.${className} path`);
  paths.forEach((path, i) => {
    const feature = features[i];
    if (!feature) return;
    path.setAttribute('data-code', feature.properties.code);
    path.setAttribute(
      'data-value',
      feature.properties.value === null ? '' : String(feature.properties.value),
    );
  });
}

export function drawChoropleth(
  Plot: PlotModule,
  options: {
    features: BuurtMapFeature[];
    focusArea: ReadonlySet<string>;
    scale: ClassScale;
    indicator: Indicator;
    width: number;
    hatchId: string;
  },
): Element {
  const { features, focusArea, scale, indicator, width, hatchId } = options;
  const withValue = features.filter((f) => f.properties.value !== null);
  const withoutValue = features.filter((f) => f.properties.value === null);
  const focus = features.filter((f) => focusArea.has(f.properties.code));
  const label = (f: BuurtMapFeature) =>
    `${f.properties.name ?? f.properties.code}: ${f.properties.value === null ? 'geen cijfer' : formatFigure(f.properties.value, indicator)}`;
  const svg = Plot.plot({
    width,
    projection: { type: 'mercator', domain: { type: 'FeatureCollection', features } as never },
    color: { type: 'identity' },
    marks: [
      Plot.geo(withValue, {
        fill: (f: BuurtMapFeature) => scale.colorOf(f.properties.value),
        stroke: '#ffffff',
        strokeWidth: 0.6,
        title: label,
        className: 'wk-muni-map-values',
      }),
      Plot.geo(withoutValue, {
        fill: MISSING_COLOR,
        stroke: '#ffffff',
        strokeWidth: 0.6,
        title: label,
        className: 'wk-muni-map-missing',
      }),
      Plot.geo(focus, { fill: 'none', stroke: '#000000', strokeWidth: 2.5, className: 'wk-muni-map-focus' }),
    ],
  });
  addHatchPattern(svg, hatchId);
  svg.querySelector('g.wk-muni-map-missing')?.setAttribute('fill', `url(#${hatchId})`);
  tagPaths(svg, 'wk-muni-map-values', withValue);
  tagPaths(svg, 'wk-muni-map-missing', withoutValue);
  return svg;
}

export function ChoroplethFigure({
  title,
  description,
  features,
  focusArea,
  scale,
  indicator,
  legend,
}: {
  title: string;
  description: string;
  features: BuurtMapFeature[];
  focusArea: ReadonlySet<string>;
  scale: ClassScale;
  indicator: Indicator;
  legend: ReactNode;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const hatchId = `wk-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.min(900, Math.round(entry?.contentRect.width ?? 0));
      setWidth((current) => (Math.abs(current - next) > 8 ? next : current));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element || width === 0) return;
    let isCurrent = true;
    loadPlot()
      .then((Plot) => {
        if (!isCurrent) return;
        const chart = drawChoropleth(Plot, { features, focusArea, scale, indicator, width, hatchId });
        chart.setAttribute('aria-hidden', 'true');
        chart.setAttribute('focusable', 'false');
        element.replaceChildren(chart);
      })
      .catch(() => setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [features, focusArea, scale, indicator, width, hatchId]);

  return (
    <figure className="wk-muni-map" aria-labelledby={titleId}>
      <figcaption>
        <Heading level={2} appearance="utrecht-heading-3" id={titleId}>
          {title}
        </Heading>
      </figcaption>
      <div className="wk-muni-map__body">
        <div
          ref={container}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
          className="wk-muni-map__plot"
          data-testid="buurt-map"
        />
        {legend}
      </div>
      {failed ? <p>De kaart kon niet worden getekend; de tabel hieronder bevat dezelfde cijfers.</p> : null}
      <p id={descriptionId} className="wk-cba-chart__description">
        {description}
      </p>
    </figure>
  );
}
