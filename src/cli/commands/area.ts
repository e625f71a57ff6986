/**
 * `npx wijkkompas area profile --regions CODE[,CODE...] --year YYYY [--json]`: the profile of an
 * area (the given regions aggregated) from the database of the environment, as JSON or as a
 * readable Dutch table.
 */
import { DOMAIN_LABELS } from '../../core/analysis/indicator.ts';
import { normalizeRegionCode } from '../../core/analysis/region-code.ts';
import { DomainError } from '../../core/errors.ts';
import { createAnalysisData } from '../../server/services/analysis-data.ts';
import { createAnalysisService } from '../../server/services/analysis.service.ts';
import { systemClock } from '../../server/services/context.ts';
import { parseCommandArgs } from '../args.ts';
import { openDatabaseFromEnvironment, printDomainError } from '../database.ts';
import type { CliIo } from '../io.ts';

export const VERBS = ['profile'] as const;

export const USAGE = `Gebruik: npx wijkkompas area profile --regions BU03440311[,BU03440312...] --year JJJJ [--json]
De database komt uit de omgeving (WIJKKOMPAS_DATA_DIR of DATABASE_URL).`;

type Profile = Awaited<ReturnType<ReturnType<typeof createAnalysisService>['computeRegionsProfile']>>;

/** The documented JSON shape: per indicator the value with coverage and its comparisons. */
export function toProfileJson(profile: Profile) {
  return {
    regions: profile.regions.map((r) => ({ code: r.code, name: r.name })),
    year: profile.year,
    indicators: profile.indicators.map((i) => ({
      key: i.key,
      title: i.title,
      unit: i.unit,
      kind: i.kind,
      value: i.value,
      coverage: i.coverage,
      municipalityValue: i.municipalityValue,
      countryValue: i.countryValue,
      percentileInCountry: i.percentileInCountry,
      domain: i.domain,
      direction: i.direction,
    })),
  };
}

function formatNumber(value: number | null, digits = 1): string {
  if (value === null) return '.';
  return new Intl.NumberFormat('nl-NL', {
    maximumFractionDigits: Number.isInteger(value) ? 0 : digits,
  }).format(value);
}

/** A plain-text table, one line per indicator, grouped by domain. */
export function formatProfileTable(profile: Profile): string {
  const head = ['Indicator', 'Eenheid', 'Gebied', 'Dekking', 'Gemeente', 'Nederland', 'Pct NL'];
  const rows = profile.indicators.map((i) => [
    `${i.title} (${i.key})`,
    i.unit,
    formatNumber(i.value),
    i.value === null ? '' : `${Math.round(i.coverage * 100)}%`,
    formatNumber(i.municipalityValue),
    formatNumber(i.countryValue),
    i.percentileInCountry === null ? '' : String(Math.round(i.percentileInCountry)),
    i.domain === null ? 'Overig' : DOMAIN_LABELS[i.domain],
  ]);
  const widths = head.map((h, c) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .slice(0, head.length)
      .map((cell, c) =>
        c >= 2 ? cell.padStart(widths[c] ?? 0) : cell.slice(0, widths[c]).padEnd(widths[c] ?? 0),
      )
      .join('  ');
  const out = [
    `Gebiedsprofiel ${profile.year}: ${profile.regions.map((r) => (r.name ? `${r.name} (${r.code})` : r.code)).join(', ')}`,
    'Bron: CBS. "." = geen cijfer; dekking = deel van het gebied waarover het cijfer gaat; Pct NL = percentiel onder alle buurten van Nederland.',
  ];
  let domain: string | undefined;
  const order = [...rows].sort((a, b) => (a[7] ?? '').localeCompare(b[7] ?? ''));
  for (const row of order) {
    if (row[7] !== domain) {
      domain = row[7];
      out.push('', `${domain}`, line(head), line(widths.map((w) => '-'.repeat(w))));
    }
    out.push(line(row));
  }
  return out.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  let values;
  try {
    values = parseCommandArgs(rest, {
      regions: { type: 'string' },
      year: { type: 'string' },
      json: { type: 'boolean' },
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (verb !== 'profile' || !values.regions || !values.year) {
    io.err(USAGE);
    return 2;
  }
  if (!/^\d{4}$/.test(values.year)) {
    io.err(`--year moet een jaartal zijn, niet "${values.year}".`);
    return 2;
  }
  const raw = values.regions
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  const bad = raw.filter((code) => normalizeRegionCode(code) === null);
  if (raw.length === 0 || bad.length > 0) {
    io.err(`Geen geldige CBS-gebiedscode: ${bad.join(', ') || '(leeg)'}.\n${USAGE}`);
    return 2;
  }
  const database = await openDatabaseFromEnvironment();
  try {
    const ctx = { db: database.db, clock: systemClock };
    const analysis = createAnalysisService(ctx, createAnalysisData(ctx.db));
    const profile = await analysis.computeRegionsProfile({
      regionCodes: raw.map((code) => normalizeRegionCode(code) as string),
      year: Number(values.year),
    });
    io.out(values.json ? JSON.stringify(toProfileJson(profile), null, 2) : formatProfileTable(profile));
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      printDomainError(io, error);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
