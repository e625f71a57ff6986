/**
 * The spread of selection probabilities of a finished run: a histogram drawn with Observable Plot
 * (loaded on first use) and the same numbers as a table ("Tabel bij deze grafiek"), plus the mean
 * and lowest probability per feature value. With LEXIMIN on the published example every registrant
 * has 10%: one bar.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PanelRun } from '../../api/panels.ts';
import { ALGORITHM_LABELS, formatCount, formatProbability } from './panel-labels.ts';

type Summary = NonNullable<PanelRun['summary']>;

export function ProbabilityResults({ run, summary }: { run: PanelRun; summary: Summary }) {
  const total = summary.histogram.reduce((sum, band) => sum + band.count, 0);
  return (
    <>
      <dl className="wk-facts">
        <dt>Laagste kans</dt>
        <dd data-testid="min-probability">{formatProbability(summary.minProbability)}</dd>
        <dt>Hoogste kans</dt>
        <dd>{formatProbability(summary.maxProbability)}</dd>
        <dt>Gemiddelde kans (panelgrootte / pool)</dt>
        <dd>{formatProbability(summary.meanProbability)}</dd>
        <dt>Gini-coëfficiënt</dt>
        <dd>
          {summary.gini.toLocaleString('nl-NL', { maximumFractionDigits: 3 })} (0 = iedereen gelijke kans)
        </dd>
        <dt>Panels in de verdeling</dt>
        <dd>{formatCount(summary.panelCount)}</dd>
      </dl>
      <ProbabilityHistogram run={run} summary={summary} total={total} />
      <div className="wk-panel-scroll">
        <Table className="wk-panel-table">
          <TableCaption>Selectiekans per kenmerkwaarde</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Aanmeldingen
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Gemiddelde kans
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Laagste kans
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.byValue.map((row) => (
              <TableRow key={`${row.category}-${row.value}`}>
                <TableCell>{row.category}</TableCell>
                <TableHeaderCell scope="row">{row.value}</TableHeaderCell>
                <TableCell numericColumn>{formatCount(row.count)}</TableCell>
                <TableCell numericColumn>{formatProbability(row.meanProbability)}</TableCell>
                <TableCell numericColumn>{formatProbability(row.minProbability)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function ProbabilityHistogram({ run, summary, total }: { run: PanelRun; summary: Summary; total: number }) {
  const titleId = useId();
  const descriptionId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const bands = summary.histogram;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let isCurrent = true;
    import('@observablehq/plot')
      .then((Plot) => {
        if (!isCurrent) return;
        const style = getComputedStyle(document.documentElement);
        const fill = style.getPropertyValue('--utrecht-color-blue-35').trim() || '#24598f';
        const chart = Plot.plot({
          width: Math.max(320, Math.min(720, element.clientWidth || 640)),
          height: 260,
          marginLeft: 56,
          marginBottom: 44,
          style: {
            fontSize: '13px',
            fontFamily: 'inherit',
            background: 'transparent',
            color: 'currentColor',
          },
          x: { label: 'Selectiekans', tickFormat: (d: number) => formatProbability(d), labelOffset: 38 },
          y: { label: 'Aanmeldingen', grid: true },
          marks: [Plot.rectY(bands, { x1: 'from', x2: 'to', y: 'count', fill, inset: 0.5 }), Plot.ruleY([0])],
        });
        chart.setAttribute('aria-hidden', 'true');
        element.replaceChildren(chart);
      })
      .catch(() => setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [bands]);

  const filled = bands.filter((band) => band.count > 0);
  return (
    <figure className="wk-panel-chart" aria-labelledby={titleId}>
      <figcaption>
        <Heading level={4} id={titleId}>
          Spreiding van de selectiekansen
        </Heading>
      </figcaption>
      <div
        ref={container}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="wk-panel-chart__plot"
      />
      {failed ? (
        <Paragraph>De grafiek kon niet worden getekend; de tabel hieronder bevat dezelfde cijfers.</Paragraph>
      ) : null}
      <Paragraph id={descriptionId}>
        Aantal aanmelders per kansklasse ({ALGORITHM_LABELS[run.algorithm]}, {formatCount(total)} aanmelders):
        de kansen liggen tussen {formatProbability(summary.minProbability)} en{' '}
        {formatProbability(summary.maxProbability)}
        {filled.length === 1 ? ', dus iedereen heeft (vrijwel) dezelfde kans' : ''}.
      </Paragraph>
      <details className="wk-panel-table-alt">
        <summary className="wk-panel-table-alt__summary">
          Tabel bij deze grafiek<span className="wk-visually-hidden">: spreiding van de selectiekansen</span>
        </summary>
        <div className="wk-panel-scroll">
          <Table className="wk-panel-table" data-testid="probability-table">
            <TableCaption>Aanmelders per kansklasse</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Selectiekans van</TableHeaderCell>
                <TableHeaderCell scope="col">tot</TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  Aanmelders
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {filled.map((band) => (
                <TableRow key={band.from}>
                  <TableCell>{formatProbability(band.from)}</TableCell>
                  <TableCell>{formatProbability(band.to)}</TableCell>
                  <TableCell numericColumn>{formatCount(band.count)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <Paragraph small>Klassen zonder aanmelders zijn weggelaten.</Paragraph>
      </details>
    </figure>
  );
}
