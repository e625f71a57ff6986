/**
 * A figure as evidence for a discussion point (evidence kind 'figure', reference
 * `indicator@year:CODE,...`, src/core/analysis/figure-reference.ts). The reference can be copied,
 * and whoever may edit discussion points links it to a point of the running cycle in one step
 * (default 1.2.1, "inzicht in de ontwikkeling van de wijk"): read the point, add the figure to its
 * evidence, save with the point's version; on a conflict read it again (nothing else is changed).
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { formatFigureReference } from '../../../core/analysis/figure-reference.ts';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { SelectField } from '../../components/fields.tsx';
import { InlineError } from '../../components/query-status.tsx';
import { stepPath } from '../approaches/labels.ts';
import { ALL_STEPS } from '../framework/framework-content.ts';
import { draftFromPoint, updateFromDraft } from '../framework/point-draft.ts';

const DEFAULT_POINT_ID = '1.2.1';

const POINT_OPTIONS = ALL_STEPS.flatMap(({ step }) =>
  step.discussionPoints.map((point) => ({
    value: point.id,
    label: `${point.id} ${point.text.length > 90 ? `${point.text.slice(0, 89)}…` : point.text}`,
  })),
);

async function addFigure(input: {
  approachId: string;
  cycle: number;
  pointId: string;
  title: string;
  reference: string;
}) {
  for (let attempt = 0; ; attempt += 1) {
    const point = await api.getPoint(input.approachId, input.cycle, input.pointId);
    if (point.evidence.some((e) => e.kind === 'figure' && e.reference === input.reference))
      return { point, isNew: false };
    const draft = draftFromPoint(point);
    draft.evidence = [...draft.evidence, { kind: 'figure', title: input.title, reference: input.reference }];
    try {
      const saved = await api.updatePoint(
        input.approachId,
        input.cycle,
        input.pointId,
        updateFromDraft(draft, point.version),
      );
      return { point: saved, isNew: true };
    } catch (error) {
      if (!(isApiError(error) && error.isStale) || attempt >= 2) throw error;
    }
  }
}

export function FigureEvidence({
  approach,
  indicatorKey,
  indicatorTitle,
  year,
  regionCodes,
}: {
  approach: ApproachDetail;
  indicatorKey: string;
  indicatorTitle: string;
  year: number;
  regionCodes: string[];
}) {
  const queryClient = useQueryClient();
  const reference = formatFigureReference({ indicatorKey, year, regionCodes });
  const title = `${indicatorTitle}, ${approach.title}, ${year} (CBS)`;
  const [pointId, setPointId] = useState(DEFAULT_POINT_ID);
  const [copied, setCopied] = useState('');
  const cycle = approach.cycles.find((c) => c.status === 'active');
  const canLink = approach.permissions.includes('edit_points') && cycle !== undefined;
  const link = useMutation({
    mutationFn: () =>
      addFigure({ approachId: approach.id, cycle: cycle?.number ?? 0, pointId, title, reference }),
    onSuccess: ({ point }) => {
      if (!cycle) return;
      void queryClient.invalidateQueries({ queryKey: keys.points(approach.id, cycle.number, point.stepId) });
      void queryClient.invalidateQueries({ queryKey: keys.progress(approach.id, cycle.number) });
    },
  });
  const copy = () => {
    navigator.clipboard
      .writeText(reference)
      .then(() => setCopied('De verwijzing is gekopieerd.'))
      .catch(() => setCopied('Kopiëren lukte niet; selecteer de verwijzing en kopieer haar zelf.'));
  };
  const stepId = pointId.split('.').slice(0, 2).join('.');
  return (
    <section aria-labelledby="onderbouwing-kop" className="wk-section wk-no-print">
      <Heading level={3} id="onderbouwing-kop">
        Als onderbouwing gebruiken
      </Heading>
      <Paragraph small>
        Verwijzing naar dit cijfer ({year}):{' '}
        <code className="wk-reference" data-testid="figure-reference">
          {reference}
        </code>
      </Paragraph>
      <Button appearance="secondary-action-button" onClick={copy}>
        Kopieer verwijzing
      </Button>
      <p role="status" className="wk-status-message">
        {copied}
      </p>
      {canLink && cycle ? (
        <>
          <SelectField
            id="onderbouwing-punt"
            label="Gesprekspunt"
            description={`Het cijfer wordt als onderbouwing toegevoegd aan dit gesprekspunt van ${cycle.title}.`}
            value={pointId}
            onChange={(value) => {
              setPointId(value);
              link.reset();
            }}
            options={POINT_OPTIONS}
          />
          <Button appearance="secondary-action-button" busy={link.isPending} onClick={() => link.mutate()}>
            Koppel aan gesprekspunt {pointId}
          </Button>
          <div role="status">
            {link.isSuccess ? (
              <Alert type="ok" role="none">
                <Paragraph>
                  {link.data.isNew
                    ? `Het cijfer staat nu als onderbouwing bij gesprekspunt ${pointId}.`
                    : `Het cijfer stond al als onderbouwing bij gesprekspunt ${pointId}.`}{' '}
                  <AppLink
                    to={`${stepPath(approach.id, cycle.number, stepId)}#gesprekspunt-${pointId.replace(/\./g, '-')}`}
                  >
                    Naar gesprekspunt {pointId}
                  </AppLink>
                </Paragraph>
              </Alert>
            ) : null}
          </div>
          {link.isError ? <InlineError error={link.error} /> : null}
        </>
      ) : null}
    </section>
  );
}
