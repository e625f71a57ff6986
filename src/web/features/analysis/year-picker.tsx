/**
 * The report year of an analysis page, kept in the address (?jaar=2023) so a view can be linked.
 * Default: the year the approach's focus area is defined in (or the newest year, when asked), else
 * the newest year with figures.
 */
import { useSearchParams } from 'react-router';
import { useAnalysisYearList } from '../../api/analysis.ts';
import type { ApproachDetail } from '../../api/types.ts';
import { SelectField } from '../../components/fields.tsx';

export function useAnalysisYear(approach: ApproachDetail, defaultTo: 'focus-area' | 'newest' = 'focus-area') {
  const years = useAnalysisYearList();
  const [params, setParams] = useSearchParams();
  const list = (years.data ?? []).map((y) => y.year).sort((a, b) => b - a);
  const asked = Number(params.get('jaar'));
  const fallback =
    defaultTo === 'focus-area' && list.includes(approach.focusAreaYear)
      ? approach.focusAreaYear
      : (list[0] ?? null);
  const year = list.includes(asked) ? asked : fallback;
  const setYear = (next: number) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('jaar', String(next));
        return updated;
      },
      { replace: true },
    );
  return { years: list, year, setYear, query: years };
}

export function YearPicker({
  id,
  years,
  year,
  onChange,
  label = 'Jaar',
  description,
}: {
  id: string;
  years: number[];
  year: number;
  onChange: (year: number) => void;
  label?: string;
  description?: string;
}) {
  return (
    <SelectField
      id={id}
      label={label}
      description={description}
      value={String(year)}
      onChange={(value) => onChange(Number(value))}
      options={years.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}
