/**
 * Warm interpretation (warme duiding) of an indicator: the notes of professionals and residents on
 * this figure, newest first, each with person, organisation and date, and a form to add one.
 * Coordinators and partners add notes (the service's rule: the right to edit discussion points);
 * name and organisation default to the logged-in person's when left empty.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  analysisApi,
  analysisKeys,
  type Interpretation,
  type InterpretationInput,
} from '../../api/analysis.ts';
import { isApiError } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { formatDate, todayInNetherlands } from '../../components/format.ts';
import { InlineError } from '../../components/query-status.tsx';
import { YearPicker } from './year-picker.tsx';

export function InterpretationList({ notes }: { notes: Interpretation[] }) {
  if (notes.length === 0) return <Paragraph className="wk-muted">Nog geen duiding bij dit cijfer.</Paragraph>;
  return (
    <ul className="wk-notes" aria-label="Duidingen">
      {notes.map((note) => (
        <li key={note.id} className="wk-note" data-testid="interpretation">
          <blockquote>{note.text}</blockquote>
          <p className="wk-note__meta">
            {note.authorName}, {note.organisationName} · {formatDate(note.notedOn)} · over {note.year}
          </p>
        </li>
      ))}
    </ul>
  );
}

const FIELD_IDS: Record<string, string> = {
  text: 'duiding-tekst',
  authorName: 'duiding-naam',
  organisationName: 'duiding-organisatie',
  notedOn: 'duiding-datum',
  year: 'duiding-jaar',
};

export function InterpretationForm({
  approach,
  indicatorKey,
  years,
  defaultYear,
}: {
  approach: ApproachDetail;
  indicatorKey: string;
  years: number[];
  defaultYear: number;
}) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [year, setYear] = useState(defaultYear);
  const [authorName, setAuthorName] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [notedOn, setNotedOn] = useState(todayInNetherlands());
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [message, setMessage] = useState('');
  const add = useMutation({
    mutationFn: (input: InterpretationInput) => analysisApi.createInterpretation(approach.id, input),
    onSuccess: (created) => {
      queryClient.setQueryData(
        analysisKeys.interpretations(approach.id),
        (old: Interpretation[] | undefined) => (old ? [created, ...old] : [created]),
      );
      void queryClient.invalidateQueries({ queryKey: analysisKeys.interpretations(approach.id) });
      setText('');
      setErrors([]);
      setMessage(`Duiding toegevoegd door ${created.authorName} (${created.organisationName}).`);
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length > 0) {
        setErrors(
          error.errors.map((e) => ({ fieldId: FIELD_IDS[String(e.segments[0] ?? '')], message: e.message })),
        );
        setFocusKey((k) => k + 1);
      }
    },
  });
  if (!approach.permissions.includes('edit_points')) {
    return (
      <Paragraph small className="wk-muted">
        Coördinatoren en partners van deze wijkaanpak voegen duidingen toe.
      </Paragraph>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const problems: SummaryError[] = [];
    if (text.trim().length < 3)
      problems.push({ fieldId: FIELD_IDS.text, message: 'Schrijf de duiding (minstens 3 tekens).' });
    if (notedOn > todayInNetherlands())
      problems.push({ fieldId: FIELD_IDS.notedOn, message: 'De datum ligt niet in de toekomst.' });
    setErrors(problems);
    if (problems.length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    add.mutate({
      indicatorKey,
      year,
      text: text.trim(),
      ...(authorName.trim() ? { authorName: authorName.trim() } : {}),
      ...(organisationName.trim() ? { organisationName: organisationName.trim() } : {}),
      ...(notedOn ? { notedOn } : {}),
    });
  };
  const errorOf = (field: string) => errors.find((e) => e.fieldId === FIELD_IDS[field])?.message;
  const user = session.data?.user;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="duiding-form-kop" className="wk-interpretation-form">
      <Heading level={3} id="duiding-form-kop">
        Duiding toevoegen
      </Heading>
      <ErrorSummary errors={errors} focusKey={focusKey} headingLevel={4} />
      <TextField
        id={FIELD_IDS.text ?? 'duiding-tekst'}
        label="Duiding"
        description="Wat zien professionals of bewoners achter dit cijfer? Wat verklaart het, wat ontbreekt?"
        multiline
        rows={5}
        value={text}
        onChange={setText}
        error={errorOf('text')}
        required
      />
      <YearPicker
        id={FIELD_IDS.year ?? 'duiding-jaar'}
        label="Over het cijfer van"
        years={years}
        year={year}
        onChange={setYear}
      />
      <TextField
        id={FIELD_IDS.authorName ?? 'duiding-naam'}
        label="Naam"
        description={user ? `Leeg laten: ${user.name}.` : undefined}
        value={authorName}
        onChange={setAuthorName}
        error={errorOf('authorName')}
        autoComplete="name"
      />
      <TextField
        id={FIELD_IDS.organisationName ?? 'duiding-organisatie'}
        label="Organisatie"
        description={user ? `Leeg laten: ${user.organisation.name}.` : undefined}
        value={organisationName}
        onChange={setOrganisationName}
        error={errorOf('organisationName')}
        autoComplete="organization"
      />
      <TextField
        id={FIELD_IDS.notedOn ?? 'duiding-datum'}
        label="Datum"
        type="date"
        value={notedOn}
        onChange={setNotedOn}
        error={errorOf('notedOn')}
      />
      <Button type="submit" appearance="primary-action-button" busy={add.isPending}>
        Duiding toevoegen
      </Button>
      <p role="status" className="wk-status-message">
        {message}
      </p>
      {add.isError && !(isApiError(add.error) && add.error.errors.length > 0) ? (
        <InlineError error={add.error} />
      ) : null}
    </form>
  );
}
