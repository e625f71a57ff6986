/**
 * CBS cell values. The symbols follow the CBS legend ("Verklaring van symbolen", TableInfos of
 * 85984NED and StatLine):
 *   .        het cijfer is onbekend, onvoldoende betrouwbaar of geheim  -> missing
 *   x        geheim (older tables and StatLine exports)                  -> secret
 *   (blank)  het cijfer kan op logische gronden niet voorkomen           -> missing
 *   -        nihil                                                       -> 0
 * OData exports write null for an unknown value; that is missing too. Nothing unknown becomes 0.
 */
import type { ObservationStatus } from '../analysis/observation.ts';

export interface ParsedCell {
  value: number | null;
  status: ObservationStatus;
}

const DOT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const COMMA_NUMBER = /^[+-]?\d+,\d+$/;

/** Marks a secret cell in the allocation-free result of parseCbsValue. */
export const SECRET = 'secret';

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 10 || code === 13;
}

/**
 * Allocation-free parse of one text cell (this runs for every cell of a national file):
 * a number for a figure, null for missing, SECRET for secret, undefined when the text is neither
 * a number nor a CBS symbol. A decimal comma (StatLine "CSV met statistische symbolen") is
 * accepted; thousands separators are not, since CBS exports never write them and "1.234" would
 * be ambiguous.
 */
export function parseCbsValue(raw: string): number | null | typeof SECRET | undefined {
  let text = raw;
  const length = text.length;
  if (length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(length - 1)))) text = text.trim();
  if (text.length === 1) {
    const code = text.charCodeAt(0);
    if (code >= 48 && code <= 57) return code - 48;
    if (code === 46 /* . */) return null;
    if (code === 120 || code === 88 /* x X */) return SECRET;
    if (code === 45 /* - nihil */) return 0;
    return undefined;
  }
  if (text === '') return null;
  if (DOT_NUMBER.test(text)) return Number(text);
  if (COMMA_NUMBER.test(text)) return Number(text.replace(',', '.'));
  const lower = text.toLowerCase();
  if (lower === 'null' || lower === 'none' || lower === 'nan') return null;
  return undefined;
}

const MISSING_CELL: ParsedCell = { value: null, status: 'missing' };
const SECRET_CELL: ParsedCell = { value: null, status: 'secret' };

/** parseCbsValue as an object; returns null when the text is neither a number nor a CBS symbol. */
export function parseCbsCell(raw: string): ParsedCell | null {
  const value = parseCbsValue(raw);
  if (value === undefined) return null;
  if (value === null) return MISSING_CELL;
  if (value === SECRET) return SECRET_CELL;
  return { value, status: 'ok' };
}

/** Why a cell was refused, in Dutch, quoting the text as found. */
export function describeBadCell(raw: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return `'${shown.trim()}' is geen getal`;
}
