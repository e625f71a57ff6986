/**
 * Journey 1: the programme manager of Utrecht walks the framework of "Wijkaanpak Overvecht": answers
 * a point with evidence and participants, skips one with a reason (after being told a reason is
 * required), records a go decision, and sees progress and the "vóór go-besluit" marks change.
 * Uses step 1.3 only; no other journey touches it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionPage } from './pages/decision-page.ts';
import { HistoryPage } from './pages/history-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession, type Session } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

describe('coördinator: gesprekspunten, overslaan en go-besluit', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  it(
    'answers, skips with a reason, records a go and sees the progress change',
    { timeout: JOURNEY_TIMEOUT },
    async () => {
      const { page } = session;
      const approaches = await new LoginPage(page)
        .goto()
        .then((login) => login.loginAs(DEMO_USERS.coordinator));
      expect(await approaches.titles()).toContain('Wijkaanpak Overvecht');

      const overview = await approaches.open('Wijkaanpak Overvecht');
      expect(await overview.isBeforeGo('orienteren')).toBe(false);
      expect(await overview.isBeforeGo('initieren')).toBe(true);
      expect(await overview.isBeforeGo('uitvoeren')).toBe(true);
      expect(await overview.stepCounts('1.3')).toMatch(/^0 van 2 afgerond/);
      expect(await overview.decisionSummary()).toContain('Nog geen besluit');

      const step = await overview.openStep('1.3', 'Luisteren naar bewoners');

      // 1.3.1: answered, with evidence and participants.
      const answered = step.point('1.3.1');
      await answered.status('Beantwoord').check();
      await answered.answer.fill(
        'Ja: drie wijkgesprekken en een online enquête onder 640 bewoners (voorjaar 2025).',
      );
      await answered.participant('Gemeente Utrecht').check();
      await answered.participant('Welzijnsorganisatie Wijk & Co (demo)').check();
      await answered.addEvidence(
        'Webadres',
        'Verslag wijkgesprekken Overvecht',
        'https://www.utrecht.nl/overvecht/wijkgesprekken-2025',
      );
      await answered.save();
      await answered.expectSaved(1);
      expect(await answered.root.locator('.wk-point__meta').textContent()).toContain('Sanne de Vries');
      await step.scan('stappagina 1.3 na opslaan');

      // 1.3.2: skipping without a reason is refused in the form, with an error summary that links to the field.
      const skipped = step.point('1.3.2');
      await skipped.status('Bewust overgeslagen').check();
      await skipped.save();
      await skipped.errorSummary.waitFor();
      expect(await skipped.errorSummary.textContent()).toContain('Reden om over te slaan');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('wk-error-summary')))
        .toBe(true);
      await step.scan('stappagina 1.3 met foutmelding');
      await skipped.errorSummary.getByRole('link').first().click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('punt-1-3-2-reden');
      await skipped.skipReason.fill(
        'De wijkpeiling van 2024 gebruikte al de ervaringskennis van bewoners; die uitkomsten nemen we over.',
      );
      await skipped.save();
      await skipped.expectSaved(1);
      expect(await skipped.errorSummary.count()).toBe(0);

      // Revision history of the answered point.
      await answered.root.locator('summary').click();
      await answered.root.locator('.wk-history__list li').first().waitFor();
      expect(await answered.root.locator('.wk-history__list li').count()).toBe(1);
      expect(await answered.root.locator('.wk-history__meta').first().textContent()).toContain('Versie 1');
      await step.scan('stappagina 1.3 met versiegeschiedenis');

      // Filters show the saved statuses.
      await step.filter('Overgeslagen');
      expect(await step.visiblePointIds()).toEqual(['1.3.2']);
      await step.filter('Alle');
      expect(await step.visiblePointIds()).toEqual(['1.3.1', '1.3.2']);

      // Back to the overview: step 1.3 is done.
      await page
        .getByRole('navigation', { name: 'Kruimelpad' })
        .getByRole('link', { name: 'Wijkaanpak Overvecht' })
        .click();
      await overview.expectLoaded('Wijkaanpak Overvecht');
      await expect.poll(() => overview.stepCounts('1.3')).toMatch(/^2 van 2 afgerond/);

      // The go decision.
      await overview.openSection('Go/no-go-besluit');
      const decision = new DecisionPage(page);
      await decision.expectLoaded();
      expect(await decision.decisions()).toEqual([]);
      await decision.recordGo({
        decidedBy: 'College van burgemeester en wethouders',
        rationale:
          'De opstapeling van problemen in Overvecht vraagt om een integrale, langjarige aanpak; partners en bewoners herkennen de urgentie.',
      });
      const listed = await decision.decisions();
      expect(listed).toHaveLength(1);
      expect(listed[0]).toContain('Go: integrale gebiedsgerichte aanpak');
      expect(listed[0]).toContain('Geldend besluit');
      await decision.scan('besluitpagina na go-besluit');

      // The phases after orientation are no longer "vóór go-besluit".
      await page
        .getByRole('navigation', { name: /^Onderdelen van / })
        .getByRole('link', { name: 'Overzicht en voortgang' })
        .click();
      await overview.expectLoaded('Wijkaanpak Overvecht');
      await expect.poll(() => overview.isBeforeGo('initieren')).toBe(false);
      expect(await overview.isBeforeGo('ontwerpen')).toBe(false);
      expect(await overview.isBeforeGo('uitvoeren')).toBe(false);
      await expect
        .poll(() => overview.decisionSummary())
        .toContain('Go: integrale gebiedsgerichte aanpak, besloten op');
      await overview.scan('overzicht na go-besluit');

      // Everything is in the history.
      await overview.openSection('Geschiedenis');
      const history = new HistoryPage(page);
      await history.expectLoaded();
      const events = await history.events();
      expect(events.some((e) => e.startsWith('Go/no-go-besluit vastgelegd: go'))).toBe(true);
      expect(
        events.some((e) => e.includes('Gesprekspunt 1.3.2 bijgewerkt') && e.includes('Bewust overgeslagen')),
      ).toBe(true);

      await history.logout();
      expect(session.pageErrors).toEqual([]);
    },
  );
});
