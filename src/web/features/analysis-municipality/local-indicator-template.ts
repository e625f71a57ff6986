/**
 * The file a municipality fills in with the values of one of its own indicators: the CBS kwb layout
 * the import reads (POST /imports, src/core/cbs-import/kwb-table.ts) with the header
 * `gwb_code_10;regio;<key>` and one row per region of the municipality in a year (gemeente, then
 * each wijk followed by its buurten), values empty. It is written by the table export's CSV writer
 * (table-export.ts: UTF-8 with a byte order mark, `;`, CRLF, RFC 4180 quotes), so names such as
 * "Welgelegen, Den Hommel" or "Mariëndaalstraat" survive Excel and the import alike.
 *
 * The year travels in the file name (`<key>-2024.csv`): the import takes the year from the one year
 * a name mentions (detectYearFromName in src/core/cbs-import/detect-year.ts).
 */
import { detectYearFromName } from '../../../core/cbs-import/detect-year.ts';
import type { Region } from '../../api/analysis-municipality.ts';
import { tableToCsv, type ExportTable } from '../../components/table-export.ts';

export const TEMPLATE_CODE_COLUMN = 'gwb_code_10';
export const TEMPLATE_NAME_COLUMN = 'regio';

const LEVEL_ORDER: Record<Region['level'], number> = { NL: 0, GM: 1, WK: 2, BU: 3 };

/**
 * Gemeente first, then every wijk with its buurten under it. CBS codes nest (GM0344 ⊂ WK034403 ⊂
 * BU03440321), so the part after the level letters sorts the hierarchy by itself.
 */
export function orderTemplateRegions(regions: readonly Region[]): Region[] {
  return [...regions].sort((a, b) => {
    const byCode = a.code.slice(2).localeCompare(b.code.slice(2), 'en');
    return byCode !== 0 ? byCode : LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
  });
}

/** The template as CSV text: header `gwb_code_10;regio;<key>`, one row per region, empty values. */
export function buildTemplateCsv(indicatorKey: string, regions: readonly Region[]): string {
  const table: ExportTable = {
    title: indicatorKey,
    columns: [
      { key: 'code', label: TEMPLATE_CODE_COLUMN, kind: 'text' },
      { key: 'name', label: TEMPLATE_NAME_COLUMN, kind: 'text' },
      { key: 'value', label: indicatorKey, kind: 'number' },
    ],
    rows: orderTemplateRegions(regions).map((region) => ({
      code: region.code,
      name: region.name ?? '',
      value: null,
    })),
  };
  return tableToCsv(table);
}

/**
 * "overlast_wijkpeiling-2024.csv". A key that itself looks like a year (peiling_2019) would make the
 * name mention two years, and the import would find none; such a key is left out of the name.
 */
export function templateFileName(indicatorKey: string, year: number): string {
  const named = `${indicatorKey}-${year}.csv`;
  return detectYearFromName(named) === year ? named : `eigen-indicator-${year}.csv`;
}
