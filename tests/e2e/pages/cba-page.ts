/** The MKBA pages of an approach: the list of cases and one case (settings, items table, results). */
import type { Download, Locator } from 'playwright-core';
import { expect } from 'vitest';
import { AppPage } from './app-page.ts';

export const CBA_LIST_HEADING = 'Maatschappelijke kosten-batenanalyses (MKBA)';
export const TEMPLATE_NAME = '16 stedelijke vernieuwingsgebieden (2021)';

/** Reads a Dutch amount or ratio as shown on the page: "€ 1.893.736", "−€ 12.500", "1,53". */
export function readDutchNumber(text: string): number {
  const cleaned = text
    .replace(/[€\s\u00a0]/g, '')
    .replace('\u2212', '-')
    .replace(/\./g, '')
    .replace(',', '.');
  const value = Number(cleaned);
  if (!Number.isFinite(value)) throw new Error(`Geen getal: "${text}"`);
  return value;
}

export class CbaListPage extends AppPage {
  async goto(approachId: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/mkba`);
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.arrive(CBA_LIST_HEADING, 'MKBA-overzicht');
  }

  get newButton(): Locator {
    return this.page.getByRole('button', { name: 'Nieuwe MKBA', exact: true });
  }

  get templateButton(): Locator {
    return this.page.getByRole('button', { name: 'Sjabloon 16 stedelijke vernieuwingsgebieden (2021)' });
  }

  async createFromTemplate(): Promise<CbaCasePage> {
    await this.templateButton.click();
    const page = new CbaCasePage(this.page);
    await page.expectLoaded(TEMPLATE_NAME);
    return page;
  }

  async createNew(): Promise<CbaCasePage> {
    await this.newButton.click();
    const page = new CbaCasePage(this.page);
    await page.expectLoaded('Nieuwe MKBA');
    return page;
  }

  /** The row of a case in the table: name, NPV, ratio, last changed. */
  async rowText(name: string): Promise<string> {
    const row = this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
    return ((await row.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async open(name: string): Promise<CbaCasePage> {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    const page = new CbaCasePage(this.page);
    await page.expectLoaded(name);
    return page;
  }
}

export type FigureKey = 'kosten' | 'baten' | 'ncw' | 'verhouding' | 'terugverdienjaar';

export class CbaCasePage extends AppPage {
  async goto(path: string, name: string): Promise<this> {
    await this.page.goto(path);
    await this.expectLoaded(name);
    return this;
  }

  async expectLoaded(name: string): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: 'Resultaten' }).waitFor();
    await this.arrive(name, `MKBA ${name}`);
  }

  /** A key figure as shown (the headline, e.g. "€ 3,8 mld" or "1,53"). */
  async figure(key: FigureKey): Promise<string> {
    return (
      (await this.page.locator(`[data-figure="${key}"] .wk-cba-figure__main`).textContent()) ?? ''
    ).trim();
  }

  /** A key figure to the euro: the exact line when the headline is rounded, else the headline. */
  async exactFigure(key: FigureKey): Promise<number> {
    const exact = this.page.locator(`[data-figure="${key}"] .wk-cba-figure__exact`);
    return readDutchNumber(
      (await exact.count()) > 0 ? ((await exact.textContent()) ?? '') : await this.figure(key),
    );
  }

  /** The line under the table that says whether the results match the input. */
  async evaluationStatus(): Promise<string> {
    return ((await this.page.locator('.wk-cba-evaluation').textContent()) ?? '').trim();
  }

  async waitUntilEvaluated(): Promise<void> {
    await expect.poll(() => this.evaluationStatus(), { timeout: 15_000 }).toMatch(/^Doorgerekend/);
  }

  textbox(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** The description cell of row `row` (0-based) of the first alternative. */
  labelCell(row: number): Locator {
    return this.page.locator(`#mkba-a0-r${row}-label`);
  }

  amountCell(row: number, year: number): Locator {
    return this.page.locator(`#mkba-a0-r${row}-j${year}`);
  }

  /** The message shown next to a cell (its aria-describedby). */
  async cellError(cell: Locator): Promise<string> {
    const id = await cell.getAttribute('aria-describedby');
    if (!id) return '';
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Opslaan', exact: true });
  }

  async saveStatus(): Promise<string> {
    return ((await this.page.locator('.wk-save-status').textContent()) ?? '').trim();
  }

  async save(version: number): Promise<void> {
    await this.saveButton.click();
    await expect
      .poll(() => this.saveStatus(), { timeout: 15_000 })
      .toBe(`De MKBA is opgeslagen (versie ${version}).`);
  }

  chart(title: string | RegExp): Locator {
    return this.page
      .locator('figure.wk-cba-chart')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** Opens "Tabel bij deze grafiek" of a chart and returns the table. */
  async openTableOf(title: string | RegExp): Promise<Locator> {
    const chart = this.chart(title);
    await chart.locator('summary').click();
    const table = chart.getByRole('table');
    await table.waitFor();
    return table;
  }

  async exportToExcel(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Exporteren naar Excel (.xlsx)' }).click(),
    ]);
    return download;
  }

  get linkButton(): Locator {
    return this.page.getByRole('button', { name: 'Koppel als onderbouwing aan gesprekspunt 2.4.2' });
  }
}
