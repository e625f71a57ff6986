/**
 * The public draw: enter the publicly announced value (lottery numbers, a beacon value), draw one
 * panel from the finished selection, and show the seed, the input hashes and — for coordinators —
 * the drawn members with exports and alternates. Anyone with access can replay a draw.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonLink,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  panelKeys,
  panelsApi,
  type DrawMembers,
  type Panel,
  type PanelDraw,
  type PanelRun,
} from '../../api/panels.ts';
import { TextField } from '../../components/fields.tsx';
import { formatDateTime } from '../../components/format.ts';
import { InlineError } from '../../components/query-status.tsx';
import { AlternatesForm } from './alternates-form.tsx';
import { ALGORITHM_LABELS, formatCount } from './panel-labels.ts';

export function DrawSection({
  approachId,
  panel,
  runs,
  draws,
}: {
  approachId: string;
  panel: Panel;
  runs: PanelRun[];
  draws: PanelDraw[];
}) {
  const run = runs.find((r) => r.status === 'completed' && r.isCurrentPool);
  const latest = draws[0];
  return (
    <section aria-labelledby="loting-kop" className="wk-section">
      <Heading level={2} id="loting-kop">
        Openbare loting
      </Heading>
      <Paragraph>
        Bij de loting wordt in het openbaar een waarde bekendgemaakt die niemand vooraf kent, bijvoorbeeld de
        trekking van een loterij. De seed is de SHA-256 van die waarde en van de hashes van het quotabestand,
        het poolbestand en de instellingen: wie die bestanden heeft, kan de loting herhalen (ook met{' '}
        <code>npx wijkkompas panel select … --seed “waarde”</code>) en krijgt hetzelfde panel.
      </Paragraph>
      {!run ? <Paragraph>Loten kan zodra een selectie met de huidige pool is voltooid.</Paragraph> : null}
      {run && panel.canManage && panel.status === 'open' ? (
        <DrawForm approachId={approachId} panel={panel} run={run} />
      ) : null}
      {latest ? <DrawDetails approachId={approachId} panel={panel} draw={latest} /> : null}
      {run ? <ReplayForm approachId={approachId} panel={panel} run={run} /> : null}
    </section>
  );
}

function DrawForm({ approachId, panel, run }: { approachId: string; panel: Panel; run: PanelRun }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const draw = useMutation({
    mutationFn: () =>
      panelsApi.createDraw(approachId, panel.id, { runId: run.id, publicValue: value.trim() }),
    onSuccess: () => {
      setValue('');
      void queryClient.invalidateQueries({ queryKey: panelKeys.draws(approachId, panel.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError('Vul de waarde in die bij de loting openbaar is gemaakt.');
      return;
    }
    setError(undefined);
    draw.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="wk-form" aria-labelledby="loten-kop">
      <Heading level={3} id="loten-kop">
        Loten uit de selectie van {formatDateTime(run.finishedAt ?? run.createdAt)} (
        {ALGORITHM_LABELS[run.algorithm]})
      </Heading>
      <TextField
        id="publieke-waarde"
        label="Publiek bekendgemaakte waarde"
        value={value}
        onChange={setValue}
        error={error}
        description="Bijvoorbeeld: Staatsloterij 10 januari 2026: 0 4 8 1 5 2, of de waarde van een publieke random beacon."
      />
      {draw.isError ? <InlineError error={draw.error} /> : null}
      <Button type="submit" appearance="primary-action-button" busy={draw.isPending}>
        Loten
      </Button>
    </form>
  );
}

function DrawDetails({ approachId, panel, draw }: { approachId: string; panel: Panel; draw: PanelDraw }) {
  const [members, setMembers] = useState<DrawMembers | null>(null);
  const show = useMutation({
    mutationFn: () => panelsApi.listDrawMembers(approachId, panel.id, draw.id),
    onSuccess: setMembers,
  });
  const shown = members?.drawId === draw.id ? members : null;
  return (
    <div className="wk-panel-subsection" aria-labelledby="laatste-loting-kop">
      <Heading level={3} id="laatste-loting-kop">
        {draw.kind === 'panel' ? 'Geloot panel' : 'Panel na vervanging'} ({formatDateTime(draw.createdAt)})
      </Heading>
      <dl className="wk-facts" data-testid="draw-facts">
        <dt>Publieke waarde</dt>
        <dd>{draw.publicValue}</dd>
        <dt>Seed (SHA-256)</dt>
        <dd className="wk-hash" data-testid="draw-seed">
          {draw.seed}
        </dd>
        <dt>Hashes van de invoer</dt>
        <dd className="wk-hash">
          quota {draw.inputHashes[0]}
          <br />
          pool {draw.inputHashes[1]}
          <br />
          instellingen {draw.inputHashes[2]}
        </dd>
        <dt>Gekozen panel</dt>
        <dd>
          {draw.panelIndex === null ? '–' : `nummer ${draw.panelIndex + 1} van de verdeling`}, lot{' '}
          {draw.ticket === null ? '–' : draw.ticket.toLocaleString('nl-NL', { maximumFractionDigits: 8 })}
        </dd>
        <dt>Samenstelling</dt>
        <dd>
          {draw.size} leden
          {draw.droppedOutCount > 0 ? `, ${draw.droppedOutCount} vervangen` : ''}:{' '}
          {draw.composition
            .map((c) => `${c.category}: ${c.values.map((v) => `${v.value} ${v.count}`).join(', ')}`)
            .join('; ')}
        </dd>
      </dl>
      {panel.canReadPersonalData && draw.hasMembers ? (
        <>
          <div className="wk-panel-actions">
            <Button appearance="secondary-action-button" onClick={() => show.mutate()} busy={show.isPending}>
              Toon de gelote leden
            </Button>
            <ButtonLink
              appearance="secondary-action-button"
              href={panelsApi.exportUrl(approachId, panel.id, draw.id, 'csv')}
              download
            >
              Exporteer als CSV
            </ButtonLink>
            <ButtonLink
              appearance="secondary-action-button"
              href={panelsApi.exportUrl(approachId, panel.id, draw.id, 'xlsx')}
              download
            >
              Exporteer als Excel
            </ButtonLink>
          </div>
          <Paragraph small>
            Inzien en exporteren worden vastgelegd in de geschiedenis van deze wijkaanpak.
          </Paragraph>
          {show.isError ? <InlineError error={show.error} /> : null}
          {shown ? <MembersTable members={shown} /> : null}
          {shown && panel.canManage && panel.status === 'open' ? (
            <AlternatesForm
              approachId={approachId}
              panel={panel}
              draw={draw}
              members={shown}
              onDrawn={() => setMembers(null)}
            />
          ) : null}
        </>
      ) : null}
      {!draw.hasMembers ? (
        <Paragraph>Wie er is geloot, is verwijderd met de persoonsgegevens.</Paragraph>
      ) : null}
    </div>
  );
}

const STATUS_LABELS = { member: 'lid', replacement: 'vervanger', dropped_out: 'afgevallen' } as const;

function MembersTable({ members }: { members: DrawMembers }) {
  const rows = [...members.members, ...members.droppedOut];
  return (
    <div className="wk-panel-scroll">
      <Table className="wk-panel-table" data-testid="draw-members">
        <TableCaption>Gelote leden ({members.members.length})</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Referentie</TableHeaderCell>
            {members.columns.map((c) => (
              <TableHeaderCell key={c} scope="col">
                {c}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={`${m.status}-${m.position}`}>
              <TableHeaderCell scope="row">{m.reference}</TableHeaderCell>
              {members.columns.map((c) => (
                <TableCell key={c}>{m.values[c] ?? ''}</TableCell>
              ))}
              <TableCell>{STATUS_LABELS[m.status]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ReplayForm({ approachId, panel, run }: { approachId: string; panel: Panel; run: PanelRun }) {
  const [value, setValue] = useState('');
  const replay = useMutation({
    mutationFn: () =>
      panelsApi.replayDraw(approachId, panel.id, { runId: run.id, publicValue: value.trim() }),
  });
  return (
    <form
      className="wk-form wk-panel-subsection"
      aria-labelledby="controleren-kop"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) replay.mutate();
      }}
    >
      <Heading level={3} id="controleren-kop">
        Loting controleren
      </Heading>
      <Paragraph>
        Reken een loting na zonder iets vast te leggen: dezelfde waarde geeft hetzelfde panel.
      </Paragraph>
      <TextField id="controle-waarde" label="Publieke waarde" value={value} onChange={setValue} />
      <Button type="submit" appearance="secondary-action-button" busy={replay.isPending}>
        Controleer
      </Button>
      {replay.isError ? <InlineError error={replay.error} /> : null}
      <div role="status" className="wk-status-message">
        {replay.data ? (
          <Alert type="info">
            <Paragraph>
              Seed <span className="wk-hash">{replay.data.seed}</span> kiest panel nummer{' '}
              {replay.data.panelIndex + 1} van de verdeling.{' '}
              {replay.data.matchingDrawIds.length > 0
                ? `Dit is hetzelfde panel als ${formatCount(replay.data.matchingDrawIds.length)} vastgelegde loting(en) met deze waarde.`
                : 'Er is geen loting met deze waarde vastgelegd.'}
            </Paragraph>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
