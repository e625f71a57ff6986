/**
 * Journey: the municipality half of the neighbourhood analysis on the demo's real CBS figures for
 * Utrecht, from Wijkaanpak Overvecht. The map draws a path per buurt with a figure and its table
 * holds the same values as CBS's own file; the ranking follows a sort done here; the accumulation
 * page shows the focus area and its buurten; CSV and Excel exports carry the figures; the CBS import
 * page shows a broken file's precise error and changes nothing; a viewer does not get the import
 * page. Axe scans every page state; the table is the keyboard path, the map takes no focus.
 *
 * Reference figures come straight from the CBS file in ../shared/data, read here without the
 * application's readers: kwb-2024-woningen.csv is CBS table 85984NED (Kerncijfers wijken en buurten
 * 2024) as OData v4 Observations, where measure M001642 is "Gemiddelde WOZ-waarde van woningen"
 * (x 1 000 euro; CBS MeasureCodes of 85984NED), and the region column holds the CBS code.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AccumulationPage,
  AnalysisMapPage,
  AnalysisRankingsPage,
  CbsImportPage,
  parseDutchNumber,
} from './pages/analysis-map-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS, type DemoUser } from './support/users.ts';

const WONINGEN_2024 = '../shared/data/cbs/kwb-woningen-2013-2025/kwb-2024-woningen.csv';
const WOZ_MEASURE = 'M001642';
const QUERY = { indicator: 'g_wozbag', jaar: '2024' };
/** Zamenhofdreef en omgeving, a buurt of Overvecht (WK034403). */
const SAMPLE_BUURT = 'BU03440321';

/** Utrecht's buurten with their 2024 WOZ value, read from the CBS file (rows without a value are absent there). */
async function readWozValues(): Promise<Map<string, number>> {
  const text = await readFile(WONINGEN_2024, 'utf8');
  const [header, ...lines] = text.split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const measureAt = columns.indexOf('Measure');
  const valueAt = columns.indexOf('Value');
  const regionAt = columns.indexOf('WijkenEnBuurten');
  expect([measureAt, valueAt, regionAt].every((i) => i >= 0)).toBe(true);
  const values = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const region = (cells[regionAt] ?? '').trim();
    if (cells[measureAt] !== WOZ_MEASURE || !region.startsWith('BU0344') || cells[valueAt] === '') continue;
    values.set(region, Number(cells[valueAt]));
  }
  return values;
}

/** The CSV export: BOM, ';' between fields, decimal comma (table-export.ts); no quoted fields in these tables. */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n/)
    .filter((line) => line !== '');
  const labels = (header ?? '').split(';');
  return lines.map((line) =>
    Object.fromEntries(line.split(';').map((cell, i) => [labels[i] ?? String(i), cell])),
  );
}

async function login(page: Page, user: DemoUser): Promise<void> {
  await new LoginPage(page).goto().then((loginPage) => loginPage.loginAs(user));
}

describe('gebiedsanalyse van de gemeente: kaart, rangorde, opstapeling, CBS-import', () => {
  let browser: Browser;
  let workDir: string;
  let woz: Map<string, number>;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
    workDir = await mkdtemp(path.join(tmpdir(), 'wijkkompas-analysis-map-'));
    woz = await readWozValues();
    // The file itself: Utrecht has buurten with and without a published WOZ value in 2024.
    expect(woz.size).toBeGreaterThan(90);
    expect(woz.has(SAMPLE_BUURT)).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it(
    'map: a path per buurt with a figure, the table matches the CBS file, CSV export, keyboard path',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await login(page, DEMO_USERS.coordinator);
      // Reached through the navigation, not only by address.
      await page.goto(`/aanpakken/${overvechtId}`);
      await page.getByRole('heading', { level: 1, name: 'Wijkaanpak Overvecht' }).waitFor();
      await page.goto(`/aanpakken/${overvechtId}/analyse/rangorde?indicator=g_wozbag&jaar=2024`);
      await page
        .getByRole('navigation', { name: 'Onderdelen van de gebiedsanalyse' })
        .getByRole('link', { name: 'Kaart' })
        .click();
      const map = new AnalysisMapPage(page);
      await map.arrive(/^Kaart van de buurten van Utrecht$/, 'kaart');
      await map.mapPaths().first().waitFor();
      expect(await page.getByRole('combobox', { name: 'Indicator' }).inputValue()).toBe('g_wozbag');

      // One path per buurt with a figure, each drawn from the CBS value.
      const paths = await map.pathsByCode();
      const drawnWithValue = [...paths].filter(([, value]) => value !== '');
      expect(drawnWithValue.length).toBe(woz.size);
      for (const [code, value] of drawnWithValue) expect(Number(value), code).toBe(woz.get(code));

      // The legend names the indicator, its unit and year, which end is worse, and the missing figures.
      const legend = (await map.legend().textContent()) ?? '';
      expect(legend).toContain('Gemiddelde WOZ-waarde van woningen (x 1 000 euro), 2024');
      expect(legend).toContain('lager is ongunstiger');
      expect(legend).toMatch(/Geen cijfer.*\(\d+ buurten?\)/);
      expect(
        await page
          .getByText(/^Bron: CBS, Kerncijfers wijken en buurten 2024/)
          .first()
          .isVisible(),
      ).toBe(true);

      // The table lists every buurt of the map, with the CBS value.
      const rows = await map.rows('map-table');
      expect(rows.length).toBe(paths.size);
      const sample = rows.find((row) => row[1] === SAMPLE_BUURT);
      expect(sample?.[0]).toContain('(focusgebied)');
      expect(parseDutchNumber(sample?.[2] ?? '')).toBe(woz.get(SAMPLE_BUURT));
      const missingRows = rows.filter((row) => parseDutchNumber(row[2] ?? '') === null);
      expect(missingRows.length).toBe(paths.size - woz.size);
      for (const row of missingRows) expect(row[3]).toMatch(/geen cijfer|geheim|niet in het bestand/);

      // Keyboard: from the year field, Tab reaches the table's sort buttons without stopping in the map.
      await page.getByRole('combobox', { name: 'Jaar' }).focus();
      let reachedSort = false;
      for (let step = 0; step < 20 && !reachedSort; step++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => ({
          inMap: document.activeElement?.closest('[data-testid="buurt-map"]') !== null,
          text: document.activeElement?.textContent ?? '',
          isSort: document.activeElement?.classList.contains('wk-muni-sort') ?? false,
        }));
        expect(where.inMap).toBe(false);
        reachedSort = where.isSort && where.text.startsWith('Waarde');
      }
      expect(reachedSort).toBe(true);
      await page.keyboard.press('Enter');
      const valueHeader = map.table('map-table').getByRole('columnheader', { name: /^Waarde/ });
      expect(await valueHeader.getAttribute('aria-sort')).toBe('descending');
      const highest = Math.max(...woz.values());
      expect(parseDutchNumber((await map.rows('map-table'))[0]?.[2] ?? '')).toBe(highest);
      await map.scan('kaart, tabel gesorteerd op waarde');

      // CSV export of the table: the same figure as CBS's file.
      const csvDownload = await map.download('map-table', 'CSV');
      expect(csvDownload.suggestedFilename()).toBe('kaart-g_wozbag-2024-GM0344.csv');
      const csv = parseCsv(await readFile((await csvDownload.path()) as string, 'utf8'));
      expect(csv.length).toBe(paths.size);
      const csvSample = csv.find((row) => row['CBS-code'] === SAMPLE_BUURT);
      expect(Number((csvSample?.['Waarde (x 1 000 euro)'] ?? '').replace(',', '.'))).toBe(
        woz.get(SAMPLE_BUURT),
      );
      const csvMissing = csv.filter((row) => row['Waarde (x 1 000 euro)'] === '');
      expect(csvMissing.length).toBe(paths.size - woz.size);

      // Another indicator: the map and its legend follow (a neutral one is blue and says so).
      await page.getByRole('combobox', { name: 'Indicator' }).selectOption('p_huurw');
      await map
        .legend()
        .getByText(/Neutrale indicator/)
        .waitFor();
      await map.settle();
      await map.scan('kaart, andere indicator');
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'rankings follow a sort of the CBS values; the Excel export carries them',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await login(page, DEMO_USERS.viewer);
      const rankings = await new AnalysisRankingsPage(page).goto(overvechtId, QUERY);
      const rows = await rankings.rows('ranking-table');
      // Columns: buurt, code, rank, value, percentile municipality, rank NL, percentile NL.
      const ranked = rows.filter((row) => parseDutchNumber(row[2] ?? '') !== null);
      expect(ranked.length).toBe(woz.size);
      // Higher WOZ is better, so rank 1 is the lowest value: the page's order is the ascending sort.
      const expected = [...woz.values()].sort((a, b) => a - b);
      expect(ranked.map((row) => parseDutchNumber(row[3] ?? ''))).toEqual(expected);
      // Ranks with ties sharing the best rank: rank = 1 + number of strictly lower values.
      for (const row of ranked) {
        const value = parseDutchNumber(row[3] ?? '') as number;
        expect(parseDutchNumber(row[2] ?? ''), row[0]).toBe(1 + expected.filter((v) => v < value).length);
      }
      // Focus-area buurten are marked; the unranked ones come last.
      expect(rows.filter((row) => row[0]?.includes('(focusgebied)')).length).toBe(10);
      expect(rows.slice(ranked.length).every((row) => parseDutchNumber(row[2] ?? '') === null)).toBe(true);
      // The chart has its table alternative.
      await page.getByText('Tabel bij deze grafiek').first().click();
      await rankings.scan('rangorde met tabel bij de grafiek');

      const xlsxDownload = await rankings.download('ranking-table', 'Excel');
      expect(xlsxDownload.suggestedFilename()).toBe('rangorde-g_wozbag-2024-GM0344.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await xlsxDownload.path()) as string);
      const sheet = workbook.worksheets[0];
      // Title, an empty row, then the header (table-export.ts).
      expect(sheet?.getRow(1).getCell(1).value).toBe(
        'Rangorde van de buurten van Utrecht: Gemiddelde WOZ-waarde van woningen, 2024',
      );
      const header = (sheet?.getRow(3).values ?? []) as unknown[];
      const codeAt = header.indexOf('CBS-code');
      const valueAt = header.findIndex((v) => typeof v === 'string' && v.startsWith('Waarde'));
      expect(codeAt).toBeGreaterThan(0);
      let found: unknown = null;
      sheet?.eachRow((row) => {
        if (row.getCell(codeAt).value === SAMPLE_BUURT) found = row.getCell(valueAt).value;
      });
      expect(found).toBe(woz.get(SAMPLE_BUURT));
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'accumulation shows the focus area, its buurten and every buurt of Utrecht; the share is configurable',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await login(page, DEMO_USERS.coordinator);
      const accumulation = await new AccumulationPage(page).goto(overvechtId, { jaar: '2024' });
      expect(await accumulation.focusSummary()).toMatch(
        /^Wijkaanpak Overvecht \(10 buurten samen\) hoort in \d+ van de \d+ domeinen bij de slechtste 20% van de buurten van Nederland/,
      );
      // The focus area's buurten are the buurten of wijk WK034403 (derived from the CBS file's codes).
      const overvechtCodes = [
        ...new Set([...woz.keys()].filter((code) => code.startsWith('BU034403'))),
      ].sort();
      const focusRows = await accumulation.rows('focus-buurten-accumulation');
      expect(focusRows.map((row) => row[1]).sort()).toEqual(overvechtCodes);
      const all = await accumulation.rows('municipality-accumulation');
      expect(all.length).toBeGreaterThanOrEqual(woz.size);
      // Sorted by number of domains, most first.
      const counts = all.map((row) => Number(row[2]));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));

      await page.getByRole('combobox', { name: 'Slechtste deel van de buurten' }).selectOption('10');
      await page
        .getByTestId('focus-accumulation-summary')
        .getByText(/slechtste 10% van de buurten/)
        .waitFor();
      await accumulation.settle();
      await accumulation.scan('opstapeling, slechtste 10%');
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'CBS import: a broken file gives file, row, column and reason, and nothing is stored; viewers get no import page',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await login(page, DEMO_USERS.coordinator);
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'CBS-cijfers' })
        .click();
      const imports = new CbsImportPage(page);
      await imports.arrive('CBS-cijfers importeren', 'CBS-import');
      const before = await imports.historyRows();
      expect(before.some((row) => row[0] === 'kwb-2024-woningen.csv')).toBe(true);

      // Text in a number column, on the third line of the file (row 3 as a spreadsheet counts).
      const broken = path.join(workDir, 'kwb-2024-kapot.csv');
      await writeFile(
        broken,
        'gwb_code_10;regio;a_inw\nBU03440311;Taag- en Rubicondreef;1200\nBU03440312;Wolga- en Donaudreef;abc\n',
      );
      await imports.upload(broken);
      const problems = await imports.problems();
      expect(problems).toEqual([
        ['kwb-2024-kapot.csv', '3', 'a_inw', "kolom a_inw, rij 3: 'abc' is geen getal"],
      ]);
      await imports.scan('CBS-import met foutmelding');
      await page.reload();
      await imports.arrive('CBS-cijfers importeren', 'CBS-import na fout');
      expect((await imports.historyRows()).length).toBe(before.length);

      // The same file as the demo imported: nothing is written, and the report says what the file holds.
      const namesFile = '../shared/data/cbs/buurtnamen-2024.csv';
      const dataRows =
        (await readFile(namesFile, 'utf8')).split('\n').filter((line) => line.trim() !== '').length - 1;
      await imports.upload(namesFile);
      const done = page
        .getByRole('status')
        .filter({ hasText: 'buurtnamen-2024.csv: Ongewijzigd (al eerder geïmporteerd)' })
        .last();
      await done.waitFor();
      const report = (await done.textContent()) ?? '';
      expect(report).toContain(`Rijen gelezen${new Intl.NumberFormat('nl-NL').format(dataRows)}`);
      await imports.scan('CBS-import, bestand ongewijzigd');
      expect((await imports.historyRows()).length).toBe(before.length);

      // Submitting without a file names the field.
      await page.getByLabel('CBS-bestand').setInputFiles([]);
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.locator('.wk-error-summary').getByText('Kies een CBS-bestand.').waitFor();
      await imports.scan('CBS-import zonder bestand');
      await page.context().close();

      const viewer = await openSession(browser);
      await login(viewer.page, DEMO_USERS.viewer);
      expect(
        await viewer.page
          .getByRole('navigation', { name: 'Hoofdmenu' })
          .getByRole('link', { name: 'CBS-cijfers' })
          .count(),
      ).toBe(0);
      const viewerImports = await new CbsImportPage(viewer.page).goto();
      await viewerImports.page
        .getByText(/Alleen een coördinator van een gemeente of de platformbeheerder/)
        .waitFor();
      expect(await viewerImports.page.getByLabel('CBS-bestand').count()).toBe(0);
      expect([...pageErrors, ...viewer.pageErrors]).toEqual([]);
      await viewer.context.close();
    },
    JOURNEY_TIMEOUT,
  );
});
