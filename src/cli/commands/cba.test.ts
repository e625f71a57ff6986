import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { createSixteenAreasTemplate } from '../../core/cba/template-16-areas.ts';
import { run } from './cba.ts';

function createFakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => '',
  };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}

let dir: string;
const write = async (name: string, content: unknown) => {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const simpleCase = {
  name: 'CLI-test',
  priceBaseYear: 2024,
  discountBaseYear: 2024,
  discountRate: 0,
  startYear: 2024,
  endYear: 2026,
  items: [
    {
      label: 'Investering',
      type: 'cost',
      category: 'investment',
      party: 'gemeente',
      amounts: { '2024': 300 },
    },
    {
      label: 'Baat',
      type: 'benefit',
      category: 'safety_crime',
      party: 'rijk',
      patterns: [{ kind: 'yearly', startYear: 2025, endYear: 2026, amount: 200 }],
    },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wijkkompas-cba-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cba evaluate', () => {
  it('prints the results as JSON with the top-level fields of the one project alternative', async () => {
    const file = await write('case.json', simpleCase);
    const fake = createFakeIo();
    expect(await run(['evaluate', file], fake.io)).toBe(0);
    expect(fake.err()).toBe('');
    const result = JSON.parse(fake.out());
    // At 0%: costs 300, benefits 2 × 200 = 400, NPV 100, ratio 4/3, cumulative −300, −100, +100
    expect(result.presentValueCosts).toBe(300);
    expect(result.presentValueBenefits).toBe(400);
    expect(result.netPresentValue).toBe(100);
    expect(result.benefitCostRatio).toBeCloseTo(4 / 3, 12);
    expect(result.breakEvenYear).toBe(2026);
    expect(result.byParty.map((p: { party: string }) => p.party)).toEqual(['rijk', 'gemeente']);
    expect(result.sensitivity.length).toBeGreaterThan(0);
    expect(result.method).toContain('(1 + 0)^−(t − 2024)');
  });

  it('names the file and every bad field on stderr and exits 1', async () => {
    const file = await write('bad.json', {
      ...simpleCase,
      discountRate: -1.2,
      items: [{ ...simpleCase.items[0], amounts: { '2027': 'veel' } }],
    });
    const fake = createFakeIo();
    expect(await run(['evaluate', file], fake.io)).toBe(1);
    expect(fake.out()).toBe('');
    const lines = fake.err().split('\n');
    expect(lines[0]).toBe(`${file}: De MKBA-case is ongeldig (3 fouten).`);
    expect(lines).toContain(`${file}: discountRate: discontovoet moet minstens −50% (−0.5) zijn`);
    expect(lines).toContain(`${file}: items[0].amounts.2027: jaar 2027 valt buiten de horizon 2024–2026`);
    expect(lines).toContain(
      `${file}: items[0].amounts.2027: bedrag moet een getal zijn (euro’s), geen tekst (ontvangen: "veel")`,
    );
  });

  it('reports a file that is not JSON', async () => {
    const file = await write('broken.json', '{ "name": ');
    const fake = createFakeIo();
    expect(await run(['evaluate', file], fake.io)).toBe(1);
    expect(fake.err()).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: geen geldige JSON`),
    );
  });

  it('reports a file that does not exist', async () => {
    const fake = createFakeIo();
    const file = join(dir, 'missing.json');
    expect(await run(['evaluate', file], fake.io)).toBe(1);
    expect(fake.err()).toBe(`${file}: kan het bestand niet lezen (ENOENT)`);
  });
});

describe('cba template and usage', () => {
  it('prints the template case, which evaluates to a ratio of about 1,5', async () => {
    const fake = createFakeIo();
    expect(await run(['template'], fake.io)).toBe(0);
    const template = JSON.parse(fake.out());
    expect(template.name).toBe('16 stedelijke vernieuwingsgebieden (2021)');
    const file = await write('template.json', template);
    const evaluated = createFakeIo();
    expect(await run(['evaluate', file], evaluated.io)).toBe(0);
    expect(JSON.parse(evaluated.out()).benefitCostRatio).toBeCloseTo(1.53, 2);
  });

  it('exits 2 with usage on wrong use', async () => {
    for (const args of [[], ['evaluate'], ['evaluate', 'a.json', 'b.json'], ['frobnicate'], ['--nope']]) {
      const fake = createFakeIo();
      expect(await run(args, fake.io)).toBe(2);
      expect(fake.err()).toContain('npx wijkkompas cba evaluate CASE.json');
    }
  });

  it('prints usage on --help', async () => {
    const fake = createFakeIo();
    expect(await run(['--help'], fake.io)).toBe(0);
    expect(fake.out()).toContain('cba template');
  });
});

describe('examples/cba', () => {
  const example = (name: string) => new URL(`../../../examples/cba/${name}`, import.meta.url).pathname;

  it('16-stedelijke-vernieuwingsgebieden-2021.json is the template (regenerate with `cba template`)', async () => {
    const text = await readFile(example('16-stedelijke-vernieuwingsgebieden-2021.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(createSixteenAreasTemplate());
  });

  it.each(['16-stedelijke-vernieuwingsgebieden-2021.json', 'simple-case.json', 'two-alternatives.json'])(
    '%s evaluates without errors',
    async (name) => {
      const fake = createFakeIo();
      expect(await run(['evaluate', example(name)], fake.io)).toBe(0);
      const result = JSON.parse(fake.out());
      expect(result.alternatives.length).toBeGreaterThanOrEqual(1);
      for (const alternative of result.alternatives)
        expect(Number.isFinite(alternative.netPresentValue)).toBe(true);
    },
  );
});
