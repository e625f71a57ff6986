/**
 * Journey 3: a coordinator of another municipality (Amersfoort) sees nothing of Utrecht's Overvecht:
 * not in the list, and its addresses show the not-found page (the API answers 404, never 403).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotFoundPage } from './pages/app-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

describe('scheiding tussen gemeenten', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('another municipality sees neither the approach nor its pages', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    const approaches = await new LoginPage(page)
      .goto()
      .then((login) => login.loginAs(DEMO_USERS.otherMunicipality));
    const titles = await approaches.titles();
    expect(titles).toContain('Wijkaanpak Kruiskamp');
    expect(titles).not.toContain('Wijkaanpak Overvecht');
    expect(await page.getByText('Overvecht').count()).toBe(0);

    const notFound = new NotFoundPage(page);
    for (const path of [
      `/aanpakken/${overvechtId}`,
      `/aanpakken/${overvechtId}/besluit`,
      `/aanpakken/${overvechtId}/cycli/1/stappen/1.1`,
    ]) {
      await page.goto(path);
      await notFound.expectShown(`niet-gevonden-pagina voor ${path}`);
      expect(await page.getByText('Overvecht').count()).toBe(0);
    }

    // An address that exists nowhere gives the same page.
    await page.goto('/deze/pagina/bestaat/niet');
    await notFound.expectShown('niet-gevonden-pagina voor een onbekend adres');

    const status = await page.evaluate(
      async (id) => (await fetch(`/api/v1/approaches/${id}`)).status,
      overvechtId,
    );
    expect(status).toBe(404);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
