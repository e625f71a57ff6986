/**
 * Vroege signalen: indicators on which the focus area gets worse clearly faster than its
 * municipality (GET /approaches/{id}/early-signals; method in src/core/analysis/early-signals.ts),
 * with the method in plain Dutch and in numbers, a worked example from the area's own figures,
 * and every evaluated indicator in a table with an export.
 */
import { useMemo } from 'react';
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { useEarlySignals, type EarlySignal, type EarlySignals } from '../../api/analysis.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { CbsSource } from '../../components/cbs-source.tsx';
import { ExportButtons } from '../../components/export-buttons.tsx';
import type { ExportTable } from '../../components/table-export.ts';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { isUuid } from '../approaches/labels.ts';
import { DIRECTION_LABELS, formatNumber } from './analysis-format.ts';
import { analysisBase } from './analysis-nav.tsx';
import { AnalysisShell } from './analysis-shell.tsx';
import { YearPicker, useAnalysisYear } from './year-picker.tsx';

const ratioFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "+24,27 x 1 000 euro per jaar"; a percentage changes in percentage points. */
export function formatSlope(value: number | null, unit: string): string {
  if (value === null) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(Math.abs(value));
  const perUnit = unit === '%' ? 'procentpunt' : unit === 'aantal' ? '' : unit;
  return `${sign}${number}${perUnit ? ` ${perUnit}` : ''} per jaar`;
}

export function EarlySignalsPage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return (
    <AnalysisShell
      approachId={approachId}
      title="Vroege signalen"
      crumbs={[{ to: `${analysisBase(approachId)}/signalen`, label: 'Vroege signalen' }]}
    >
      {(approach) => <SignalsContent approach={approach} />}
    </AnalysisShell>
  );
}

function SignalsContent({ approach }: { approach: ApproachDetail }) {
  // The newest year unless one is chosen: signals are about the most recent trend.
  const { years, year: toYear, setYear } = useAnalysisYear(approach, 'newest');
  const signals = useEarlySignals(approach.id, toYear);
  return (
    <>
      <Paragraph lead>
        Een vroeg signaal is een indicator waarop het focusgebied de laatste jaren duidelijk sneller
        achteruitgaat dan de gemeente als geheel — ook als de cijfers zelf nog niet alarmerend zijn. Het is
        een aanleiding om samen te duiden, geen oordeel.
      </Paragraph>
      {toYear !== null && years.length > 0 ? (
        <div className="wk-analysis-toolbar wk-no-print">
          <YearPicker
            id="signalen-jaar"
            label="Trend tot en met"
            years={years}
            year={toYear}
            onChange={setYear}
          />
        </div>
      ) : null}
      {signals.isPending && toYear !== null ? <Loading what="de vroege signalen" /> : null}
      {signals.isError ? <InlineError error={signals.error} /> : null}
      {signals.data ? <SignalsBody approach={approach} data={signals.data} /> : null}
    </>
  );
}

function windowOf(data: EarlySignals): string {
  const judged = data.evaluated.find((s) => s.fromYear !== null && s.toYear !== null);
  return judged ? `${judged.fromYear}–${judged.toYear}` : '';
}

function SignalsBody({ approach, data }: { approach: ApproachDetail; data: EarlySignals }) {
  const judged = useMemo(
    () => [...data.evaluated].filter((s) => s.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
    [data.evaluated],
  );
  const unjudged = data.evaluated.filter((s) => s.score === null);
  const reasons = useMemo(() => {
    const byReason = new Map<string, EarlySignal[]>();
    for (const s of unjudged)
      byReason.set(s.reason ?? 'onbekend', [...(byReason.get(s.reason ?? 'onbekend') ?? []), s]);
    return [...byReason.entries()];
  }, [unjudged]);
  const period = windowOf(data);
  const example = data.signals[0] ?? judged[0];
  return (
    <>
      <section aria-labelledby="signalen-kop" className="wk-section">
        <Heading level={2} id="signalen-kop">
          Signalen {period ? `(${period})` : ''}
        </Heading>
        {data.signals.length === 0 ? (
          <Paragraph data-testid="no-signals">
            Geen vroege signalen: op geen van de {judged.length} indicatoren waarvoor genoeg cijfers zijn,
            gaat {data.areaName} duidelijk sneller achteruit dan de gemeente.
          </Paragraph>
        ) : (
          <SignalTable
            approachId={approach.id}
            rows={data.signals}
            caption={`Vroege signalen van ${data.areaName}`}
          />
        )}
        <CbsSource year={period || '–'} />
      </section>

      <section aria-labelledby="methode-kop" className="wk-section">
        <Heading level={2} id="methode-kop">
          Hoe wordt een signaal bepaald?
        </Heading>
        {data.method
          .split('\n\n')
          .slice(1)
          .map((paragraph) => (
            <Paragraph key={paragraph.slice(0, 40)}>{paragraph}</Paragraph>
          ))}
        <Heading level={3}>Wat “duidelijk sneller dan de gemeente” in getallen betekent</Heading>
        <UnorderedList>
          <UnorderedListItem>
            <strong>Trend</strong>: de gemiddelde verandering per jaar over de laatste vijf jaar (de helling
            van de best passende rechte lijn), met minstens drie jaarcijfers. Dat berekenen we voor het
            focusgebied, voor de gemeente en voor elke buurt van de gemeente.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Achterstand</strong> = trend van het gebied min trend van de gemeente, zo gedraaid dat een
            positief getal “ongunstiger” betekent (bij “hoger is gunstiger” dus gemeente min gebied).
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Maatstaf</strong> = de gewone spreiding van de trends van de buurten in de gemeente: de
            mediaan van de afwijkingen tot de middelste trend, maal 1,4826. Die factor maakt er bij normaal
            verdeelde trends een standaardafwijking van, maar een paar uitschieters tellen niet zwaarder dan
            andere buurten. Er zijn minstens vijf buurten nodig.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Signaal</strong> als het gebied zelf achteruitgaat én de achterstand groter is dan 1 × de
            maatstaf (score = achterstand ÷ maatstaf &gt; 1). Bij normaal verdeelde trends wijkt ongeveer vijf
            op de zes buurten (84%) minder ver van de gemeente af.
          </UnorderedListItem>
        </UnorderedList>
        {example ? <WorkedExample signal={example} /> : null}
      </section>

      <section aria-labelledby="beoordeeld-kop" className="wk-section">
        <Heading level={2} id="beoordeeld-kop">
          Alle beoordeelde indicatoren
        </Heading>
        <ExportButtons table={signalsExportTable(data)} fileName={`vroege-signalen-${period || 'trend'}`} />
        {judged.length > 0 ? (
          <SignalTable
            approachId={approach.id}
            rows={judged}
            caption={`Indicatoren met een oordeel, hoogste score eerst (${period})`}
          />
        ) : (
          <Paragraph>Voor geen enkele indicator zijn genoeg cijfers om een trend te vergelijken.</Paragraph>
        )}
        {reasons.length > 0 ? (
          <details className="wk-details">
            <summary>Zonder oordeel ({unjudged.length} indicatoren)</summary>
            {reasons.map(([reason, items]) => (
              <Paragraph key={reason} small>
                <strong>{reason}</strong>: {items.map((s) => s.title).join(', ')}.
              </Paragraph>
            ))}
          </details>
        ) : null}
      </section>
    </>
  );
}

function WorkedExample({ signal }: { signal: EarlySignal }) {
  if (signal.score === null || signal.excess === null || signal.spread === null) return null;
  const direction = DIRECTION_LABELS[signal.direction];
  return (
    <Paragraph data-testid="worked-example">
      Voorbeeld uit de eigen cijfers — <em>{signal.title}</em> ({direction}), {signal.fromYear}–
      {signal.toYear}: het focusgebied veranderde met {formatSlope(signal.areaSlope, signal.unit)}, de
      gemeente met {formatSlope(signal.municipalitySlope, signal.unit)}. De achterstand is{' '}
      {formatNumber(signal.excess, 'average')}, de maatstaf uit {signal.comparisonBuurten} buurten{' '}
      {formatNumber(signal.spread, 'average')}; score {ratioFormat.format(signal.score)}.{' '}
      {signal.isSignal
        ? 'Dat is meer dan 1: een vroeg signaal.'
        : signal.score > 1
          ? 'Dat is meer dan 1, maar het gebied gaat zelf niet achteruit: geen signaal.'
          : 'Dat is niet meer dan 1: geen signaal.'}
    </Paragraph>
  );
}

function SignalTable({
  approachId,
  rows,
  caption,
}: {
  approachId: string;
  rows: EarlySignal[];
  caption: string;
}) {
  return (
    <div className="wk-cba-scroll" tabIndex={0} role="region" aria-label={`${caption} (schuifbaar)`}>
      <Table className="wk-cba-table">
        <TableCaption className="wk-cba-table__caption">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Indicator</TableHeaderCell>
            <TableHeaderCell scope="col">Trend gebied</TableHeaderCell>
            <TableHeaderCell scope="col">Trend gemeente</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Achterstand
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Maatstaf
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              Score
            </TableHeaderCell>
            <TableHeaderCell scope="col">Signaal</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.indicatorKey}>
              <TableHeaderCell scope="row">
                <AppLink to={`${analysisBase(approachId)}/indicatoren/${s.indicatorKey}`}>{s.title}</AppLink>
              </TableHeaderCell>
              <TableCell>{formatSlope(s.areaSlope, s.unit)}</TableCell>
              <TableCell>{formatSlope(s.municipalitySlope, s.unit)}</TableCell>
              <TableCell numericColumn>
                {s.excess === null ? '–' : formatNumber(s.excess, 'average')}
              </TableCell>
              <TableCell numericColumn>
                {s.spread === null ? '–' : formatNumber(s.spread, 'average')}
              </TableCell>
              <TableCell numericColumn>{s.score === null ? '–' : ratioFormat.format(s.score)}</TableCell>
              <TableCell>{s.isSignal ? 'ja' : 'nee'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function signalsExportTable(data: EarlySignals): ExportTable {
  return {
    title: `Vroege signalen ${data.areaName}`,
    columns: [
      { key: 'key', label: 'Sleutel' },
      { key: 'title', label: 'Indicator' },
      { key: 'unit', label: 'Eenheid' },
      { key: 'direction', label: 'Richting' },
      { key: 'from', label: 'Van', kind: 'number' },
      { key: 'to', label: 'Tot en met', kind: 'number' },
      { key: 'areaSlope', label: 'Trend gebied per jaar', kind: 'number' },
      { key: 'municipalitySlope', label: 'Trend gemeente per jaar', kind: 'number' },
      { key: 'excess', label: 'Achterstand', kind: 'number' },
      { key: 'spread', label: 'Maatstaf', kind: 'number' },
      { key: 'score', label: 'Score', kind: 'number' },
      { key: 'buurten', label: 'Buurten in de maatstaf', kind: 'number' },
      { key: 'signal', label: 'Signaal' },
      { key: 'reason', label: 'Geen oordeel omdat' },
    ],
    rows: data.evaluated.map((s) => ({
      key: s.indicatorKey,
      title: s.title,
      unit: s.unit,
      direction: DIRECTION_LABELS[s.direction],
      from: s.fromYear,
      to: s.toYear,
      areaSlope: s.areaSlope,
      municipalitySlope: s.municipalitySlope,
      excess: s.excess,
      spread: s.spread,
      score: s.score,
      buurten: s.comparisonBuurten,
      signal: s.isSignal ? 'ja' : 'nee',
      reason: s.reason ?? '',
    })),
    source: data.attribution,
  };
}
