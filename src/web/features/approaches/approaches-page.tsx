/** The approaches (wijkaanpakken) this user may see, with starting and archiving for coordinators. */
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { api } from '../../api/endpoints.ts';
import { keys, useApproaches } from '../../api/queries.ts';
import type { Approach, Session } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/app-link.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';
import { canCreateApproach, useCurrentSession } from '../session/session.tsx';
import { APPROACH_STATUS_LABELS, approachPath } from './labels.ts';

/** The list has no role per approach; a coordinator of the approach's own municipality may archive it. */
function canArchive(session: Session, approach: Approach): boolean {
  return (
    session.user.role === 'admin' ||
    (canCreateApproach(session) && session.user.organisation.code === approach.municipality.code)
  );
}

function ApproachCard({
  approach,
  onArchive,
  onRestore,
  mayArchive,
}: {
  approach: Approach;
  mayArchive: boolean;
  onArchive: () => void;
  onRestore: () => void;
}) {
  const headingId = `aanpak-${approach.id}`;
  return (
    <li className="wk-card">
      <Heading level={2} appearance="utrecht-heading-3" id={headingId}>
        <AppLink to={approachPath(approach.id)}>{approach.title}</AppLink>
      </Heading>
      {approach.status === 'archived' ? (
        <StatusBadge status="inactive">{APPROACH_STATUS_LABELS.archived}</StatusBadge>
      ) : null}
      {approach.description ? <Paragraph>{approach.description}</Paragraph> : null}
      <DataList className="wk-meta">
        <DataListItem>
          <DataListKey>Gemeente</DataListKey>
          <DataListValue>{approach.municipality.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Gebied</DataListKey>
          <DataListValue>
            {approach.focusArea.length} {approach.focusArea.length === 1 ? 'gebied' : 'gebieden'}{' '}
            (CBS-indeling {approach.focusAreaYear})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Start</DataListKey>
          <DataListValue>{formatDate(approach.startDate)}</DataListValue>
        </DataListItem>
      </DataList>
      {mayArchive ? (
        <ButtonGroup className="wk-no-print">
          {approach.status === 'active' ? (
            <Button appearance="subtle-button" onClick={onArchive}>
              Archiveren<span className="wk-visually-hidden">: {approach.title}</span>
            </Button>
          ) : (
            <Button appearance="subtle-button" onClick={onRestore}>
              Terugzetten<span className="wk-visually-hidden">: {approach.title}</span>
            </Button>
          )}
        </ButtonGroup>
      ) : null}
    </li>
  );
}

export function ApproachesPage() {
  const session = useCurrentSession();
  const [includeArchived, setIncludeArchived] = useState(false);
  const approaches = useApproaches(includeArchived);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Approach | null>(null);
  const [message, setMessage] = useState('');
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const changeStatus = useMutation({
    mutationFn: (input: { approach: Approach; status: 'active' | 'archived' }) =>
      api.updateApproach(input.approach.id, { version: input.approach.version, status: input.status }),
    onSuccess: (updated, input) => {
      setConfirming(null);
      setMessage(
        input.status === 'archived' ? `${updated.title} is gearchiveerd.` : `${updated.title} is teruggezet.`,
      );
      void queryClient.invalidateQueries({ queryKey: keys.approachesAll });
      void queryClient.invalidateQueries({ queryKey: keys.approach(updated.id) });
      focusAfterRender(() => messageRef.current);
    },
  });

  const askArchive = (approach: Approach) => {
    changeStatus.reset();
    setMessage('');
    setConfirming(approach);
    focusAfterRender(() => confirmRef.current);
  };

  return (
    <>
      <PageHeading title="Wijkaanpakken">Wijkaanpakken</PageHeading>
      <Paragraph lead>
        De gebiedsgerichte aanpakken waaraan u werkt: van uw eigen gemeente en die waarvoor u bent
        uitgenodigd.
      </Paragraph>
      {canCreateApproach(session) ? (
        <p>
          <AppButtonLink to="/aanpakken/nieuw" appearance="primary-action-button">
            Nieuwe wijkaanpak
          </AppButtonLink>
        </p>
      ) : null}

      <p role="status" ref={messageRef} tabIndex={-1} className="wk-status-message">
        {message}
      </p>

      {confirming ? (
        <Alert type="warning" role="none" className="wk-confirm">
          <Heading level={2} appearance="utrecht-heading-4" ref={confirmRef} tabIndex={-1}>
            {confirming.title} archiveren?
          </Heading>
          <Paragraph>
            Een gearchiveerde wijkaanpak verdwijnt uit dit overzicht maar blijft bewaard en leesbaar. U kunt
            hem later terugzetten.
          </Paragraph>
          {changeStatus.isError ? <InlineError error={changeStatus.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={changeStatus.isPending}
              onClick={() => changeStatus.mutate({ approach: confirming, status: 'archived' })}
            >
              Ja, archiveren
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setConfirming(null)}>
              Annuleren
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}

      <FormField type="checkbox" className="wk-no-print">
        <Checkbox
          id="toon-gearchiveerd"
          checked={includeArchived}
          onChange={(event) => setIncludeArchived(event.target.checked)}
        />
        <FormLabel htmlFor="toon-gearchiveerd" type="checkbox">
          Toon ook gearchiveerde wijkaanpakken
        </FormLabel>
      </FormField>

      {approaches.isPending ? <Loading what="wijkaanpakken" /> : null}
      {approaches.isError ? <InlineError error={approaches.error} /> : null}
      {approaches.data && approaches.data.length === 0 ? (
        <Paragraph>Er zijn (nog) geen wijkaanpakken die u kunt zien.</Paragraph>
      ) : null}
      {approaches.data && approaches.data.length > 0 ? (
        <ul className="wk-cards" aria-label="Wijkaanpakken">
          {approaches.data.map((approach) => (
            <ApproachCard
              key={approach.id}
              approach={approach}
              mayArchive={canArchive(session, approach)}
              onArchive={() => askArchive(approach)}
              onRestore={() => changeStatus.mutate({ approach, status: 'active' })}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
