import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { AppPage } from './app-page.ts';

export type StatusLabel = 'Open' | 'In bespreking' | 'Beantwoord' | 'Bewust overgeslagen';

export class StepPage extends AppPage {
  async goto(approachId: string, cycle: number, stepId: string, title: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/cycli/${cycle}/stappen/${stepId}`);
    await this.expectLoaded(title);
    return this;
  }

  async expectLoaded(title: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await this.page.locator('article.wk-point').first().waitFor();
    await this.arrive(title, `stappagina ${title}`);
  }

  point(pointId: string): PointForm {
    return new PointForm(this.page, pointId);
  }

  async filter(label: 'Alle' | 'Open' | 'In bespreking' | 'Beantwoord' | 'Overgeslagen'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Toon gesprekspunten' })
      .getByRole('radio', { name: new RegExp(`^${label} \\(`) })
      .check();
  }

  /** Point ids shown, in order. */
  async visiblePointIds(): Promise<string[]> {
    return (await this.page.locator('article.wk-point .wk-point__number').allTextContents()).map((t) =>
      t.trim(),
    );
  }

  knowledgeLink(name: string): Locator {
    return this.page
      .getByRole('region', { name: 'Uitgangspunten en succesfactoren' })
      .getByRole('link', { name });
  }
}

/** One discussion point on a step page. */
export class PointForm {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly pointId: string,
  ) {
    this.root = page.locator(`#gesprekspunt-${pointId.replace(/\./g, '-')}`);
  }

  status(label: StatusLabel): Locator {
    return this.root.getByRole('radio', { name: label, exact: true });
  }

  get answer(): Locator {
    return this.root.getByRole('textbox', { name: 'Antwoord', exact: true });
  }

  get skipReason(): Locator {
    return this.root.getByRole('textbox', { name: 'Reden om over te slaan', exact: true });
  }

  get saveButton(): Locator {
    return this.root.getByRole('button', { name: `Opslaan gesprekspunt ${this.pointId}` });
  }

  get errorSummary(): Locator {
    return this.root.locator('.wk-error-summary');
  }

  get conflict(): Locator {
    return this.root.locator('.wk-conflict');
  }

  participant(name: string): Locator {
    return this.root.getByRole('checkbox', { name });
  }

  async saveStatusText(): Promise<string> {
    return ((await this.root.locator('.wk-save-status').textContent()) ?? '').trim();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Waits until the live region reports the save (version n when given). */
  async expectSaved(version?: number): Promise<void> {
    await expect
      .poll(() => this.saveStatusText(), { timeout: 15_000 })
      .toMatch(version ? new RegExp(`is opgeslagen \\(versie ${version}\\)`) : /is opgeslagen/);
  }

  async addEvidence(kind: 'Webadres' | 'Document', title: string, reference: string): Promise<void> {
    await this.root.getByRole('button', { name: 'Onderbouwing toevoegen' }).click();
    await this.root
      .getByRole('combobox', { name: 'Soort' })
      .selectOption(kind === 'Webadres' ? 'url' : 'document');
    await this.root.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
    await this.root
      .getByRole('textbox', { name: kind === 'Webadres' ? 'Webadres' : 'Verwijzing', exact: true })
      .fill(reference);
    await this.root.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  }

  async revisionCountLabel(): Promise<string> {
    return ((await this.root.locator('summary').textContent()) ?? '').trim();
  }
}
