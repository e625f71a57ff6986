/**
 * Journey 4: two people edit the same discussion point (1.5.1) at once. The second save meets a
 * newer version (409): both texts are shown side by side, nothing is lost, and "Mijn versie
 * opnieuw opslaan" stores the second text on top of the first, which stays in the history.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

const STEP_TITLE = 'Stap 1.5 Besluitvorming: go/no go';
const FIRST =
  'Ja, de urgentie wordt breed herkend: gemeente, corporaties, politie en bewoners noemen dezelfde problemen.';
const SECOND =
  'Grotendeels: bewoners herkennen de urgentie, maar het onderwijs ziet nog weinig samenhang met de eigen opgaven.';

describe('gelijktijdig bewerken', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows both versions on a stale save and re-saves the newer text on top',
    { timeout: JOURNEY_TIMEOUT },
    async () => {
      const sanne = await openSession(browser);
      const erik = await openSession(browser);
      await new LoginPage(sanne.page).goto().then((login) => login.loginAs(DEMO_USERS.coordinator));
      await new LoginPage(erik.page).goto().then((login) => login.loginAs(DEMO_USERS.police));
      const stepOfSanne = await new StepPage(sanne.page).goto(overvechtId, 1, '1.5', STEP_TITLE);
      const stepOfErik = await new StepPage(erik.page).goto(overvechtId, 1, '1.5', STEP_TITLE);

      // Both start from the same (unedited) version.
      const pointOfSanne = stepOfSanne.point('1.5.1');
      const pointOfErik = stepOfErik.point('1.5.1');
      await pointOfSanne.status('In bespreking').check();
      await pointOfSanne.answer.fill(FIRST);
      await pointOfErik.status('In bespreking').check();
      await pointOfErik.answer.fill(SECOND);

      await pointOfSanne.save();
      await pointOfSanne.expectSaved(1);

      await pointOfErik.save();
      await pointOfErik.conflict.waitFor();
      const conflict = pointOfErik.conflict;
      expect(
        await conflict
          .getByRole('heading', { name: 'Iemand anders heeft gesprekspunt 1.5.1 intussen gewijzigd' })
          .count(),
      ).toBe(1);
      const mine = conflict.getByRole('region', { name: 'Uw versie (niet opgeslagen)' });
      const current = conflict.getByRole('region', { name: 'Huidige versie (versie 1)' });
      expect(await mine.textContent()).toContain(SECOND);
      expect(await current.textContent()).toContain(FIRST);
      expect(await conflict.textContent()).toContain('Sanne de Vries');
      // Focus moved to the conflict, and the live region says what happened.
      await expect
        .poll(() => erik.page.evaluate(() => document.activeElement?.textContent))
        .toContain('intussen gewijzigd');
      expect(await pointOfErik.saveStatusText()).toContain('niet opgeslagen');
      // The form still holds Erik's text.
      expect(await pointOfErik.answer.inputValue()).toBe(SECOND);
      await stepOfErik.scan('stappagina met versieconflict');

      await conflict.getByRole('button', { name: 'Mijn versie opnieuw opslaan' }).click();
      await pointOfErik.expectSaved(2);
      expect(await pointOfErik.conflict.count()).toBe(0);
      expect(await pointOfErik.root.locator('.wk-point__meta').textContent()).toContain('Erik Jansen');

      // Sanne reloads: the current text is Erik's, and both versions are in the history.
      const reloaded = await new StepPage(sanne.page).goto(overvechtId, 1, '1.5', STEP_TITLE);
      const point = reloaded.point('1.5.1');
      expect(await point.answer.inputValue()).toBe(SECOND);
      await point.root.locator('summary').click();
      await point.root.locator('.wk-history__list li').nth(1).waitFor();
      const revisions = await point.root.locator('.wk-history__list li').allTextContents();
      expect(revisions).toHaveLength(2);
      expect(revisions[0]).toContain('Versie 2');
      expect(revisions[0]).toContain(SECOND);
      expect(revisions[1]).toContain('Versie 1');
      expect(revisions[1]).toContain(FIRST);

      expect(sanne.pageErrors).toEqual([]);
      expect(erik.pageErrors).toEqual([]);
      await sanne.context.close();
      await erik.context.close();
    },
  );

  it('can also take the current version instead', { timeout: JOURNEY_TIMEOUT }, async () => {
    const a = await openSession(browser);
    const b = await openSession(browser);
    await new LoginPage(a.page).goto().then((login) => login.loginAs(DEMO_USERS.coordinator));
    await new LoginPage(b.page).goto().then((login) => login.loginAs(DEMO_USERS.coordinator));
    const stepA = await new StepPage(a.page).goto(overvechtId, 1, '1.5', STEP_TITLE);
    const stepB = await new StepPage(b.page).goto(overvechtId, 1, '1.5', STEP_TITLE);
    const pointA = stepA.point('1.5.2');
    const pointB = stepB.point('1.5.2');
    await pointA.status('In bespreking').check();
    await pointA.answer.fill('Tekst uit het eerste venster.');
    await pointB.status('In bespreking').check();
    await pointB.answer.fill('Tekst uit het tweede venster.');
    await pointA.save();
    await pointA.expectSaved(1);
    await pointB.save();
    await pointB.conflict.waitFor();
    await pointB.conflict.getByRole('button', { name: 'Huidige versie overnemen' }).click();
    await pointB.conflict.waitFor({ state: 'detached' });
    expect(await pointB.answer.inputValue()).toBe('Tekst uit het eerste venster.');
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.id)).toBe('punt-1-5-2-antwoord');
    await a.context.close();
    await b.context.close();
  });
});
