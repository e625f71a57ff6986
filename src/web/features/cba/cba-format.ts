/**
 * Dutch number formats for the MKBA pages: euros as "€ 1.234.567" or "€ 3,8 mld", rates as
 * "2,25%", and the reverse: reading amounts typed or pasted from a Dutch (or English) spreadsheet,
 * e.g. "1.234.567,89", "€ -12.500" or "1234567.89".
 */

const MINUS = '\u2212';
const wholeNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToTwoDecimals = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const upToFourDecimals = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });

function signed(value: number, body: string): string {
  // Intl may render −0 as "-0"; a rounded zero has no sign.
  return value < 0 && body !== '€ 0' ? `${MINUS}${body}` : body;
}

/** Whole euros: "€ 1.234.567", "−€ 12.500". */
export function formatEuro(value: number): string {
  return signed(value, `€ ${wholeNumber.format(Math.abs(value))}`);
}

/** Euros with cents: "€ 1.234.567,89". */
export function formatEuroCents(value: number): string {
  return signed(value, `€ ${twoDecimals.format(Math.abs(value))}`);
}

/**
 * Euros for a headline: from ten million up in millions ("€ 12,3 mln") or billions ("€ 3,8 mld"),
 * below that in whole euros, so that a reader can still check small cases to the euro.
 */
export function formatEuroShort(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return signed(value, `€ ${oneDecimal.format(size / 1e9)} mld`);
  if (size >= 1e7) return signed(value, `€ ${oneDecimal.format(size / 1e6)} mln`);
  return formatEuro(value);
}

/** Euros for chart axes: always short ("€ 500.000", "€ 2 mln", "€ 1,5 mld"). */
export function formatEuroAxis(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e9) return signed(value, `€ ${upToTwoDecimals.format(size / 1e9)} mld`);
  if (size >= 1e6) return signed(value, `€ ${upToTwoDecimals.format(size / 1e6)} mln`);
  return formatEuro(value);
}

/** The benefit/cost ratio with two decimals ("1,53"); null when there are no costs. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined ? 'niet te berekenen' : twoDecimals.format(value);
}

/** A rate given as a fraction, as Dutch percent text: 0.0225 → "2,25%". */
export function formatPercent(fraction: number): string {
  return `${upToFourDecimals.format(fraction * 100)}%`;
}

/** A rate as the number typed in a percent field: 0.0225 → "2,25". */
export function formatPercentInput(fraction: number): string {
  return upToFourDecimals.format(fraction * 100).replace(/\./g, '');
}

/** An amount as shown in an editable cell: "1.234.567" or "1.234.567,89". */
export function formatAmountInput(value: number): string {
  return signed(value, upToTwoDecimals.format(Math.abs(value))).replace(MINUS, '-');
}

export type ParsedNumber = { ok: true; value: number } | { ok: false };

const GROUPED = (separator: string) => new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`);

/** Reads the integer part of a number that may use `separator` between groups of three digits. */
function readGroups(text: string, separator: '.' | ','): string | null {
  if (!text.includes(separator)) return /^\d+$/.test(text) ? text : null;
  return GROUPED(separator).test(text) ? text.split(separator).join('') : null;
}

/**
 * Reads a number typed or pasted by a person. Dutch first: "1.234.567,89" and "1.234" (thousand
 * separators) are Dutch; "1234567.89" and "1,234,567.89" (an English spreadsheet) are read too.
 * Euro signs, spaces and a leading minus ("-" or "−") are allowed. Empty text gives null.
 */
export function parseDutchNumber(input: string): ParsedNumber | null {
  let text = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (text === '') return null;
  let sign = 1;
  if (text.startsWith('-') || text.startsWith(MINUS)) {
    sign = -1;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false };
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let integer: string | null;
  let fraction = '';
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = text.lastIndexOf(decimal);
    integer = readGroups(text.slice(0, at), group);
    fraction = text.slice(at + 1);
  } else if (lastComma >= 0) {
    // Only commas: one is a Dutch decimal comma, several group thousands (English).
    if (text.indexOf(',') === lastComma) {
      integer = readGroups(text.slice(0, lastComma) || '0', '.');
      fraction = text.slice(lastComma + 1);
    } else {
      integer = readGroups(text, ',');
    }
  } else if (lastDot >= 0) {
    // Only dots: Dutch thousands when every group has three digits ("1.234", "1.234.567"),
    // otherwise one decimal point ("1234.5").
    if (GROUPED('.').test(text)) integer = readGroups(text, '.');
    else if (text.indexOf('.') === lastDot) {
      integer = /^\d*$/.test(text.slice(0, lastDot)) ? text.slice(0, lastDot) || '0' : null;
      fraction = text.slice(lastDot + 1);
    } else integer = null;
  } else {
    integer = text;
  }
  if (integer === null || !/^\d*$/.test(fraction) || (fraction === '' && /[.,]$/.test(text)))
    return { ok: false };
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  return Number.isFinite(value) ? { ok: true, value: sign * value } : { ok: false };
}

/** A year typed in a field: four digits, or null. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : null;
}
