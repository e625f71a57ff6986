/** What every page model shares: arriving on a page means its h1 is there, data has loaded, axe is clean. */
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';

export class AppPage {
  constructor(readonly page: Page) {}

  /** Waits for the page's h1, for loading to finish and the network to settle, then scans with axe. */
  async arrive(heading: string | RegExp, label: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await this.settle();
    await expectNoAxeViolations(this.page, label);
  }

  /** After a navigation: the load settled and no part of the page is still loading its data. */
  async settle(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page.locator('.wk-loading').first().waitFor({ state: 'detached' });
  }

  /** Scans the page as it is now (after an interaction that changed it). */
  scan(label: string): Promise<void> {
    return expectNoAxeViolations(this.page, label);
  }

  async h1(): Promise<string> {
    return ((await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Uitloggen' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  }
}

export class NotFoundPage extends AppPage {
  async expectShown(label: string): Promise<void> {
    await this.arrive('Pagina niet gevonden', label);
  }
}
