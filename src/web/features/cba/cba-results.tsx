/**
 * The results of an MKBA: key figures (side by side when there are several alternatives) with the
 * discounting method stated right beside them, the charts with their tables, the sensitivity to
 * the discount rate, the present value per item, and the non-monetised effects (never summed).
 */
import { useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { CbaAlternativeResult, CbaRateSensitivity, CbaResult } from '../../api/types.ts';
import { SelectField } from '../../components/fields.tsx';
import { formatEuro, formatEuroShort, formatPercent, formatRatio } from './cba-format.ts';
import { PARTY_LABELS, TYPE_LABELS, categoryLabel } from './cba-labels.ts';
import { CumulativeChart, PartyChart, TornadoChart } from './cba-charts.tsx';
import { EffectsList } from './effects-editor.tsx';
import { NumberTable } from './number-table.tsx';

function hasAmounts(alternative: CbaAlternativeResult): boolean {
  return alternative.yearly.some((y) => y.costs !== 0 || y.benefits !== 0);
}

function breakEvenText(alternative: CbaAlternativeResult): string {
  if (!hasAmounts(alternative)) return '—';
  return alternative.breakEvenYear === null ? 'niet binnen de horizon' : String(alternative.breakEvenYear);
}

interface Figure {
  key: string;
  label: string;
  value: (a: CbaAlternativeResult) => string;
  exact?: (a: CbaAlternativeResult) => string;
}

const FIGURES: Figure[] = [
  {
    key: 'kosten',
    label: 'Contante waarde kosten',
    value: (a) => formatEuroShort(a.presentValueCosts),
    exact: (a) => formatEuro(a.presentValueCosts),
  },
  {
    key: 'baten',
    label: 'Contante waarde baten',
    value: (a) => formatEuroShort(a.presentValueBenefits),
    exact: (a) => formatEuro(a.presentValueBenefits),
  },
  {
    key: 'ncw',
    label: 'Netto contante waarde (NCW)',
    value: (a) => formatEuroShort(a.netPresentValue),
    exact: (a) => formatEuro(a.netPresentValue),
  },
  { key: 'verhouding', label: 'Baten/kostenverhouding', value: (a) => formatRatio(a.benefitCostRatio) },
  { key: 'terugverdienjaar', label: 'Terugverdienjaar (break-even)', value: breakEvenText },
];

function KeyFigures({ alternative }: { alternative: CbaAlternativeResult }) {
  return (
    <dl className="wk-cba-figures" aria-label="Kerncijfers">
      {FIGURES.map((figure) => {
        const value = figure.value(alternative);
        const exact = figure.exact?.(alternative);
        return (
          <div key={figure.key} className={`wk-cba-figure wk-cba-figure--${figure.key}`}>
            <dt className="wk-cba-figure__label">{figure.label}</dt>
            <dd className="wk-cba-figure__value" data-figure={figure.key}>
              <span className="wk-cba-figure__main">{value}</span>
              {exact && exact !== value ? <span className="wk-cba-figure__exact">{exact}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ComparisonTable({ result }: { result: CbaResult }) {
  return (
    <NumberTable
      caption={`Kerncijfers per alternatief, elk ten opzichte van het nulalternatief (${result.zeroAlternative.name})`}
      columns={['Kerncijfer', ...result.alternatives.map((a) => a.name)]}
      rows={FIGURES.map((figure) => [figure.label, ...result.alternatives.map((a) => figure.value(a))])}
      className="wk-cba-comparison"
    />
  );
}

export function MethodNote({ result }: { result: CbaResult }) {
  return (
    <div className="wk-cba-method">
      <Paragraph>
        <strong>Zo is gerekend.</strong> Contante waarde = som over de jaren t van bedrag × (1 + r)^−(t −
        basisjaar), met r = {formatPercent(result.discountRate)} (reële discontovoet) en basisjaar{' '}
        {result.discountBaseYear}; bedragen in euro’s van prijspeil {result.priceBaseYear}, horizon{' '}
        {result.startYear}–{result.endYear}.
      </Paragraph>
      <Paragraph small className="wk-cba-method__full">
        {result.method}
      </Paragraph>
    </div>
  );
}

function RateTable({ alternative }: { alternative: CbaAlternativeResult }) {
  const rates = alternative.sensitivity.filter((e): e is CbaRateSensitivity => e.kind === 'discount_rate');
  return (
    <NumberTable
      caption="Resultaten bij andere discontovoeten"
      isCaptionHidden
      columns={[
        'Discontovoet',
        'Kosten (contant)',
        'Baten (contant)',
        'NCW',
        'Baten/kosten',
        'Terugverdienjaar',
      ]}
      markedRow={rates.findIndex((r) => r.isBaseRate)}
      rows={rates.map((r) => [
        `${formatPercent(r.discountRate)}${r.isBaseRate ? ' (gekozen)' : ''}`,
        formatEuro(r.presentValueCosts),
        formatEuro(r.presentValueBenefits),
        formatEuro(r.netPresentValue),
        formatRatio(r.benefitCostRatio),
        hasAmounts(alternative)
          ? r.breakEvenYear === null
            ? 'niet binnen de horizon'
            : String(r.breakEvenYear)
          : '—',
      ])}
    />
  );
}

function ItemTable({ alternative }: { alternative: CbaAlternativeResult }) {
  return (
    <NumberTable
      caption="Contante waarde per post"
      isCaptionHidden
      textColumns={4}
      columns={[
        'Post',
        'Kosten of baten',
        'Categorie',
        'Partij',
        'Som (niet verdisconteerd)',
        'Contante waarde',
      ]}
      rows={alternative.items.map((item) => [
        item.label,
        TYPE_LABELS[item.type],
        categoryLabel(item.type, item.category),
        PARTY_LABELS[item.party],
        formatEuro(item.undiscountedTotal),
        formatEuro(item.presentValue),
      ])}
    />
  );
}

export function ResultsSection({ result }: { result: CbaResult }) {
  const [selectedId, setSelectedId] = useState(result.alternatives[0]?.id ?? '');
  const isMulti = result.alternatives.length > 1;
  const selected = result.alternatives.find((a) => a.id === selectedId) ?? result.alternatives[0];
  if (!selected) return null;
  return (
    <>
      {isMulti ? <ComparisonTable result={result} /> : <KeyFigures alternative={selected} />}
      <MethodNote result={result} />
      <CumulativeChart alternatives={result.alternatives} />
      {isMulti ? (
        <div className="wk-no-print wk-narrow">
          <SelectField
            id="mkba-details-alternatief"
            label="Details tonen van"
            value={selected.id}
            onChange={setSelectedId}
            options={result.alternatives.map((a) => ({ value: a.id, label: a.name }))}
          />
        </div>
      ) : null}
      {isMulti ? (
        <Heading level={3} className="wk-cba-alt-heading">
          Details: {selected.name}
        </Heading>
      ) : null}
      <PartyChart alternative={selected} />
      <TornadoChart alternative={selected} />
      <section aria-labelledby="mkba-discontovoet-kop" className="wk-cba-subsection">
        <Heading level={3} appearance="utrecht-heading-4" id="mkba-discontovoet-kop">
          Gevoeligheid voor de discontovoet
        </Heading>
        <RateTable alternative={selected} />
      </section>
      <section aria-labelledby="mkba-posten-kop" className="wk-cba-subsection">
        <Heading level={3} appearance="utrecht-heading-4" id="mkba-posten-kop">
          Contante waarde per post
        </Heading>
        <ItemTable alternative={selected} />
      </section>
      <section aria-labelledby="mkba-effecten-kop" className="wk-cba-subsection">
        <Heading level={3} appearance="utrecht-heading-4" id="mkba-effecten-kop">
          Niet in geld uitgedrukte effecten
        </Heading>
        <Paragraph small className="wk-muted">
          Deze effecten zijn gescoord als positief (+), neutraal (0) of negatief (−) en tellen niet mee in de
          bedragen hierboven; weeg ze er in het gesprek naast.
        </Paragraph>
        {result.alternatives.map((alternative) => (
          <div key={alternative.id}>
            {isMulti ? <p className="wk-cba-effects__alt">{alternative.name}</p> : null}
            <EffectsList effects={alternative.effects} />
          </div>
        ))}
      </section>
    </>
  );
}

function withStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function AssumptionsSection({ result }: { result: CbaResult }) {
  return (
    <section aria-labelledby="mkba-aannames-kop" className="wk-section wk-cba-assumptions">
      <Heading level={2} id="mkba-aannames-kop">
        Aannames en bronnen
      </Heading>
      {result.description ? <Paragraph>{result.description}</Paragraph> : null}
      <Paragraph>
        {/^nulalternatief/i.test(result.zeroAlternative.name) ? '' : 'Nulalternatief: '}
        {withStop(result.zeroAlternative.name)}
        {result.zeroAlternative.description ? ` ${withStop(result.zeroAlternative.description)}` : ''} Alle
        bedragen zijn verschillen ten opzichte van dit nulalternatief.
      </Paragraph>
      {result.assumptions.length > 0 ? (
        <>
          <Heading level={3} appearance="utrecht-heading-4">
            Aannames
          </Heading>
          <ol className="wk-cba-list">
            {result.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ol>
        </>
      ) : (
        <Paragraph className="wk-muted">Geen aannames vastgelegd.</Paragraph>
      )}
      {result.sources.length > 0 ? (
        <>
          <Heading level={3} appearance="utrecht-heading-4">
            Bronnen
          </Heading>
          <ul className="wk-cba-list">
            {result.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
