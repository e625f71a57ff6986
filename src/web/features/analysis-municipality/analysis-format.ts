/**
 * Dutch formatting of CBS figures for the municipality pages: numbers with a decimal comma, the
 * unit where it belongs, and CBS's markers for a missing or secret figure said in words (never 0).
 */
import { DOMAIN_LABELS, type Domain } from '../../../core/analysis/indicator.ts';
import type { FigureStatus, Indicator, IndicatorDirection } from '../../api/analysis-municipality.ts';

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** Counts without decimals; percentages and averages with at most one (CBS publishes them so). */
export function formatNumber(value: number, kind: Indicator['kind'] = 'average'): string {
  return (kind === 'count' ? integerFormat : oneDecimalFormat).format(value);
}

/** "12,3%" for a percentage unit, otherwise the number alone (the unit sits in the column header). */
export function formatFigure(value: number | null, indicator: Pick<Indicator, 'kind' | 'unit'>): string {
  if (value === null) return '–';
  const text = formatNumber(value, indicator.kind);
  return indicator.unit === '%' ? `${text}%` : text;
}

export function formatPercentile(value: number | null): string {
  return value === null ? '–' : oneDecimalFormat.format(value);
}

/** "20%" for a worst share of 0.2. */
export function formatShare(share: number): string {
  return `${oneDecimalFormat.format(share * 100)}%`;
}

/** The unit as a column header shows it: "Waarde (%)", "Waarde (aantal)". */
export function valueHeader(indicator: Pick<Indicator, 'unit'>): string {
  return indicator.unit ? `Waarde (${indicator.unit})` : 'Waarde';
}

export const STATUS_LABELS: Record<FigureStatus, string> = {
  ok: '',
  missing: 'geen cijfer (CBS: onbekend of te klein)',
  secret: 'geheim (CBS: x)',
  absent: 'niet in het bestand',
};

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher_is_worse: 'hoger is ongunstiger',
  higher_is_better: 'hoger is gunstiger',
  neutral: 'neutraal (beschrijvend, geen beter of slechter)',
};

export function domainLabel(domain: string | null): string {
  if (domain === null) return 'Overig';
  return DOMAIN_LABELS[domain as Domain] ?? domain;
}
