/**
 * Journey 2: a partner (housing corporation) works on points but records no decision: the decision
 * page has no form, and a direct POST from the page (with a valid session and CSRF token) gets 403.
 * Also: partners cannot skip, and a viewer (the alderman) reads without editing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DecisionPage } from './pages/decision-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

describe('rollen: partner en meelezer', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a partner sees no decision form, and the API refuses a decision with 403', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    const approaches = await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.partner));
    const overview = await approaches.open('Wijkaanpak Overvecht');
    expect(await page.getByText('Partner: u werkt gesprekspunten bij').count()).toBe(1);
    // Partners have no history and no admin section.
    expect(
      await page
        .getByRole('navigation', { name: /^Onderdelen van / })
        .getByRole('link', { name: 'Geschiedenis' })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('button', { name: 'Nieuwe cyclus starten' }).count()).toBe(0);

    await overview.openSection('Go/no-go-besluit');
    const decision = new DecisionPage(page);
    await decision.expectLoaded();
    expect(await decision.hasForm()).toBe(false);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(
      await page
        .getByText('Alleen een coördinator van deze wijkaanpak legt een go/no-go-besluit vast.')
        .count(),
    ).toBe(1);

    const response = await page.evaluate(async (approachId) => {
      const session = (await (await fetch('/api/v1/sessions/current')).json()) as { csrfToken: string };
      const result = await fetch(`/api/v1/approaches/${approachId}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          outcome: 'go',
          decidedOn: '2025-06-01',
          decidedBy: 'Woningcorporatie',
          rationale: 'Een partner probeert een besluit vast te leggen.',
          alternativeRoutes: [],
          alternativeOther: null,
          followUpDate: null,
        }),
      });
      return {
        status: result.status,
        type: result.headers.get('content-type'),
        body: (await result.json()) as { code?: string },
      };
    }, overvechtId);
    expect(response.status).toBe(403);
    expect(response.type).toContain('application/problem+json');
    expect(response.body.code).toBe('forbidden');

    // A partner may edit points but may not skip them: the option is there, disabled, and explained.
    const step = await new StepPage(page).goto(overvechtId, 1, '2.1', 'Stap 2.1 Lokale coalitie');
    const point = step.point('2.1.1');
    expect(await point.status('Bewust overgeslagen').isDisabled()).toBe(true);
    expect(await point.status('In bespreking').isEnabled()).toBe(true);
    expect(
      await point.root.getByText('Alleen een coördinator kan een gesprekspunt bewust overslaan').count(),
    ).toBe(1);

    // The history page tells a partner it is for coordinators.
    await page.goto(`/aanpakken/${overvechtId}/geschiedenis`);
    await page.getByText('Alleen coördinatoren van deze wijkaanpak kunnen de geschiedenis inzien.').waitFor();
    await decision.scan('geschiedenis voor een partner');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a viewer reads the points without any form', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.viewer));
    const step = await new StepPage(page).goto(overvechtId, 1, '1.1', 'Stap 1.1 Urgentie');
    expect(
      await page
        .getByText('U kunt deze gesprekspunten lezen. Uw rol op deze wijkaanpak staat wijzigen niet toe.')
        .count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: /^Opslaan/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    // The seeded answer of 1.1.1 is shown in full.
    expect(await step.point('1.1.1').root.textContent()).toContain(
      'De CBS-kerncijfers laten in meerdere buurten van Overvecht een opstapeling zien',
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
