/**
 * Every indicator of the area profile for one year as a real table (with an export): the focus
 * area, its coverage, the municipality, the country, the percentiles and the comparison in words.
 */
import { useMemo, useState } from 'react';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { DOMAINS } from '../../../core/analysis/indicator.ts';
import type { AreaProfile, ProfileIndicator } from '../../api/analysis.ts';
import { AppLink } from '../../components/app-link.tsx';
import { CbsSource } from '../../components/cbs-source.tsx';
import { ExportButtons } from '../../components/export-buttons.tsx';
import { CheckboxField } from '../../components/fields.tsx';
import type { ExportTable } from '../../components/table-export.ts';
import {
  compareWith,
  describeComparison,
  domainLabel,
  formatFigure,
  formatShare,
} from './analysis-format.ts';
import { analysisBase } from './analysis-nav.tsx';

const percentileFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** Enough digits for any CBS figure; the rest is noise of the weighting. */
function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function domainOrder(indicator: ProfileIndicator): number {
  const index = indicator.domain === null ? -1 : DOMAINS.indexOf(indicator.domain);
  return index < 0 ? DOMAINS.length : index;
}

export function profileExportTable(profile: AreaProfile, rows: ProfileIndicator[]): ExportTable {
  return {
    title: `Gebiedsprofiel ${profile.name} ${profile.year}`,
    columns: [
      { key: 'key', label: 'Sleutel' },
      { key: 'title', label: 'Indicator' },
      { key: 'domain', label: 'Domein' },
      { key: 'unit', label: 'Eenheid' },
      { key: 'value', label: 'Focusgebied', kind: 'number' },
      { key: 'coverage', label: 'Dekking (%)', kind: 'percent' },
      { key: 'municipality', label: 'Gemeente', kind: 'number' },
      { key: 'country', label: 'Nederland', kind: 'number' },
      { key: 'percentileCountry', label: 'Percentiel in Nederland', kind: 'number' },
      { key: 'percentileMunicipality', label: 'Percentiel in de gemeente', kind: 'number' },
      { key: 'comparison', label: 'Vergeleken met de gemeente' },
    ],
    rows: rows.map((i) => ({
      key: i.key,
      title: i.title,
      domain: domainLabel(i.domain),
      unit: i.unit,
      value: round(i.value),
      coverage: i.value === null ? null : Math.round(i.coverage * 1000) / 10,
      municipality: round(i.municipalityValue),
      country: round(i.countryValue),
      percentileCountry: round(i.percentileInCountry),
      percentileMunicipality: round(i.percentileInMunicipality),
      comparison: describeComparison(compareWith(i.value, i.municipalityValue, i)) ?? '',
    })),
    source: `Bron: CBS, Kerncijfers wijken en buurten ${profile.year}`,
  };
}

export function ProfileTable({ approachId, profile }: { approachId: string; profile: AreaProfile }) {
  const [showEmpty, setShowEmpty] = useState(false);
  const sorted = useMemo(
    () => [...profile.indicators].sort((a, b) => domainOrder(a) - domainOrder(b)),
    [profile.indicators],
  );
  const rows = showEmpty ? sorted : sorted.filter((i) => i.value !== null);
  const hidden = sorted.length - sorted.filter((i) => i.value !== null).length;
  const table = profileExportTable(profile, rows);
  return (
    <>
      <Paragraph>
        {rows.length} indicatoren
        {hidden > 0 && !showEmpty
          ? `; ${hidden} zonder cijfer voor het focusgebied in ${profile.year} zijn weggelaten`
          : ''}
        . Percentiel: hoger dan zoveel procent van de buurten.
      </Paragraph>
      <CheckboxField
        id="profiel-ook-leeg"
        label="Ook indicatoren zonder cijfer voor het focusgebied tonen"
        checked={showEmpty}
        onChange={setShowEmpty}
      />
      <ExportButtons table={table} fileName={`gebiedsprofiel-${profile.year}`} />
      <div
        className="wk-cba-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Alle indicatoren ${profile.year} (schuifbaar)`}
      >
        <Table className="wk-cba-table" data-testid="profile-table">
          <TableCaption className="wk-cba-table__caption">
            Alle indicatoren van {profile.name} in {profile.year}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Indicator</TableHeaderCell>
              <TableHeaderCell scope="col">Domein</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Focusgebied
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Dekking
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Gemeente
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Nederland
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Percentiel NL
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                Percentiel gemeente
              </TableHeaderCell>
              <TableHeaderCell scope="col">Vergeleken met de gemeente</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((i) => (
              <TableRow key={i.key} data-indicator={i.key}>
                <TableHeaderCell scope="row">
                  <AppLink to={`${analysisBase(approachId)}/indicatoren/${i.key}?jaar=${profile.year}`}>
                    {i.title}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{domainLabel(i.domain)}</TableCell>
                <TableCell numericColumn>{formatFigure(i.value, i)}</TableCell>
                <TableCell numericColumn>{i.value === null ? '–' : formatShare(i.coverage)}</TableCell>
                <TableCell numericColumn>{formatFigure(i.municipalityValue, i)}</TableCell>
                <TableCell numericColumn>{formatFigure(i.countryValue, i)}</TableCell>
                <TableCell numericColumn>
                  {i.percentileInCountry === null ? '–' : percentileFormat.format(i.percentileInCountry)}
                </TableCell>
                <TableCell numericColumn>
                  {i.percentileInMunicipality === null
                    ? '–'
                    : percentileFormat.format(i.percentileInMunicipality)}
                </TableCell>
                <TableCell>
                  {describeComparison(compareWith(i.value, i.municipalityValue, i)) ?? '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <CbsSource year={profile.year} />
    </>
  );
}
