/**
 * Narrow screens (320 CSS pixels, WCAG 1.4.10 reflow) and print: a step page and the overview
 * become readable documents with navigation and buttons hidden and every answer in full.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApproachOverviewPage } from './pages/approach-overview-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

describe('smal scherm en afdrukken', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('works at 320 px without horizontal scrolling', async () => {
    const { page, context, pageErrors } = await openSession(browser, {
      viewport: { width: 320, height: 640 },
    });
    const approaches = await new LoginPage(page)
      .goto()
      .then((login) => login.loginAs(DEMO_USERS.coordinator));
    const widths: Record<string, number> = {};
    const measure = async (name: string) => {
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
    };
    await measure('overzicht');
    await approaches.open('Wijkaanpak Overvecht');
    await measure('wijkaanpak');
    await new StepPage(page).goto(overvechtId, 1, '1.4', 'Stap 1.4 Stakeholders en belangen in beeld');
    await measure('stap');
    expect(widths).toEqual({ overzicht: 320, wijkaanpak: 320, stap: 320 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('prints a step page and an overview as documents', async () => {
    const { page, context } = await openSession(browser);
    await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.coordinator));
    const step = await new StepPage(page).goto(
      overvechtId,
      1,
      '1.4',
      'Stap 1.4 Stakeholders en belangen in beeld',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
    const skipped = step.point('1.4.5');
    expect(await skipped.root.locator('form').isVisible()).toBe(false);
    expect(await skipped.saveButton.isVisible()).toBe(false);
    const printed = skipped.root.locator('.wk-print-only');
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.textContent()).toContain('Het mediabeeld van Overvecht is in 2023 al onderzocht');
    expect(await page.getByRole('heading', { level: 2, name: 'Afweging' }).isVisible()).toBe(true);

    await page.emulateMedia({ media: 'screen' });
    const overview = await new ApproachOverviewPage(page).goto(overvechtId, 'Wijkaanpak Overvecht');
    await page.emulateMedia({ media: 'print' });
    expect(await overview.phase('orienteren').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: /^Onderdelen van / }).isVisible()).toBe(false);
    expect(await page.locator('.wk-footer').isVisible()).toBe(false);
    await context.close();
  });
});
