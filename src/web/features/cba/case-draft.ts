/**
 * The editable state of an MKBA case ("draft"), made from the case file that the server validates
 * and evaluates (src/core/cba/case-schema.ts); build-case-file.ts turns it back into one.
 *
 * - Settings and amounts are kept as the text the user typed, so nothing typed is lost while it is
 *   not (yet) a number; `buildCaseFile` (build-case-file.ts) reads them and reports what it cannot read.
 * - An amount loaded from the file keeps its exact value while its text is unchanged, so opening
 *   and saving a case never rounds it.
 * - Patterns (once / yearly X–Y / growing g%) are kept as patterns: the row shows what they add up
 *   to per year, read-only, until the user turns them into yearly amounts ("Omzetten naar bedragen
 *   per jaar"). That way a stated assumption such as "3% groei per jaar" stays in the file as an
 *   assumption instead of silently turning into 27 unexplained numbers; and when a row is
 *   converted, every year is exact (not rounded) and the result does not change.
 * - Rows and effects that are completely empty are left out of the file (a row just added does not
 *   produce errors); `rowIndex` maps an item of the file back to its row for error messages.
 */
import { mergeAmounts } from '../../../core/cba/patterns.ts';
import type {
  CbaAmountPattern,
  CbaCaseFile,
  CbaItemCategory,
  CbaItemInput,
  CbaItemType,
  CbaParty,
} from '../../api/types.ts';
import { formatAmountInput, formatPercentInput, parseDutchNumber } from './cba-format.ts';
import { categoriesOf, type EffectScore } from './cba-labels.ts';

export interface AmountCell {
  text: string;
  /** The value from the file, valid while `text` is unchanged. */
  exact?: number;
}

export interface RowDraft {
  key: string;
  id?: string;
  note?: string;
  label: string;
  type: CbaItemType;
  category: CbaItemCategory;
  party: CbaParty;
  /** Explicit amounts by year ("2031"). */
  cells: Record<string, AmountCell>;
  /** Kept as in the file; while there are any, the row's amounts are read-only. */
  patterns: CbaAmountPattern[];
}

export interface EffectDraft {
  key: string;
  label: string;
  score: EffectScore;
  party?: CbaParty;
  note?: string;
}

export interface AlternativeDraft {
  key: string;
  id?: string;
  name: string;
  description?: string;
  rows: RowDraft[];
  effects: EffectDraft[];
}

export interface SettingsDraft {
  name: string;
  priceBaseYear: string;
  discountBaseYear: string;
  /** Percent, as typed: "2,25". */
  discountRate: string;
  startYear: string;
  endYear: string;
}
export type SettingField = keyof SettingsDraft;

type Rest = Omit<
  CbaCaseFile,
  | 'name'
  | 'priceBaseYear'
  | 'discountBaseYear'
  | 'discountRate'
  | 'startYear'
  | 'endYear'
  | 'items'
  | 'effects'
  | 'alternatives'
>;

export interface CaseDraft {
  settings: SettingsDraft;
  /** 'items': the simple file shape (one project alternative); 'alternatives': the full shape. */
  shape: 'items' | 'alternatives';
  alternatives: AlternativeDraft[];
  /** Description, zero alternative, sensitivity, assumptions, sources: kept unchanged. */
  rest: Rest;
}

let lastKey = 0;
export function newKey(): string {
  lastKey += 1;
  return `k${lastKey}`;
}

export function createEmptyRow(): RowDraft {
  return {
    key: newKey(),
    label: '',
    type: 'cost',
    category: 'investment',
    party: 'gemeente',
    cells: {},
    patterns: [],
  };
}

export function createEmptyEffect(): EffectDraft {
  return { key: newKey(), label: '', score: '+' };
}

function rowFromItem(item: CbaItemInput): RowDraft {
  const cells: Record<string, AmountCell> = {};
  for (const [year, amount] of Object.entries(item.amounts ?? {}))
    cells[year] = { text: formatAmountInput(amount), exact: amount };
  return {
    key: newKey(),
    ...(item.id !== undefined ? { id: item.id } : {}),
    ...(item.note !== undefined ? { note: item.note } : {}),
    label: item.label,
    type: item.type,
    category: item.category,
    party: item.party,
    cells,
    patterns: [...(item.patterns ?? [])],
  };
}

type EffectInput = NonNullable<CbaCaseFile['effects']>[number];

function effectFromFile(effect: EffectInput): EffectDraft {
  const score = effect.score === '\u2212' ? '-' : effect.score;
  return {
    key: newKey(),
    label: effect.label,
    score: score === '+' || score === '0' || score === '-' ? score : '0',
    ...(effect.party !== undefined ? { party: effect.party } : {}),
    ...(effect.note !== undefined ? { note: effect.note } : {}),
  };
}

export function draftFromCaseFile(file: CbaCaseFile): CaseDraft {
  const {
    name,
    priceBaseYear,
    discountBaseYear,
    discountRate,
    startYear,
    endYear,
    items,
    effects,
    alternatives,
    ...rest
  } = file;
  const settings: SettingsDraft = {
    name,
    priceBaseYear: String(priceBaseYear),
    discountBaseYear: String(discountBaseYear),
    discountRate: formatPercentInput(discountRate ?? 0.0225),
    startYear: String(startYear),
    endYear: String(endYear),
  };
  if (alternatives) {
    return {
      settings,
      shape: 'alternatives',
      rest,
      alternatives: alternatives.map((alternative) => ({
        key: newKey(),
        ...(alternative.id !== undefined ? { id: alternative.id } : {}),
        name: alternative.name,
        ...(alternative.description !== undefined ? { description: alternative.description } : {}),
        rows: alternative.items.map(rowFromItem),
        effects: (alternative.effects ?? []).map(effectFromFile),
      })),
    };
  }
  return {
    settings,
    shape: 'items',
    rest,
    alternatives: [
      {
        key: newKey(),
        name: 'Projectalternatief',
        rows: (items ?? []).map(rowFromItem),
        effects: (effects ?? []).map(effectFromFile),
      },
    ],
  };
}

/** The value of a cell: its exact value while unchanged, else the parsed text (null when empty). */
export function readCell(cell: AmountCell | undefined): ReturnType<typeof parseDutchNumber> {
  if (!cell) return null;
  if (cell.exact !== undefined) return { ok: true, value: cell.exact };
  return parseDutchNumber(cell.text);
}

/** A cell after the user typed `text` (exact value dropped unless the text is unchanged). */
export function editCell(cell: AmountCell | undefined, text: string): AmountCell | undefined {
  if (text.trim() === '') return undefined;
  return cell && cell.text === text ? cell : { text };
}

/** On leaving a cell: show a readable number in Dutch notation ("1234567,5" → "1.234.567,5"). */
export function tidyCell(cell: AmountCell | undefined): AmountCell | undefined {
  if (!cell || cell.exact !== undefined) return cell;
  const parsed = parseDutchNumber(cell.text);
  return parsed?.ok ? { text: formatAmountInput(parsed.value), exact: parsed.value } : cell;
}

/** What the row adds up to per year: explicit amounts plus patterns (invalid cells left out). */
export function computeRowAmounts(row: RowDraft): Map<number, number> {
  const explicit: Record<string, number> = {};
  for (const [year, cell] of Object.entries(row.cells)) {
    const parsed = readCell(cell);
    if (parsed?.ok) explicit[year] = parsed.value;
  }
  return mergeAmounts(explicit, row.patterns);
}

/** Turns a row's patterns into yearly amounts (exact values), so every year can be edited. */
export function expandRowPatterns(row: RowDraft): RowDraft {
  const cells: Record<string, AmountCell> = {};
  for (const [year, cell] of Object.entries(row.cells)) {
    if (!readCell(cell)?.ok) cells[year] = cell; // keep text that is not a number yet
  }
  for (const [year, amount] of computeRowAmounts(row))
    cells[String(year)] = { text: formatAmountInput(amount), exact: amount };
  return { ...row, cells, patterns: [] };
}

/** A row after its type changed: a category of the other type becomes "overig". */
export function withType(row: RowDraft, type: CbaItemType): RowDraft {
  return { ...row, type, category: categoriesOf(type).includes(row.category) ? row.category : 'other' };
}

export function isBlankRow(row: RowDraft): boolean {
  return (
    row.label.trim() === '' &&
    row.patterns.length === 0 &&
    Object.values(row.cells).every((cell) => cell.text.trim() === '')
  );
}
