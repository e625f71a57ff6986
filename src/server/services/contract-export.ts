/**
 * The commitments of a contract version as an XLSX workbook (exceljs): one sheet with every
 * commitment and its amount per year, one with the totals per partner and year. Amounts are numbers
 * in euros with a currency format; text that a spreadsheet could read as a formula is made text.
 */
import ExcelJS from 'exceljs';
import { MONEY_LABELS, CONTRACT_STATUS_LABELS } from '../../core/coalition/contract.ts';
import type { ContractView } from './contract-view.ts';

const EURO = '"€" #,##0.00';

/** Text starting with = + - @ (or a tab/CR) is prefixed with ' so no spreadsheet runs it (OWASP CSV injection). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export async function writeCommitmentsXlsx(contract: ContractView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkkompas';
  const years = contract.totals.years;
  const title = `${contract.title}, versie ${contract.version} (${CONTRACT_STATUS_LABELS[contract.status].toLowerCase()})`;

  const sheet = workbook.addWorksheet('Toezeggingen');
  sheet.addRow([neutraliseFormula(title)]).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow(['Partner', 'Inzet', 'Geld', 'Vanaf', 'Tot en met', ...years, 'Totaal']);
  header.font = { bold: true };
  for (const c of contract.commitments) {
    const amounts = years.map((y) => c.amounts[y] ?? null);
    const total = Object.values(c.amounts).reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
    sheet.addRow([
      neutraliseFormula(c.organisation.name),
      neutraliseFormula(c.description),
      MONEY_LABELS[c.money],
      c.periodStart ?? '',
      c.periodEnd ?? '',
      ...amounts,
      total,
    ]);
  }
  const totalRow = sheet.addRow([
    'Totaal',
    '',
    '',
    '',
    '',
    ...years.map((y) => contract.totals.byYear[y]!.total),
    contract.totals.total,
  ]);
  totalRow.font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : index === 0 ? 36 : 14;
    if (index >= 5) column.numFmt = EURO;
  });

  const totals = workbook.addWorksheet('Totalen per partner');
  totals.addRow(['Partner', ...years, 'Regulier', 'Additioneel', 'Totaal']).font = { bold: true };
  for (const o of contract.totals.byOrganisation) {
    totals.addRow([
      neutraliseFormula(o.organisation.name),
      ...years.map((y) => o.byYear[y] ?? null),
      o.regular,
      o.additional,
      o.total,
    ]);
  }
  totals.addRow([
    'Totaal',
    ...years.map((y) => contract.totals.byYear[y]!.total),
    contract.totals.regular,
    contract.totals.additional,
    contract.totals.total,
  ]).font = { bold: true };
  totals.columns.forEach((column, index) => {
    column.width = index === 0 ? 36 : 14;
    if (index >= 1) column.numFmt = EURO;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name from the title: letters, digits and dashes. */
export function exportFileName(contract: ContractView): string {
  const slug = contract.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `toezeggingen-${slug || 'contract'}-v${contract.version}.xlsx`;
}
