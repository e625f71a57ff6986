/**
 * Journey 6: knowledge pages and steps link both ways: from a step to its principle, from the
 * principle back to the steps (inside the approach one came from), and, without logging in, from
 * a success factor to the framework's reference steps and back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FRAMEWORK } from '../../src/core/framework/index.ts';
import { KnowledgePage } from './pages/knowledge-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

/** The step links a knowledge page should list, straight from the framework content. */
function stepsReferring(itemId: string): string[] {
  return FRAMEWORK.phases.flatMap((phase) =>
    phase.steps
      .filter((s) => [...s.principleIds, ...s.successFactorIds].includes(itemId))
      .map((s) => `Stap ${s.id} ${s.title}`),
  );
}

describe('kennisbank', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a step links to its principle, which links back to the step in the same approach', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.viewer));
    const step = await new StepPage(page).goto(
      overvechtId,
      1,
      '2.2',
      'Stap 2.2 Visie op de toekomst van de wijk',
    );
    expect(
      await page.getByText('Bron: afwegingskader, Programma Leefbaarheid en Veiligheid (2022)').count(),
    ).toBeGreaterThan(0);

    await step.knowledgeLink('Uitgangspunt 3: Mens- en gebiedsgericht maatwerk').click();
    const knowledge = new KnowledgePage(page);
    await knowledge.expectItem('Uitgangspunt 3: Mens- en gebiedsgericht maatwerk');
    const linked = await knowledge.linkedSteps();
    expect(linked).toContain('Stap 2.2 Visie op de toekomst van de wijk');
    expect(linked).toEqual(stepsReferring('principle-3'));

    await knowledge.openLinkedStep('Stap 2.2 Visie op de toekomst van de wijk');
    await step.expectLoaded('Stap 2.2 Visie op de toekomst van de wijk');
    expect(new URL(page.url()).pathname).toBe(`/aanpakken/${overvechtId}/cycli/1/stappen/2.2`);

    // And via the success factor of the same step.
    await step.knowledgeLink('Succesfactor 3: Visie op de toekomst van de wijk').click();
    await knowledge.expectItem(/^Succesfactor 3: /);
    expect(await knowledge.linkedSteps()).toContain('Stap 2.2 Visie op de toekomst van de wijk');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('without logging in: the knowledge base lists everything and links both ways', async () => {
    const { page, context, pageErrors } = await openSession(browser);
    const knowledge = await new KnowledgePage(page).gotoIndex();
    const principles = page.getByRole('region', { name: 'Uitgangspunten' }).getByRole('link');
    const factors = page.getByRole('region', { name: 'Succesfactoren' }).getByRole('link');
    expect(await principles.count()).toBe(6);
    expect(await factors.count()).toBe(10);

    await factors.first().click();
    await knowledge.expectItem(/^Succesfactor 1: /);
    const linked = await knowledge.linkedSteps();
    expect(linked).toEqual(
      expect.arrayContaining([
        'Stap 1.1 Urgentie',
        'Stap 1.2 Grip op de opgaven',
        'Stap 1.4 Stakeholders en belangen in beeld',
      ]),
    );
    expect(linked).toEqual(stepsReferring('success-factor-1'));
    await knowledge.openLinkedStep('Stap 1.2 Grip op de opgaven');
    await knowledge.arrive('Stap 1.2 Grip op de opgaven', 'referentiestap 1.2');
    expect(new URL(page.url()).pathname).toBe('/kennis/stappen/1.2');
    expect(await page.getByRole('listitem').filter({ hasText: '1.2.4' }).count()).toBe(1);
    await page
      .getByRole('region', { name: 'Uitgangspunten en succesfactoren' })
      .getByRole('link', { name: /^Succesfactor 1: / })
      .click();
    await knowledge.expectItem(/^Succesfactor 1: /);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
