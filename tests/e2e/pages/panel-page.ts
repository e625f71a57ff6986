/** Page models of the citizens' panel pages (burgerpanels). */
import { expect } from 'vitest';
import { AppPage } from './app-page.ts';

export class PanelsPage extends AppPage {
  async goto(approachId: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/burgerpanels`);
    await this.expectLoaded();
    return this;
  }

  async expectLoaded(): Promise<void> {
    await this.arrive('Burgerpanels', 'burgerpanels');
  }

  async create(input: {
    name: string;
    purpose: string;
    size: number;
    retentionUntil: string;
  }): Promise<PanelPage> {
    await this.page.getByRole('textbox', { name: 'Naam' }).fill(input.name);
    await this.page.getByRole('textbox', { name: 'Doel' }).fill(input.purpose);
    await this.page.getByRole('textbox', { name: 'Panelgrootte' }).fill(String(input.size));
    await this.page.getByLabel('Persoonsgegevens bewaren tot').fill(input.retentionUntil);
    await this.page.getByRole('button', { name: 'Burgerpanel aanmaken' }).click();
    const panel = new PanelPage(this.page);
    await panel.expectLoaded(input.name);
    return panel;
  }
}

export class PanelPage extends AppPage {
  async goto(approachId: string, panelId: string, name: string): Promise<this> {
    await this.page.goto(`/aanpakken/${approachId}/burgerpanels/${panelId}`);
    await this.expectLoaded(name);
    return this;
  }

  async expectLoaded(name: string): Promise<void> {
    await this.arrive(name, `burgerpanel ${name}`);
  }

  /** The prominent retention notice. */
  async retention(): Promise<string> {
    return ((await this.page.getByTestId('retention').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  section(name: string) {
    return this.page.getByRole('region', { name });
  }

  /** Chooses the pool file, waits for its columns and sets each column's role. */
  async uploadPool(
    path: string,
    roles: Record<string, 'Referentie' | 'Kenmerk voor quota' | 'Adres (één per huishouden)' | 'Weglaten'>,
  ) {
    const pool = this.section('Aanmeldingen (pool)');
    await pool.getByLabel('Bestand met aanmeldingen').setInputFiles(path);
    for (const [column, role] of Object.entries(roles)) {
      await pool
        .getByRole('group', { name: `Kolom “${column}”` })
        .getByRole('radio', { name: role })
        .check();
    }
    await this.scan('burgerpanel, kolommen van het poolbestand');
    await pool.getByRole('button', { name: 'Pool opslaan' }).click();
    await pool.getByText(/De pool is geregistreerd/).waitFor();
  }

  async uploadQuotas(path: string) {
    const quotas = this.section('Quota');
    await quotas.getByLabel(/Of upload een quotabestand/).setInputFiles(path);
    await quotas.getByText('De quota zijn opgeslagen.').waitFor();
  }

  /** Waits for the feasibility check and returns its message. */
  async feasibility(): Promise<string> {
    const result = this.section('Quota')
      .locator('.wk-panel-subsection')
      .filter({ has: this.page.getByRole('heading', { name: 'Haalbaarheid' }) })
      .locator('.utrecht-alert');
    await result.waitFor();
    return ((await result.textContent()) ?? '').trim();
  }

  /** Starts a selection and polls the page (it polls the server) until the run has finished. */
  async runSelection(method: 'LEXIMIN' | 'MAXIMIN' | 'LEGACY' = 'LEXIMIN'): Promise<string> {
    const run = this.section('Selectie: de kans van elke aanmelder');
    await run.getByRole('radio', { name: method }).check();
    await run.getByRole('button', { name: 'Selectie starten' }).click();
    const status = run.locator('.wk-panel-run-status');
    await expect
      .poll(() => status.getAttribute('data-status'), { timeout: 120_000, interval: 250 })
      .toMatch(/^(completed|failed|cancelled)$/);
    return ((await status.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async minimumProbability(): Promise<string> {
    return ((await this.page.getByTestId('min-probability').textContent()) ?? '').trim();
  }

  /** Opens the chart's table alternative and returns its rows as text. */
  async probabilityTable(): Promise<string[]> {
    await this.page.getByText('Tabel bij deze grafiek').click();
    const table = this.page.getByTestId('probability-table');
    await table.waitFor();
    return (await table.locator('tbody tr').allTextContents()).map((row) => row.replace(/\s+/g, ' ').trim());
  }

  async draw(publicValue: string): Promise<string> {
    const section = this.section('Openbare loting');
    await section.getByRole('textbox', { name: 'Publiek bekendgemaakte waarde' }).fill(publicValue);
    await section.getByRole('button', { name: 'Loten' }).click();
    const seed = this.page.getByTestId('draw-seed');
    await seed.waitFor();
    return ((await seed.textContent()) ?? '').trim();
  }

  async showMembers(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Toon de gelote leden' }).click();
    const table = this.page.getByTestId('draw-members');
    await table.waitFor();
    return (await table.locator('tbody tr th').allTextContents()).map((t) => t.trim());
  }

  async replay(publicValue: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Loting controleren' });
    await form.getByRole('textbox', { name: 'Publieke waarde' }).fill(publicValue);
    await form.getByRole('button', { name: 'Controleer' }).click();
    const result = form.locator('.utrecht-alert');
    await result.waitFor();
    return ((await result.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }
}
