/**
 * The frame of every focus-area analysis page: breadcrumbs, the page heading, the approach's
 * navigation and the analysis sub-navigation. The page's own content receives the approach.
 */
import type { ReactNode } from 'react';
import { useApproach } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { Breadcrumbs, type Crumb } from '../../components/breadcrumbs.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading, PageError } from '../../components/query-status.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { AnalysisNav, analysisBase } from './analysis-nav.tsx';
import '../cba/cba.css';
import './analysis.css';

export function AnalysisShell({
  approachId,
  title,
  crumbs = [],
  children,
}: {
  approachId: string;
  /** The page's h1, e.g. "Gebiedsprofiel". */
  title: string;
  /** Crumbs after "Gebiedsanalyse" (the current page last). */
  crumbs?: Crumb[];
  children: (approach: ApproachDetail) => ReactNode;
}) {
  const approachQuery = useApproach(approachId);
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: analysisBase(approach.id), label: 'Gebiedsanalyse' },
          ...crumbs,
        ]}
      />
      <PageHeading title={`${title} – ${approach.title}`} preHeading={`Gebiedsanalyse · ${approach.title}`}>
        {title}
      </PageHeading>
      <ApproachNav approach={approach} />
      <AnalysisNav approach={approach} />
      {children(approach)}
    </>
  );
}
