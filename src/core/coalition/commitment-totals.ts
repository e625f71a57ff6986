/**
 * Totals of the commitments in a contract version: per partner and year, per year, and regular
 * versus additional money (principle 6: bundling regular money next to additional investment).
 * Sums are taken in whole cents so that 0.1 + 0.2 euro is 0.30, not 0.30000000000000004.
 */
import type { Commitment, MoneyKind } from './contract.ts';

export interface MoneySplit {
  regular: number;
  additional: number;
  total: number;
}

export interface CommitmentTotals {
  /** Every year with an amount, ascending. */
  years: string[];
  byOrganisation: { organisationId: string; byYear: Record<string, number>; split: MoneySplit }[];
  byYear: Record<string, MoneySplit>;
  split: MoneySplit;
}

const toCents = (euros: number) => Math.round(euros * 100);
const toEuros = (cents: number) => cents / 100;

function emptySplit() {
  return { regular: 0, additional: 0, total: 0 };
}

function addTo(split: MoneySplit, money: MoneyKind, cents: number) {
  split[money] += cents;
  split.total += cents;
}

function splitInEuros(split: MoneySplit): MoneySplit {
  return {
    regular: toEuros(split.regular),
    additional: toEuros(split.additional),
    total: toEuros(split.total),
  };
}

export function computeCommitmentTotals(
  commitments: Pick<Commitment, 'organisationId' | 'amounts' | 'money'>[],
): CommitmentTotals {
  const years = new Set<string>();
  const perOrganisation = new Map<string, { byYear: Map<string, number>; split: MoneySplit }>();
  const byYear = new Map<string, MoneySplit>();
  const split = emptySplit();
  for (const c of commitments) {
    let org = perOrganisation.get(c.organisationId);
    if (!org) {
      org = { byYear: new Map(), split: emptySplit() };
      perOrganisation.set(c.organisationId, org);
    }
    for (const [year, euros] of Object.entries(c.amounts)) {
      const cents = toCents(euros);
      years.add(year);
      org.byYear.set(year, (org.byYear.get(year) ?? 0) + cents);
      addTo(org.split, c.money, cents);
      const yearSplit = byYear.get(year) ?? emptySplit();
      addTo(yearSplit, c.money, cents);
      byYear.set(year, yearSplit);
      addTo(split, c.money, cents);
    }
  }
  const sortedYears = [...years].sort();
  return {
    years: sortedYears,
    byOrganisation: [...perOrganisation.entries()].map(([organisationId, org]) => ({
      organisationId,
      byYear: Object.fromEntries(
        sortedYears.filter((y) => org.byYear.has(y)).map((y) => [y, toEuros(org.byYear.get(y)!)]),
      ),
      split: splitInEuros(org.split),
    })),
    byYear: Object.fromEntries(sortedYears.map((y) => [y, splitInEuros(byYear.get(y)!)])),
    split: splitInEuros(split),
  };
}
