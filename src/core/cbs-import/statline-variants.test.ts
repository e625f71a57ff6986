/**
 * StatLine in all its shapes: the real "Nabijheid voorzieningen 2023" download for Utrecht
 * (../shared/data/cbs/nabijheid-2023-utrecht.csv) rewritten in memory into the other shapes CBS
 * exports (other names for the region code column, "," instead of ";", codes in the region column,
 * the raw "onbewerkte dataset" with OData keys, period columns), and every shape must give the
 * figures of the original file's own cells.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { isDomainError } from '../errors.ts';
import { detectFormat } from './detect-format.ts';
import { parseDelimited } from './parse-csv.ts';
import { readCbsFile } from './read-cbs-file.ts';
import type { ReadResult } from './read-result.ts';
import { findRegionCodeColumn } from './region-columns.ts';

const catalogue = buildIndicatorCatalogue();
const ORIGINAL = readFileSync('../shared/data/cbs/nabijheid-2023-utrecht.csv', 'utf8');
const RECORDS = parseDelimited(ORIGINAL, { delimiter: ';', fileName: 'nabijheid' }).filter(
  (r) => r.length > 1,
);
const HEADER = RECORDS[0]!;
const CODE = HEADER.indexOf('Regioaanduiding/Codering (code)');
const HUISARTS = HEADER.indexOf(
  'Gezondheid en welzijn/Huisartsenpraktijk/Afstand tot huisartsenpraktijk (km)',
);
const SUPERMARKT = HEADER.indexOf(
  'Detailhandel/Winkels dagelijkse boodschappen/Afstand tot grote supermarkt (km)',
);

/** The original cell of a region (by code) and column: the reference value. */
function originalCell(code: string, column: number): string {
  const row = RECORDS.find((r) => r[CODE]!.trim() === code);
  return row![column]!;
}

function toCsv(records: string[][], delimiter = ';'): string {
  return `\ufeff${records.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n')}\r\n`;
}

function withHeader(rename: Record<string, string>): string[][] {
  return [HEADER.map((h) => rename[h] ?? h), ...RECORDS.slice(1)];
}

async function read(text: string, fileName = 'nabijheid-2023.csv', year?: number): Promise<ReadResult> {
  return readCbsFile(new TextEncoder().encode(text), {
    fileName,
    catalogue,
    ...(year !== undefined ? { year } : {}),
  });
}

function figure(result: ReadResult, code: string, key: string) {
  return result.observations.find((o) => o.regionCode === code && o.indicatorKey === key);
}

/** The number a StatLine cell shows (decimal comma or point, padded), or null for ".". */
function numberOf(cell: string): number | null {
  const text = cell.trim();
  return text === '.' ? null : Number(text.replace(',', '.'));
}

describe('the region code column under every name CBS uses', () => {
  const names = [
    'Regiocode (gemeente, wijk, buurt) (code)',
    'Regioaanduiding/Regiocode (gemeente, wijk, buurt) (code)',
    'Codering (code)',
    'Regioaanduiding/Codering (code)',
    'WijkenEnBuurten',
    'RegioS',
  ];
  it.each(names)('%s', async (name) => {
    const text = toCsv(withHeader({ 'Regioaanduiding/Codering (code)': name }));
    expect(detectFormat(text, 'x.csv')).toBe('statline-csv');
    const result = await read(text);
    expect(result.report.regions).toBe(123);
    expect(result.regions.find((r) => r.code === 'WK034403')).toMatchObject({ name: 'Wijk 03 Overvecht' });
    // CBS's own wijk row of the file, figure for figure
    for (const code of ['WK034403', 'BU03440311', 'GM0344']) {
      expect(figure(result, code, 'g_afs_gs')?.value).toBe(numberOf(originalCell(code, SUPERMARKT)));
    }
    expect(figure(result, 'WK034403', 'g_afs_gs')?.value).toBe(0.5);
    expect(result.report.ignoredColumns.map((c) => c.column)).toContain(name);
  });

  it('finds codes in the region column itself when there is no code column', async () => {
    const records = RECORDS.map((r, i) => (i === 0 ? r : [r[CODE]!, ...r.slice(1)])).map((r) =>
      r.filter((_, column) => column !== CODE),
    );
    const result = await read(toCsv(records));
    expect(result.report.regions).toBe(123);
    expect(figure(result, 'BU03440311', 'g_afs_gs')?.value).toBe(
      numberOf(originalCell('BU03440311', SUPERMARKT)),
    );
    expect(findRegionCodeColumn(records[0]!, records.slice(1, 5))).toBe(0);
  });

  it('refuses a file without any region codes, saying what it looked for', async () => {
    const records = RECORDS.map((r) => r.filter((_, column) => column !== CODE));
    try {
      await read(toCsv(records));
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('import_failed');
      expect(isDomainError(error) && error.issues[0]!.message).toContain(
        'Regiocode (gemeente, wijk, buurt) (code)',
      );
    }
  });
});

describe('delimiters, decimals, periods and markers', () => {
  it('reads the comma-separated variant with decimal points', async () => {
    const records = withHeader({
      'Regioaanduiding/Codering (code)': 'Regiocode (gemeente, wijk, buurt) (code)',
    }).map((r, i) => (i === 0 ? r : r.map((f) => f.replace(/^(\s*\d+),(\d+)$/, '$1.$2'))));
    const result = await read(toCsv(records, ','));
    expect(result.format).toBe('statline-csv');
    expect(figure(result, 'WK034403', 'g_afs_gs')?.value).toBe(0.5);
    expect(figure(result, 'BU03440311', 'g_afs_gs')?.value).toBe(
      numberOf(originalCell('BU03440311', SUPERMARKT)),
    );
  });

  it.each(['2023', '2023JJ00', '2023*'])('takes the year from a Perioden column "%s"', async (period) => {
    const records = RECORDS.map((r, i) => [...r.slice(0, 1), i === 0 ? 'Perioden' : period, ...r.slice(1)]);
    const result = await read(toCsv(records), 'nabijheid-download.csv');
    expect(result.year).toBe(2023);
    expect(result.report.ignoredColumns).toContainEqual({ column: 'Perioden', reason: 'periode' });
  });

  it('refuses two periods in one file with row and column', async () => {
    const records = RECORDS.map((r, i) => [i === 0 ? 'Perioden' : i === 3 ? '2022JJ00' : '2023JJ00', ...r]);
    try {
      await read(toCsv(records), 'nabijheid-download.csv');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.issues[0]!.path).toEqual([
        'nabijheid-download.csv',
        4,
        'Perioden',
      ]);
    }
  });

  it('keeps "." missing, "x" secret and "-" (nihil) zero, never a missing figure as 0', async () => {
    const records = withHeader({});
    const overvecht = records.findIndex((r) => r[CODE]!.trim() === 'WK034403');
    const edited = records.map((r, i) =>
      i === overvecht ? r.map((f, c) => (c === HUISARTS ? '       x' : c === SUPERMARKT ? '-' : f)) : r,
    );
    const result = await read(toCsv(edited));
    expect(figure(result, 'WK034403', 'g_afs_hp')).toMatchObject({ value: null, status: 'secret' });
    expect(figure(result, 'WK034403', 'g_afs_gs')).toMatchObject({ value: 0, status: 'ok' });
    expect(originalCell('NL00', HUISARTS).trim()).toBe('.');
    expect(figure(result, 'NL00', 'g_afs_hp')).toMatchObject({ value: null, status: 'missing' });
  });
});

describe('the raw "onbewerkte dataset" (OData keys, ";" and quotes, padded codes)', () => {
  // kwb-2024-buurten-selectie.csv (OData v3 TypedDataSet of 85984NED) rewritten as StatLine's raw download.
  const source = readFileSync('../shared/data/cbs/kwb-2024-buurten-selectie.csv', 'utf8');
  const rows = parseDelimited(source, { delimiter: ',', fileName: 'kwb' }).filter((r) => r.length > 1);
  const raw = [
    ['ID', 'WijkenEnBuurten', 'Perioden', ...rows[0]!.slice(1)],
    ...rows
      .slice(1)
      .map((r, i) => [String(i), r[0]!.padEnd(10), '2024JJ00', ...r.slice(1).map((f) => f.padStart(8))]),
  ];

  it('is read as OData v3 with the figures of the original rows', async () => {
    const text = toCsv(raw);
    expect(detectFormat(text, '85984NED.csv')).toBe('odata-v3-typed');
    const result = await read(text, 'onbewerkt.csv');
    expect(result.year).toBe(2024);
    expect(result.report.regions).toBe(13817);
    const original = rows.find((r) => r[0] === 'BU03440311')!;
    expect(figure(result, 'BU03440311', 'a_inw')?.value).toBe(Number(original[4]));
    expect(figure(result, 'BU03440311', 'a_inw')?.value).toBe(4260);
  });
});

describe('tables with further dimensions', () => {
  // 47018NED-like: a hand-made table with two kinds of crime per region (the mechanism, not CBS figures).
  const text = toCsv([
    [
      'Wijken en buurten',
      'Regiocode (gemeente, wijk, buurt) (code)',
      'Soort misdrijf',
      'Perioden',
      'Geregistreerde misdrijven (aantal)',
    ],
    ['Overvecht', 'WK034403  ', 'Totaal misdrijven', '2024', '   2100'],
    ['Overvecht', 'WK034403  ', 'Diefstal/inbraak woning', '2024', '     80'],
    ['Tigeli', 'BU03440311', 'Totaal misdrijven', '2024', '    579'],
    ['Tigeli', 'BU03440311', 'Diefstal/inbraak woning', '2024', '      .'],
  ]);

  it('splits each variable per value of the dimension; the totals keep the variable itself', async () => {
    const result = await read(text, 'misdrijven.csv');
    expect(result.report.regions).toBe(2);
    const keys = [...new Set(result.observations.map((o) => o.indicatorKey))].sort();
    expect(keys).toHaveLength(2);
    const woning = result.indicators.find((i) => i.title.includes('Diefstal/inbraak woning'))!;
    expect(woning).toMatchObject({ unit: 'aantal', kind: 'count' });
    expect(figure(result, 'WK034403', woning.key)?.value).toBe(80);
    expect(figure(result, 'BU03440311', woning.key)).toMatchObject({ value: null, status: 'missing' });
    const total = keys.find((k) => k !== woning.key)!;
    expect(figure(result, 'BU03440311', total)?.value).toBe(579);
    expect(result.report.ignoredColumns).toContainEqual({
      column: 'Soort misdrijf',
      reason: 'dimensie: elke waarde geeft eigen indicatoren',
    });
  });

  it('refuses the same region and dimension value twice', async () => {
    const twice = `${text}"Tigeli";"BU03440311";"Totaal misdrijven";"2024";"1"\r\n`;
    try {
      await read(twice, 'misdrijven.csv');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.issues[0]!.message).toContain(
        'BU03440311 (Totaal misdrijven) stond al in rij 4',
      );
    }
  });
});
