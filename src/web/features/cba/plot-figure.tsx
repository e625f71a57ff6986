/**
 * A chart made with Observable Plot, in a figure with a visible title, an accessible name that
 * says what the chart shows, and the same numbers as a table behind "Tabel bij deze grafiek"
 * (WCAG 1.1.1: a text alternative that carries the data, not just a title).
 *
 * Plot is loaded on first use (its own chunk), renders into a div from an effect, and re-renders
 * when the data or the width changes. Colours come from the NL Design System tokens of the theme.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Heading } from '@utrecht/component-library-react';
import type * as Plot from '@observablehq/plot';

export type PlotModule = typeof Plot;
export type RenderChart = (Plot: PlotModule, options: { width: number; colors: ChartColors }) => Element;

export interface ChartColors {
  costs: string;
  benefits: string;
  line: string;
  muted: string;
  series: string[];
}

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    costs: token('--utrecht-color-red-40', '#cc0000'),
    benefits: token('--utrecht-color-green-40', '#5a7a3d'),
    line: token('--utrecht-color-blue-35', '#24598f'),
    muted: token('--utrecht-color-grey-40', '#666666'),
    series: [
      token('--utrecht-color-blue-35', '#24598f'),
      token('--utrecht-color-red-30', '#990000'),
      token('--utrecht-color-green-30', '#4c6335'),
      token('--utrecht-color-yellow-20', '#665200'),
      token('--utrecht-color-grey-20', '#333333'),
    ],
  };
}

let plotModule: Promise<PlotModule> | null = null;
function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

export function PlotFigure({
  title,
  description,
  render,
  table,
  headingLevel = 3,
}: {
  title: string;
  /** What the chart shows, in one or two sentences (its accessible description). */
  description: string;
  render: RenderChart;
  table: ReactNode;
  headingLevel?: number;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      // Only a real change of width: re-rendering for a pixel is wasted work.
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
        const chart = render(Plot, { width, colors: readColors() });
        chart.setAttribute('aria-hidden', 'true');
        element.replaceChildren(chart);
      })
      .catch(() => setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [render, width]);

  return (
    <figure className="wk-cba-chart" aria-labelledby={titleId}>
      <figcaption>
        <Heading level={headingLevel} appearance="utrecht-heading-4" id={titleId}>
          {title}
        </Heading>
      </figcaption>
      <div
        ref={container}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="wk-cba-chart__plot"
      />
      {failed ? <p>De grafiek kon niet worden getekend; de tabel hieronder bevat dezelfde cijfers.</p> : null}
      <p id={descriptionId} className="wk-cba-chart__description">
        {description}
      </p>
      <details className="wk-cba-table-alt">
        <summary className="wk-cba-table-alt__summary">
          Tabel bij deze grafiek<span className="wk-visually-hidden">: {title}</span>
        </summary>
        {table}
      </details>
    </figure>
  );
}
