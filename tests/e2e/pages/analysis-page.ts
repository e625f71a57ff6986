/** Page models of the focus-area analysis (Gebiedsanalyse): profile, indicator explorer, early signals. */
import type { Download, Locator } from 'playwright-core';
import { AppPage } from './app-page.ts';

export class AreaProfilePage extends AppPage {
  async goto(approachId: string, year?: number): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/analyse${year ? `?jaar=${year}` : ''}`);
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Gebiedsprofiel' }).waitFor();
    await this.page.getByTestId('profile-table').waitFor();
    await this.arrive('Gebiedsprofiel', 'gebiedsprofiel');
  }

  /** The key figure card of an indicator, found by its heading. */
  keyFigure(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  async focusValue(title: string): Promise<string> {
    return ((await this.keyFigure(title).getByTestId('focus-value').textContent()) ?? '').trim();
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByLabel('Jaar van de cijfers').selectOption(String(year));
    await this.page.getByRole('table', { name: new RegExp(`in ${year}$`) }).waitFor();
    await this.settle();
  }

  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /^Download CSV\s*:\s*Gebiedsprofiel/ }).click(),
    ]);
    return download;
  }
}

export class IndicatorExplorerPage extends AppPage {
  async expectLoaded(indicatorTitle: string): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: indicatorTitle }).waitFor();
    await this.page.getByTestId('series-table').waitFor();
    await this.arrive('Indicatoren', `indicatorverkenner ${indicatorTitle}`);
  }

  seriesTable(): Locator {
    return this.page.getByTestId('series-table').getByRole('table');
  }

  /** The cells of the year's row in the table under the chart. */
  async seriesRow(year: number): Promise<string[]> {
    const row = this.seriesTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: String(year), exact: true }) });
    return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
  }

  notes(): Locator {
    return this.page.getByTestId('interpretation');
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Duiding' }).fill(text);
    await this.page.getByRole('button', { name: 'Duiding toevoegen' }).click();
  }
}

export class EarlySignalsPage extends AppPage {
  async expectLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: /^Signalen/ }).waitFor();
    await this.arrive('Vroege signalen', 'vroege signalen');
  }
}
