/** Page models of the municipality pages of the neighbourhood analysis: map, rankings, accumulation, CBS import. */
import type { Download, Locator } from 'playwright-core';
import { AppPage } from './app-page.ts';

/** One table row as text cells (row header first). */
async function readRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td'), (cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

/** "1.062" or "12,5%" -> 1062 / 12.5 (Dutch number format); null for "–" or a missing figure. */
export function parseDutchNumber(text: string): number | null {
  const cleaned = text.replace(/[%\s]/g, '').replace(/\./g, '').replace(',', '.');
  if (cleaned === '' || cleaned === '–' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

class MunicipalityAnalysisPage extends AppPage {
  protected async open(
    approachId: string,
    path: string,
    query: Record<string, string>,
    heading: RegExp,
    label: string,
  ) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`/aanpakken/${approachId}/analyse/${path}${search ? `?${search}` : ''}`);
    await this.arrive(heading, label);
  }

  table(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  rows(testId: string): Promise<string[][]> {
    return readRows(this.table(testId));
  }

  /** Clicks "Download CSV" or "Download Excel" of the table and returns the download. */
  async download(testId: string, kind: 'CSV' | 'Excel'): Promise<Download> {
    const container = this.page.locator('.wk-muni-table').filter({ has: this.table(testId) });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      container.getByRole('button', { name: new RegExp(`^Download ${kind}`) }).click(),
    ]);
    return download;
  }
}

export class AnalysisMapPage extends MunicipalityAnalysisPage {
  async goto(approachId: string, query: Record<string, string> = {}): Promise<this> {
    await this.open(approachId, 'kaart', query, /^Kaart van de buurten van /, 'kaart van de buurten');
    await this.mapPaths().first().waitFor();
    return this;
  }

  /** The SVG paths of the map that carry a buurt code, with the value the map was drawn from. */
  mapPaths(): Locator {
    return this.page.getByTestId('buurt-map').locator('svg path[data-code]');
  }

  async pathsByCode(): Promise<Map<string, string>> {
    const entries = await this.mapPaths().evaluateAll((paths) =>
      paths.map(
        (p) => [p.getAttribute('data-code') ?? '', p.getAttribute('data-value') ?? ''] as [string, string],
      ),
    );
    return new Map(entries);
  }

  legend(): Locator {
    return this.page.getByTestId('map-legend');
  }
}

export class AnalysisRankingsPage extends MunicipalityAnalysisPage {
  async goto(approachId: string, query: Record<string, string> = {}): Promise<this> {
    await this.open(
      approachId,
      'rangorde',
      query,
      /^Rangorde van de buurten van /,
      'rangorde van de buurten',
    );
    await this.table('ranking-table').waitFor();
    return this;
  }
}

export class AccumulationPage extends MunicipalityAnalysisPage {
  async goto(approachId: string, query: Record<string, string> = {}): Promise<this> {
    await this.open(approachId, 'opstapeling', query, /^Opstapeling van problemen/, 'opstapeling');
    await this.page.getByTestId('focus-accumulation').waitFor();
    await this.table('municipality-accumulation').waitFor();
    return this;
  }

  async focusSummary(): Promise<string> {
    return ((await this.page.getByTestId('focus-accumulation-summary').textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  }
}

export class CbsImportPage extends AppPage {
  async goto(): Promise<this> {
    await this.page.goto('/beheer/cbs-import');
    await this.arrive('CBS-cijfers importeren', 'CBS-import');
    return this;
  }

  history(): Locator {
    return this.page.getByTestId('import-history');
  }

  historyRows(): Promise<string[][]> {
    return readRows(this.history());
  }

  async upload(path: string): Promise<void> {
    await this.page.getByLabel('CBS-bestand').setInputFiles(path);
    await this.page.getByRole('button', { name: 'Importeren' }).click();
  }

  /** The table of problems of a failed import: file, row, column, reason. */
  async problems(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: /^Problemen in / });
    await table.waitFor();
    return readRows(table);
  }
}
