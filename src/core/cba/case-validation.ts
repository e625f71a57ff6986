/**
 * `parseCase`: the one way into the cost-benefit core. Runs the zod boundary schema and the checks
 * that span fields (years inside the horizon, end not before start, category fits the type),
 * collects every problem with its field path, and throws one `DomainError('invalid_input')`.
 * On success it returns the case in one normalised shape (`CbaCase`).
 */
import { z } from 'zod';
import { DomainError, type FieldIssue } from '../errors.ts';
import {
  BENEFIT_CATEGORIES,
  COST_CATEGORIES,
  DEFAULT_ITEM_VARIATION,
  DEFAULT_SENSITIVITY_DISCOUNT_RATES,
  ITEM_CATEGORIES,
  ITEM_TYPES,
  MAX_AMOUNT,
  MAX_CASE_ITEMS,
  MAX_HORIZON_YEARS,
  cbaCaseSchema,
  type CbaAlternative,
  type CbaCase,
  type CbaCaseFile,
  type CbaItem,
} from './case-schema.ts';
import { sortIssues, translateZodIssues } from './case-issues.ts';
import { mergeAmounts } from './patterns.ts';

type Path = (string | number)[];

/** A file with thousands of bad fields gets the first of them (sorted by path) and the total count. */
const MAX_REPORTED_ISSUES = 100;

/** Validates and normalises a case file; throws DomainError('invalid_input') listing every issue. */
export function parseCase(input: unknown): CbaCase {
  const parsed = cbaCaseSchema.safeParse(input, { reportInput: true, error: z.locales.nl().localeError });
  const issues = [
    ...(parsed.success ? [] : translateZodIssues(parsed.error.issues)),
    ...collectCrossFieldIssues(input),
  ];
  if (issues.length > 0 || !parsed.success) {
    const sorted = sortIssues(issues);
    throw new DomainError(
      'invalid_input',
      `De MKBA-case is ongeldig (${sorted.length} ${sorted.length === 1 ? 'fout' : 'fouten'}).`,
      { issues: sorted.slice(0, MAX_REPORTED_ISSUES) },
    );
  }
  return normaliseCase(parsed.data);
}

// ---------------------------------------------------------------------------------------------
// Checks across fields, on the raw input so they run even when other fields are broken.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asYear(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

interface Horizon {
  startYear: number;
  endYear: number;
}

function checkYearInHorizon(value: unknown, horizon: Horizon | undefined, path: Path, issues: FieldIssue[]) {
  const year = asYear(value);
  if (year === undefined || horizon === undefined) return;
  if (year < horizon.startYear || year > horizon.endYear) {
    issues.push({
      path,
      message: `jaar ${year} valt buiten de horizon ${horizon.startYear}–${horizon.endYear}`,
      code: 'outside_horizon',
    });
  }
}

function checkRange(pattern: Record<string, unknown>, path: Path, issues: FieldIssue[]) {
  const start = asYear(pattern.startYear);
  const end = asYear(pattern.endYear);
  if (start !== undefined && end !== undefined && end < start) {
    issues.push({
      path: [...path, 'endYear'],
      message: `eindjaar ${end} ligt vóór beginjaar ${start}`,
      code: 'end_before_start',
    });
  }
}

function checkCategory(item: Record<string, unknown>, path: Path, issues: FieldIssue[]) {
  const { type, category } = item;
  if (!ITEM_TYPES.includes(type as never) || !ITEM_CATEGORIES.includes(category as never)) return;
  const allowed: readonly string[] = type === 'cost' ? COST_CATEGORIES : BENEFIT_CATEGORIES;
  if (!allowed.includes(category as string)) {
    const kind = type === 'cost' ? 'kosten' : 'baten';
    issues.push({
      path: [...path, 'category'],
      message: `categorie "${String(category)}" past niet bij ${kind}; kies een van ${allowed.join(', ')}`,
      code: 'category_mismatch',
    });
  }
}

function checkAmounts(
  item: Record<string, unknown>,
  horizon: Horizon | undefined,
  path: Path,
  issues: FieldIssue[],
) {
  const { amounts, patterns } = item;
  const hasNoAmounts = amounts === undefined || (isRecord(amounts) && Object.keys(amounts).length === 0);
  const hasNoPatterns = patterns === undefined || (Array.isArray(patterns) && patterns.length === 0);
  if (hasNoAmounts && hasNoPatterns) {
    issues.push({
      path: [...path, 'amounts'],
      message: 'het item heeft geen enkel bedrag: geef bedragen per jaar (amounts) of een patroon (patterns)',
      code: 'no_amounts',
    });
  }
  if (isRecord(amounts)) {
    for (const key of Object.keys(amounts)) {
      if (!/^\d{4}$/.test(key)) {
        issues.push({
          path: [...path, 'amounts', key],
          message: `"${key}" is geen jaartal (gebruik vier cijfers, bijv. "2031")`,
          code: 'invalid_year',
        });
      } else {
        checkYearInHorizon(Number(key), horizon, [...path, 'amounts', key], issues);
      }
    }
  }
  if (Array.isArray(patterns)) {
    patterns.forEach((pattern: unknown, j) => {
      if (!isRecord(pattern)) return;
      const patternPath = [...path, 'patterns', j];
      for (const field of ['year', 'startYear', 'endYear'] as const) {
        if (field in pattern) checkYearInHorizon(pattern[field], horizon, [...patternPath, field], issues);
      }
      checkRange(pattern, patternPath, issues);
      checkGrowth(pattern, patternPath, issues);
    });
  }
}

/** A growing pattern must stay within ±MAX_AMOUNT up to its last year. */
function checkGrowth(pattern: Record<string, unknown>, path: Path, issues: FieldIssue[]) {
  const { kind, amount, growthRate } = pattern;
  const start = asYear(pattern.startYear);
  const end = asYear(pattern.endYear);
  if (kind !== 'growing' || typeof amount !== 'number' || typeof growthRate !== 'number') return;
  if (start === undefined || end === undefined || end < start || growthRate <= -1) return;
  const last = amount * Math.pow(1 + growthRate, end - start);
  if (Math.abs(last) > MAX_AMOUNT) {
    issues.push({
      path: [...path, 'growthRate'],
      message: `met deze groeivoet wordt het bedrag in ${end} groter dan de grens van ${MAX_AMOUNT.toExponential()} euro`,
      code: 'out_of_range',
    });
  }
}

function checkItems(items: unknown, horizon: Horizon | undefined, path: Path, issues: FieldIssue[]) {
  if (!Array.isArray(items)) return;
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return;
    checkCategory(item, [...path, i], issues);
    checkAmounts(item, horizon, [...path, i], issues);
  });
}

/** The items of all alternatives together stay within MAX_CASE_ITEMS. */
function checkTotalItems(alternatives: unknown, issues: FieldIssue[]) {
  if (!Array.isArray(alternatives)) return;
  const total = alternatives.reduce(
    (sum: number, alternative: unknown) =>
      sum + (isRecord(alternative) && Array.isArray(alternative.items) ? alternative.items.length : 0),
    0,
  );
  if (total > MAX_CASE_ITEMS) {
    issues.push({
      path: ['alternatives'],
      message: `de alternatieven hebben samen ${total} posten; hoogstens ${MAX_CASE_ITEMS}`,
      code: 'too_many_items',
    });
  }
}

export function collectCrossFieldIssues(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isRecord(input)) return issues;
  const startYear = asYear(input.startYear);
  const endYear = asYear(input.endYear);
  let horizon: Horizon | undefined;
  if (startYear !== undefined && endYear !== undefined) {
    if (endYear < startYear) {
      issues.push({
        path: ['endYear'],
        message: `eindjaar ${endYear} ligt vóór beginjaar ${startYear}`,
        code: 'end_before_start',
      });
    } else if (endYear - startYear + 1 > MAX_HORIZON_YEARS) {
      issues.push({
        path: ['endYear'],
        message: `de horizon ${startYear}–${endYear} is langer dan ${MAX_HORIZON_YEARS} jaar`,
        code: 'horizon_too_long',
      });
    } else {
      horizon = { startYear, endYear };
    }
  }
  const hasItems = input.items !== undefined;
  const hasAlternatives = input.alternatives !== undefined;
  if (hasItems && hasAlternatives) {
    issues.push({
      path: ['alternatives'],
      message: 'geef óf items (één projectalternatief) óf alternatives, niet beide',
      code: 'ambiguous_shape',
    });
  } else if (!hasItems && !hasAlternatives) {
    issues.push({
      path: ['items'],
      message: 'geef items (kosten en baten van het project) of alternatives',
      code: 'no_items',
    });
  }
  if (hasAlternatives && input.effects !== undefined) {
    issues.push({
      path: ['effects'],
      message: 'zet effects bij het projectalternatief waar ze bij horen',
      code: 'ambiguous_shape',
    });
  }
  checkItems(input.items, horizon, ['items'], issues);
  checkTotalItems(input.alternatives, issues);
  if (Array.isArray(input.alternatives)) {
    const seenIds = new Set<string>();
    input.alternatives.forEach((alternative: unknown, k) => {
      if (!isRecord(alternative)) return;
      if (typeof alternative.id === 'string') {
        if (seenIds.has(alternative.id)) {
          issues.push({
            path: ['alternatives', k, 'id'],
            message: `id "${alternative.id}" komt al eerder voor`,
            code: 'duplicate_id',
          });
        }
        seenIds.add(alternative.id);
      }
      checkItems(alternative.items, horizon, ['alternatives', k, 'items'], issues);
    });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------

function normaliseItems(items: CbaCaseFile['items']): CbaItem[] {
  return (items ?? []).map((item) => ({
    label: item.label,
    type: item.type,
    category: item.category,
    party: item.party,
    amounts: mergeAmounts(item.amounts, item.patterns),
    note: item.note,
  }));
}

function normaliseCase(file: CbaCaseFile): CbaCase {
  const alternatives: CbaAlternative[] = file.alternatives
    ? file.alternatives.map((alternative, k) => ({
        id: alternative.id ?? `alternatief-${k + 1}`,
        name: alternative.name,
        description: alternative.description,
        items: normaliseItems(alternative.items),
        effects: alternative.effects ?? [],
      }))
    : [
        {
          id: 'project',
          name: 'Projectalternatief',
          description: undefined,
          items: normaliseItems(file.items),
          effects: file.effects ?? [],
        },
      ];
  return {
    name: file.name,
    description: file.description,
    priceBaseYear: file.priceBaseYear,
    discountBaseYear: file.discountBaseYear,
    discountRate: file.discountRate,
    startYear: file.startYear,
    endYear: file.endYear,
    zeroAlternative: {
      name: file.zeroAlternative?.name ?? 'Nulalternatief',
      description: file.zeroAlternative?.description,
    },
    alternatives,
    sensitivity: {
      discountRates: file.sensitivity?.discountRates ?? [...DEFAULT_SENSITIVITY_DISCOUNT_RATES],
      itemVariation: file.sensitivity?.itemVariation ?? DEFAULT_ITEM_VARIATION,
    },
    assumptions: file.assumptions ?? [],
    sources: file.sources ?? [],
  };
}
