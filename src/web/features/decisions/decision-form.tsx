/** Recording a go/no-go decision; checked in the browser with the core's own rules (validateDecision). */
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { isDomainError } from '../../../core/errors.ts';
import { ALTERNATIVE_ROUTES, validateDecision } from '../../../core/framework/index.ts';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { AlternativeRoute, ApproachDetail, DecisionInput, DecisionOutcome } from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../../components/fields.tsx';
import { todayInNetherlands } from '../../components/format.ts';
import { InlineError } from '../../components/query-status.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';
import { ALTERNATIVE_ROUTE_LABELS, DECISION_OUTCOME_LABELS } from '../framework/framework-content.ts';
import { sentence } from '../framework/point-draft.ts';

type Field =
  | 'outcome'
  | 'decidedOn'
  | 'decidedBy'
  | 'rationale'
  | 'alternativeRoutes'
  | 'alternativeOther'
  | 'followUpDate';

const FIELD_IDS: Record<Field, string> = {
  outcome: 'uitkomst-go',
  decidedOn: 'besluitdatum',
  decidedBy: 'besloten-door',
  rationale: 'onderbouwing',
  alternativeRoutes: `routes-${ALTERNATIVE_ROUTES[0]}`,
  alternativeOther: 'route-anders',
  followUpDate: 'vervolgdatum',
};
const FIELD_LABELS: Record<Field, string> = {
  outcome: 'Besluit',
  decidedOn: 'Datum van het besluit',
  decidedBy: 'Besloten door',
  rationale: 'Onderbouwing',
  alternativeRoutes: 'Alternatieve route',
  alternativeOther: 'Andere route',
  followUpDate: 'Vinger aan de pols',
};
const FIELD_ORDER = Object.keys(FIELD_IDS) as Field[];

function isField(value: unknown): value is Field {
  return typeof value === 'string' && value in FIELD_IDS;
}

export function DecisionForm({ approach, hasCurrent }: { approach: ApproachDetail; hasCurrent: boolean }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [decidedOn, setDecidedOn] = useState(todayInNetherlands());
  const [decidedBy, setDecidedBy] = useState('');
  const [rationale, setRationale] = useState('');
  const [routes, setRoutes] = useState<AlternativeRoute[]>([]);
  const [other, setOther] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const record = useMutation({
    mutationFn: (input: DecisionInput) => api.recordDecision(approach.id, input),
    onSuccess: (decision) => {
      setOutcome(null);
      setDecidedBy('');
      setRationale('');
      setRoutes([]);
      setOther('');
      setFollowUp('');
      setErrors({});
      setMessage(
        `Het besluit (${decision.outcome === 'go' ? 'go' : 'no-go'}) is vastgelegd en is nu het geldende besluit.`,
      );
      // Progress marks phases "vóór go-besluit": drop it so no page shows the old marks first.
      for (const cycle of approach.cycles)
        queryClient.removeQueries({ queryKey: keys.progress(approach.id, cycle.number) });
      void queryClient.invalidateQueries({ queryKey: ['approach', approach.id] });
      focusAfterRender(() => messageRef.current);
    },
    onError: (error) => {
      if (isApiError(error) && error.errors.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const e of error.errors) {
          const field = isField(e.segments[0]) ? e.segments[0] : 'rationale';
          next[field] ??= sentence(e.message);
        }
        setErrors(next);
        setAttempt((n) => n + 1);
      }
    },
  });

  const buildInput = (): DecisionInput => ({
    outcome: outcome ?? 'go',
    decidedOn,
    decidedBy: decidedBy.trim(),
    rationale: rationale.trim(),
    alternativeRoutes: outcome === 'no_go' ? routes : [],
    alternativeOther: outcome === 'no_go' && routes.includes('other') ? other.trim() || null : null,
    followUpDate: outcome === 'no_go' ? followUp || null : null,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const input = buildInput();
    const next: Partial<Record<Field, string>> = {};
    if (!outcome) next.outcome = 'Kies go of no-go.';
    try {
      validateDecision(input, { today: todayInNetherlands() });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      for (const issue of error.issues) {
        const field = isField(issue.path[0]) ? issue.path[0] : 'rationale';
        if (field === 'outcome' && next.outcome) continue;
        next[field] ??= sentence(issue.message);
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    record.mutate(input);
  };

  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({
    fieldId: FIELD_IDS[f],
    message: `${FIELD_LABELS[f]}: ${errors[f]}`,
  }));

  return (
    <section aria-labelledby="vastleggen-kop" className="wk-section wk-no-print">
      <Heading level={2} id="vastleggen-kop">
        Besluit vastleggen
      </Heading>
      <div ref={messageRef} tabIndex={-1} role="status" className="wk-status-message">
        {message ? (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {hasCurrent ? (
        <Paragraph>
          Er is al een geldend besluit. Een nieuw besluit vervangt het; het huidige blijft zichtbaar als
          ‘vervangen’.
        </Paragraph>
      ) : null}
      <ErrorSummary
        errors={summary}
        focusKey={attempt}
        headingLevel={3}
        title="Het besluit is niet vastgelegd"
      />
      {record.isError && summary.length === 0 ? <InlineError error={record.error} /> : null}
      <form onSubmit={submit} noValidate aria-labelledby="vastleggen-kop" className="wk-form">
        <RadioGroup<DecisionOutcome>
          idPrefix="uitkomst"
          name="uitkomst"
          legend="Besluit"
          value={outcome}
          onChange={setOutcome}
          error={errors.outcome}
          options={[
            {
              value: 'go',
              label: DECISION_OUTCOME_LABELS.go,
              description:
                'Een integrale, langjarige gebiedsgerichte aanpak is nodig; de initiatieffase begint.',
            },
            {
              value: 'no_go',
              label: DECISION_OUTCOME_LABELS.no_go,
              description: 'Een lichtere inzet volstaat om de wijk voor afglijden te behoeden.',
            },
          ]}
        />
        <TextField
          id="besluitdatum"
          label="Datum van het besluit"
          type="date"
          value={decidedOn}
          onChange={setDecidedOn}
          error={errors.decidedOn}
        />
        <TextField
          id="besloten-door"
          label="Besloten door"
          value={decidedBy}
          onChange={setDecidedBy}
          error={errors.decidedBy}
          description="Bijvoorbeeld: college van burgemeester en wethouders."
        />
        <TextField
          id="onderbouwing"
          label="Onderbouwing"
          multiline
          rows={6}
          value={rationale}
          onChange={setRationale}
          error={errors.rationale}
          description="Waarom dit besluit? Verwijs naar de urgentie, de opgaven en de randvoorwaarden."
        />
        {outcome === 'no_go' ? (
          <>
            <CheckboxGroup<AlternativeRoute>
              idPrefix="routes"
              legend="Alternatieve route"
              description="Welke inzet behoedt de wijk voor afglijden? Kies één of meer routes (figuur 4.2 van het afwegingskader)."
              values={routes}
              onChange={setRoutes}
              error={errors.alternativeRoutes}
              options={ALTERNATIVE_ROUTES.map((r) => ({ value: r, label: ALTERNATIVE_ROUTE_LABELS[r] }))}
            />
            {routes.includes('other') ? (
              <TextField
                id="route-anders"
                label="Beschrijf de andere route"
                value={other}
                onChange={setOther}
                error={errors.alternativeOther}
              />
            ) : null}
            <TextField
              id="vervolgdatum"
              label="Vinger aan de pols: wanneer bekijkt u de wijk opnieuw?"
              type="date"
              value={followUp}
              onChange={setFollowUp}
              error={errors.followUpDate}
              description="Een datum na de besluitdatum."
            />
          </>
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
          Besluit vastleggen
        </Button>
      </form>
    </section>
  );
}
