import { AppPage } from './app-page.ts';

export class HistoryPage extends AppPage {
  async goto(approachId: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/geschiedenis`);
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.arrive('Geschiedenis', 'geschiedenis');
  }

  /** Every event as one line: what, who, when, changes. */
  async events(): Promise<string[]> {
    return (await this.page.locator('.wk-audit__item').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
  }
}
