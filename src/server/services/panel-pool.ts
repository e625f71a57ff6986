/**
 * The pool file of a citizens' panel: describing its columns (so the coordinator can choose which
 * to keep) and turning it into registrants with only the kept columns (data minimisation: the
 * other columns are never stored, and the answer names them).
 */
import { DomainError, type FieldIssue } from '../../core/errors.ts';
import { rankIdColumnName } from '../../core/sortition/id-column.ts';
import type { Quota } from '../../core/sortition/types.ts';
import type { FileTable } from './panel-files.ts';

/** Most distinct values a column may have to be shown as a feature with its values. */
const FEATURE_VALUE_LIMIT = 30;
export const POOL_ROW_LIMIT = 50_000;
const ADDRESS_NAMES = /(adres|address|straat|street|postcode|postal|huisnummer|house|huishouden|household)/i;

export interface ColumnDescription {
  name: string;
  distinctCount: number;
  emptyCount: number;
  /** The values with their counts, only for columns that look like a feature (few values). */
  values: { value: string; count: number }[] | null;
  suggestedRole: 'id' | 'feature' | 'household' | 'drop';
}

export function describeColumns(table: FileTable): ColumnDescription[] {
  return table.header.map((name, column) => {
    const counts = new Map<string, number>();
    let empty = 0;
    for (const row of table.rows) {
      const value = row.fields[column] ?? '';
      if (value === '') empty++;
      else counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const distinctCount = counts.size;
    const isFeatureLike =
      distinctCount > 0 && distinctCount <= FEATURE_VALUE_LIMIT && distinctCount < table.rows.length;
    const suggestedRole: ColumnDescription['suggestedRole'] =
      rankIdColumnName(name) >= 0
        ? 'id'
        : ADDRESS_NAMES.test(name)
          ? 'household'
          : isFeatureLike
            ? 'feature'
            : 'drop';
    return {
      name,
      distinctCount,
      emptyCount: empty,
      values: isFeatureLike
        ? [...counts.entries()]
            .sort(([a], [b]) => a.localeCompare(b, 'nl'))
            .map(([value, count]) => ({ value, count }))
        : null,
      suggestedRole,
    };
  });
}

export interface ColumnChoice {
  idColumn: string | null;
  featureColumns: string[];
  householdColumns: string[];
}

export interface ExtractedPool {
  members: { position: number; reference: string; values: Record<string, string> }[];
  droppedColumns: string[];
}

/** Checks the column choice against the header and builds the registrants; all problems at once. */
export function extractPool(table: FileTable, choice: ColumnChoice): ExtractedPool {
  const issues: FieldIssue[] = [];
  const index = (name: string) => table.header.indexOf(name);
  if (table.header.length === 0 || table.rows.length === 0)
    issues.push({
      path: ['content'],
      message: 'het bestand bevat geen aanmeldingen (een kopregel en minstens één rij)',
    });
  if (table.rows.length > POOL_ROW_LIMIT)
    issues.push({ path: ['content'], message: `meer dan ${POOL_ROW_LIMIT} aanmeldingen` });
  if (choice.idColumn !== null && index(choice.idColumn) < 0)
    issues.push({ path: ['idColumn'], message: `kolom "${choice.idColumn}" staat niet in het bestand` });
  const used = new Set<string>(choice.idColumn ? [choice.idColumn] : []);
  const checkColumns = (field: 'featureColumns' | 'householdColumns', names: string[]) =>
    names.forEach((name, i) => {
      if (index(name) < 0)
        issues.push({ path: [field, i], message: `kolom "${name}" staat niet in het bestand` });
      else if (used.has(name)) issues.push({ path: [field, i], message: `kolom "${name}" is al gekozen` });
      used.add(name);
    });
  if (choice.featureColumns.length === 0)
    issues.push({ path: ['featureColumns'], message: 'kies minstens één kenmerk voor de quota' });
  checkColumns('featureColumns', choice.featureColumns);
  checkColumns('householdColumns', choice.householdColumns);
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      `De pool is niet opgeslagen: ${issues.map((i) => i.message).join('; ')}.`,
      { issues },
    );

  const kept = [...choice.featureColumns, ...choice.householdColumns];
  const seen = new Map<string, number>();
  const members = table.rows.map((row, position) => {
    const cell = (name: string) => row.fields[index(name)] ?? '';
    if (row.fields.length < table.header.length && row.fields.some((f) => f !== '')) {
      issues.push({
        path: ['content', row.line],
        message: `regel ${row.line}: ${row.fields.length} velden, de kop heeft er ${table.header.length}`,
      });
    }
    const reference = choice.idColumn ? cell(choice.idColumn) : String(position + 1);
    if (reference === '')
      issues.push({
        path: ['content', row.line, choice.idColumn ?? 'id'],
        message: `regel ${row.line}: referentie ontbreekt`,
      });
    else if (seen.has(reference))
      issues.push({
        path: ['content', row.line, choice.idColumn ?? 'id'],
        message: `regel ${row.line}: referentie "${reference}" komt al voor op regel ${seen.get(reference)}`,
      });
    seen.set(reference, row.line);
    const values: Record<string, string> = {};
    for (const name of kept) values[name] = cell(name);
    for (const name of choice.featureColumns) {
      if (values[name] === '')
        issues.push({
          path: ['content', row.line, name],
          message: `regel ${row.line}: geen waarde voor kenmerk "${name}"`,
        });
    }
    return { position, reference, values };
  });
  if (issues.length > 0) {
    const shown = issues.slice(0, 10).map((i) => i.message);
    if (issues.length > 10) shown.push(`en nog ${issues.length - 10} problemen`);
    throw new DomainError('invalid_input', `De pool is niet opgeslagen: ${shown.join('; ')}.`, {
      issues: issues.slice(0, 100),
    });
  }
  return { members, droppedColumns: table.header.filter((name) => !used.has(name)) };
}

/** The engine's comparison of names and values (trimmed, single spaces, lower case). */
export const normalizeValue = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * Quotas must name pool features, and cover every value the pool has for those features (the
 * engine needs a quota for each registrant's value); a quota for a value nobody has is allowed.
 */
export function checkQuotasAgainstPool(
  quotas: readonly Quota[],
  pool: { featureColumns: string[]; counts: Record<string, Record<string, number>> } | null,
  panelSize: number,
  pathPrefix: (string | number)[],
): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  quotas.forEach((quota, i) => {
    const path = [...pathPrefix, i];
    if (quota.min > quota.max)
      issues.push({
        path: [...path, 'min'],
        message: `minimum ${quota.min} is groter dan maximum ${quota.max}`,
      });
    if (quota.min > panelSize)
      issues.push({
        path: [...path, 'min'],
        message: `minimum ${quota.min} is groter dan de panelgrootte ${panelSize}`,
      });
    const key = `${normalizeValue(quota.category)}\u0001${normalizeValue(quota.value)}`;
    if (seen.has(key))
      issues.push({
        path: [...path, 'value'],
        message: `dubbele quotaregel voor ${quota.category}: ${quota.value}`,
      });
    seen.add(key);
    if (pool && !pool.featureColumns.some((f) => normalizeValue(f) === normalizeValue(quota.category))) {
      issues.push({
        path: [...path, 'category'],
        message: `"${quota.category}" is geen kenmerk van de pool (${pool.featureColumns.join(', ')})`,
      });
    }
  });
  if (pool) {
    const categories = new Set(quotas.map((q) => normalizeValue(q.category)));
    for (const feature of pool.featureColumns) {
      if (!categories.has(normalizeValue(feature))) continue;
      for (const value of Object.keys(pool.counts[feature] ?? {})) {
        if (!seen.has(`${normalizeValue(feature)}\u0001${normalizeValue(value)}`)) {
          issues.push({
            path: [...pathPrefix],
            message: `geen quotum voor ${feature}: ${value} (${pool.counts[feature]![value]} aanmeldingen hebben die waarde)`,
          });
        }
      }
    }
  }
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      `De quota zijn niet opgeslagen: ${issues.map((i) => i.message).join('; ')}.`,
      { issues },
    );
}
