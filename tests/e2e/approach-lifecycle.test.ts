/**
 * A coordinator starts a new approach (after fixing an invalid CBS code the form points out),
 * starts a second cycle (the first becomes read-only), records a no-go with alternative routes, and
 * archives the approach. Works on its own
 * approach, so the demo's Overvecht is not touched.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page.ts';
import { ApproachOverviewPage } from './pages/approach-overview-page.ts';
import { DecisionPage } from './pages/decision-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

const TITLE = 'Wijkaanpak Zuilen (e2e)';

describe('wijkaanpak starten, nieuwe cyclus, archiveren', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates, cycles and archives an approach', { timeout: JOURNEY_TIMEOUT }, async () => {
    const { page, context, pageErrors } = await openSession(browser);
    const approaches = await new LoginPage(page)
      .goto()
      .then((login) => login.loginAs(DEMO_USERS.coordinator));
    await page.getByRole('link', { name: 'Nieuwe wijkaanpak' }).click();
    const form = new AppPage(page);
    await form.arrive('Nieuwe wijkaanpak', 'formulier nieuwe wijkaanpak');

    await page.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: 'Omschrijving (niet verplicht)' })
      .fill('Aanpak voor de buurten van Zuilen.');
    const area = page.getByRole('textbox', { name: 'Gebied: CBS-gebiedscodes' });
    await area.fill('BU03440211\nZuilen-Noord\nbu03440212');
    await page.getByRole('button', { name: 'Wijkaanpak starten' }).click();
    const summary = page.locator('.wk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('regel 2: “Zuilen-Noord” is geen CBS-gebiedscode');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('wk-error-summary')))
      .toBe(true);
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    await form.scan('formulier nieuwe wijkaanpak met fouten');
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('gebied');
    await area.fill('BU03440211\nbu03440212\n');
    await page.getByRole('button', { name: 'Wijkaanpak starten' }).click();

    const overview = new ApproachOverviewPage(page);
    await overview.expectLoaded(TITLE);
    expect(await page.locator('.wk-codes').textContent()).toBe('BU03440211, BU03440212');
    expect(await overview.stepCounts('1.1')).toMatch(/^0 van 4 afgerond/);

    // A new cycle, after confirmation; the first one becomes read-only.
    await page.getByRole('button', { name: 'Nieuwe cyclus starten' }).click();
    await page.getByRole('heading', { name: 'Weet u zeker dat u cyclus 2 wilt starten?' }).waitFor();
    await overview.scan('bevestiging nieuwe cyclus');
    await page.getByRole('button', { name: 'Ja, start cyclus 2' }).click();
    await page.getByText('Cyclus 2 is gestart. Cyclus 1 is afgesloten en blijft leesbaar.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Afwegingskader: Cyclus 2' }).waitFor();

    await page.getByRole('combobox', { name: 'Cyclus' }).selectOption('1');
    await page.getByRole('button', { name: 'Cyclus tonen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Afwegingskader: Cyclus 1' }).waitFor();
    await page.getByText(/Cyclus 1 is afgesloten op .*U kunt deze cyclus alleen lezen\./).waitFor();
    await overview.scan('overzicht van een afgesloten cyclus');
    await page.getByRole('link', { name: 'Stap 1.1 Urgentie', exact: true }).click();
    const closedStep = new StepPage(page);
    await closedStep.expectLoaded('Stap 1.1 Urgentie');
    expect(new URL(page.url()).pathname).toMatch(/\/cycli\/1\/stappen\/1\.1$/);
    expect(
      await page
        .getByText('Cyclus 1 is afgesloten. U kunt de gesprekspunten lezen maar niet meer wijzigen.')
        .count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: /^Opslaan/ }).count()).toBe(0);

    // A no-go: the form asks for an alternative route and a follow-up date ("vinger aan de pols").
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: TITLE }).click();
    await overview.expectLoaded(TITLE);
    await overview.openSection('Go/no-go-besluit');
    const decision = new DecisionPage(page);
    await decision.expectLoaded();
    await page.getByRole('radio', { name: 'No-go: andere inzet' }).check();
    await page.getByRole('textbox', { name: 'Besloten door' }).fill('Wethouder Wonen en Wijken');
    await page
      .getByRole('textbox', { name: 'Onderbouwing' })
      .fill('De problemen in Zuilen zijn beperkt; gerichte inzet volstaat.');
    await decision.submitButton.click();
    const decisionErrors = page.locator('.wk-error-summary');
    await decisionErrors.waitFor();
    const problems = await decisionErrors.getByRole('listitem').allTextContents();
    expect(problems).toEqual([
      'Alternatieve route: Kies bij een no-go ten minste één alternatieve route.',
      'Vinger aan de pols: Kies bij een no-go een datum om de wijk opnieuw te bekijken.',
    ]);
    await decision.scan('besluitformulier no-go met fouten');
    await page.getByRole('checkbox', { name: 'Intensiveren sociaal beheer' }).check();
    await page.getByRole('checkbox', { name: 'Anders' }).check();
    await page
      .getByRole('textbox', { name: 'Beschrijf de andere route' })
      .fill('Buurtbemiddeling uitbreiden');
    const followUp = new Date(Date.now() + 120 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByRole('textbox', { name: /^Vinger aan de pols/ }).fill(followUp);
    await decision.submitButton.click();
    const current = page.locator('.wk-decision--current');
    await current.getByText('Wethouder Wonen en Wijken').waitFor();
    const recorded = ((await current.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(recorded).toContain('No-go: andere inzet');
    expect(recorded).toContain('Intensiveren sociaal beheer; Anders: Buurtbemiddeling uitbreiden');
    expect(recorded).toContain('Geldend besluit');
    await decision.scan('besluitpagina na no-go');
    // A no-go leaves the later phases "vóór go-besluit".
    await page
      .getByRole('navigation', { name: /^Onderdelen van / })
      .getByRole('link', { name: 'Overzicht en voortgang' })
      .click();
    await overview.expectLoaded(TITLE);
    await expect.poll(() => overview.decisionSummary()).toContain('No-go');
    expect(await overview.isBeforeGo('initieren')).toBe(true);

    // Archive it: gone from the list, back with "Toon ook gearchiveerde".
    await page.getByRole('button', { name: 'Wijkaanpak archiveren' }).click();
    await page.getByRole('button', { name: 'Ja, archiveren' }).click();
    await page.getByText(`${TITLE} is gearchiveerd.`).waitFor();
    await page.getByRole('link', { name: 'Wijkaanpakken', exact: true }).first().click();
    await approaches.expectLoaded();
    expect(await approaches.titles()).not.toContain(TITLE);
    await approaches.showArchived();
    await page.locator('.wk-card h2', { hasText: TITLE }).waitFor();
    expect(await page.locator('.wk-card', { hasText: TITLE }).getByText('Gearchiveerd').count()).toBe(1);
    await approaches.scan('overzicht met gearchiveerde wijkaanpakken');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
