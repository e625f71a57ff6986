/**
 * The CSV layouts of the Sortition Foundation tools and of Flanigan et al. (2021):
 *
 * - quotas: `category,feature,min,max` (the paper's examples) or
 *   `feature,value,min,max[,min_flex,max_flex]` (Sortition Foundation `stratification`);
 * - respondents: one row per registrant, a column per category, optional id and address columns.
 *
 * Problems become DomainError 'invalid_input' with one issue per problem, path [file, line, column].
 */
import { DomainError, type FieldIssue } from '../errors.ts';
import { findIdColumn } from './id-column.ts';
import { parseCsv } from './parse-csv.ts';
import type { PoolMember, Quota } from './types.ts';

const LAYOUTS = [
  { category: 'category', value: 'feature' },
  { category: 'feature', value: 'value' },
  // The Sortition Foundation's older stratification app: category,name,min,max[,min_flex,max_flex].
  { category: 'category', value: 'name' },
] as const;

export function parseQuotasCsv(text: string, file: string): Quota[] {
  const issues: FieldIssue[] = [];
  const table = parseCsv(text, file, issues);
  const columns = table.header.map((name) => name.toLowerCase());
  const layout = LAYOUTS.find(
    (candidate) => columns.includes(candidate.category) && columns.includes(candidate.value),
  );
  const index = (name: string) => columns.indexOf(name);
  if (!layout || index('min') < 0 || index('max') < 0) {
    issues.push({
      path: [file, 1],
      message: `${file}, regel 1: verwacht kolommen "category,feature,min,max", "feature,value,min,max[,min_flex,max_flex]" of "category,name,min,max[,min_flex,max_flex]", niet "${table.header.join(',')}".`,
    });
    throw new DomainError('invalid_input', issues.map((issue) => issue.message).join('\n'), { issues });
  }
  const quotas: Quota[] = [];
  for (const row of table.rows) {
    const cell = (name: string) => (index(name) >= 0 ? (row.fields[index(name)] ?? '').trim() : '');
    const integer = (name: string, optional: boolean): number | undefined => {
      const raw = cell(name);
      if (raw === '' && optional) return undefined;
      if (!/^\d+$/.test(raw)) {
        issues.push({
          path: [file, row.line, name],
          message: `${file}, regel ${row.line}, kolom ${name}: "${raw}" is geen geheel getal ≥ 0.`,
        });
        return undefined;
      }
      return Number(raw);
    };
    const category = cell(layout.category);
    const value = cell(layout.value);
    if (!category || !value) {
      issues.push({
        path: [file, row.line, !category ? layout.category : layout.value],
        message: `${file}, regel ${row.line}: ${!category ? layout.category : layout.value} ontbreekt.`,
      });
      continue;
    }
    const min = integer('min', false);
    const max = integer('max', false);
    const minFlex = integer('min_flex', true);
    const maxFlex = integer('max_flex', true);
    if (min === undefined || max === undefined) continue;
    if (min > max) {
      issues.push({
        path: [file, row.line, 'min'],
        message: `${file}, regel ${row.line}: min ${min} is groter dan max ${max}.`,
      });
      continue;
    }
    quotas.push({
      category,
      value,
      min,
      max,
      ...(minFlex !== undefined ? { minFlex } : {}),
      ...(maxFlex !== undefined ? { maxFlex } : {}),
    });
  }
  if (quotas.length === 0 && issues.length === 0)
    issues.push({ path: [file], message: `${file}: geen quotaregels.` });
  if (issues.length > 0) throw new DomainError('invalid_input', summarize(issues), { issues });
  return quotas;
}

export interface PoolCsvOptions {
  /**
   * Column with registrant ids. Undefined: the column id-column.ts recognises (nationbuilder_id, id,
   * person_id ...), else the 1-based row number; null: the row number, whatever the header says.
   */
  idColumn?: string | null;
}

export interface PoolCsv {
  pool: PoolMember[];
  /** The column the ids came from; null when they are row numbers. */
  idColumn: string | null;
}

export function parsePoolCsv(text: string, file: string, options: PoolCsvOptions = {}): PoolMember[] {
  return readPoolCsv(text, file, options).pool;
}

/** The pool and where its ids came from (so a caller can warn about row numbers). */
export function readPoolCsv(text: string, file: string, options: PoolCsvOptions = {}): PoolCsv {
  const issues: FieldIssue[] = [];
  const table = parseCsv(text, file, issues);
  const { header } = table;
  if (header.length === 0) issues.push({ path: [file], message: `${file}: het bestand is leeg.` });
  const wanted = options.idColumn === undefined ? findIdColumn(header) : options.idColumn;
  const idIndex = wanted === null ? -1 : header.indexOf(wanted);
  if (options.idColumn && idIndex < 0) {
    issues.push({
      path: [file, 1, options.idColumn],
      message: `${file}: kolom "${options.idColumn}" bestaat niet.`,
    });
  }
  const seen = new Map<string, number>();
  const pool: PoolMember[] = [];
  table.rows.forEach((row, rowIndex) => {
    if (row.fields.length !== header.length) {
      issues.push({
        path: [file, row.line],
        message: `${file}, regel ${row.line}: ${row.fields.length} velden, de kop heeft er ${header.length}.`,
      });
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((name, column) => (values[name] = row.fields[column]!.trim()));
    const id = idIndex >= 0 ? row.fields[idIndex]!.trim() : String(rowIndex + 1);
    if (idIndex >= 0) {
      if (id === '') {
        issues.push({
          path: [file, row.line, header[idIndex]!],
          message: `${file}, regel ${row.line}: id ontbreekt.`,
        });
      } else if (seen.has(id)) {
        issues.push({
          path: [file, row.line, header[idIndex]!],
          message: `${file}, regel ${row.line}: id "${id}" komt al voor op regel ${seen.get(id)}.`,
        });
      }
      seen.set(id, row.line);
    }
    pool.push({ id, values });
  });
  if (issues.length > 0) throw new DomainError('invalid_input', summarize(issues), { issues });
  return { pool, idColumn: idIndex >= 0 ? (header[idIndex] ?? null) : null };
}

function summarize(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => issue.message);
  if (issues.length > 5) shown.push(`... en nog ${issues.length - 5} problemen.`);
  return shown.join('\n');
}
