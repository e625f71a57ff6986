/**
 * Export of an MKBA to Excel (.xlsx), made in the browser with exceljs (loaded on first use, its
 * own chunk; no server round trip). Sheets: "invoer" (every item per year, patterns worked out),
 * "resultaten" (settings, key figures, method, yearly flow, effects, assumptions), "per partij"
 * and "gevoeligheid" (discount rates and ±x% per item). Amounts are numbers, not text, so the
 * receiver can recalculate; the cell format only shows them as euros.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { mergeAmounts } from '../../../core/cba/patterns.ts';
import type { CbaCaseFile, CbaItemSensitivity, CbaRateSensitivity, CbaResult } from '../../api/types.ts';
import { saveBlob } from '../../components/save-file.ts';
import { PARTY_LABELS, TYPE_LABELS, categoryLabel, describePattern, effectSymbol } from './cba-labels.ts';

const EURO = '"€" #,##0;"€" -#,##0';
const RATIO = '0.00';
const PERCENT = '0.00%';

function alternativesOf(caseFile: CbaCaseFile) {
  return (
    caseFile.alternatives ?? [
      { name: 'Projectalternatief', items: caseFile.items ?? [], effects: caseFile.effects },
    ]
  );
}

function header(sheet: Worksheet, values: (string | number)[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
}

function euroColumns(sheet: Worksheet, from: number, to: number): void {
  for (let c = from; c <= to; c += 1) sheet.getColumn(c).numFmt = EURO;
}

function fillInput(sheet: Worksheet, caseFile: CbaCaseFile): void {
  const alternatives = alternativesOf(caseFile);
  const isMulti = alternatives.length > 1;
  const years: number[] = [];
  for (let y = caseFile.startYear; y <= caseFile.endYear; y += 1) years.push(y);
  const fixed = [
    ...(isMulti ? ['Alternatief'] : []),
    'Omschrijving',
    'Kosten of baten',
    'Categorie',
    'Partij',
  ];
  header(sheet, [...fixed, ...years, 'Toelichting']);
  for (const alternative of alternatives) {
    for (const item of alternative.items) {
      const amounts = mergeAmounts(item.amounts, item.patterns);
      const notes = [
        ...(item.patterns ?? []).map((p) => `Patroon: ${describePattern(p)}`),
        ...(item.note ? [item.note] : []),
      ];
      sheet.addRow([
        ...(isMulti ? [alternative.name] : []),
        item.label,
        TYPE_LABELS[item.type],
        categoryLabel(item.type, item.category),
        PARTY_LABELS[item.party],
        ...years.map((year) => amounts.get(year) ?? null),
        notes.join(' '),
      ]);
    }
  }
  euroColumns(sheet, fixed.length + 1, fixed.length + years.length);
  sheet.getColumn(fixed.length).width = 14;
  sheet.getColumn(isMulti ? 2 : 1).width = 48;
  sheet.views = [{ state: 'frozen', xSplit: fixed.length, ySplit: 1 }];
}

function fillResults(sheet: Worksheet, result: CbaResult): void {
  sheet.addRow([result.name]).font = { bold: true, size: 14 };
  sheet.addRow(['Prijspeil', result.priceBaseYear]);
  sheet.addRow(['Basisjaar contante waarde', result.discountBaseYear]);
  sheet.addRow(['Discontovoet (reëel)', result.discountRate]).getCell(2).numFmt = PERCENT;
  sheet.addRow(['Horizon', `${result.startYear}–${result.endYear}`]);
  sheet.addRow([]);
  header(sheet, ['Kerncijfer', ...result.alternatives.map((a) => a.name)]);
  const figure = (
    label: string,
    pick: (a: CbaResult['alternatives'][number]) => number | null,
    format: string,
  ) => {
    const row = sheet.addRow([label, ...result.alternatives.map(pick)]);
    result.alternatives.forEach((_, i) => (row.getCell(i + 2).numFmt = format));
  };
  figure('Contante waarde kosten', (a) => a.presentValueCosts, EURO);
  figure('Contante waarde baten', (a) => a.presentValueBenefits, EURO);
  figure('Netto contante waarde (NCW)', (a) => a.netPresentValue, EURO);
  figure('Baten/kostenverhouding', (a) => a.benefitCostRatio, RATIO);
  figure('Terugverdienjaar', (a) => a.breakEvenYear, '0');
  sheet.addRow([]);
  sheet.addRow(['Werkwijze', result.method]);
  for (const alternative of result.alternatives) {
    sheet.addRow([]);
    header(sheet, [`Kasstroom per jaar: ${alternative.name}`]);
    header(sheet, [
      'Jaar',
      'Kosten',
      'Baten',
      'Disconteringsfactor',
      'Kosten (contant)',
      'Baten (contant)',
      'Saldo (contant)',
      'Gecumuleerd saldo',
    ]);
    for (const y of alternative.yearly) {
      const row = sheet.addRow([
        y.year,
        y.costs,
        y.benefits,
        y.discountFactor,
        y.discountedCosts,
        y.discountedBenefits,
        y.discountedNetBenefit,
        y.cumulativeDiscountedNetBenefit,
      ]);
      [2, 3, 5, 6, 7, 8].forEach((c) => (row.getCell(c).numFmt = EURO));
      row.getCell(4).numFmt = '0.0000';
    }
    if (alternative.effects.length > 0) {
      sheet.addRow([]);
      header(sheet, ['Niet in geld uitgedrukte effecten (niet opgeteld)', 'Score']);
      for (const effect of alternative.effects) sheet.addRow([effect.label, effectSymbol(effect.score)]);
    }
  }
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    sheet.addRow([]);
    header(sheet, [title]);
    for (const line of lines) sheet.addRow([line]);
  };
  list('Aannames', result.assumptions);
  list('Bronnen', result.sources);
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= 8; c += 1) sheet.getColumn(c).width = 18;
}

function fillParties(sheet: Worksheet, result: CbaResult): void {
  header(sheet, ['Alternatief', 'Partij', 'Kosten (contant)', 'Baten (contant)', 'Saldo (contant)']);
  for (const alternative of result.alternatives)
    for (const p of alternative.byParty)
      sheet.addRow([
        alternative.name,
        PARTY_LABELS[p.party],
        p.presentValueCosts,
        p.presentValueBenefits,
        p.netPresentValue,
      ]);
  euroColumns(sheet, 3, 5);
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 20;
}

function fillSensitivity(sheet: Worksheet, result: CbaResult): void {
  header(sheet, [
    'Alternatief',
    'Discontovoet',
    'Kosten (contant)',
    'Baten (contant)',
    'NCW',
    'Baten/kosten',
    'Terugverdienjaar',
  ]);
  for (const alternative of result.alternatives)
    for (const r of alternative.sensitivity.filter(
      (e): e is CbaRateSensitivity => e.kind === 'discount_rate',
    )) {
      const row = sheet.addRow([
        alternative.name,
        r.discountRate,
        r.presentValueCosts,
        r.presentValueBenefits,
        r.netPresentValue,
        r.benefitCostRatio,
        r.breakEvenYear,
      ]);
      row.getCell(2).numFmt = PERCENT;
      [3, 4, 5].forEach((c) => (row.getCell(c).numFmt = EURO));
      row.getCell(6).numFmt = RATIO;
    }
  sheet.addRow([]);
  header(sheet, [
    'Alternatief',
    'Post',
    'Variatie (±)',
    'Contante waarde post',
    'NCW bij −',
    'NCW bij +',
    'Bandbreedte',
  ]);
  for (const alternative of result.alternatives)
    for (const e of alternative.sensitivity.filter((s): s is CbaItemSensitivity => s.kind === 'item')) {
      const row = sheet.addRow([
        alternative.name,
        e.label,
        e.variation,
        e.presentValue,
        e.minus.netPresentValue,
        e.plus.netPresentValue,
        e.swing,
      ]);
      row.getCell(3).numFmt = PERCENT;
      [4, 5, 6, 7].forEach((c) => (row.getCell(c).numFmt = EURO));
    }
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 48;
  for (let c = 3; c <= 7; c += 1) sheet.getColumn(c).width = 18;
}

/** Fills a workbook with the four sheets; `caseFile` must be the file `result` was computed from. */
export function fillWorkbook(workbook: Workbook, caseFile: CbaCaseFile, result: CbaResult): void {
  workbook.creator = 'Wijkkompas';
  workbook.title = `MKBA ${result.name}`;
  fillInput(workbook.addWorksheet('invoer'), caseFile);
  fillResults(workbook.addWorksheet('resultaten'), result);
  fillParties(workbook.addWorksheet('per partij'), result);
  fillSensitivity(workbook.addWorksheet('gevoeligheid'), result);
}

export function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `mkba-${slug || 'export'}.xlsx`;
}

/** Builds the workbook and offers it as a download. */
export async function downloadWorkbook(caseFile: CbaCaseFile, result: CbaResult): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  fillWorkbook(workbook, caseFile, result);
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  saveBlob(blob, exportFileName(result.name));
}
