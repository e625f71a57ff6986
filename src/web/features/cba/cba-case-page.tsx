/**
 * One MKBA of an approach: its settings, the costs and benefits per year (a spreadsheet-like table
 * for users with edit_cba, a plain table for the others), the results recalculated live, the
 * Excel export, a printable report and the link to discussion point 2.4.2.
 */
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { useApproach, useCbaCase } from '../../api/queries.ts';
import type { ApproachDetail, CbaCaseDetail } from '../../api/types.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import { CaseWorkspace } from './case-workspace.tsx';
import { cbaCasePath, cbaListPath } from './cba-paths.ts';
import './cba.css';

export function CbaCasePage() {
  const { approachId, caseId } = useParams();
  if (!isUuid(approachId) || !isUuid(caseId)) return <NotFoundPage />;
  return <CbaCaseView approachId={approachId} caseId={caseId} />;
}

function LastSaved({ saved }: { saved: CbaCaseDetail }) {
  return (
    <Paragraph small className="wk-muted">
      Versie {saved.version}, laatst opgeslagen op {formatDateTime(saved.updatedAt)}
      {saved.updatedBy ? ` door ${saved.updatedBy.name}` : ''}.
      {saved.status === 'archived' ? ' Deze MKBA is gearchiveerd.' : ''}
    </Paragraph>
  );
}

function CbaCaseView({ approachId, caseId }: { approachId: string; caseId: string }) {
  const approachQuery = useApproach(approachId);
  const caseQuery = useCbaCase(approachId, caseId);
  if (approachQuery.isPending || caseQuery.isPending) return <Loading what="de MKBA" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  if (caseQuery.isError) return <PageError error={caseQuery.error} />;
  const approach: ApproachDetail = approachQuery.data;
  const saved = caseQuery.data;
  const canEdit = approach.permissions.includes('edit_cba');
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: cbaListPath(approach.id), label: 'MKBA' },
          { to: cbaCasePath(approach.id, saved.id), label: saved.name },
        ]}
      />
      <PageHeading title={`${saved.name} – MKBA – ${approach.title}`} preHeading={`MKBA · ${approach.title}`}>
        {saved.name}
      </PageHeading>
      <ApproachNav approach={approach} />
      <LastSaved saved={saved} />
      {!canEdit ? (
        <Alert type="info" className="wk-no-print">
          <Heading level={2} appearance="utrecht-heading-4">
            Alleen lezen
          </Heading>
          <Paragraph>
            U kunt deze MKBA lezen, afdrukken en exporteren. Coördinatoren en partners van deze wijkaanpak
            kunnen haar bewerken.
          </Paragraph>
        </Alert>
      ) : null}
      <CaseWorkspace key={saved.id} approach={approach} initial={saved} canEdit={canEdit} />
    </>
  );
}
