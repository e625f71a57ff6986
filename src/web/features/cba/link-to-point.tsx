/**
 * Links an MKBA as evidence to discussion point 2.4.2 ("Is er een (globale) doorrekening gemaakt
 * ... MKBA?") of the active cycle: read the point, add {kind: 'cba_case'} to its evidence (keeping
 * everything else as it is), and save with the point's version. When someone saved the point in
 * between (409), read it again and add the link to that version: the user changed nothing else.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { InlineError } from '../../components/query-status.tsx';
import { stepPath } from '../approaches/labels.ts';
import { draftFromPoint, updateFromDraft } from '../framework/point-draft.ts';

export const CBA_POINT_ID = '2.4.2';
const CBA_STEP_ID = '2.4';

async function addEvidence(approachId: string, cycle: number, caseId: string, title: string) {
  for (let attempt = 0; ; attempt += 1) {
    const point = await api.getPoint(approachId, cycle, CBA_POINT_ID);
    if (point.evidence.some((e) => e.kind === 'cba_case' && e.reference === caseId))
      return { point, isNew: false };
    const draft = draftFromPoint(point);
    draft.evidence = [...draft.evidence, { kind: 'cba_case', title, reference: caseId }];
    try {
      const saved = await api.updatePoint(
        approachId,
        cycle,
        CBA_POINT_ID,
        updateFromDraft(draft, point.version),
      );
      return { point: saved, isNew: true };
    } catch (error) {
      if (!(isApiError(error) && error.isStale) || attempt >= 2) throw error;
    }
  }
}

export function LinkToPoint({
  approach,
  caseId,
  caseName,
}: {
  approach: ApproachDetail;
  caseId: string;
  caseName: string;
}) {
  const queryClient = useQueryClient();
  const cycle = approach.cycles.find((c) => c.status === 'active');
  const link = useMutation({
    mutationFn: () => addEvidence(approach.id, cycle!.number, caseId, caseName),
    onSuccess: ({ point }) => {
      void queryClient.invalidateQueries({ queryKey: keys.points(approach.id, cycle!.number, point.stepId) });
      void queryClient.invalidateQueries({ queryKey: keys.progress(approach.id, cycle!.number) });
    },
  });
  if (!approach.permissions.includes('edit_points')) return null;
  if (!cycle)
    return (
      <Paragraph small className="wk-muted wk-no-print">
        Er is geen lopende cyclus; koppelen aan gesprekspunt {CBA_POINT_ID} kan alleen in een lopende cyclus.
      </Paragraph>
    );
  const pointPath = `${stepPath(approach.id, cycle.number, CBA_STEP_ID)}#gesprekspunt-2-4-2`;
  return (
    <div className="wk-cba-link wk-no-print">
      <Button appearance="secondary-action-button" busy={link.isPending} onClick={() => link.mutate()}>
        Koppel als onderbouwing aan gesprekspunt {CBA_POINT_ID}
      </Button>
      <div role="status" className="wk-cba-link__status">
        {link.isSuccess ? (
          <Alert type="ok" role="none">
            <Paragraph>
              {link.data.isNew
                ? `“${caseName}” staat nu als onderbouwing bij gesprekspunt ${CBA_POINT_ID} (${cycle.title}).`
                : `“${caseName}” stond al als onderbouwing bij gesprekspunt ${CBA_POINT_ID}.`}{' '}
              <AppLink to={pointPath}>Naar gesprekspunt {CBA_POINT_ID}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      {link.isError ? <InlineError error={link.error} /> : null}
    </div>
  );
}
