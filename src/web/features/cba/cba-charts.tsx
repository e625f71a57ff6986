/**
 * The three charts of an MKBA result, each with its table: the cumulative discounted balance over
 * time (one line per alternative), the split per party, and the tornado of the ±x% variation of
 * each item (src/core/cba/sensitivity.ts).
 */
import { useCallback, useMemo } from 'react';
import type { CbaAlternativeResult, CbaItemSensitivity } from '../../api/types.ts';
import { formatEuro, formatEuroAxis, formatPercent } from './cba-format.ts';
import { PARTY_LABELS } from './cba-labels.ts';
import { NumberTable } from './number-table.tsx';
import { PlotFigure, type RenderChart } from './plot-figure.tsx';

const STYLE = { fontSize: '13px', fontFamily: 'inherit', background: 'transparent', color: 'currentColor' };
const yearTick = (d: number) => (Number.isInteger(d) ? String(d) : '');

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function CumulativeChart({ alternatives }: { alternatives: CbaAlternativeResult[] }) {
  const isMulti = alternatives.length > 1;
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const data = alternatives.flatMap((alternative) =>
        alternative.yearly.map((y) => ({
          alternative: alternative.name,
          year: y.year,
          value: y.cumulativeDiscountedNetBenefit,
        })),
      );
      const stroke = isMulti ? 'alternative' : colors.line;
      return Plot.plot({
        width,
        height: 320,
        marginLeft: 96,
        marginRight: 16,
        marginBottom: 48,
        style: STYLE,
        x: {
          label: 'Jaar',
          labelOffset: 42,
          tickFormat: yearTick,
          ticks: Math.max(2, Math.floor(width / 90)),
        },
        y: { label: 'Gecumuleerd saldo, contante waarde', tickFormat: formatEuroAxis, grid: true },
        color: isMulti
          ? { domain: alternatives.map((a) => a.name), range: colors.series, legend: true }
          : undefined,
        marks: [
          Plot.ruleY([0], { stroke: colors.muted }),
          Plot.lineY(data, { x: 'year', y: 'value', stroke, strokeWidth: 2.5 }),
          Plot.dot(data, { x: 'year', y: 'value', fill: stroke, r: 2.5 }),
        ],
      });
    },
    [alternatives, isMulti],
  );
  const first = alternatives[0];
  if (!first) return null;
  const years = first.yearly.map((y) => y.year);
  const ending = (a: CbaAlternativeResult) => {
    const end = a.yearly[a.yearly.length - 1]?.cumulativeDiscountedNetBenefit ?? 0;
    const hasAmounts = a.yearly.some((y) => y.costs !== 0 || y.benefits !== 0);
    const breakEven =
      hasAmounts && a.breakEvenYear !== null ? `, niet meer negatief vanaf ${a.breakEvenYear}` : '';
    return `${formatEuro(end)}${breakEven}`;
  };
  const sentence = isMulti
    ? `Eindsaldo per alternatief: ${alternatives.map((a) => `${a.name} ${ending(a)}`).join('; ')}.`
    : `Het saldo eindigt op ${ending(first)}.`;
  return (
    <PlotFigure
      title="Gecumuleerd verdisconteerd saldo per jaar"
      description={`Baten min kosten, contant gemaakt en opgeteld van ${years[0]} tot en met ${years[years.length - 1]}. ${sentence}`}
      render={render}
      table={
        isMulti ? (
          <NumberTable
            caption="Gecumuleerd verdisconteerd saldo per jaar en per alternatief"
            columns={['Jaar', ...alternatives.map((a) => a.name)]}
            rows={years.map((year, i) => [
              String(year),
              ...alternatives.map((a) => formatEuro(a.yearly[i]?.cumulativeDiscountedNetBenefit ?? 0)),
            ])}
          />
        ) : (
          <NumberTable
            caption="Kosten en baten per jaar, contant gemaakt"
            columns={['Jaar', 'Kosten (contant)', 'Baten (contant)', 'Saldo (contant)', 'Gecumuleerd saldo']}
            rows={first.yearly.map((y) => [
              String(y.year),
              formatEuro(y.discountedCosts),
              formatEuro(y.discountedBenefits),
              formatEuro(y.discountedNetBenefit),
              formatEuro(y.cumulativeDiscountedNetBenefit),
            ])}
          />
        )
      }
    />
  );
}

export function PartyChart({ alternative }: { alternative: CbaAlternativeResult }) {
  const parties = alternative.byParty;
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const data = parties.flatMap((p) => [
        { party: PARTY_LABELS[p.party], kind: 'Kosten', value: -p.presentValueCosts },
        { party: PARTY_LABELS[p.party], kind: 'Baten', value: p.presentValueBenefits },
      ]);
      const net = parties.map((p) => ({ party: PARTY_LABELS[p.party], value: p.netPresentValue }));
      return Plot.plot({
        width,
        height: 80 + parties.length * 44,
        marginLeft: 140,
        marginRight: 24,
        marginBottom: 48,
        style: STYLE,
        x: {
          label: 'Contante waarde (kosten links, baten rechts)',
          labelOffset: 42,
          tickFormat: formatEuroAxis,
          grid: true,
        },
        y: { label: null, domain: net.map((n) => n.party) },
        color: { domain: ['Kosten', 'Baten'], range: [colors.costs, colors.benefits], legend: true },
        marks: [
          Plot.barX(data, { x: 'value', y: 'party', fill: 'kind' }),
          Plot.tickX(net, { x: 'value', y: 'party', stroke: 'currentColor', strokeWidth: 3 }),
          Plot.ruleX([0], { stroke: colors.muted }),
        ],
      });
    },
    [parties],
  );
  if (parties.length === 0) return null;
  const best = [...parties].sort((a, b) => b.netPresentValue - a.netPresentValue)[0]!;
  const worst = [...parties].sort((a, b) => a.netPresentValue - b.netPresentValue)[0]!;
  return (
    <PlotFigure
      title="Kosten en baten per partij"
      description={`Per partij de contante waarde van de kosten (naar links) en van de baten (naar rechts); het streepje is het saldo. Het hoogste saldo heeft ${PARTY_LABELS[best.party]} (${formatEuro(best.netPresentValue)}), het laagste ${PARTY_LABELS[worst.party]} (${formatEuro(worst.netPresentValue)}).`}
      render={render}
      table={
        <NumberTable
          caption="Contante waarde van kosten en baten per partij"
          columns={['Partij', 'Kosten (contant)', 'Baten (contant)', 'Saldo (contant)']}
          rows={parties.map((p) => [
            PARTY_LABELS[p.party],
            formatEuro(p.presentValueCosts),
            formatEuro(p.presentValueBenefits),
            formatEuro(p.netPresentValue),
          ])}
        />
      }
    />
  );
}

const TORNADO_ITEMS = 10;

export function TornadoChart({ alternative }: { alternative: CbaAlternativeResult }) {
  const entries = useMemo(
    () =>
      alternative.sensitivity
        .filter((e): e is CbaItemSensitivity => e.kind === 'item')
        .slice(0, TORNADO_ITEMS),
    [alternative.sensitivity],
  );
  const base = alternative.netPresentValue;
  const render = useCallback<RenderChart>(
    (Plot, { width, colors }) => {
      const narrow = width < 560;
      const label = (e: CbaItemSensitivity, i: number) => `${i + 1}. ${truncate(e.label, narrow ? 16 : 34)}`;
      const variation = formatPercent(entries[0]?.variation ?? 0.2);
      const minus = `Post ${variation} lager`;
      const plus = `Post ${variation} hoger`;
      const data = entries.flatMap((e, i) => [
        { item: label(e, i), side: minus, x1: base, x2: e.minus.netPresentValue },
        { item: label(e, i), side: plus, x1: base, x2: e.plus.netPresentValue },
      ]);
      return Plot.plot({
        width,
        height: 80 + entries.length * 36,
        marginLeft: narrow ? 140 : 270,
        marginRight: 24,
        marginBottom: 48,
        style: STYLE,
        x: { label: 'Netto contante waarde', labelOffset: 42, tickFormat: formatEuroAxis, grid: true },
        y: { label: null, domain: entries.map(label) },
        color: { domain: [minus, plus], range: [colors.series[3]!, colors.series[0]!], legend: true },
        marks: [
          Plot.barX(data, { y: 'item', x1: 'x1', x2: 'x2', fill: 'side' }),
          Plot.ruleX([base], { stroke: 'currentColor', strokeWidth: 2 }),
        ],
      });
    },
    [entries, base],
  );
  const top = entries[0];
  if (!top) return null;
  const variation = formatPercent(top.variation);
  return (
    <PlotFigure
      title={`Gevoeligheid per post (±${variation})`}
      description={`Hoe de netto contante waarde (${formatEuro(base)}) verandert als één post ${variation} lager of hoger uitvalt en al het andere gelijk blijft, grootste invloed bovenaan. De grootste invloed heeft “${top.label}”: de NCW ligt dan tussen ${formatEuro(Math.min(top.minus.netPresentValue, top.plus.netPresentValue))} en ${formatEuro(Math.max(top.minus.netPresentValue, top.plus.netPresentValue))}.`}
      render={render}
      table={
        <NumberTable
          caption={`Netto contante waarde als één post ${variation} lager of hoger uitvalt`}
          columns={[
            'Post',
            'Contante waarde post',
            `NCW bij −${variation}`,
            `NCW bij +${variation}`,
            'Bandbreedte',
          ]}
          rows={entries.map((e) => [
            e.label,
            formatEuro(e.presentValue),
            formatEuro(e.minus.netPresentValue),
            formatEuro(e.plus.netPresentValue),
            formatEuro(e.swing),
          ])}
        />
      }
    />
  );
}
