/**
 * One key figure of the area profile: the focus area's value (with its coverage when not every
 * buurt has a figure), the municipality's and the country's, the comparison in words that know
 * which way is good, the position among buurten, the CBS source and year, and the provenance.
 */
import type { ProfileIndicator } from '../../api/analysis.ts';
import { AppLink } from '../../components/app-link.tsx';
import { CbsSource } from '../../components/cbs-source.tsx';
import {
  compareWith,
  describeComparison,
  describePosition,
  formatFigure,
  formatShare,
} from './analysis-format.ts';
import { analysisBase } from './analysis-nav.tsx';
import { ProvenanceDetails } from './provenance.tsx';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function KeyFigure({
  approachId,
  indicator,
  year,
  noteCount,
  regionNames,
}: {
  approachId: string;
  indicator: ProfileIndicator;
  year: number;
  noteCount: number;
  regionNames: Map<string, string | null>;
}) {
  const comparison = compareWith(indicator.value, indicator.municipalityValue, indicator);
  const verdict = describeComparison(comparison);
  const inCountry = describePosition(indicator.positionInCountry, 'in Nederland');
  const inMunicipality = describePosition(indicator.positionInMunicipality, 'in de gemeente');
  const headingId = `kerncijfer-${indicator.key}`;
  return (
    <li className="wk-keyfigure" aria-labelledby={headingId} data-indicator={indicator.key}>
      <h3 id={headingId}>{indicator.title}</h3>
      <p className="wk-keyfigure__value" data-testid="focus-value">
        {formatFigure(indicator.value, indicator)}
      </p>
      {indicator.value !== null && indicator.coverage < 1 ? (
        <p className="wk-keyfigure__note">
          Over {formatShare(indicator.coverage)} van het gebied: niet alle buurten hebben een cijfer.
        </p>
      ) : null}
      <dl className="wk-keyfigure__compare">
        <dt>Gemeente</dt>
        <dd>{formatFigure(indicator.municipalityValue, indicator)}</dd>
        <dt>Nederland</dt>
        <dd>
          {indicator.countryValue !== null
            ? formatFigure(indicator.countryValue, indicator)
            : (indicator.countryNote ?? 'geen landelijk cijfer')}
        </dd>
      </dl>
      {verdict ? (
        <p className={`wk-keyfigure__verdict wk-keyfigure__verdict--${comparison}`}>{capitalise(verdict)}</p>
      ) : null}
      {inCountry ? <p className="wk-keyfigure__note">{capitalise(inCountry)}.</p> : null}
      {inMunicipality ? <p className="wk-keyfigure__note">{capitalise(inMunicipality)}.</p> : null}
      <CbsSource year={year} />
      <ProvenanceDetails
        provenance={indicator.provenance}
        label={indicator.title}
        regionNames={regionNames}
      />
      <p className="wk-keyfigure__note">
        <AppLink to={`${analysisBase(approachId)}/indicatoren/${indicator.key}?jaar=${year}`}>
          Verloop en duiding<span className="wk-visually-hidden">: {indicator.title}</span>
        </AppLink>
        {noteCount > 0 ? ` (${noteCount} ${noteCount === 1 ? 'duiding' : 'duidingen'})` : ''}
      </p>
    </li>
  );
}
