/**
 * Compiles a pool, quotas and panel size into the indexed form the algorithms work on, and
 * validates them (DomainError 'invalid_input' with one issue per problem).
 *
 * Registrants with the same value in every category are *interchangeable*: swapping two of them
 * maps every feasible panel to a feasible panel. The LEXIMIN distribution is unique in its
 * probability vector (leximin over a convex set), hence symmetric: such registrants get equal
 * probability. The LPs and MILPs are therefore solved on *types* (groups of interchangeable
 * registrants, a panel being a count per type) and expanded to individuals at the end; see
 * docs/decisions/0101-sortition-types-and-column-generation.md. A registrant who shares a household
 * with someone else is not interchangeable (the household rule ties them) and forms a type alone.
 */
import { DomainError, type FieldIssue } from '../errors.ts';
import type { PoolMember, Quota } from './types.ts';

export interface CategoryValue {
  name: string;
  min: number;
  max: number;
  minFlex: number;
  maxFlex: number;
  /** Registrants in the pool with this value. */
  count: number;
}

export interface Category {
  name: string;
  values: CategoryValue[];
}

export interface RegistrantType {
  /** Pool indices, ascending. */
  members: number[];
  /** Value index per category. */
  values: Int32Array;
}

export interface SortitionInstance {
  n: number;
  k: number;
  categories: Category[];
  /** Flattened (category, value) pairs: quota q is categories[quotaCategory[q]].values[quotaValue[q]]. */
  quotaCategory: Int32Array;
  quotaValue: Int32Array;
  /** First quota index of each category. */
  quotaOffset: Int32Array;
  types: RegistrantType[];
  /** Type index per registrant. */
  typeOf: Int32Array;
  /** Quota indices per type (one per category). */
  typeQuotas: Int32Array[];
  /** Households with two or more registrants, as lists of (singleton) type indices. */
  households: number[][];
  /** Household index per registrant, or -1. */
  householdOf: Int32Array;
}

export interface InstanceInput {
  pool: readonly PoolMember[];
  quotas: readonly Quota[];
  panelSize: number;
  householdColumns?: readonly string[];
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export function compileInstance(input: InstanceInput): SortitionInstance {
  const issues: FieldIssue[] = [];
  const { pool, quotas, panelSize } = input;
  const n = pool.length;
  if (n === 0) issues.push({ path: ['pool'], message: 'De pool is leeg.' });
  if (!Number.isInteger(panelSize) || panelSize < 1) {
    issues.push({
      path: ['panelSize'],
      message: `Panelgrootte moet een positief geheel getal zijn, niet ${panelSize}.`,
    });
  } else if (panelSize > n && n > 0) {
    issues.push({ path: ['panelSize'], message: `Panelgrootte ${panelSize} is groter dan de pool (${n}).` });
  }
  const categories = collectCategories(quotas, issues);
  const columnNames = resolveColumns(pool, categories, issues);
  const householdColumns = resolveHouseholdColumns(pool, input.householdColumns ?? [], issues);
  if (issues.length > 0) throw new DomainError('invalid_input', summarize(issues), { issues });

  const F = categories.length;
  const lookup = categories.map(
    (category) => new Map(category.values.map((value, index) => [normalize(value.name), index])),
  );
  const personValues = new Int32Array(n * F);
  pool.forEach((member, person) => {
    categories.forEach((category, f) => {
      const raw = member.values[columnNames[f]!] ?? '';
      const index = lookup[f]!.get(normalize(raw));
      if (index === undefined) {
        issues.push({
          path: ['pool', person, category.name],
          message: `Registrant ${member.id}: waarde "${raw}" voor "${category.name}" staat niet in de quota (${category.values.map((v) => v.name).join(', ')}).`,
        });
        return;
      }
      personValues[person * F + f] = index;
      category.values[index]!.count++;
    });
  });
  if (issues.length > 0) throw new DomainError('invalid_input', summarize(issues), { issues });

  const householdOf = assignHouseholds(pool, householdColumns);
  const { types, typeOf } = groupTypes(n, F, personValues, householdOf);

  const quotaOffset = new Int32Array(F + 1);
  categories.forEach((category, f) => (quotaOffset[f + 1] = quotaOffset[f]! + category.values.length));
  const quotaCount = quotaOffset[F]!;
  const quotaCategory = new Int32Array(quotaCount);
  const quotaValue = new Int32Array(quotaCount);
  categories.forEach((category, f) =>
    category.values.forEach((_, v) => {
      quotaCategory[quotaOffset[f]! + v] = f;
      quotaValue[quotaOffset[f]! + v] = v;
    }),
  );
  const typeQuotas = types.map((type) => Int32Array.from(type.values, (v, f) => quotaOffset[f]! + v));
  const householdTypes = new Map<number, number[]>();
  types.forEach((type, t) => {
    const household = householdOf[type.members[0]!]!;
    if (household < 0) return;
    const list = householdTypes.get(household) ?? [];
    list.push(t);
    householdTypes.set(household, list);
  });
  return {
    n,
    k: panelSize,
    categories,
    quotaCategory,
    quotaValue,
    quotaOffset,
    types,
    typeOf,
    typeQuotas,
    households: [...householdTypes.values()],
    householdOf,
  };
}

function collectCategories(quotas: readonly Quota[], issues: FieldIssue[]): Category[] {
  const categories: Category[] = [];
  const byName = new Map<string, Category>();
  quotas.forEach((quota, index) => {
    const path = ['quotas', index];
    const bad = (field: string, message: string) => issues.push({ path: [...path, field], message });
    if (!quota.category.trim()) bad('category', 'Categorie ontbreekt.');
    if (!quota.value.trim()) bad('value', 'Waarde ontbreekt.');
    for (const field of ['min', 'max'] as const) {
      if (!Number.isInteger(quota[field]) || quota[field] < 0) {
        bad(
          field,
          `${field} van ${quota.category}/${quota.value} moet een geheel getal ≥ 0 zijn, niet ${quota[field]}.`,
        );
      }
    }
    if (quota.min > quota.max)
      bad(
        'min',
        `min (${quota.min}) is groter dan max (${quota.max}) voor ${quota.category}/${quota.value}.`,
      );
    const minFlex = quota.minFlex ?? 0;
    const maxFlex = quota.maxFlex ?? Number.POSITIVE_INFINITY;
    if (minFlex > quota.min)
      bad(
        'minFlex',
        `min_flex (${minFlex}) is groter dan min (${quota.min}) voor ${quota.category}/${quota.value}.`,
      );
    if (maxFlex < quota.max)
      bad(
        'maxFlex',
        `max_flex (${maxFlex}) is kleiner dan max (${quota.max}) voor ${quota.category}/${quota.value}.`,
      );
    const key = normalize(quota.category);
    let category = byName.get(key);
    if (!category) {
      category = { name: quota.category.trim(), values: [] };
      byName.set(key, category);
      categories.push(category);
    }
    if (category.values.some((value) => normalize(value.name) === normalize(quota.value))) {
      bad('value', `Dubbele quotaregel voor ${quota.category}/${quota.value}.`);
    }
    category.values.push({
      name: quota.value.trim(),
      min: quota.min,
      max: quota.max,
      minFlex,
      maxFlex,
      count: 0,
    });
  });
  if (quotas.length === 0) issues.push({ path: ['quotas'], message: 'Er zijn geen quota.' });
  return categories;
}

function resolveColumns(pool: readonly PoolMember[], categories: Category[], issues: FieldIssue[]): string[] {
  const first = pool[0];
  if (!first) return categories.map((category) => category.name);
  const available = Object.keys(first.values);
  return categories.map((category) => {
    const exact = available.find((column) => column === category.name);
    const loose = exact ?? available.find((column) => normalize(column) === normalize(category.name));
    if (loose === undefined) {
      issues.push({
        path: ['pool', 'columns', category.name],
        message: `De respondenten hebben geen kolom "${category.name}" (kolommen: ${available.join(', ')}).`,
      });
      return category.name;
    }
    return loose;
  });
}

function resolveHouseholdColumns(
  pool: readonly PoolMember[],
  columns: readonly string[],
  issues: FieldIssue[],
): string[] {
  const available = Object.keys(pool[0]?.values ?? {});
  return columns.map((name) => {
    const column =
      available.find((c) => c === name) ?? available.find((c) => normalize(c) === normalize(name));
    if (column === undefined) {
      issues.push({
        path: ['householdColumns', name],
        message: `Adreskolom "${name}" bestaat niet in de respondenten.`,
      });
      return name;
    }
    return column;
  });
}

/** Registrants whose address columns are all equal (and not all empty) share a household. */
function assignHouseholds(pool: readonly PoolMember[], columns: string[]): Int32Array {
  const householdOf = new Int32Array(pool.length).fill(-1);
  if (columns.length === 0) return householdOf;
  const groups = new Map<string, number[]>();
  pool.forEach((member, person) => {
    const parts = columns.map((column) => normalize(member.values[column] ?? ''));
    if (parts.every((part) => part === '')) return;
    const key = parts.join('\u0001');
    const group = groups.get(key) ?? [];
    group.push(person);
    groups.set(key, group);
  });
  let next = 0;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const person of group) householdOf[person] = next;
    next++;
  }
  return householdOf;
}

function groupTypes(n: number, F: number, personValues: Int32Array, householdOf: Int32Array) {
  const types: RegistrantType[] = [];
  const typeOf = new Int32Array(n);
  const byKey = new Map<string, number>();
  for (let person = 0; person < n; person++) {
    const values = personValues.slice(person * F, (person + 1) * F);
    const key = householdOf[person]! >= 0 ? `h${person}` : values.join(',');
    let type = byKey.get(key);
    if (type === undefined) {
      type = types.length;
      byKey.set(key, type);
      types.push({ members: [], values });
    }
    types[type]!.members.push(person);
    typeOf[person] = type;
  }
  return { types, typeOf };
}

function summarize(issues: FieldIssue[]): string {
  const head = issues.slice(0, 3).map((issue) => issue.message);
  const more = issues.length > 3 ? ` (en nog ${issues.length - 3} problemen)` : '';
  return `Ongeldige invoer voor de loting: ${head.join(' ')}${more}`;
}

/** Per quota, the number of members of `counts` (a count per type) with that value. */
export function countQuotaUsage(instance: SortitionInstance, counts: ArrayLike<number>): Int32Array {
  const usage = new Int32Array(instance.quotaCategory.length);
  instance.typeQuotas.forEach((quotas, t) => {
    const count = counts[t]!;
    if (count === 0) return;
    for (const q of quotas) usage[q]! += count;
  });
  return usage;
}

export function getQuotaBounds(instance: SortitionInstance, q: number): { min: number; max: number } {
  const value = instance.categories[instance.quotaCategory[q]!]!.values[instance.quotaValue[q]!]!;
  return { min: value.min, max: value.max };
}
