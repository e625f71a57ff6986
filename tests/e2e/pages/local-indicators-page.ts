/** Page model of "Eigen indicatoren" (/beheer/eigen-indicatoren): list, form, templates. */
import type { Download, Locator } from 'playwright-core';
import { AppPage } from './app-page.ts';

export class LocalIndicatorsPage extends AppPage {
  readonly form = this.page.getByRole('form', { name: 'Eigen indicator toevoegen' });
  readonly errorSummary = this.page.locator('.wk-error-summary');

  async goto(): Promise<this> {
    await this.page.goto('/beheer/eigen-indicatoren');
    await this.arrive('Eigen indicatoren', 'eigen indicatoren');
    return this;
  }

  submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Indicator toevoegen' });
  }

  /** The error summary's items as text. */
  async summaryItems(): Promise<string[]> {
    await this.errorSummary.waitFor();
    return (await this.errorSummary.getByRole('listitem').allTextContents()).map((t) => t.trim());
  }

  /** The field's own error message (FormFieldErrorMessage, `<id>-fout`). */
  fieldError(fieldId: string): Locator {
    return this.page.locator(`#${fieldId}-fout`);
  }

  table(): Locator {
    return this.page.getByTestId('local-indicators');
  }

  /** The rows of the table as text cells (row header first). */
  rows(): Promise<string[][]> {
    return this.table()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td'), (cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  /** The id of the element that has the keyboard focus. */
  focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** The text of the focused element, spaces collapsed. */
  focusedText(): Promise<string> {
    return this.page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Presses Enter on the focused element (a download button) and returns the download. */
  async downloadWithEnter(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.keyboard.press('Enter'),
    ]);
    return download;
  }
}
