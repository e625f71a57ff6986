import { AppPage } from './app-page.ts';

export class KnowledgePage extends AppPage {
  async gotoIndex(): Promise<this> {
    await this.page.goto('/kennis');
    await this.arrive('Kennisbank', 'kennisbank');
    return this;
  }

  async expectItem(title: string | RegExp): Promise<void> {
    await this.arrive(title, `kennispagina ${title}`);
  }

  /** Links in the section "Stappen die hiernaar verwijzen". */
  async linkedSteps(): Promise<string[]> {
    const region = this.page.getByRole('region', { name: 'Stappen die hiernaar verwijzen' });
    return (await region.getByRole('link').allTextContents()).map((t) => t.trim());
  }

  async openLinkedStep(name: string): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Stappen die hiernaar verwijzen' })
      .getByRole('link', { name, exact: true })
      .click();
  }
}
