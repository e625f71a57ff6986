/**
 * Journey 5: only the keyboard. Log in, open the approach and a step, save a point (1.1.4), and
 * recover from a validation error through the error summary. Every focused control must show a
 * visible focus indicator.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApproachesPage } from './pages/approaches-page.ts';
import { ApproachOverviewPage } from './pages/approach-overview-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './support/users.ts';

/** Presses Tab until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('Doelelement bestaat niet');
  for (let i = 0; i < max; i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Na ${max} keer Tab heeft het element nog geen focus`);
}

/** The focused element draws an outline (or a box shadow): focus is visible (WCAG 2.4.7). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      outline: s.outlineStyle,
      width: s.outlineWidth,
      shadow: s.boxShadow,
      tag: el.tagName,
      id: el.id,
    };
  });
  const hasOutline = style.outline !== 'none' && style.width !== '0px';
  expect(hasOutline || style.shadow !== 'none', `zichtbare focus op ${style.tag}#${style.id}`).toBe(true);
}

describe('alleen met het toetsenbord', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('logs in and saves a point using only the keyboard', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { page, context, pageErrors } = await openSession(browser);
    const login = await new LoginPage(page).goto();

    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhoud');

    await tabTo(page, login.email);
    await expectVisibleFocus(page);
    await page.keyboard.type(DEMO_USERS.coordinator.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    const approaches = new ApproachesPage(page);
    await approaches.expectLoaded();
    // After a navigation the new page's heading has focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabTo(page, page.getByRole('link', { name: 'Wijkaanpak Overvecht', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    const overview = new ApproachOverviewPage(page);
    await overview.expectLoaded('Wijkaanpak Overvecht');

    await tabTo(page, page.getByRole('link', { name: 'Stap 1.1 Urgentie', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    const step = new StepPage(page);
    await step.expectLoaded('Stap 1.1 Urgentie');

    const point = step.point('1.1.4');
    // Into the status group (focus lands on the checked option), arrows choose "Beantwoord".
    await tabTo(page, point.status('Open'));
    await expectVisibleFocus(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await point.status('Beantwoord').isChecked()).toBe(true);

    // Saving without an answer: the error summary takes focus; its link leads to the field.
    await tabTo(page, point.saveButton);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await point.errorSummary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('wk-error-summary')))
      .toBe(true);
    await step.scan('stappagina met foutsamenvatting (toetsenbord)');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Antwoord');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('punt-1-1-4-antwoord');
    await page.keyboard.type('Nee, maar de leefbaarometer laat in twee buurten een daling zien sinds 2020.');

    await tabTo(page, point.saveButton);
    await page.keyboard.press('Enter');
    await point.expectSaved(1);
    expect(await point.errorSummary.count()).toBe(0);
    expect(await point.answer.inputValue()).toContain('leefbaarometer');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
