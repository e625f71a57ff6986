import { AppPage } from './app-page.ts';
import { ApproachOverviewPage } from './approach-overview-page.ts';

export class ApproachesPage extends AppPage {
  async goto(): Promise<this> {
    await this.page.goto('/');
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.arrive('Wijkaanpakken', 'overzicht wijkaanpakken');
  }

  /** Titles of the approach cards shown. */
  async titles(): Promise<string[]> {
    return (await this.page.locator('.wk-card h2').allTextContents()).map((t) => t.trim());
  }

  async open(title: string): Promise<ApproachOverviewPage> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    const overview = new ApproachOverviewPage(this.page);
    await overview.expectLoaded(title);
    return overview;
  }

  async showArchived(): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Toon ook gearchiveerde wijkaanpakken' }).check();
    await this.settle();
  }
}
