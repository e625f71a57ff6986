/**
 * Journey: a citizens' panel for Wijkaanpak Overvecht. The coordinator creates it with a retention
 * date, uploads the published example pool (n = 200) keeping only the features, uploads the quota
 * file, sees the quotas are feasible next to the area's CBS population, runs LEXIMIN in the background and sees it finish with 10% for
 * everyone (chart and its table), draws with a public value, sees seed and members, and checks the
 * draw by replaying it. A partner then sees the same panel without any personal data. Axe scans
 * every state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login-page.ts';
import { PanelPage, PanelsPage } from './pages/panel-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS, type DemoUser } from './support/users.ts';

const EXAMPLE = '../shared/data/sortition/example_small_20';
const PANEL_NAME = 'Burgerpanel wijkpark Overvecht';

async function login(page: Page, user: DemoUser): Promise<void> {
  await new LoginPage(page).goto().then((loginPage) => loginPage.loginAs(user));
}

function inDays(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('burgerpanel door loting', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'creates a panel, registers pool and quotas, runs LEXIMIN, draws and replays; a partner sees aggregates only',
    async () => {
      const coordinator = await openSession(browser);
      const { page } = coordinator;
      await login(page, DEMO_USERS.coordinator);
      await page.goto(`/aanpakken/${overvechtId}`);
      await page.getByRole('heading', { level: 1, name: 'Wijkaanpak Overvecht' }).waitFor();
      await page
        .getByRole('navigation', { name: /^Onderdelen van / })
        .getByRole('link', { name: 'Burgerpanels' })
        .click();
      const list = new PanelsPage(page);
      await list.expectLoaded();

      // Creating without a retention date is refused in the form, with the field named.
      await page.getByRole('textbox', { name: 'Naam' }).fill(PANEL_NAME);
      await page.getByRole('button', { name: 'Burgerpanel aanmaken' }).click();
      await page
        .locator('.wk-error-summary')
        .getByText(/Bewaren tot/)
        .waitFor();
      await list.scan('burgerpanels met foutmelding');

      const retentionUntil = inDays(200);
      const panel = await list.create({
        name: PANEL_NAME,
        purpose: 'Advies over de herinrichting van het wijkpark.',
        size: 20,
        retentionUntil,
      });
      expect(await panel.retention()).toContain('Bewaartermijn persoonsgegevens: tot');

      // Pool: only the two features are kept.
      await panel.uploadPool(`${EXAMPLE}/respondents.csv`, {
        gender: 'Kenmerk voor quota',
        leaning: 'Kenmerk voor quota',
      });
      const pool = panel.section('Aanmeldingen (pool)');
      expect(await pool.locator('dl').textContent()).toMatch(/200/);
      await expect
        .poll(async () => (await pool.getByTestId('pool-hash').textContent())?.trim())
        .toMatch(/^[0-9a-f]{64}$/);
      await panel.scan('burgerpanel met pool');

      // Quotas from the published file; the engine finds them feasible.
      await panel.uploadQuotas(`${EXAMPLE}/categories.csv`);
      expect(await panel.feasibility()).toContain('De quota zijn haalbaar met deze pool.');
      // As a guide, the focus area's own population from the demo's CBS figures.
      const guide = panel
        .section('Quota')
        .getByRole('table', { name: /^Inwoners van .* naar geslacht, leeftijd en herkomst \(CBS, 2024\)$/ });
      await guide.waitFor();
      expect(await guide.getByRole('rowheader', { name: 'Vrouwen' }).count()).toBe(1);
      await panel.scan('burgerpanel met quota en haalbaarheid');

      // LEXIMIN in the background: the page polls until it is done; everyone gets 10%.
      expect(await panel.runSelection('LEXIMIN')).toContain('Voltooid');
      expect(await panel.minimumProbability()).toBe('10,0%');
      const table = await panel.probabilityTable();
      expect(table).toHaveLength(1);
      expect(table[0]).toMatch(/10,0%\s*200$/);
      await panel.scan('burgerpanel met selectiekansen en tabel');

      // The public draw, its members, and a replay with the same value.
      const publicValue = 'Staatsloterij 10 januari 2026: 0 4 8 1 5 2';
      const seed = await panel.draw(publicValue);
      expect(seed).toMatch(/^[0-9a-f]{64}$/);
      const members = await panel.showMembers();
      expect(members).toHaveLength(20);
      await panel.scan('burgerpanel met gelote leden');
      const replay = await panel.replay(publicValue);
      expect(replay).toContain(seed);
      expect(replay).toContain('hetzelfde panel');
      expect(await page.getByTestId('draw-history').locator('tbody tr').count()).toBe(1);
      expect(await page.getByTestId('run-history').locator('tbody tr').first().textContent()).toContain(
        'Voltooid',
      );
      await panel.scan('burgerpanel na controle van de loting');
      const panelUrl = new URL(page.url()).pathname;
      expect(coordinator.pageErrors).toEqual([]);
      await coordinator.context.close();

      // A partner: counts, the run and the draw's seed, but no registrants and no export.
      const partner = await openSession(browser);
      await login(partner.page, DEMO_USERS.partner);
      await partner.page.goto(panelUrl);
      const partnerView = new PanelPage(partner.page);
      await partnerView.expectLoaded(PANEL_NAME);
      expect(await partnerView.section('Aanmeldingen (pool)').textContent()).toContain(
        'U ziet alleen aantallen',
      );
      expect(await partner.page.getByRole('button', { name: 'Toon aanmeldingen' }).count()).toBe(0);
      expect(await partner.page.getByRole('button', { name: 'Toon de gelote leden' }).count()).toBe(0);
      expect(await partner.page.getByRole('link', { name: 'Exporteer als CSV' }).count()).toBe(0);
      expect((await partner.page.getByTestId('draw-seed').textContent())?.trim()).toBe(seed);
      expect(partner.pageErrors).toEqual([]);
      await partner.context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
