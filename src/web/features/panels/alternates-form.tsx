/**
 * Alternates: mark who dropped out, enter a new public value, and draw replacements given those who
 * stay (the server re-runs the selection for the open places and draws with a seed that binds the
 * drop-outs).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { panelKeys, panelsApi, type DrawMembers, type Panel, type PanelDraw } from '../../api/panels.ts';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { InlineError } from '../../components/query-status.tsx';

export function AlternatesForm({
  approachId,
  panel,
  draw,
  members,
  onDrawn,
}: {
  approachId: string;
  panel: Panel;
  draw: PanelDraw;
  members: DrawMembers;
  onDrawn: () => void;
}) {
  const queryClient = useQueryClient();
  const [dropped, setDropped] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<{ dropped?: string; value?: string }>({});
  const create = useMutation({
    mutationFn: () =>
      panelsApi.createAlternates(approachId, panel.id, draw.id, {
        publicValue: value.trim(),
        droppedOut: dropped,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: panelKeys.draws(approachId, panel.id) });
      onDrawn();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(dropped.length === 0 ? { dropped: 'Kies wie er is afgevallen.' } : {}),
      ...(!value.trim() ? { value: 'Vul de publiek bekendgemaakte waarde in.' } : {}),
    };
    setErrors(next);
    if (Object.keys(next).length === 0) create.mutate();
  };
  const describe = (m: DrawMembers['members'][number]) =>
    `${m.reference} (${members.columns
      .map((c) => m.values[c])
      .filter(Boolean)
      .join(', ')})`;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="wk-form wk-panel-subsection"
      aria-labelledby="vervangers-kop"
    >
      <Heading level={4} id="vervangers-kop">
        Vervangers loten
      </Heading>
      <Paragraph>
        Wie afvalt, wordt vervangen door een nieuwe loting voor de open plaatsen, binnen dezelfde quota en
        gegeven wie blijven. Dat kan even duren.
      </Paragraph>
      <CheckboxGroup<string>
        idPrefix="afvallers"
        legend="Afgevallen panelleden"
        values={dropped}
        onChange={setDropped}
        error={errors.dropped}
        options={members.members.map((m) => ({ value: m.reference, label: describe(m) }))}
      />
      <TextField
        id="vervangers-waarde"
        label="Publiek bekendgemaakte waarde voor de vervangers"
        value={value}
        onChange={setValue}
        error={errors.value}
      />
      {create.isError ? <InlineError error={create.error} /> : null}
      <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
        Vervangers loten
      </Button>
    </form>
  );
}
