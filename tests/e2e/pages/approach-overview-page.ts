import { AppPage } from './app-page.ts';
import { StepPage } from './step-page.ts';

export type PhaseId = 'orienteren' | 'initieren' | 'ontwerpen' | 'uitvoeren';

export class ApproachOverviewPage extends AppPage {
  async goto(approachId: string, title: string, cycle?: number): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}${cycle ? `?cyclus=${cycle}` : ''}`);
    await this.expectLoaded(title);
    return this;
  }

  async expectLoaded(title: string): Promise<void> {
    await this.arrive(title, `overzicht van ${title}`);
    await this.page.locator('section.wk-phase').first().waitFor();
  }

  phase(phaseId: PhaseId) {
    return this.page.locator(`section[aria-labelledby="fase-${phaseId}"]`);
  }

  async isBeforeGo(phaseId: PhaseId): Promise<boolean> {
    return (await this.phase(phaseId).getByText('Vóór go-besluit', { exact: true }).count()) > 0;
  }

  /** The counts line under a step, e.g. "2 van 4 afgerond · 2 open". */
  async stepCounts(stepId: string): Promise<string> {
    const item = this.page.locator('.wk-step-list__item').filter({
      has: this.page.getByRole('link', { name: new RegExp(`^Stap ${stepId.replace('.', '\\.')} `) }),
    });
    return ((await item.locator('.wk-step-list__counts').textContent()) ?? '').trim();
  }

  async decisionSummary(): Promise<string> {
    const item = this.page.locator('.utrecht-data-list__item').filter({ hasText: 'Go/no-go-besluit' });
    return ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async openStep(stepId: string, stepTitle: string): Promise<StepPage> {
    await this.page.getByRole('link', { name: `Stap ${stepId} ${stepTitle}`, exact: true }).click();
    const step = new StepPage(this.page);
    await step.expectLoaded(`Stap ${stepId} ${stepTitle}`);
    return step;
  }

  async openSection(name: 'Go/no-go-besluit' | 'Geschiedenis'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: /^Onderdelen van / })
      .getByRole('link', { name })
      .click();
  }
}
