/**
 * Field issues of a case file: zod issues translated to Dutch messages with exact field paths,
 * sorted and de-duplicated, and formatted one per line for the CLI.
 */
import type { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import {
  amountPatternSchema,
  cbaAlternativeSchema,
  cbaCaseSchema,
  cbaEffectSchema,
  cbaItemSchema,
} from './case-schema.ts';

type Path = (string | number)[];

/** One line per issue, e.g. `items[3].amounts.2051: jaar 2051 valt buiten de horizon 2022–2050`. */
export function formatIssue(issue: FieldIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(case)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function describeInput(input: unknown): string {
  const text = typeof input === 'string' ? JSON.stringify(input) : (JSON.stringify(input) ?? String(input));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every field name the schema knows, by normalised spelling, to suggest "discountRate" for "discount_rate". */
const KNOWN_FIELDS = new Map(
  [cbaCaseSchema, cbaItemSchema, cbaAlternativeSchema, cbaEffectSchema, ...amountPatternSchema.options]
    .flatMap((schema) => Object.keys(schema.shape))
    .concat(['discountRates', 'itemVariation'])
    .map((key) => [normaliseKey(key), key]),
);

function describeUnknownKey(key: string): string {
  const suggestion = KNOWN_FIELDS.get(normaliseKey(key));
  return suggestion && suggestion !== key
    ? `onbekend veld "${key}"; bedoel je "${suggestion}"?`
    : `onbekend veld "${key}"`;
}

export function translateZodIssues(zodIssues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of zodIssues) {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const input: unknown = 'input' in issue ? issue.input : undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        issues.push({ path: [...path, key], message: describeUnknownKey(key), code: issue.code });
    } else if (issue.code === 'invalid_type' && input === undefined) {
      issues.push({ path, message: 'verplicht veld ontbreekt', code: issue.code });
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_value') {
      issues.push({
        path,
        message: `${issue.message} (ontvangen: ${describeInput(input)})`,
        code: issue.code,
      });
    } else {
      issues.push({ path, message: issue.message, code: issue.code });
    }
  }
  return issues;
}

/** De-duplicates issues and sorts them by field path (numbers in numeric order). */
function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

export function sortIssues(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = JSON.stringify([issue.path, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => comparePaths(a.path, b.path));
}
