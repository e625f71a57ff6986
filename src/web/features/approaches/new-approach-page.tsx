/** "Nieuwe wijkaanpak": a coordinator of a municipality starts an approach (cycle 1 is created with it). */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import { AppButtonLink } from '../../components/app-link.tsx';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { todayInNetherlands } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError } from '../../components/query-status.tsx';
import { canCreateApproach, useCurrentSession } from '../session/session.tsx';
import { approachPath } from './labels.ts';
import { parseRegionCodes } from './region-codes.ts';

type Field = 'titel' | 'omschrijving' | 'gebied' | 'gebiedsjaar' | 'startdatum';
const FIELD_LABELS: Record<Field, string> = {
  titel: 'Titel',
  omschrijving: 'Omschrijving',
  gebied: 'Gebied',
  gebiedsjaar: 'Jaar van de gebiedsindeling',
  startdatum: 'Startdatum',
};
const FIELD_BY_API_PATH: Record<string, Field> = {
  title: 'titel',
  description: 'omschrijving',
  focusArea: 'gebied',
  focusAreaYear: 'gebiedsjaar',
  startDate: 'startdatum',
};

export function NewApproachPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    titel: '',
    omschrijving: '',
    gebied: '',
    gebiedsjaar: String(new Date().getFullYear()),
    startdatum: todayInNetherlands(),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const create = useMutation({
    mutationFn: api.createApproach,
    onSuccess: (approach) => {
      void queryClient.invalidateQueries({ queryKey: keys.approachesAll });
      void navigate(approachPath(approach.id));
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const e of error.errors) {
          const field = FIELD_BY_API_PATH[String(e.segments[0])] ?? 'titel';
          const where =
            field === 'gebied' && typeof e.segments[1] === 'number' ? `code ${e.segments[1] + 1}: ` : '';
          next[field] = next[field]
            ? `${next[field]}; ${where}${e.message}`
            : `${FIELD_LABELS[field]}: ${where}${e.message}`;
        }
        setErrors(next);
      }
      setAttempt((n) => n + 1);
    },
  });

  if (!canCreateApproach(session)) {
    return (
      <>
        <PageHeading title="Nieuwe wijkaanpak">Nieuwe wijkaanpak</PageHeading>
        <Paragraph>Alleen een coördinator van een gemeente kan een wijkaanpak starten.</Paragraph>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const title = values.titel.trim();
    if (title.length < 3) next.titel = 'Titel: geef een titel van minstens 3 tekens.';
    else if (title.length > 200) next.titel = 'Titel: maximaal 200 tekens.';
    const area = parseRegionCodes(values.gebied);
    if (area.errors.length > 0) next.gebied = `Gebied: ${area.errors.join('; ')}.`;
    else if (area.codes.length === 0) next.gebied = 'Gebied: geef minstens één CBS-gebiedscode.';
    else if (area.codes.length > 500) next.gebied = 'Gebied: maximaal 500 gebieden.';
    const year = Number(values.gebiedsjaar);
    if (!/^\d{4}$/.test(values.gebiedsjaar.trim()) || year < 2000 || year > 2100)
      next.gebiedsjaar = 'Jaar van de gebiedsindeling: een jaartal tussen 2000 en 2100.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startdatum)) next.startdatum = 'Startdatum: kies een datum.';
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate({
      title,
      description: values.omschrijving.trim(),
      focusArea: area.codes,
      focusAreaYear: year,
      startDate: values.startdatum,
    });
  };

  const summary = (Object.keys(FIELD_LABELS) as Field[])
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: f, message: errors[f]! }));

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: '/aanpakken/nieuw', label: 'Nieuwe wijkaanpak' },
        ]}
      />
      <PageHeading title="Nieuwe wijkaanpak">Nieuwe wijkaanpak</PageHeading>
      <Paragraph lead>
        Start een gebiedsgerichte aanpak voor een wijk of een aantal buurten van{' '}
        {session.user.organisation.name}.
      </Paragraph>
      <Paragraph>
        Na het opslaan staat cyclus 1 klaar met alle 92 gesprekspunten van het afwegingskader.
      </Paragraph>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {create.isError && summary.length === 0 ? <InlineError error={create.error} /> : null}
      <form onSubmit={submit} noValidate aria-label="Nieuwe wijkaanpak" className="wk-form">
        <TextField
          id="titel"
          label="Titel"
          value={values.titel}
          onChange={set('titel')}
          error={errors.titel}
          description="Bijvoorbeeld: Wijkaanpak Overvecht."
        />
        <TextField
          id="omschrijving"
          label="Omschrijving (niet verplicht)"
          multiline
          rows={4}
          value={values.omschrijving}
          onChange={set('omschrijving')}
          error={errors.omschrijving}
        />
        <TextField
          id="gebied"
          label="Gebied: CBS-gebiedscodes"
          multiline
          rows={6}
          spellCheck={false}
          value={values.gebied}
          onChange={set('gebied')}
          error={errors.gebied}
          description="Eén code per regel: buurten (BU + 8 tekens, bijvoorbeeld BU03440311), wijken (WK + 6 tekens) of een gemeente (GM + 4 cijfers)."
        />
        <TextField
          id="gebiedsjaar"
          label="Jaar van de gebiedsindeling"
          inputMode="numeric"
          value={values.gebiedsjaar}
          onChange={set('gebiedsjaar')}
          error={errors.gebiedsjaar}
          description="CBS-codes veranderen tussen jaren; dit jaar bepaalt welke indeling bedoeld is."
        />
        <TextField
          id="startdatum"
          label="Startdatum"
          type="date"
          value={values.startdatum}
          onChange={set('startdatum')}
          error={errors.startdatum}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            Wijkaanpak starten
          </Button>
          <AppButtonLink to="/" appearance="secondary-action-button">
            Annuleren
          </AppButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}
