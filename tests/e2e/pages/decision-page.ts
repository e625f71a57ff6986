import { expect } from 'vitest';
import { AppPage } from './app-page.ts';

export class DecisionPage extends AppPage {
  async goto(approachId: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/besluit`);
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.arrive('Go/no-go-besluit', 'besluitpagina');
  }

  get submitButton() {
    return this.page.getByRole('button', { name: 'Besluit vastleggen' });
  }

  async hasForm(): Promise<boolean> {
    return (await this.page.locator('form').count()) > 0 || (await this.submitButton.count()) > 0;
  }

  async recordGo(input: { decidedBy: string; rationale: string }): Promise<void> {
    await this.page.getByRole('radio', { name: 'Go: integrale gebiedsgerichte aanpak' }).check();
    await this.page.getByRole('textbox', { name: 'Besloten door' }).fill(input.decidedBy);
    await this.page.getByRole('textbox', { name: 'Onderbouwing' }).fill(input.rationale);
    await this.submitButton.click();
    await expect.poll(() => this.page.locator('.wk-status-message').textContent()).toMatch(/is vastgelegd/);
    // The list is fetched again after the save: wait until the new decision is in it.
    await this.page.locator('.wk-decision--current').getByText(input.decidedBy).waitFor();
  }

  /** The decisions listed, newest first, as "heading | badge". */
  async decisions(): Promise<string[]> {
    return (await this.page.locator('.wk-decision .wk-decision__head').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
  }
}
