/**
 * Gebiedsprofiel: the focus area of an approach in one report year — key figures per domain
 * against the municipality and the country, a few indicators over the years, and every indicator
 * in a table with an export. Figures come from GET /approaches/{id}/area-profile.
 */
import { useMemo, useRef } from 'react';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { DOMAINS } from '../../../core/analysis/indicator.ts';
import {
  useAreaProfile,
  useIndicatorCatalogue,
  useIndicatorSeries,
  useInterpretations,
  type AreaProfile,
  type Interpretation,
} from '../../api/analysis.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { CbsSource } from '../../components/cbs-source.tsx';
import { InlineError, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { isUuid } from '../approaches/labels.ts';
import { domainLabel } from './analysis-format.ts';
import { AnalysisShell } from './analysis-shell.tsx';
import { KeyFigure } from './key-figure.tsx';
import { CHARTED_INDICATORS, KEY_INDICATORS } from './key-indicators.ts';
import { ProfileTable } from './profile-table.tsx';
import { SeriesChart, yearRange } from './series-chart.tsx';
import { useIsVisible } from './use-is-visible.ts';
import { YearPicker, useAnalysisYear } from './year-picker.tsx';

export function AreaProfilePage() {
  const { approachId } = useParams();
  if (!isUuid(approachId)) return <NotFoundPage />;
  return (
    <AnalysisShell approachId={approachId} title="Gebiedsprofiel">
      {(approach) => <ProfileContent approach={approach} />}
    </AnalysisShell>
  );
}

function ProfileContent({ approach }: { approach: ApproachDetail }) {
  const { years, year, setYear, query } = useAnalysisYear(approach);
  const profile = useAreaProfile(approach.id, year);
  const notes = useInterpretations(approach.id);
  return (
    <>
      <Paragraph lead>
        De cijfers van het focusgebied van deze wijkaanpak ({approach.focusArea.length} buurten, samengevoegd:
        aantallen opgeteld, percentages en gemiddelden gewogen) naast die van de gemeente en van Nederland.
      </Paragraph>
      {query.isPending ? <Loading what="de beschikbare jaren" /> : null}
      {query.isError ? <InlineError error={query.error} /> : null}
      {query.data && years.length === 0 ? (
        <Paragraph>
          Er zijn nog geen CBS-cijfers ingelezen. Een beheerder leest ze in via de importpagina of de CLI.
        </Paragraph>
      ) : null}
      {year !== null ? (
        <div className="wk-analysis-toolbar wk-no-print">
          <YearPicker
            id="profiel-jaar"
            label="Jaar van de cijfers"
            years={years}
            year={year}
            onChange={setYear}
          />
        </div>
      ) : null}
      {profile.isPending && year !== null ? <Loading what={`het gebiedsprofiel ${year}`} /> : null}
      {profile.isError ? <InlineError error={profile.error} /> : null}
      {profile.data ? (
        <ProfileBody approach={approach} profile={profile.data} notes={notes.data ?? []} />
      ) : null}
    </>
  );
}

function ProfileBody({
  approach,
  profile,
  notes,
}: {
  approach: ApproachDetail;
  profile: AreaProfile;
  notes: Interpretation[];
}) {
  const regionNames = useMemo(() => new Map(profile.regions.map((r) => [r.code, r.name])), [profile.regions]);
  const byKey = useMemo(() => new Map(profile.indicators.map((i) => [i.key, i])), [profile.indicators]);
  const noteCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const note of notes) counts.set(note.indicatorKey, (counts.get(note.indicatorKey) ?? 0) + 1);
    return counts;
  }, [notes]);
  return (
    <>
      <details className="wk-details">
        <summary>
          Buurten in het focusgebied in {profile.year} ({profile.regions.length})
        </summary>
        <UnorderedList>
          {profile.regions.map((r) => (
            <UnorderedListItem key={r.code}>
              {r.name ?? 'naam onbekend'} ({r.code})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
      <CbsSource year={profile.year} />

      {DOMAINS.map((domain) => {
        const keys = KEY_INDICATORS[domain];
        const shown = keys.map((k) => byKey.get(k)).filter((i) => i !== undefined && i.value !== null);
        const missing = keys.filter((k) => byKey.get(k)?.value == null);
        if (shown.length === 0 && missing.length === 0) return null;
        const headingId = `domein-${domain}`;
        return (
          <section key={domain} aria-labelledby={headingId} className="wk-section">
            <Heading level={2} id={headingId}>
              {domainLabel(domain)}
            </Heading>
            {shown.length > 0 ? (
              <ul className="wk-keyfigures">
                {shown.map((indicator) =>
                  indicator ? (
                    <KeyFigure
                      key={indicator.key}
                      approachId={approach.id}
                      indicator={indicator}
                      year={profile.year}
                      noteCount={noteCounts.get(indicator.key) ?? 0}
                      regionNames={regionNames}
                    />
                  ) : null,
                )}
              </ul>
            ) : null}
            {missing.length > 0 ? (
              <Paragraph small className="wk-muted">
                Geen cijfer voor het focusgebied in {profile.year}:{' '}
                {missing.map((k) => byKey.get(k)?.title ?? k).join(', ')}.
              </Paragraph>
            ) : null}
          </section>
        );
      })}

      <section aria-labelledby="ontwikkeling-kop" className="wk-section">
        <Heading level={2} id="ontwikkeling-kop">
          Ontwikkeling over de jaren
        </Heading>
        <Paragraph>
          Het focusgebied, de gemeente en Nederland over alle ingelezen jaren. Een onderbroken lijn met
          “breuk” betekent dat de buurtindeling veranderde; cijfers voor en na de breuk zijn niet zonder meer
          vergelijkbaar.
        </Paragraph>
        <div className="wk-series-grid">
          {CHARTED_INDICATORS.map((key) => (
            <LazySeries
              key={key}
              approachId={approach.id}
              indicatorKey={key}
              title={byKey.get(key)?.title ?? key}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="alle-indicatoren-kop" className="wk-section">
        <Heading level={2} id="alle-indicatoren-kop">
          Alle indicatoren in {profile.year}
        </Heading>
        <ProfileTable approachId={approach.id} profile={profile} />
      </section>
    </>
  );
}

/** A small chart over the years, fetched only when it comes into view. */
function LazySeries({
  approachId,
  indicatorKey,
  title,
}: {
  approachId: string;
  indicatorKey: string;
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const isVisible = useIsVisible(ref);
  const series = useIndicatorSeries(approachId, indicatorKey, isVisible);
  // The profile of this year may lack the indicator: then its title comes from the catalogue.
  const catalogue = useIndicatorCatalogue();
  const name =
    series.data?.indicator.title ?? catalogue.data?.find((i) => i.key === indicatorKey)?.title ?? title;
  return (
    <div ref={ref} className="wk-series-placeholder" data-indicator={indicatorKey}>
      {series.data ? (
        <SeriesChart series={series.data} title={name} compact headingLevel={3} />
      ) : series.isError ? (
        <InlineError error={series.error} />
      ) : (
        <>
          <Heading level={3} appearance="utrecht-heading-4">
            {name}
          </Heading>
          {isVisible ? <Loading what={`het verloop van ${name}`} /> : null}
        </>
      )}
      {series.data ? <CbsSource year={yearRange(series.data)} /> : null}
    </div>
  );
}
