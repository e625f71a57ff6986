/**
 * "Eigen indicator toevoegen": the form behind POST /indicators (createLocalIndicator). The browser
 * checks what it can (the key's pattern, a title, a unit, the choices); the server decides the rest
 * — a key that already exists (409), an unknown base or municipality (400) — and its field errors
 * land next to the fields and in the error summary, as in the other forms.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { DOMAINS } from '../../../core/analysis/indicator.ts';
import {
  municipalityAnalysisApi,
  municipalityAnalysisKeys,
  type Indicator,
  type LocalIndicatorInput,
} from '../../api/analysis-municipality.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/fields.tsx';
import { KIND_LABELS } from '../analysis/analysis-format.ts';
import { DIRECTION_LABELS, domainLabel } from './analysis-format.ts';

type Field =
  'key' | 'title' | 'definition' | 'unit' | 'domain' | 'direction' | 'kind' | 'baseKeys' | 'municipalityCode';
type Kind = 'count' | 'percentage' | 'average';
type Direction = Indicator['direction'];

const FIELDS: Field[] = [
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
const KINDS: Kind[] = ['count', 'percentage', 'average'];
const DIRECTIONS: Direction[] = ['higher_is_worse', 'higher_is_better', 'neutral'];
/** The server's rule (localIndicatorInput in src/server/routes/analysis.schemas.ts). */
const KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
/** The bases a municipality most often weighs by: inhabitants, households, dwellings. */
const COMMON_BASES = ['a_inw', 'a_hh', 'a_woning'];
const NO_DOMAIN = 'overig';

/** Where the error summary sends the focus: the field, or the first option of a choice. */
const FOCUS_IDS: Record<Field, string> = {
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

interface Values {
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

const EMPTY: Values = {
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

type Errors = Partial<Record<Field, string>>;

function validate(values: Values, isAdmin: boolean): Errors {
  const errors: Errors = {};
  const key = values.key.trim();
  if (key === '') errors.key = 'Sleutel: vul een sleutel in, bijvoorbeeld overlast_wijkpeiling.';
  else if (!KEY_PATTERN.test(key))
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
  if (isAdmin && values.municipalityCode.trim() !== '' && !/^GM\d{4}$/.test(values.municipalityCode.trim()))
    errors.municipalityCode = 'Gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld GM0344.';
  return errors;
}

function toInput(values: Values, isAdmin: boolean): LocalIndicatorInput {
  const hasBase = values.kind !== 'count' && values.base !== '';
  return {
    key: values.key.trim(),
    title: values.title.trim(),
    definition: values.definition.trim(),
    unit: values.unit.trim(),
    domain: values.domain === NO_DOMAIN ? null : (values.domain as (typeof DOMAINS)[number]),
    direction: values.direction ?? 'neutral',
    kind: values.kind ?? 'count',
    ...(hasBase ? { baseKeys: [values.base] } : {}),
    ...(isAdmin && values.municipalityCode.trim() !== ''
      ? { municipalityCode: values.municipalityCode.trim() }
      : {}),
  };
}

/** The server's field errors (400 with errors[], 409 on the key) per field, with the field's label. */
function toFieldErrors(error: unknown): { fields: Errors; general: string | null } {
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

function baseOptions(catalogue: readonly Indicator[]): { value: string; label: string }[] {
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

export function LocalIndicatorForm({
  catalogue,
  isAdmin,
  municipalityName,
}: {
  catalogue: readonly Indicator[];
  isAdmin: boolean;
  municipalityName: string;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  const create = useMutation({
    mutationFn: municipalityAnalysisApi.createLocalIndicator,
    onSuccess: (created) => {
      queryClient.setQueryData(municipalityAnalysisKeys.indicators, (old: Indicator[] | undefined) =>
        old ? [...old.filter((i) => i.key !== created.key), created] : [created],
      );
      // A new indicator changes the catalogue every analysis page reads.
      void queryClient.invalidateQueries({ queryKey: ['analysis'] });
      setValues(EMPTY);
      setErrors({});
      setGeneral(null);
      setMessage(
        `De eigen indicator ${created.title} (${created.key}) is toegevoegd. Download hieronder het sjabloon om de waarden in te vullen.`,
      );
    },
    onError: (error) => {
      const decoded = toFieldErrors(error);
      setErrors(decoded.fields);
      setGeneral(decoded.general);
      setAttempt((n) => n + 1);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    setGeneral(null);
    const found = validate(values, isAdmin);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate(toInput(values, isAdmin));
  };

  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: FOCUS_IDS[f], message: errors[f]! })),
  ];
  const needsBase = values.kind === 'percentage' || values.kind === 'average';

  return (
    <section aria-labelledby="indicator-toevoegen-kop" className="wk-section">
      <Heading level={2} id="indicator-toevoegen-kop">
        Eigen indicator toevoegen
      </Heading>
      <Paragraph>
        Bijvoorbeeld een cijfer uit de eigen wijkmonitor of wijkpeiling. Alleen{' '}
        {isAdmin ? 'de gekozen gemeente' : municipalityName} en de platformbeheerder zien de indicator.
      </Paragraph>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <form className="wk-form" onSubmit={submit} noValidate aria-labelledby="indicator-toevoegen-kop">
        {isAdmin ? (
          <TextField
            id={FOCUS_IDS.municipalityCode}
            label="Gemeentecode (niet verplicht)"
            value={values.municipalityCode}
            onChange={set('municipalityCode')}
            error={errors.municipalityCode}
            description={`De gemeente van de indicator, bijvoorbeeld GM0344. Leeg: ${municipalityName}.`}
          />
        ) : null}
        <TextField
          id={FOCUS_IDS.key}
          label="Sleutel"
          value={values.key}
          onChange={set('key')}
          error={errors.key}
          spellCheck={false}
          autoComplete="off"
          description="De kolomkop in het bestand met de waarden: 2 tot 64 tekens, alleen kleine letters, cijfers en _ (liggend streepje), beginnend met een letter. Kies een sleutel die nog niet bestaat, dus geen CBS-sleutel zoals a_inw. Bijvoorbeeld overlast_wijkpeiling. Later wijzigen kan niet."
        />
        <TextField
          id={FOCUS_IDS.title}
          label="Titel"
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          description="Zoals hij in profielen, kaart en rangorde staat, bijvoorbeeld: Ervaren overlast (wijkpeiling)."
        />
        <TextField
          id={FOCUS_IDS.definition}
          label="Definitie (niet verplicht)"
          multiline
          rows={3}
          value={values.definition}
          onChange={set('definition')}
          error={errors.definition}
          description="Wat er precies gemeten is, bij wie en hoe; ook de bron."
        />
        <TextField
          id={FOCUS_IDS.unit}
          label="Eenheid"
          value={values.unit}
          onChange={set('unit')}
          error={errors.unit}
          description="Bijvoorbeeld %, aantal, per 1 000 inwoners of rapportcijfer."
        />
        <SelectField
          id={FOCUS_IDS.domain}
          label="Domein"
          value={values.domain}
          onChange={set('domain')}
          error={errors.domain}
          options={[
            { value: '', label: 'Kies een domein' },
            ...DOMAINS.map((domain) => ({ value: domain, label: domainLabel(domain) })),
            { value: NO_DOMAIN, label: 'Overig (geen domein)' },
          ]}
        />
        <RadioGroup<Direction>
          idPrefix="indicator-richting"
          name="indicator-richting"
          legend="Richting"
          value={values.direction}
          onChange={set('direction')}
          error={errors.direction}
          options={DIRECTIONS.map((direction) => ({ value: direction, label: DIRECTION_LABELS[direction] }))}
        />
        <RadioGroup<Kind>
          idPrefix="indicator-soort"
          name="indicator-soort"
          legend="Soort"
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          description="Bepaalt hoe de waarden van buurten samen één waarde voor een wijk, focusgebied of gemeente geven."
          options={KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
        />
        {needsBase ? (
          <SelectField
            id={FOCUS_IDS.baseKeys}
            label="Basis"
            value={values.base}
            onChange={set('base')}
            error={errors.baseKeys}
            description="Het aantal waarmee een percentage of gemiddelde over buurten gewogen wordt, uit de CBS-cijfers van hetzelfde jaar; bijvoorbeeld inwoners voor een aandeel van de inwoners."
            options={baseOptions(catalogue)}
          />
        ) : null}
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={create.isPending}
          disabled={create.isPending}
        >
          Indicator toevoegen
        </Button>
      </form>
      <div role="status" className="wk-status-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
    </section>
  );
}
