import { createHash } from 'node:crypto';
import fc from 'fast-check';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { computeDrawSeed, drawPanel } from './draw.ts';
import { createHighsSolver } from './highs-solver.ts';
import { drawAndRecord, formatSettings } from './record.ts';
import { selectPanelDistribution } from './select-distribution.ts';
import { computeSha256 } from './sha256.ts';
import type { Solver } from './solver.ts';
import { generateSmallInstance } from './testing.ts';

let solver: Solver;
beforeAll(async () => {
  solver = createHighsSolver(await highsLoader());
});

describe('computeSha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(computeSha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(computeSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(computeSha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(computeSha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { seed: 4, numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(computeSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe('computeDrawSeed', () => {
  const hashes = [computeSha256('categories'), computeSha256('respondents')];

  it('hashes the domain, the public value and the input hashes, one per line', () => {
    expect(computeDrawSeed('7 12 31 40', hashes)).toBe(
      computeSha256(['wijkkompas-sortition-draw-v1', '7 12 31 40', ...hashes].join('\n')),
    );
  });

  it('changes with the public value and with any input', () => {
    const seed = computeDrawSeed('7 12 31 40', hashes);
    expect(computeDrawSeed('7 12 31 41', hashes)).not.toBe(seed);
    expect(computeDrawSeed('7 12 31 40', [hashes[0]!, computeSha256('respondents, edited')])).not.toBe(seed);
  });

  it('rejects something that is not a SHA-256 hash', () => {
    try {
      computeDrawSeed('x', ['not-a-hash']);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('invalid_input');
    }
  });
});

describe('drawPanel', () => {
  it('replays: same inputs and seed give the same panel; other seeds give other panels', async () => {
    const instance = generateSmallInstance('property-2');
    const first = await selectPanelDistribution({ ...instance, solver });
    const again = await selectPanelDistribution({ ...instance, solver });
    expect(again).toEqual(first);
    expect(first.panels.length).toBeGreaterThan(1);

    const seed = computeDrawSeed('public value at the draw', [computeSha256(JSON.stringify(instance))]);
    const draw = drawPanel(first, seed);
    expect(drawPanel(again, seed)).toEqual(draw);
    expect(first.panels[draw.panelIndex]!.members).toEqual(draw.members);

    const others = Array.from(
      { length: 20 },
      (_, i) => drawPanel(first, computeDrawSeed(`other ${i}`, [])).panelIndex,
    );
    expect(others.some((index) => index !== draw.panelIndex)).toBe(true);
  });

  it('draws each panel with its probability (frequencies over many seeds)', () => {
    const distribution = {
      panels: [
        { probability: 0.5, members: [0, 1] },
        { probability: 0.3, members: [0, 2] },
        { probability: 0.2, members: [1, 2] },
      ],
    };
    const counts = [0, 0, 0];
    const draws = 20_000;
    for (let i = 0; i < draws; i++) counts[drawPanel(distribution, `seed ${i}`).panelIndex]!++;
    // 4.5 standard deviations: fails by chance with probability < 1e-5 (and the seeds are fixed).
    counts.forEach((count, index) => {
      const p = distribution.panels[index]!.probability;
      expect(Math.abs(count / draws - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / draws));
    });
  });
});

describe('drawAndRecord', () => {
  it('records hashes, settings, seed and the drawn panel with ids, and replays', async () => {
    const instance = generateSmallInstance('property-3');
    const distribution = await selectPanelDistribution({ ...instance, solver });
    const settings = {
      algorithm: 'leximin' as const,
      panelSize: instance.panelSize,
      householdColumns: [],
      idColumn: null,
    };
    const inputHashes = {
      categories: computeSha256('categories'),
      respondents: computeSha256('respondents'),
      settings: computeSha256(formatSettings(settings)),
    };
    const input = {
      pool: instance.pool,
      distribution,
      settings,
      inputHashes,
      publicValue: '4 8 15',
      solver: 'test',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const record = drawAndRecord(input);
    expect(record.drawSeed).toBe(
      computeDrawSeed('4 8 15', [inputHashes.categories, inputHashes.respondents, inputHashes.settings]),
    );
    expect(record.selected).toEqual(
      drawPanel(distribution, record.drawSeed).members.map((m) => instance.pool[m]!.id),
    );
    expect(record.panels[record.draw.panelIndex]!.members).toEqual(record.selected);
    expect(record.people.map((person) => person.probability)).toEqual(distribution.probabilities);
    expect(drawAndRecord(input)).toEqual(record);
    expect(formatSettings(settings)).toBe(
      '{"algorithm":"leximin","panelSize":' + instance.panelSize + ',"householdColumns":[],"idColumn":null}',
    );
  });
});
