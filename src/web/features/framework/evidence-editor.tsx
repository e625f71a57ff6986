/**
 * Evidence links of a discussion point (figures, documents, stakeholder lists): a web address or a
 * document reference. Adding and removing change the draft; the point's save button stores them.
 */
import { useState, type KeyboardEvent } from 'react';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { EvidenceLink } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useFocusAfterRender } from '../../components/use-focus-after-render.ts';

const KIND_LABELS: Record<EvidenceLink['kind'], string> = {
  url: 'Webadres',
  document: 'Document',
  cba_case: 'MKBA-berekening',
  figure: 'Cijfer (CBS)',
  upload: 'Bestand',
  coalition: 'Coalitie',
  contract: 'Lokaal contract',
};

/** A figure (`indicator@year:CODES`) opens in the indicator explorer of the approach, at its year. */
function figurePath(approachId: string, reference: string): string | null {
  const match = /^([a-z0-9_]{1,128})@(\d{4}):/.exec(reference);
  return match ? `/aanpakken/${approachId}/analyse/indicatoren/${match[1]}?jaar=${match[2]}` : null;
}

export function EvidenceList({
  evidence,
  onRemove,
  idPrefix,
}: {
  evidence: EvidenceLink[];
  onRemove?: (index: number) => void;
  idPrefix: string;
}) {
  // An MKBA is a case of this approach: link to its page (the approach comes from the route).
  const { approachId } = useParams();
  if (evidence.length === 0)
    return <Paragraph className="wk-muted">Nog geen onderbouwing toegevoegd.</Paragraph>;
  return (
    <UnorderedList className="wk-evidence-list">
      {evidence.map((link, index) => (
        <UnorderedListItem key={`${link.kind}-${link.reference}-${index}`} id={`${idPrefix}-bron-${index}`}>
          <span className="wk-evidence-kind">{KIND_LABELS[link.kind]}:</span>{' '}
          {link.kind === 'url' ? (
            <a
              className="utrecht-link utrecht-link--html-a"
              href={link.reference}
              rel="noopener noreferrer external"
            >
              {link.title}
            </a>
          ) : link.kind === 'cba_case' && approachId ? (
            <AppLink to={`/aanpakken/${approachId}/mkba/${link.reference}`}>{link.title}</AppLink>
          ) : link.kind === 'figure' && approachId && figurePath(approachId, link.reference) ? (
            <AppLink to={figurePath(approachId, link.reference) ?? ''}>{link.title}</AppLink>
          ) : (
            <span>{link.title}</span>
          )}
          {link.kind === 'document' || (link.kind === 'url' && link.title !== link.reference) ? (
            <span className="wk-evidence-ref"> ({link.reference})</span>
          ) : null}
          {onRemove ? (
            <Button
              appearance="subtle-button"
              className="wk-evidence-remove wk-no-print"
              onClick={() => onRemove(index)}
              type="button"
            >
              Verwijderen<span className="wk-visually-hidden">: onderbouwing {link.title}</span>
            </Button>
          ) : null}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

export function EvidenceEditor({
  evidence,
  onChange,
  idPrefix,
}: {
  evidence: EvidenceLink[];
  onChange: (next: EvidenceLink[]) => void;
  idPrefix: string;
}) {
  // MKBA cases are linked from the MKBA pages; here: web addresses and document references.
  const [kind, setKind] = useState<'url' | 'document'>('url');
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ title?: string; reference?: string }>({});
  const [message, setMessage] = useState('');
  const [isAdding, setAdding] = useState(false);
  const focusAfterRender = useFocusAfterRender();

  const add = () => {
    const next: typeof errors = {};
    if (title.trim() === '') next.title = 'Geef de onderbouwing een titel.';
    if (reference.trim() === '')
      next.reference = kind === 'url' ? 'Vul het webadres in.' : 'Vul de documentverwijzing in.';
    else if (kind === 'url' && !/^https?:\/\/\S+$/i.test(reference.trim()))
      next.reference = 'Een webadres begint met http:// of https://.';
    setErrors(next);
    if (next.title || next.reference) {
      document.getElementById(next.title ? `${idPrefix}-bron-titel` : `${idPrefix}-bron-verwijzing`)?.focus();
      return;
    }
    onChange([...evidence, { kind, title: title.trim(), reference: reference.trim() }]);
    setMessage(`Onderbouwing “${title.trim()}” toegevoegd. Sla het gesprekspunt op om haar te bewaren.`);
    setTitle('');
    setReference('');
    setAdding(false);
    focusAfterRender(() => document.getElementById(`${idPrefix}-bron-open`));
  };

  const open = () => {
    setAdding(true);
    focusAfterRender(() => document.getElementById(`${idPrefix}-bron-soort`));
  };

  const cancel = () => {
    setAdding(false);
    setErrors({});
    focusAfterRender(() => document.getElementById(`${idPrefix}-bron-open`));
  };

  const remove = (index: number) => {
    const removed = evidence[index];
    onChange(evidence.filter((_, i) => i !== index));
    setMessage(
      `Onderbouwing “${removed?.title ?? ''}” verwijderd. Sla het gesprekspunt op om dit te bewaren.`,
    );
    document.getElementById(`${idPrefix}-bron-open`)?.focus();
  };

  // Enter in these fields adds the link instead of saving the whole point.
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className="wk-evidence">
      <Heading level={4}>Onderbouwing</Heading>
      <EvidenceList evidence={evidence} onRemove={remove} idPrefix={idPrefix} />
      <p role="status" className="wk-status-message">
        {message}
      </p>
      {isAdding ? null : (
        <Button
          type="button"
          appearance="secondary-action-button"
          id={`${idPrefix}-bron-open`}
          aria-expanded={false}
          className="wk-no-print"
          onClick={open}
        >
          Onderbouwing toevoegen
        </Button>
      )}
      {isAdding ? (
        <Fieldset className="wk-evidence-add wk-no-print" onKeyDown={onEnter}>
          <FieldsetLegend>Onderbouwing toevoegen</FieldsetLegend>
          <SelectField
            id={`${idPrefix}-bron-soort`}
            label="Soort"
            value={kind}
            onChange={(value) => setKind(value === 'document' ? 'document' : 'url')}
            options={[
              { value: 'url', label: 'Webadres (cijfers, rapport, website)' },
              { value: 'document', label: 'Documentverwijzing (bijv. zaaknummer of bestandsnaam)' },
            ]}
          />
          <TextField
            id={`${idPrefix}-bron-titel`}
            label="Titel"
            value={title}
            onChange={setTitle}
            error={errors.title}
          />
          <TextField
            id={`${idPrefix}-bron-verwijzing`}
            label={kind === 'url' ? 'Webadres' : 'Verwijzing'}
            type={kind === 'url' ? 'url' : 'text'}
            inputMode={kind === 'url' ? 'url' : 'text'}
            spellCheck={false}
            value={reference}
            onChange={setReference}
            error={errors.reference}
          />
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={add}>
              Toevoegen
            </Button>
            <Button type="button" appearance="subtle-button" onClick={cancel}>
              Annuleren
            </Button>
          </ButtonGroup>
        </Fieldset>
      ) : null}
    </div>
  );
}
