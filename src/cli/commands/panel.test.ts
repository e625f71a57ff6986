import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { run } from './panel.ts';

const EXAMPLE = '../shared/data/sortition/example_small_20';
const directory = mkdtempSync(join(tmpdir(), 'wijkkompas-panel-'));

function createIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => '',
  };
  return { io, out, err };
}

async function select(extra: string[], file = 'out.json') {
  const { io, out, err } = createIo();
  const target = join(directory, file);
  const code = await run(
    [
      'select',
      '--categories',
      `${EXAMPLE}/categories.csv`,
      '--respondents',
      `${EXAMPLE}/respondents.csv`,
      '--out',
      target,
      ...extra,
    ],
    io,
  );
  return {
    code,
    out: out.join('\n'),
    err: err.join('\n'),
    record: code === 0 ? JSON.parse(readFileSync(target, 'utf8')) : null,
  };
}

describe('npx wijkkompas panel select', () => {
  it('selects by LEXIMIN, prints a summary and writes the record', async () => {
    const { code, out, record } = await select(['--size', '20', '--seed', '2 7 19 33']);
    expect(code).toBe(0);
    expect(out).toContain('Loting (leximin): n = 200, k = 20');
    expect(out).toContain('kleinste kans 10.00%, grootste kans 10.00%, Gini 0.00%');
    expect(record).toMatchObject({ algorithm: 'leximin', n: 200, k: 20, seed: '2 7 19 33' });
    expect(record.minProbability).toBeCloseTo(0.1, 9);
    expect(record.maxProbability).toBeCloseTo(0.1, 9);
    expect(record.people).toHaveLength(200);
    expect(record.people[0]).toEqual({ id: '1', probability: expect.closeTo(0.1, 9) });
    expect(record.selected).toHaveLength(20);
    expect(record.panels[record.draw.panelIndex].members).toEqual(record.selected);
    expect(record.inputHashes.categories).toMatch(/^[0-9a-f]{64}$/);
    expect(
      record.panels.reduce((sum: number, panel: { probability: number }) => sum + panel.probability, 0),
    ).toBeCloseTo(1, 9);
  });

  it('replays: the same files and seed give the same panel, another seed another panel', async () => {
    const first = await select(['--size', '20', '--seed', 'openbare trekking 12 maart'], 'a.json');
    const again = await select(['--size', '20', '--seed', 'openbare trekking 12 maart'], 'b.json');
    const other = await select(['--size', '20', '--seed', 'openbare trekking 13 maart'], 'c.json');
    expect(again.record.selected).toEqual(first.record.selected);
    expect(again.record.drawSeed).toBe(first.record.drawSeed);
    expect(other.record.selected).not.toEqual(first.record.selected);
  });

  it('without --seed uses a random public value and records it', async () => {
    const { code, out, record } = await select(['--size', '20']);
    expect(code).toBe(0);
    expect(out).toContain('geen --seed opgegeven');
    expect(record.seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('runs LEGACY and MAXIMIN too', async () => {
    const legacy = await select(['--size', '20', '--algorithm', 'legacy', '--samples', '300', '--seed', 'x']);
    expect(legacy.code).toBe(0);
    expect(legacy.record.minProbability).toBeLessThan(0.05);
    const maximin = await select(['--size', '20', '--algorithm', 'maximin', '--seed', 'x']);
    expect(maximin.record.minProbability).toBeCloseTo(0.1, 9);
  });

  it('explains infeasible quotas on stderr with exit code 1', async () => {
    const { code, err } = await select(['--size', '5']);
    expect(code).toBe(1);
    expect(err).toContain('De quota zijn niet haalbaar');
    expect(err).toContain('minimums van "gender" tellen op tot 18, meer dan de panelgrootte 5');
  });

  it('reports bad CSV cells with file, line and column, exit code 1', async () => {
    const categories = join(directory, 'bad-categories.csv');
    writeFileSync(categories, 'category,feature,min,max\ngender,female,negen,20\n');
    const { io, err } = createIo();
    const code = await run(
      [
        'select',
        '--categories',
        categories,
        '--respondents',
        `${EXAMPLE}/respondents.csv`,
        '--size',
        '20',
        '--out',
        join(directory, 'x.json'),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(
      'bad-categories.csv, regel 2, kolom min: "negen" is geen geheel getal ≥ 0.',
    );
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await select([])).code).toBe(2);
    expect((await select(['--size', 'twintig'])).code).toBe(2);
    expect((await select(['--size', '20', '--algorithm', 'random'])).code).toBe(2);
    const { io, err } = createIo();
    expect(await run(['choose'], io)).toBe(2);
    expect(err.join('\n')).toContain('Gebruik: npx wijkkompas panel select');
  });

  it('alternates: replaces a drop-out from the record, reproducibly, and refuses other files', async () => {
    const selected = await select(['--size', '20', '--seed', 'trekking'], 'record.json');
    const recordFile = join(directory, 'record.json');
    const dropped = selected.record.selected[0];
    const alternates = async (respondents: string, file: string) => {
      const { io, out, err } = createIo();
      const target = join(directory, file);
      const code = await run(
        [
          'alternates',
          '--record',
          recordFile,
          '--categories',
          `${EXAMPLE}/categories.csv`,
          '--respondents',
          respondents,
          '--dropped',
          dropped,
          '--seed',
          'tweede trekking',
          '--out',
          target,
        ],
        io,
      );
      return {
        code,
        out: out.join('\n'),
        err: err.join('\n'),
        result: code === 0 ? JSON.parse(readFileSync(target, 'utf8')) : null,
      };
    };
    const first = await alternates(`${EXAMPLE}/respondents.csv`, 'alt-a.json');
    expect(first.code).toBe(0);
    expect(first.result.replacements).toHaveLength(1);
    expect(selected.record.selected).not.toContain(first.result.replacements[0]);
    expect(first.result.panel).toHaveLength(20);
    expect(first.result.panel).not.toContain(dropped);
    expect((await alternates(`${EXAMPLE}/respondents.csv`, 'alt-b.json')).result.replacements).toEqual(
      first.result.replacements,
    );

    const edited = join(directory, 'respondents-edited.csv');
    writeFileSync(edited, `${readFileSync(`${EXAMPLE}/respondents.csv`, 'utf8')}\n`);
    const refused = await alternates(edited, 'alt-c.json');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('respondents: de bestanden wijken af van die van de opname');
  });

  it('names people by nationbuilder_id in a Sortition Foundation pool, without a flag', async () => {
    // The Sortition Foundation layout (sortition-algorithms tests/fixtures/candidates.csv): the id in
    // nationbuilder_id first, contact columns, then the features; quotas as category,name,min,max.
    const lines = readFileSync(`${EXAMPLE}/respondents.csv`, 'utf8').trim().split('\n');
    const pool = [
      'nationbuilder_id,first_name,email,primary_address1,primary_zip,gender,leaning',
      ...lines
        .slice(1)
        .map((line, i) => `nb${1000 + i},Naam${i},p${i}@example.org,Straat ${i},3500AA,${line}`),
    ].join('\n');
    const respondents = join(directory, 'sf-candidates.csv');
    writeFileSync(respondents, `${pool}\n`);
    const categories = join(directory, 'sf-categories.csv');
    const quotas = readFileSync(`${EXAMPLE}/categories.csv`, 'utf8').replace(
      'category,feature,',
      'category,name,',
    );
    writeFileSync(categories, quotas);
    const { io, out, err } = createIo();
    const target = join(directory, 'sf.json');
    const code = await run(
      [
        'select',
        '--categories',
        categories,
        '--respondents',
        respondents,
        '--size',
        '20',
        '--seed',
        's',
        '--out',
        target,
      ],
      io,
    );
    expect(code).toBe(0);
    const record = JSON.parse(readFileSync(target, 'utf8'));
    expect(record.settings.idColumn).toBe('nationbuilder_id');
    expect(record.people[0]).toEqual({ id: 'nb1000', probability: expect.closeTo(0.1, 9) });
    expect(record.selected).toHaveLength(20);
    for (const id of record.selected) expect(id).toMatch(/^nb1\d{3}$/);
    expect(out.join('\n')).toMatch(/getrokken panel: nb1\d{3}, nb1\d{3}/);
    expect(err.join('\n')).not.toContain('regelnummer');
  });

  it('warns when it falls back to row numbers, and not when --id-column names the column', async () => {
    const fallback = await select(['--size', '20', '--seed', 'w'], 'rows.json');
    expect(fallback.code).toBe(0);
    expect(fallback.err).toContain('geen herkende id-kolom');
    expect(fallback.err).toContain('regelnummer');
    expect(fallback.record.settings.idColumn).toBeNull();
    expect(fallback.record.selected.every((id: string) => /^\d+$/.test(id))).toBe(true);

    const named = join(directory, 'named.csv');
    const lines = readFileSync(`${EXAMPLE}/respondents.csv`, 'utf8').trim().split('\n');
    writeFileSync(
      named,
      [`kenmerk_code,${lines[0]}`, ...lines.slice(1).map((l, i) => `K${i},${l}`)].join('\n'),
    );
    const { io, err } = createIo();
    const target = join(directory, 'named.json');
    const code = await run(
      [
        'select',
        '--categories',
        `${EXAMPLE}/categories.csv`,
        '--respondents',
        named,
        '--id-column',
        'kenmerk_code',
        '--size',
        '20',
        '--seed',
        'w',
        '--out',
        target,
      ],
      io,
    );
    expect(code).toBe(0);
    expect(err.join('\n')).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).selected[0]).toMatch(/^K\d+$/);
  });
});
