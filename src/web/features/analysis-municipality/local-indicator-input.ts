/**
 * The form of a local indicator without React: its values, the browser's checks (the server's rules
 * of localIndicatorInput in src/server/routes/analysis.schemas.ts, where the browser can know them),
 * the request body, and the server's problem (400 field errors, 409 on the key) per field.
 */
import { LOCAL_INDICATOR_KEY_PATTERN, type Domain } from '../../../core/analysis/indicator.ts';
import { getRegionLevel } from '../../../core/analysis/region-code.ts';
import type { Indicator, LocalIndicatorInput } from '../../api/analysis-municipality.ts';
import { isApiError } from '../../api/client.ts';

export type Field =
  'key' | 'title' | 'definition' | 'unit' | 'domain' | 'direction' | 'kind' | 'baseKeys' | 'municipalityCode';
export type Kind = 'count' | 'percentage' | 'average';
export type Direction = Indicator['direction'];

export const FIELDS: Field[] = [
  'municipalityCode',
  'key',
  'title',
  'definition',
  'unit',
  'domain',
  'direction',
  'kind',
  'baseKeys',
];
const LABELS: Record<Field, string> = {
  key: 'Sleutel',
  title: 'Titel',
  definition: 'Definitie',
  unit: 'Eenheid',
  domain: 'Domein',
  direction: 'Richting',
  kind: 'Soort',
  baseKeys: 'Basis',
  municipalityCode: 'Gemeentecode',
};
export const KINDS: Kind[] = ['count', 'percentage', 'average'];
export const DIRECTIONS: Direction[] = ['higher_is_worse', 'higher_is_better', 'neutral'];
/** The bases a municipality most often weighs by: inhabitants, households, dwellings. */
const COMMON_BASES = ['a_inw', 'a_hh', 'a_woning'];
export const NO_DOMAIN = 'overig';

/** Where the error summary sends the focus: the field, or the first option of a choice. */
export const FOCUS_IDS: Record<Field, string> = {
  key: 'indicator-sleutel',
  title: 'indicator-titel',
  definition: 'indicator-definitie',
  unit: 'indicator-eenheid',
  domain: 'indicator-domein',
  direction: `indicator-richting-${DIRECTIONS[0]}`,
  kind: `indicator-soort-${KINDS[0]}`,
  baseKeys: 'indicator-basis',
  municipalityCode: 'indicator-gemeente',
};

export interface Values {
  key: string;
  title: string;
  definition: string;
  unit: string;
  domain: string;
  direction: Direction | null;
  kind: Kind | null;
  base: string;
  municipalityCode: string;
}

export const EMPTY: Values = {
  key: '',
  title: '',
  definition: '',
  unit: '',
  domain: '',
  direction: null,
  kind: null,
  base: '',
  municipalityCode: '',
};

export type Errors = Partial<Record<Field, string>>;

export function validateLocalIndicator(values: Values, isAdmin: boolean): Errors {
  const errors: Errors = {};
  const key = values.key.trim();
  if (key === '') errors.key = 'Sleutel: vul een sleutel in, bijvoorbeeld overlast_wijkpeiling.';
  else if (!LOCAL_INDICATOR_KEY_PATTERN.test(key))
    errors.key =
      'Sleutel: 2 tot 64 tekens, alleen kleine letters, cijfers en _, en beginnend met een letter.';
  const title = values.title.trim();
  if (title.length < 3) errors.title = 'Titel: geef een titel van minstens 3 tekens.';
  else if (title.length > 300) errors.title = 'Titel: maximaal 300 tekens.';
  if (values.definition.length > 5000) errors.definition = 'Definitie: maximaal 5000 tekens.';
  if (values.unit.trim() === '') errors.unit = 'Eenheid: vul de eenheid in, bijvoorbeeld % of aantal.';
  else if (values.unit.trim().length > 100) errors.unit = 'Eenheid: maximaal 100 tekens.';
  if (values.domain === '') errors.domain = 'Domein: kies een domein (of Overig).';
  if (values.direction === null) errors.direction = 'Richting: kies of een hogere waarde gunstig is.';
  if (values.kind === null) errors.kind = 'Soort: kies aantal, percentage of gemiddelde.';
  if (
    isAdmin &&
    values.municipalityCode.trim() !== '' &&
    getRegionLevel(values.municipalityCode.trim()) !== 'GM'
  )
    errors.municipalityCode = 'Gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld GM0344.';
  return errors;
}

export function toLocalIndicatorInput(values: Values, isAdmin: boolean): LocalIndicatorInput {
  const hasBase = values.kind !== 'count' && values.base !== '';
  return {
    key: values.key.trim(),
    title: values.title.trim(),
    definition: values.definition.trim(),
    unit: values.unit.trim(),
    domain: values.domain === NO_DOMAIN ? null : (values.domain as Domain),
    direction: values.direction ?? 'neutral',
    kind: values.kind ?? 'count',
    ...(hasBase ? { baseKeys: [values.base] } : {}),
    ...(isAdmin && values.municipalityCode.trim() !== ''
      ? { municipalityCode: values.municipalityCode.trim() }
      : {}),
  };
}

/** The server's field errors (400 with errors[], 409 on the key) per field, with the field's label. */
export function toFieldErrors(error: unknown): { fields: Errors; general: string | null } {
  if (!isApiError(error)) return { fields: {}, general: 'Het toevoegen is mislukt. Probeer het opnieuw.' };
  const fields: Errors = {};
  const general: string[] = [];
  for (const e of error.errors) {
    const field = FIELDS.find((f) => f === String(e.segments[0] ?? ''));
    if (!field) {
      general.push(e.message);
      continue;
    }
    fields[field] = fields[field] ? `${fields[field]}; ${e.message}` : `${LABELS[field]}: ${e.message}`;
  }
  if (error.status === 409 && !fields.key) fields.key = `${LABELS.key}: ${error.detail}`;
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.detail || error.title);
  return { fields, general: general.length > 0 ? general.join(' ') : null };
}

export function listBaseOptions(catalogue: readonly Indicator[]): { value: string; label: string }[] {
  const counts = catalogue.filter((indicator) => indicator.kind === 'count');
  const rank = (key: string) =>
    COMMON_BASES.includes(key) ? COMMON_BASES.indexOf(key) : COMMON_BASES.length;
  const sorted = [...counts].sort(
    (a, b) => rank(a.key) - rank(b.key) || a.title.localeCompare(b.title, 'nl'),
  );
  return [
    { value: '', label: 'Geen basis (dan niet samen te voegen over buurten)' },
    ...sorted.map((indicator) => ({ value: indicator.key, label: `${indicator.title} (${indicator.key})` })),
  ];
}
