/**
 * Journey: the area analysis of Wijkaanpak Overvecht on the demo's real CBS files. The coordinator
 * opens the area profile from the approach, checks the number of inhabitants against CBS's own
 * wijk row for Overvecht (WK034403) read straight from the CBS spreadsheet in ../shared/data (the
 * profile sums the ten buurten of another CBS file), opens the provenance, switches to 2023,
 * exports the full table as CSV and finds the same figures in it, explores "Huurwoningen totaal"
 * (table under the chart against the CBS wijk row), adds an interpretation and sees it listed with
 * name, organisation and date, links the figure as evidence to discussion point 1.2.1 and finds it
 * there, and reads the early signals. Axe scans every state.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AreaProfilePage, EarlySignalsPage, IndicatorExplorerPage } from './pages/analysis-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { JOURNEY_TIMEOUT, launchBrowser, openSession } from './support/browser.ts';
import { DEMO_USERS } from './support/users.ts';

const CBS = '../shared/data/cbs';

/** A figure of CBS's own row for a region, read from a kwb-YYYY-utrecht.xlsx as CBS publishes it. */
async function readCbsRow(file: string, code: string, column: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(`${CBS}/${file}`);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const codeColumn = header.indexOf('gwb_code_10');
  const valueColumn = header.indexOf(column);
  let found: number | null = null;
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    if (values[codeColumn] === code) found = Number(values[valueColumn]);
  });
  if (found === null || Number.isNaN(found)) throw new Error(`${code}/${column} not in ${file}`);
  return found;
}

/** "35.255" -> 35255, "79,7%" -> 79.7. */
function parseDutch(text: string): number {
  return Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));
}

/** The CSV as Dutch Excel reads it: BOM, `;`, CRLF (no quoted line breaks in this table). */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
  const columns = (header ?? '').split(';');
  return lines.map((line) =>
    Object.fromEntries(line.split(';').map((cell, i) => [columns[i] ?? String(i), cell])),
  );
}

async function login(page: Page): Promise<void> {
  await new LoginPage(page).goto().then((loginPage) => loginPage.loginAs(DEMO_USERS.coordinator));
}

describe('gebiedsanalyse van het focusgebied', () => {
  let browser: Browser;
  const overvechtId = inject('overvechtId');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows the profile against CBS, switches year, exports, explores an indicator, adds a note and links evidence',
    async () => {
      const { page, pageErrors } = await openSession(browser);
      await login(page);
      await page.goto(`/aanpakken/${overvechtId}`);
      await page.getByRole('heading', { level: 1, name: 'Wijkaanpak Overvecht' }).waitFor();
      await page
        .getByRole('navigation', { name: /^Onderdelen van / })
        .getByRole('link', { name: 'Gebiedsanalyse' })
        .click();
      const profile = new AreaProfilePage(page);
      await profile.expectLoaded();

      // 2024 (the year of the focus area): the ten buurten summed equal CBS's wijk row.
      const inhabitants2024 = await readCbsRow('kwb-2024-utrecht.xlsx', 'WK034403', 'a_inw');
      expect(inhabitants2024).toBe(35255); // hand-checked in the spreadsheet, row 29 "Wijk 03 Overvecht"
      expect(parseDutch(await profile.focusValue('Aantal inwoners'))).toBe(inhabitants2024);
      const card = profile.keyFigure('Aantal inwoners');
      await card.getByText('Bron: CBS, Kerncijfers wijken en buurten 2024').waitFor();
      // Provenance on demand: the file, table, row and column of each buurt.
      await card.getByText('Herkomst van dit cijfer').click();
      expect(await card.locator('.wk-provenance__list li').count()).toBe(10);
      expect(await card.locator('.wk-provenance__list').textContent()).toMatch(
        /BU03440311 .*2024: kwb-2024-buurten-selectie\.csv, tabel 85984NED, rij \d+, kolom AantalInwoners_5/,
      );
      await profile.scan('gebiedsprofiel 2024 met herkomst geopend');

      // Direction-aware wording: WOZ value (higher is better) is below Utrecht's.
      expect(await profile.keyFigure('Gemiddelde WOZ-waarde van woningen').textContent()).toContain(
        'Ongunstiger dan de gemeente',
      );

      // Another year: the address follows, the figures change, and again match CBS's wijk row.
      await profile.chooseYear(2023);
      expect(page.url()).toContain('jaar=2023');
      const inhabitants2023 = await readCbsRow('kwb-2023-utrecht.xlsx', 'WK034403', 'a_inw');
      const dwellings2023 = await readCbsRow('kwb-2023-utrecht.xlsx', 'WK034403', 'a_woning');
      expect(parseDutch(await profile.focusValue('Aantal inwoners'))).toBe(inhabitants2023);
      await profile
        .keyFigure('Aantal inwoners')
        .getByText('Bron: CBS, Kerncijfers wijken en buurten 2023')
        .waitFor();
      await profile.scan('gebiedsprofiel 2023');
      // The charts over the years load when scrolled into view, each with its table.
      const charts = page.getByRole('region', { name: 'Ontwikkeling over de jaren' });
      await charts.scrollIntoViewIfNeeded();
      await expect.poll(() => charts.locator('.wk-cba-chart__plot svg').count(), { timeout: 15_000 }).toBe(4);
      await profile.settle();
      await profile.scan('gebiedsprofiel met grafieken over de jaren');

      // CSV export of the full table: Dutch Excel conventions, the same figures.
      const download = await profile.exportCsv();
      expect(download.suggestedFilename()).toBe('gebiedsprofiel-2023.csv');
      const rows = parseCsv(await readFile(await download.path(), 'utf8'));
      const byKey = new Map(rows.map((row) => [row.Sleutel, row]));
      expect(Number(byKey.get('a_inw')?.Focusgebied)).toBe(inhabitants2023);
      expect(Number(byKey.get('a_woning')?.Focusgebied)).toBe(dwellings2023);
      // Percentages with a decimal comma; CBS's wijk row has the rounded percentage.
      const rented2023 = await readCbsRow('kwb-2023-utrecht.xlsx', 'WK034403', 'p_huurw');
      const rentedCsv = byKey.get('p_huurw')?.Focusgebied ?? '';
      expect(rentedCsv).toMatch(/^\d+,\d+$/);
      expect(Math.abs(Number(rentedCsv.replace(',', '.')) - rented2023)).toBeLessThanOrEqual(0.5);
      await profile.scan('gebiedsprofiel na export');

      // Indicator explorer from the table: all years, the table under the chart.
      await page
        .getByTestId('profile-table')
        .getByRole('link', { name: 'Huurwoningen totaal', exact: true })
        .click();
      const explorer = new IndicatorExplorerPage(page);
      await explorer.expectLoaded('Huurwoningen totaal');
      const definition = page.getByTestId('indicator-definition');
      expect(await definition.textContent()).toContain('percentage van een basis');
      const [area2023, municipality2023] = await explorer.seriesRow(2023);
      expect(Math.abs(parseDutch(area2023 ?? '') - rented2023)).toBeLessThanOrEqual(0.5);
      // Utrecht's own figure for 2023, straight from its gemeente row.
      expect(parseDutch(municipality2023 ?? '')).toBe(
        await readCbsRow('kwb-2023-utrecht.xlsx', 'GM0344', 'p_huurw'),
      );
      expect((await explorer.seriesTable().getByRole('row').count()) - 1).toBe(13); // 2013–2025
      await page.getByText('Tabel bij deze grafiek').first().click();
      await explorer.scan('indicatorverkenner huurwoningen');

      // Warm interpretation: the demo's note by the corporation is there; an empty note is refused.
      expect(await explorer.notes().first().textContent()).toContain(
        'Joyce Bakker, Woningcorporatie Stadswonen (demo)',
      );
      await explorer.addNote('');
      await page
        .locator('.wk-error-summary')
        .getByText(/Schrijf de duiding/)
        .waitFor();
      await explorer.scan('duiding met foutmelding');
      const text = 'Bewoners van de Zamenhofdreef melden dat na de renovatie meer gezinnen blijven wonen.';
      await explorer.addNote(text);
      const added = explorer.notes().filter({ hasText: text });
      await added.waitFor();
      const today = new Intl.DateTimeFormat('nl-NL', {
        dateStyle: 'long',
        timeZone: 'Europe/Amsterdam',
      }).format(new Date());
      expect(await added.locator('.wk-note__meta').textContent()).toBe(
        `${DEMO_USERS.coordinator.name}, Gemeente Utrecht · ${today} · over 2023`,
      );
      await explorer.scan('duiding toegevoegd');

      // The figure as evidence for discussion point 1.2.1, and there on the step page.
      expect(await page.getByTestId('figure-reference').textContent()).toMatch(
        /^p_huurw@2023:BU03440311(,BU0344\d{4}){9}$/,
      );
      await page.getByRole('button', { name: 'Koppel aan gesprekspunt 1.2.1' }).click();
      await page.getByText('Het cijfer staat nu als onderbouwing bij gesprekspunt 1.2.1.').waitFor();
      await explorer.scan('cijfer gekoppeld als onderbouwing');
      await page.getByRole('link', { name: 'Naar gesprekspunt 1.2.1' }).click();
      // On the point, the figure links back to the explorer at its year.
      const evidence = page
        .getByRole('link', { name: 'Huurwoningen totaal, Wijkaanpak Overvecht, 2023 (CBS)' })
        .first();
      expect(await evidence.getAttribute('href')).toBe(
        `/aanpakken/${overvechtId}/analyse/indicatoren/p_huurw?jaar=2023`,
      );

      // Early signals, by keyboard from the analysis navigation.
      await page.goto(`/aanpakken/${overvechtId}/analyse/indicatoren/p_huurw`);
      await explorer.expectLoaded('Huurwoningen totaal');
      const signalsLink = page
        .getByRole('navigation', { name: 'Onderdelen van de gebiedsanalyse' })
        .getByRole('link', { name: 'Vroege signalen' });
      await signalsLink.focus();
      await page.keyboard.press('Enter');
      const signals = new EarlySignalsPage(page);
      await signals.expectLoaded();
      await page.getByRole('heading', { level: 3, name: /duidelijk sneller dan de gemeente/ }).waitFor();
      // The worked example comes from the area's own WOZ trend, with its numbers.
      expect(await page.getByTestId('worked-example').textContent()).toMatch(/per jaar.*score \d+,\d\d/);

      expect(pageErrors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
