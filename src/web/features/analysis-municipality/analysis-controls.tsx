/**
 * The choice of indicator (grouped by domain) and year above the map and the rankings. A change
 * shows the new figures on the same page at once; focus stays in the field (no change of context).
 */
import type { ReactNode } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { Indicator } from '../../api/analysis-municipality.ts';
import { DIRECTION_LABELS, domainLabel } from './analysis-format.ts';
import type { MunicipalityContext } from './municipality-shell.tsx';

function groupByDomain(indicators: Indicator[]): [string, Indicator[]][] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const label = domainLabel(indicator.domain);
    groups.set(label, [...(groups.get(label) ?? []), indicator]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([label, list]) => [label, list.sort((x, y) => x.title.localeCompare(y.title, 'nl'))]);
}

export function IndicatorSelect({ context }: { context: MunicipalityContext }) {
  const { indicator } = context;
  return (
    <FormField
      label={<FormLabel htmlFor="analyse-indicator">Indicator</FormLabel>}
      description={
        indicator ? (
          <FormFieldDescription id="analyse-indicator-beschrijving">
            Eenheid: {indicator.unit || '–'} · {DIRECTION_LABELS[indicator.direction]}
          </FormFieldDescription>
        ) : undefined
      }
      input={
        <Select
          id="analyse-indicator"
          value={indicator?.key ?? ''}
          aria-describedby={indicator ? 'analyse-indicator-beschrijving' : undefined}
          onChange={(event) => context.setIndicator(event.target.value)}
        >
          {groupByDomain(context.indicators).map(([label, list]) => (
            <optgroup key={label} label={label}>
              {list.map((i) => (
                <SelectOption key={i.key} value={i.key}>
                  {i.title}
                </SelectOption>
              ))}
            </optgroup>
          ))}
        </Select>
      }
    />
  );
}

export function YearSelect({ context }: { context: MunicipalityContext }) {
  return (
    <FormField
      label={<FormLabel htmlFor="analyse-jaar">Jaar</FormLabel>}
      input={
        <Select
          id="analyse-jaar"
          value={String(context.year ?? '')}
          onChange={(event) => context.setYear(Number(event.target.value))}
        >
          {context.years.map((y) => (
            <SelectOption key={y.year} value={String(y.year)}>
              {y.year}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

/** The controls in one labelled region; `extra` holds a page's own settings. */
export function AnalysisControls({
  context,
  hasIndicator = true,
  extra,
}: {
  context: MunicipalityContext;
  hasIndicator?: boolean;
  extra?: ReactNode;
}) {
  return (
    <form
      className="wk-muni-controls wk-no-print"
      aria-label="Keuze van indicator en jaar"
      onSubmit={(event) => event.preventDefault()}
    >
      {hasIndicator ? <IndicatorSelect context={context} /> : null}
      <YearSelect context={context} />
      {extra}
    </form>
  );
}
