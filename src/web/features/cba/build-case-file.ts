/**
 * From the draft to the case file the server validates and evaluates: settings and amounts read
 * from the text typed (what cannot be read is reported at its field, before anything is sent),
 * blank rows and effects left out, and an index from the file's items back to the draft's rows so
 * that the server's field errors land next to the right cell. Also the columns of the table and the
 * defaults of a new case.
 */
import type { CbaCaseFile, CbaItemInput } from '../../api/types.ts';
import { parseDutchNumber, parseYear } from './cba-format.ts';
import {
  isBlankRow,
  readCell,
  type AlternativeDraft,
  type CaseDraft,
  type SettingField,
  type SettingsDraft,
} from './case-draft.ts';
import type { Problem } from './case-problems.ts';

type EffectInput = NonNullable<CbaCaseFile['effects']>[number];

export interface BuiltCase {
  caseFile: CbaCaseFile;
  /** Problems found before sending (text that is not a year or a number). */
  problems: Problem[];
  /** Per alternative: index of an item in the file → index of its row in the draft. */
  rowIndex: number[][];
  /** Per alternative: index of an effect in the file → index in the draft. */
  effectIndex: number[][];
}

const SETTING_YEAR_MESSAGE = 'Vul een jaartal in van vier cijfers, bijvoorbeeld 2030.';

function readYearSetting(settings: SettingsDraft, field: SettingField, problems: Problem[]): number | string {
  const year = parseYear(settings[field]);
  if (year === null) {
    problems.push({ target: { kind: 'setting', field }, message: SETTING_YEAR_MESSAGE });
    return settings[field];
  }
  return year;
}

function readRate(text: string, problems: Problem[]): number {
  const parsed = parseDutchNumber(text.replace('%', ''));
  if (parsed === null || !parsed.ok) {
    problems.push({
      target: { kind: 'setting', field: 'discountRate' },
      message:
        parsed === null
          ? 'Vul de discontovoet in, in procenten (standaard 2,25).'
          : `“${text}” is geen percentage. Schrijf bijvoorbeeld 2,25.`,
    });
    return Number.NaN;
  }
  // Percent to a fraction without binary noise: 2,25 → 0.0225, not 0.022500000000000003.
  return Number((parsed.value / 100).toPrecision(12));
}

function buildItems(alternative: AlternativeDraft, alt: number, problems: Problem[]) {
  const items: CbaItemInput[] = [];
  const index: number[] = [];
  alternative.rows.forEach((row, r) => {
    if (isBlankRow(row)) return;
    const amounts: Record<string, number> = {};
    for (const [year, cell] of Object.entries(row.cells)) {
      const parsed = readCell(cell);
      if (parsed === null) continue;
      if (!parsed.ok) {
        problems.push({
          target: { kind: 'cell', alt, row: r, year },
          message: `“${cell.text}” is geen bedrag. Schrijf bijvoorbeeld 1.234.567,89.`,
        });
      } else amounts[year] = parsed.value;
    }
    const item: CbaItemInput = {
      ...(row.id !== undefined ? { id: row.id } : {}),
      label: row.label,
      type: row.type,
      category: row.category,
      party: row.party,
      ...(Object.keys(amounts).length > 0 ? { amounts } : {}),
      ...(row.patterns.length > 0 ? { patterns: row.patterns } : {}),
      ...(row.note !== undefined ? { note: row.note } : {}),
    };
    items.push(item);
    index.push(r);
  });
  return { items, index };
}

function buildEffects(alternative: AlternativeDraft) {
  const effects: EffectInput[] = [];
  const index: number[] = [];
  alternative.effects.forEach((effect, e) => {
    if (effect.label.trim() === '') return;
    effects.push({
      label: effect.label,
      score: effect.score,
      ...(effect.party !== undefined ? { party: effect.party } : {}),
      ...(effect.note !== undefined ? { note: effect.note } : {}),
    });
    index.push(e);
  });
  return { effects, index };
}

export function buildCaseFile(draft: CaseDraft): BuiltCase {
  const problems: Problem[] = [];
  const { settings } = draft;
  const header = {
    name: settings.name,
    priceBaseYear: readYearSetting(settings, 'priceBaseYear', problems),
    discountBaseYear: readYearSetting(settings, 'discountBaseYear', problems),
    discountRate: readRate(settings.discountRate, problems),
    startYear: readYearSetting(settings, 'startYear', problems),
    endYear: readYearSetting(settings, 'endYear', problems),
  } as Pick<
    CbaCaseFile,
    'name' | 'priceBaseYear' | 'discountBaseYear' | 'discountRate' | 'startYear' | 'endYear'
  >;
  const rowIndex: number[][] = [];
  const effectIndex: number[][] = [];
  const built = draft.alternatives.map((alternative, alt) => {
    const { items, index } = buildItems(alternative, alt, problems);
    const effects = buildEffects(alternative);
    rowIndex.push(index);
    effectIndex.push(effects.index);
    return { alternative, items, effects: effects.effects };
  });
  let caseFile: CbaCaseFile;
  if (draft.shape === 'items') {
    const only = built[0];
    caseFile = {
      ...header,
      ...draft.rest,
      items: only?.items ?? [],
      ...(only && only.effects.length > 0 ? { effects: only.effects } : {}),
    };
  } else {
    caseFile = {
      ...header,
      ...draft.rest,
      alternatives: built.map(({ alternative, items, effects }) => ({
        ...(alternative.id !== undefined ? { id: alternative.id } : {}),
        name: alternative.name,
        ...(alternative.description !== undefined ? { description: alternative.description } : {}),
        items,
        ...(effects.length > 0 ? { effects } : {}),
      })),
    };
  }
  return { caseFile, problems, rowIndex, effectIndex };
}

/** The horizon of the settings when it can be drawn as columns (at most 100 years), else null. */
export function readHorizon(
  startText: string,
  endText: string,
): { startYear: number; endYear: number } | null {
  const startYear = parseYear(startText);
  const endYear = parseYear(endText);
  if (startYear === null || endYear === null || endYear < startYear || endYear - startYear > 100) return null;
  return { startYear, endYear };
}

/** The year columns: every year of the horizon, plus years outside it that still hold an amount. */
export function listGridYears(
  alternatives: readonly AlternativeDraft[],
  horizon: { startYear: number; endYear: number },
): string[] {
  const years = new Set<number>();
  for (let year = horizon.startYear; year <= horizon.endYear; year += 1) years.add(year);
  for (const alternative of alternatives)
    for (const row of alternative.rows)
      for (const [year, cell] of Object.entries(row.cells))
        if (/^\d{4}$/.test(year) && cell.text.trim() !== '') years.add(Number(year));
  return [...years].sort((a, b) => a - b).map(String);
}

/** The defaults of a new case: 2,25% (Werkgroep discontovoet 2020), 20 years from the approach's start. */
export function createNewCaseFile(startYear: number, name = 'Nieuwe MKBA'): CbaCaseFile {
  return {
    name,
    priceBaseYear: startYear,
    discountBaseYear: startYear,
    discountRate: 0.0225,
    startYear,
    endYear: startYear + 20,
    items: [],
  };
}
