/**
 * Journey: the MKBA (social cost-benefit analysis) of an approach. A coordinator makes one from the
 * template (ratio about 1,5) and one from scratch by pasting rows from Excel, sees the net present
 * value change to the hand-computed value, saves it and links it to discussion point 2.4.2; a
 * viewer reads the results without any edit controls; a stale save shows both versions. Axe scans
 * every state, including with a chart's table opened.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CbaCasePage, CbaListPage, TEMPLATE_NAME, readDutchNumber } from './pages/cba-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { StepPage } from './pages/step-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS, type DemoUser } from './support/users.ts';

const CASE_NAME = 'MKBA buurtteam en schoolbegeleiding Overvecht';

/** Two rows as Excel copies them: tab-separated, Dutch thousand dots and decimal comma. */
const PASTED_ROWS =
  'Buurtteam Overvecht\tKosten\tExploitatie\tGemeente\t250.000\t250.000\r\n' +
  'Minder voortijdig schoolverlaten\tBaten\tOnderwijs\tRijk\t\t1.234.567,89\t1.234.567,89\r\n';

async function login(page: Page, user: DemoUser): Promise<void> {
  await new LoginPage(page).goto().then((loginPage) => loginPage.loginAs(user));
}

/** Puts text on the clipboard and pastes it into the focused cell with the keyboard (Ctrl+V). */
async function pasteWithKeyboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

describe('MKBA', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'makes an MKBA from the template and from pasted rows, saves it and links it to point 2.4.2',
    async () => {
      const { page, context, pageErrors } = await openSession(browser);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await login(page, DEMO_USERS.coordinator);
      await page.goto(`/aanpakken/${overvechtId}`);
      await page.getByRole('heading', { level: 1, name: 'Wijkaanpak Overvecht' }).waitFor();

      // Keyboard: from the approach's navigation to the MKBA page.
      const nav = page.getByRole('navigation', { name: /^Onderdelen van / });
      await nav.getByRole('link', { name: 'MKBA', exact: true }).focus();
      await page.keyboard.press('Enter');
      const list = new CbaListPage(page);
      await list.expectLoaded();

      // The template reproduces the published "circa 1,5 euro per euro".
      const template = await list.createFromTemplate();
      const ratio = readDutchNumber(await template.figure('verhouding'));
      expect(Math.abs(ratio - 1.5)).toBeLessThan(0.05);
      expect(await template.figure('kosten')).toBe('€ 3,8 mld');
      expect(await template.figure('baten')).toBe('€ 5,8 mld');
      // The method is stated beside the figures.
      expect(await page.locator('.wk-cba-method').textContent()).toContain('(1 + r)^−(t − basisjaar)');
      const table = await template.openTableOf('Gecumuleerd verdisconteerd saldo per jaar');
      expect(await table.locator('tbody tr').count()).toBe(2050 - 2022 + 1);
      await template.scan('MKBA sjabloon met tabel bij de grafiek geopend');

      // Excel export: four sheets, made in the browser.
      const download = await template.exportToExcel();
      expect(download.suggestedFilename()).toBe('mkba-16-stedelijke-vernieuwingsgebieden-2021.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'invoer',
        'resultaten',
        'per partij',
        'gevoeligheid',
      ]);

      // A new, empty case: 2,25% and twenty years from the approach's start.
      await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'MKBA' }).click();
      await list.expectLoaded();
      expect(await list.rowText(TEMPLATE_NAME)).toContain('1,53');
      const fresh = await list.createNew();
      expect(await fresh.textbox('Discontovoet (%)').inputValue()).toBe('2,25');
      const baseYear = Number(await fresh.textbox('Basisjaar contante waarde').inputValue());
      expect(Number(await fresh.textbox('Laatste jaar').inputValue())).toBe(baseYear + 20);
      await fresh.textbox('Naam van de MKBA').fill(CASE_NAME);

      // Paste two rows from Excel into the first cell of a new row.
      await page.getByRole('button', { name: /^Rij toevoegen/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mkba-a0-r0-label');
      await pasteWithKeyboard(page, PASTED_ROWS);
      await expect.poll(() => fresh.labelCell(1).inputValue()).toBe('Minder voortijdig schoolverlaten');
      expect(await fresh.amountCell(1, baseYear + 1).inputValue()).toBe('1.234.567,89');
      expect(await fresh.amountCell(0, baseYear).inputValue()).toBe('250.000');

      // By hand: costs 250.000 in the base year and the next; benefits 1.234.567,89 in the two
      // years after the base year; each discounted with (1 + 0,0225)^−(t − base year).
      const factor = (t: number) => Math.pow(1.0225, -t);
      const expectedNpv = -250_000 * (factor(0) + factor(1)) + 1_234_567.89 * (factor(1) + factor(2));
      await fresh.waitUntilEvaluated();
      await expect.poll(() => fresh.exactFigure('ncw'), { timeout: 15_000 }).toBe(Math.round(expectedNpv));
      await fresh.scan('nieuwe MKBA na plakken');

      // Arrow keys move between cells, as in a spreadsheet.
      await fresh.amountCell(0, baseYear).focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`mkba-a0-r1-j${baseYear}`);
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`mkba-a0-r1-j${baseYear + 1}`);

      // A problem the server finds is shown next to its cell: a row without a description.
      await fresh.labelCell(1).fill('');
      await expect.poll(() => fresh.cellError(fresh.labelCell(1)), { timeout: 15_000 }).toMatch(/leeg/);
      expect(await fresh.labelCell(1).getAttribute('aria-invalid')).toBe('true');
      await fresh.scan('nieuwe MKBA met een fout bij een cel');
      await fresh.labelCell(1).fill('Minder voortijdig schoolverlaten');
      await fresh.waitUntilEvaluated();

      await fresh.save(2);
      await page.getByRole('heading', { level: 1, name: CASE_NAME }).waitFor();
      const casePath = new URL(page.url()).pathname;

      // Link as evidence to 2.4.2 and find the link on the step page.
      await fresh.linkButton.click();
      const linked = page
        .getByRole('status')
        .filter({ hasText: 'staat nu als onderbouwing bij gesprekspunt 2.4.2' });
      await linked.waitFor();
      await fresh.scan('MKBA gekoppeld aan gesprekspunt 2.4.2');
      await linked.getByRole('link', { name: 'Naar gesprekspunt 2.4.2' }).click();
      const step = new StepPage(page);
      await step.expectLoaded('Stap 2.4 Instrumenten en financiering');
      const evidenceLink = step.point('2.4.2').root.getByRole('link', { name: CASE_NAME });
      expect(await evidenceLink.first().getAttribute('href')).toBe(casePath);
      await evidenceLink.first().click();
      await new CbaCasePage(page).expectLoaded(CASE_NAME);

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'lets a viewer read the results without any edit controls',
    async () => {
      const coordinator = await openSession(browser);
      await login(coordinator.page, DEMO_USERS.coordinator);
      const made = await new CbaListPage(coordinator.page)
        .goto(overvechtId)
        .then((l) => l.createFromTemplate());
      const casePath = new URL(made.page.url()).pathname;
      await coordinator.context.close();

      const { page, context, pageErrors } = await openSession(browser);
      await login(page, DEMO_USERS.viewer);
      const list = await new CbaListPage(page).goto(overvechtId);
      expect(await list.newButton.count()).toBe(0);
      expect(await list.templateButton.count()).toBe(0);

      const view = await new CbaCasePage(page).goto(casePath, TEMPLATE_NAME);
      expect(Math.abs(readDutchNumber(await view.figure('verhouding')) - 1.5)).toBeLessThan(0.05);
      expect(await page.getByRole('heading', { name: 'Alleen lezen' }).count()).toBe(1);
      const main = page.locator('main');
      expect(await main.getByRole('textbox').count()).toBe(0);
      expect(await main.getByRole('combobox').count()).toBe(0);
      for (const name of [
        'Opslaan',
        /^Rij toevoegen/,
        /^Verwijderen/,
        /^Koppel als onderbouwing/,
        /^Omzetten/,
      ])
        expect(await main.getByRole('button', { name }).count()).toBe(0);
      // The items are there to read, per year.
      expect(await main.getByRole('table', { name: /Kosten en baten per jaar/ }).count()).toBe(1);
      await view.openTableOf('Kosten en baten per partij');
      await view.openTableOf(/^Gevoeligheid per post/);
      await view.scan('MKBA voor een meelezer met tabellen geopend');

      // Printed: the report without controls.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Rapport afdrukken' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Gevoeligheid voor de discontovoet' }).isVisible()).toBe(
        true,
      );
      expect(await page.locator('.wk-cba-method').isVisible()).toBe(true);

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows both versions when someone else saved in between, and keeps mine on request',
    async () => {
      const first = await openSession(browser);
      const second = await openSession(browser);
      await login(first.page, DEMO_USERS.coordinator);
      await login(second.page, DEMO_USERS.partner);
      const made = await new CbaListPage(first.page).goto(overvechtId).then((l) => l.createNew());
      const casePath = new URL(made.page.url()).pathname;
      const mine = await new CbaCasePage(second.page).goto(casePath, 'Nieuwe MKBA');

      await made.textbox('Naam van de MKBA').fill('MKBA eerste versie');
      await made.save(2);
      await mine.textbox('Discontovoet (%)').fill('3');
      await mine.waitUntilEvaluated();
      await mine.saveButton.click();

      const conflict = second.page.locator('.wk-conflict');
      await conflict.waitFor();
      expect(
        await conflict.getByRole('region', { name: 'Uw versie (niet opgeslagen)' }).textContent(),
      ).toContain('3%');
      expect(
        await conflict.getByRole('region', { name: 'Huidige versie (versie 2)' }).textContent(),
      ).toContain('MKBA eerste versie');
      await expect
        .poll(() => second.page.evaluate(() => document.activeElement?.textContent))
        .toContain('intussen gewijzigd');
      await mine.scan('MKBA met versieconflict');
      await conflict.getByRole('button', { name: 'Mijn versie opnieuw opslaan' }).click();
      await expect.poll(() => mine.saveStatus()).toBe('De MKBA is opgeslagen (versie 3).');
      expect(await conflict.count()).toBe(0);

      await first.context.close();
      await second.context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
