/**
 * Journey: the demo coordinator of Utrecht adds an own ("local") indicator and brings in its values.
 * From the CBS import page to "Eigen indicatoren"; the empty form gives an error summary that leads
 * to the field; a key the CBS already uses is refused by the server (409) next to the field; the
 * indicator is added by keyboard and listed; its template for 2024 names Utrecht's gemeente, wijken
 * and buurten (checked against CBS's buurtnamen-2024.csv in ../shared/data); two values filled in
 * the downloaded file are imported on the CBS import page and come back in the indicator explorer
 * of Wijkaanpak Overvecht; a viewer gets no page. Axe scans every state; one browser context.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CbsImportPage } from './pages/analysis-map-page.ts';
import { IndicatorExplorerPage } from './pages/analysis-page.ts';
import { LocalIndicatorsPage } from './pages/local-indicators-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

const NAMES_2024 = '../shared/data/cbs/buurtnamen-2024.csv';
const KEY = 'overlast_wijkpeiling';
const TITLE = 'Ervaren overlast (wijkpeiling)';
/** Zamenhofdreef en omgeving, a buurt of Overvecht (WK034403), the demo's focus area. */
const SAMPLE_BUURT = 'BU03440321';

/** Utrecht's buurten of 2024 with their names, from CBS's own list ("Identifier,Title", quoted names). */
async function readUtrechtBuurten(): Promise<Map<string, string>> {
  const text = await readFile(NAMES_2024, 'utf8');
  const buurten = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^(BU0344\d{4}),(?:"(.*)"|(.*))$/.exec(line);
    if (match) buurten.set(match[1]!, (match[2] ?? match[3] ?? '').replaceAll('""', '"'));
  }
  return buurten;
}

describe('eigen indicatoren', () => {
  let browser: Browser;
  let workDir: string;
  let buurten: Map<string, string>;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
    workDir = await mkdtemp(path.join(tmpdir(), 'wijkkompas-local-indicators-'));
    buurten = await readUtrechtBuurten();
    expect(buurten.size).toBeGreaterThan(90);
    expect(buurten.get(SAMPLE_BUURT)).toBe('Zamenhofdreef en omgeving');
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it(
    'add an indicator, download its template, import two values, see them in the explorer',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.coordinator));

      // Reached from the CBS import page.
      const imports = await new CbsImportPage(page).goto();
      await page.getByRole('link', { name: 'eigen indicator', exact: true }).click();
      const local = new LocalIndicatorsPage(page);
      await local.arrive('Eigen indicatoren', 'eigen indicatoren, nog geen');
      await page.getByText('Er zijn nog geen eigen indicatoren.').waitFor();
      expect(await local.table().count()).toBe(0);

      // The empty form: every required field in the summary, which takes the focus.
      await local.submitButton().click();
      expect(await local.summaryItems()).toEqual([
        'Sleutel: vul een sleutel in, bijvoorbeeld overlast_wijkpeiling.',
        'Titel: geef een titel van minstens 3 tekens.',
        'Eenheid: vul de eenheid in, bijvoorbeeld % of aantal.',
        'Domein: kies een domein (of Overig).',
        'Richting: kies of een hogere waarde gunstig is.',
        'Soort: kies aantal, percentage of gemiddelde.',
      ]);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('wk-error-summary'))).toBe(
        true,
      );
      expect(await local.fieldError('indicator-titel').textContent()).toContain('minstens 3 tekens');
      await local.scan('eigen indicatoren, leeg formulier verstuurd');

      // By keyboard: the summary's first link leads to the key; then the form in tab order.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await local.focusedId()).toBe('indicator-sleutel');
      await page.keyboard.type('a_inw'); // a CBS key: only the server knows it is taken
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-titel');
      await page.keyboard.type(TITLE);
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-definitie');
      await page.keyboard.type('Aandeel bewoners dat in de wijkpeiling zegt vaak overlast te ervaren.');
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-eenheid');
      await page.keyboard.type('%');
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-domein');
      await page.locator('#indicator-domein').selectOption('safety');
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-richting-higher_is_worse');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-soort-count');
      await page.keyboard.press('ArrowDown'); // count -> percentage; the base appears
      expect(await page.getByLabel('percentage van een basis', { exact: false }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await local.focusedId()).toBe('indicator-basis');
      await page.locator('#indicator-basis').selectOption('a_inw');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Indicator toevoegen');
      await page.keyboard.press('Enter');

      // The server refuses the key (409): next to the field and in the summary.
      await local.fieldError('indicator-sleutel').waitFor();
      expect(await local.fieldError('indicator-sleutel').textContent()).toContain('sleutel bestaat al');
      expect(await local.summaryItems()).toEqual(['Sleutel: sleutel bestaat al']);
      await local.scan('eigen indicatoren, sleutel bestaat al');

      // Another key; Enter in the field sends the form.
      await page.locator('#indicator-sleutel').fill(KEY);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText(`De eigen indicator ${TITLE} (${KEY}) is toegevoegd.`, { exact: false })
        .waitFor();
      expect(await local.errorSummary.count()).toBe(0);
      expect(await page.locator('#indicator-sleutel').inputValue()).toBe('');
      const rows = await local.rows();
      expect(rows.length).toBe(1);
      expect(rows[0]?.slice(0, 6)).toEqual([
        KEY,
        TITLE,
        '%',
        'percentage van een basis',
        'Veiligheid',
        'hoger is ongunstiger',
      ]);
      expect(rows[0]?.[6]).toMatch(/\(a_inw\)$/);
      await local.scan('eigen indicatoren, indicator toegevoegd');

      // The template for 2024: Utrecht's gemeente first, then wijken with their buurten, values empty.
      const templateYear = page.getByLabel('Jaar van het sjabloon');
      await templateYear.selectOption('2024');
      await templateYear.focus();
      await page.keyboard.press('Tab');
      expect(await local.focusedText()).toBe(`Sjabloon downloaden: ${TITLE}`);
      const download = await local.downloadWithEnter();
      expect(download.suggestedFilename()).toBe(`${KEY}-2024.csv`);
      const template = await readFile((await download.path()) as string, 'utf8');
      expect(template.charCodeAt(0)).toBe(0xfeff);
      const lines = template.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(`gwb_code_10;regio;${KEY}`);
      expect(lines[1]).toMatch(/^GM0344;Utrecht;$/);
      expect(lines).toContain(`${SAMPLE_BUURT};Zamenhofdreef en omgeving;`);
      const codes = new Set(lines.slice(1).map((line) => line.split(';')[0]));
      for (const code of buurten.keys()) expect(codes.has(code), code).toBe(true);
      expect(lines.slice(1).every((line) => line.endsWith(';'))).toBe(true);
      await page
        .getByRole('status')
        .getByText(
          new RegExp(
            `^Het sjabloon ${KEY}-2024\\.csv is gemaakt: 1 gemeente, \\d+ wijken en \\d+ buurten van 2024`,
          ),
        )
        .waitFor();
      await local.scan('eigen indicatoren, sjabloon gemaakt');

      // Two values: the gemeente's own figure and one buurt of Overvecht.
      const filled = template
        .replace('\r\nGM0344;Utrecht;\r\n', '\r\nGM0344;Utrecht;21,4\r\n')
        .replace(
          `${SAMPLE_BUURT};Zamenhofdreef en omgeving;`,
          `${SAMPLE_BUURT};Zamenhofdreef en omgeving;12,5`,
        );
      expect(filled).not.toBe(template);
      const file = path.join(workDir, download.suggestedFilename());
      await writeFile(file, filled, 'utf8');

      // Uploaded on the CBS import page, reached from the explanation.
      await page
        .getByRole('region', { name: 'Waarden importeren' })
        .getByRole('link', { name: 'CBS-cijfers importeren' })
        .click();
      await imports.arrive('CBS-cijfers importeren', 'CBS-import vanaf eigen indicatoren');
      await imports.upload(file);
      await page.getByRole('status').getByText(`${KEY}-2024.csv: Nieuw`).waitFor({ timeout: 60_000 });
      await imports.scan('CBS-import, eigen indicator geïmporteerd');

      // In the indicator explorer of Overvecht: the buurt's value for the area, the gemeente's own.
      await page.goto(`/aanpakken/${overvechtId}/analyse/indicatoren/${KEY}`);
      const explorer = new IndicatorExplorerPage(page);
      await explorer.expectLoaded(TITLE);
      const [area2024, municipality2024] = await explorer.seriesRow(2024);
      expect(area2024).toBe('12,5%');
      expect(municipality2024).toBe('21,4%');

      // A viewer of the same municipality gets the page's refusal, no form and no list.
      await explorer.logout();
      await new LoginPage(page).goto().then((login) => login.loginAs(DEMO_USERS.viewer));
      await local.goto();
      await page.getByText(/^Alleen een coördinator van een gemeente of de platformbeheerder/).waitFor();
      expect(await local.form.count()).toBe(0);
      expect(await local.table().count()).toBe(0);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT,
  );
});
