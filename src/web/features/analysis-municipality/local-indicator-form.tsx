/**
 * "Eigen indicator toevoegen": the form behind POST /indicators (createLocalIndicator). The browser
 * checks what it can (the key's pattern, a title, a unit, the choices); the server decides the rest
 * — a key that already exists (409), an unknown base or municipality (400) — and its field errors
 * land next to the fields and in the error summary, as in the other forms (local-indicator-input.ts).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { DOMAINS } from '../../../core/analysis/indicator.ts';
import {
  municipalityAnalysisApi,
  municipalityAnalysisKeys,
  type Indicator,
} from '../../api/analysis-municipality.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/fields.tsx';
import { KIND_LABELS } from '../analysis/analysis-format.ts';
import { DIRECTION_LABELS, domainLabel } from './analysis-format.ts';
import {
  DIRECTIONS,
  EMPTY,
  FIELDS,
  FOCUS_IDS,
  KINDS,
  listBaseOptions,
  NO_DOMAIN,
  toFieldErrors,
  toLocalIndicatorInput,
  validateLocalIndicator,
  type Direction,
  type Errors,
  type Kind,
  type Values,
} from './local-indicator-input.ts';

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
    const found = validateLocalIndicator(values, isAdmin);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate(toLocalIndicatorInput(values, isAdmin));
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
            options={listBaseOptions(catalogue)}
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
