/** Coordinator actions on an approach: start a new cycle (with confirmation) and archive or restore. */
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { TextField } from '../../components/fields.tsx';
import { InlineError } from '../../components/query-status.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';

function StartCycle({ approach, onDone }: { approach: ApproachDetail; onDone: (message: string) => void }) {
  const focusAfterRender = useFocusAfterRender();
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const [isConfirming, setConfirming] = useState(false);
  const [title, setTitle] = useState('');
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const active = approach.cycles.find((c) => c.status === 'active');
  const next = (approach.cycles[approach.cycles.length - 1]?.number ?? 0) + 1;

  const start = useMutation({
    mutationFn: () => api.startCycle(approach.id, title.trim() || undefined),
    onSuccess: (cycle) => {
      setConfirming(false);
      setTitle('');
      void queryClient.invalidateQueries({ queryKey: ['approach', approach.id] });
      setParams({ cyclus: String(cycle.number) });
      onDone(
        `${cycle.title} is gestart.${active ? ` ${active.title} is afgesloten en blijft leesbaar.` : ''}`,
      );
    },
  });

  if (!active) return null;
  return (
    <div className="wk-admin-block">
      <Heading level={3}>Nieuwe cyclus</Heading>
      <Paragraph>
        Als een programmaperiode afloopt, begint de aanpak opnieuw met het afwegingskader. De antwoorden van{' '}
        {active.title} worden overgenomen als vertrekpunt; {active.title} zelf wordt afgesloten en blijft
        ongewijzigd leesbaar.
      </Paragraph>
      {isConfirming ? (
        <Alert type="warning" role="none" className="wk-confirm">
          <Heading level={4} ref={confirmRef} tabIndex={-1}>
            Weet u zeker dat u cyclus {next} wilt starten?
          </Heading>
          <Paragraph>
            {active.title} wordt afgesloten. Daarna kan niemand de gesprekspunten van die cyclus nog wijzigen.
          </Paragraph>
          <TextField
            id="cyclus-titel"
            label="Naam van de nieuwe cyclus (niet verplicht)"
            value={title}
            onChange={setTitle}
            description={`Leeg laten geeft “Cyclus ${next}”.`}
          />
          {start.isError ? <InlineError error={start.error} /> : null}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={start.isPending} onClick={() => start.mutate()}>
              Ja, start cyclus {next}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setConfirming(false);
                focusAfterRender(() => openRef.current);
              }}
            >
              Annuleren
            </Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <Button
          ref={openRef}
          appearance="secondary-action-button"
          onClick={() => {
            start.reset();
            setConfirming(true);
            focusAfterRender(() => confirmRef.current);
          }}
        >
          Nieuwe cyclus starten
        </Button>
      )}
    </div>
  );
}

function ArchiveApproach({
  approach,
  onDone,
}: {
  approach: ApproachDetail;
  onDone: (message: string) => void;
}) {
  const focusAfterRender = useFocusAfterRender();
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const archived = approach.status === 'archived';
  const change = useMutation({
    mutationFn: () =>
      api.updateApproach(approach.id, {
        version: approach.version,
        status: archived ? 'active' : 'archived',
      }),
    onSuccess: (updated) => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: keys.approach(approach.id) });
      void queryClient.invalidateQueries({ queryKey: keys.approachesAll });
      onDone(
        updated.status === 'archived'
          ? `${updated.title} is gearchiveerd.`
          : `${updated.title} is teruggezet.`,
      );
    },
  });
  return (
    <div className="wk-admin-block">
      <Heading level={3}>{archived ? 'Terugzetten' : 'Archiveren'}</Heading>
      {archived ? (
        <>
          <Paragraph>
            Deze wijkaanpak is gearchiveerd. Zet hem terug om hem weer in het overzicht te tonen.
          </Paragraph>
          {change.isError ? <InlineError error={change.error} /> : null}
          <Button
            appearance="secondary-action-button"
            busy={change.isPending}
            onClick={() => change.mutate()}
          >
            Wijkaanpak terugzetten
          </Button>
        </>
      ) : isConfirming ? (
        <Alert type="warning" role="none" className="wk-confirm">
          <Heading level={4} ref={confirmRef} tabIndex={-1}>
            {approach.title} archiveren?
          </Heading>
          <Paragraph>
            Een gearchiveerde wijkaanpak verdwijnt uit het overzicht, maar blijft bewaard en leesbaar.
          </Paragraph>
          {change.isError ? <InlineError error={change.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={change.isPending}
              onClick={() => change.mutate()}
            >
              Ja, archiveren
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
              Annuleren
            </Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <>
          <Paragraph>Is de aanpak afgerond of gestopt? Archiveer hem; alles blijft bewaard.</Paragraph>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              change.reset();
              setConfirming(true);
              focusAfterRender(() => confirmRef.current);
            }}
          >
            Wijkaanpak archiveren
          </Button>
        </>
      )}
    </div>
  );
}

export function ApproachAdmin({ approach }: { approach: ApproachDetail }) {
  const focusAfterRender = useFocusAfterRender();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const canCycle = approach.permissions.includes('manage_cycles');
  const canEdit = approach.permissions.includes('edit_approach');
  if (!canCycle && !canEdit) return null;
  const done = (text: string) => {
    setMessage(text);
    focusAfterRender(() => messageRef.current);
  };
  return (
    <section aria-labelledby="beheer-kop" className="wk-section wk-no-print">
      <Heading level={2} id="beheer-kop">
        Beheer
      </Heading>
      <p role="status" ref={messageRef} tabIndex={-1} className="wk-status-message">
        {message}
      </p>
      {canCycle && approach.status === 'active' ? <StartCycle approach={approach} onDone={done} /> : null}
      {canEdit ? <ArchiveApproach approach={approach} onDone={done} /> : null}
    </section>
  );
}
