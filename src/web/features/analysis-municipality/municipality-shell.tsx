/**
 * What the three municipality pages (map, rankings, accumulation) share: the approach (its
 * municipality and focus area), the indicator catalogue and the report years, the choice of
 * indicator and year kept in the address (?indicator=...&jaar=...) so a view can be shared, and
 * the page frame with breadcrumbs, heading and both navigations.
 */
import { useMemo, type ReactNode } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import {
  useAnalysisYears,
  useIndicators,
  type AnalysisYear,
  type Indicator,
} from '../../api/analysis-municipality.ts';
import { useApproach } from '../../api/queries.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading, PageError } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { AnalysisNav, analysisBase } from '../analysis/analysis-nav.tsx';
import { ApproachNav } from '../approaches/approach-nav.tsx';
import { isUuid } from '../approaches/labels.ts';
import './analysis-municipality.css';

/** Shown first when the address names no indicator: the average WOZ value has a figure in every year. */
const PREFERRED_INDICATORS = ['g_wozbag', 'p_huurw', 'a_inw'];

export interface MunicipalityContext {
  approach: ApproachDetail;
  municipalityCode: string;
  municipalityName: string;
  focusArea: ReadonlySet<string>;
  /** Indicators that can be mapped and ranked (codes and classes left out), by key. */
  indicators: Indicator[];
  indicatorByKey: ReadonlyMap<string, Indicator>;
  years: AnalysisYear[];
  year: number | null;
  indicator: Indicator | null;
  setYear: (year: number) => void;
  setIndicator: (key: string) => void;
  setParam: (name: string, value: string) => void;
  params: URLSearchParams;
}

function pickYear(years: AnalysisYear[], requested: string | null, preferred: number): number | null {
  const available = years.map((y) => y.year);
  const asked = Number(requested);
  if (requested !== null && available.includes(asked)) return asked;
  if (available.includes(preferred)) return preferred;
  return available.length > 0 ? Math.max(...available) : null;
}

function pickIndicator(indicators: Indicator[], requested: string | null): Indicator | null {
  const byKey = (key: string | null) => (key === null ? undefined : indicators.find((i) => i.key === key));
  return byKey(requested) ?? PREFERRED_INDICATORS.map(byKey).find(Boolean) ?? indicators[0] ?? null;
}

export function MunicipalityShell({
  page,
  title,
  children,
}: {
  /** The last crumb and the sub-path under /analyse (kaart, rangorde, opstapeling). */
  page: { path: string; label: string };
  /** The h1, given the municipality's name. */
  title: (municipalityName: string) => string;
  children: (context: MunicipalityContext) => ReactNode;
}) {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return (
    <Shell approachId={approachId} page={page} title={title}>
      {children}
    </Shell>
  );
}

function Shell({
  approachId,
  page,
  title,
  children,
}: {
  approachId: string;
  page: { path: string; label: string };
  title: (municipalityName: string) => string;
  children: (context: MunicipalityContext) => ReactNode;
}) {
  const approachQuery = useApproach(approachId);
  const indicatorsQuery = useIndicators();
  const yearsQuery = useAnalysisYears();
  const [params, setParams] = useSearchParams();
  // Stable identities, so the map is not redrawn on every render.
  const focusAreaCodes = approachQuery.data?.focusArea;
  const focusArea = useMemo(() => new Set(focusAreaCodes ?? []), [focusAreaCodes]);
  const indicatorByKey = useMemo(
    () => new Map((indicatorsQuery.data ?? []).map((i) => [i.key, i])),
    [indicatorsQuery.data],
  );
  if (approachQuery.isPending) return <Loading what="de wijkaanpak" />;
  if (approachQuery.isError) return <PageError error={approachQuery.error} />;
  const approach = approachQuery.data;
  const municipalityName = approach.municipality.name.replace(/^Gemeente\s+/i, '');
  const base = analysisBase(approach.id);
  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  let body: ReactNode;
  if (indicatorsQuery.isPending || yearsQuery.isPending) body = <Loading what="de indicatoren en jaren" />;
  else if (indicatorsQuery.isError) body = <PageError error={indicatorsQuery.error} />;
  else if (yearsQuery.isError) body = <PageError error={yearsQuery.error} />;
  else if (yearsQuery.data.length === 0)
    body = (
      <Paragraph>
        Er zijn nog geen CBS-cijfers geïmporteerd. Een coördinator van de gemeente kan ze importeren.
      </Paragraph>
    );
  else {
    const indicators = indicatorsQuery.data.filter((i) => i.kind !== 'code');
    body = children({
      approach,
      municipalityCode: approach.municipality.code,
      municipalityName,
      focusArea,
      indicators,
      indicatorByKey,
      years: [...yearsQuery.data].sort((a, b) => b.year - a.year),
      year: pickYear(yearsQuery.data, params.get('jaar'), approach.focusAreaYear),
      indicator: pickIndicator(indicators, params.get('indicator')),
      setYear: (year) => setParam('jaar', String(year)),
      setIndicator: (key) => setParam('indicator', key),
      setParam,
      params,
    });
  }

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Wijkaanpakken' },
          { to: `/aanpakken/${approach.id}`, label: approach.title },
          { to: base, label: 'Gebiedsanalyse' },
          { to: `${base}/${page.path}`, label: page.label },
        ]}
      />
      <PageHeading
        title={`${page.label} – ${approach.title}`}
        preHeading={`${approach.title} · gebiedsanalyse`}
      >
        {title(municipalityName)}
      </PageHeading>
      <ApproachNav approach={approach} />
      <AnalysisNav approach={approach} />
      {body}
    </>
  );
}
