/**
 * Where a problem with an MKBA case belongs on the page. The server reports field paths into the
 * request body, e.g. ['caseFile', 'items', 3, 'amounts', '2031'] (src/server/services/cba.service.ts);
 * `locateServerProblem` turns such a path into a cell, a row field, a setting or an effect of the
 * draft, and `problemFieldId` gives the id of the element to show the message next to and focus.
 */
import type { FieldError } from '../../api/client.ts';
import type { SettingField } from './case-draft.ts';

export type RowField = 'label' | 'type' | 'category' | 'party' | 'amounts' | 'patterns';
export type EffectField = 'label' | 'score';

export type ProblemTarget =
  | { kind: 'setting'; field: SettingField }
  | { kind: 'alternative'; alt: number }
  | { kind: 'cell'; alt: number; row: number; year: string }
  | { kind: 'row'; alt: number; row: number; field: RowField }
  | { kind: 'effect'; alt: number; effect: number; field: EffectField }
  | { kind: 'case' };

export interface Problem {
  target: ProblemTarget;
  message: string;
}

const SETTING_FIELDS: readonly SettingField[] = [
  'name',
  'priceBaseYear',
  'discountBaseYear',
  'discountRate',
  'startYear',
  'endYear',
];
const ROW_FIELDS: readonly RowField[] = ['label', 'type', 'category', 'party', 'amounts', 'patterns'];

function locateItem(alt: number, rest: readonly (string | number)[], rowIndex: number[][]): ProblemTarget {
  const [item, field, key] = rest;
  const row = typeof item === 'number' ? rowIndex[alt]?.[item] : undefined;
  if (row === undefined) return { kind: 'case' };
  if (field === 'amounts' && typeof key === 'string' && /^\d{4}$/.test(key))
    return { kind: 'cell', alt, row, year: key };
  const rowField = ROW_FIELDS.find((f) => f === field);
  return { kind: 'row', alt, row, field: rowField ?? 'label' };
}

function locateEffect(
  alt: number,
  rest: readonly (string | number)[],
  effectIndex: number[][],
): ProblemTarget {
  const [effect, field] = rest;
  const index = typeof effect === 'number' ? effectIndex[alt]?.[effect] : undefined;
  if (index === undefined) return { kind: 'case' };
  return { kind: 'effect', alt, effect: index, field: field === 'score' ? 'score' : 'label' };
}

/** Maps one field error of the server onto the draft. */
export function locateServerProblem(
  segments: readonly (string | number)[],
  index: { rowIndex: number[][]; effectIndex: number[][] },
): ProblemTarget {
  const path = segments[0] === 'caseFile' ? segments.slice(1) : segments;
  const [head, ...rest] = path;
  if (head === 'items') return locateItem(0, rest, index.rowIndex);
  if (head === 'effects') return locateEffect(0, rest, index.effectIndex);
  if (head === 'alternatives' && typeof rest[0] === 'number') {
    const [alt, part, ...tail] = rest as [number, string | number | undefined, ...(string | number)[]];
    if (part === 'items') return locateItem(alt, tail, index.rowIndex);
    if (part === 'effects') return locateEffect(alt, tail, index.effectIndex);
    if (part === 'name') return { kind: 'alternative', alt };
    return { kind: 'case' };
  }
  const setting = SETTING_FIELDS.find((f) => f === head);
  return setting ? { kind: 'setting', field: setting } : { kind: 'case' };
}

/** Server field errors as problems on the draft; a message starts with a capital letter. */
export function problemsFromServer(
  errors: readonly FieldError[],
  index: { rowIndex: number[][]; effectIndex: number[][] },
): Problem[] {
  return errors.map((error) => ({
    target: locateServerProblem(error.segments, index),
    message: sentence(error.message),
  }));
}

export function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

// DOM ids, one scheme for the whole case page.
export const settingId = (field: SettingField) => `mkba-instelling-${field}`;
export const alternativeNameId = (alt: number) => `mkba-alternatief-${alt}-naam`;
export const rowFieldId = (alt: number, row: number, field: Exclude<RowField, 'amounts' | 'patterns'>) =>
  `mkba-a${alt}-r${row}-${field}`;
export const cellId = (alt: number, row: number, year: string) => `mkba-a${alt}-r${row}-j${year}`;
export const patternButtonId = (alt: number, row: number) => `mkba-a${alt}-r${row}-omzetten`;
export const effectFieldId = (alt: number, effect: number, field: EffectField) =>
  `mkba-a${alt}-e${effect}-${field}`;

/** The element a problem is shown next to (and that the error summary focuses). */
export function problemFieldId(target: ProblemTarget, firstYear: string | undefined): string | undefined {
  switch (target.kind) {
    case 'setting':
      return settingId(target.field);
    case 'alternative':
      return alternativeNameId(target.alt);
    case 'cell':
      return cellId(target.alt, target.row, target.year);
    case 'row':
      if (target.field === 'patterns') return patternButtonId(target.alt, target.row);
      if (target.field === 'amounts')
        return firstYear
          ? cellId(target.alt, target.row, firstYear)
          : rowFieldId(target.alt, target.row, 'label');
      return rowFieldId(target.alt, target.row, target.field);
    case 'effect':
      return effectFieldId(target.alt, target.effect, target.field);
    case 'case':
      return undefined;
  }
}

/** Messages per field id, for showing each next to its field. */
export function groupByField(
  problems: readonly Problem[],
  firstYear: string | undefined,
): Map<string | undefined, string[]> {
  const grouped = new Map<string | undefined, string[]>();
  for (const problem of problems) {
    const id = problemFieldId(problem.target, firstYear);
    grouped.set(id, [...(grouped.get(id) ?? []), problem.message]);
  }
  return grouped;
}
