import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK, listPointIds } from './content.ts';
import { POINT_STATUSES } from './point-status.ts';
import { computeProgress, filterPoints } from './progress.ts';
import type { FrameworkContent, PointStatus } from './types.ts';

// A hand-made example on the real framework (21/19/31/21 points per phase, 92 in total).
const EXAMPLE = new Map<string, PointStatus>([
  ['1.1.1', 'answered'],
  ['1.1.2', 'skipped'],
  ['1.1.3', 'in_discussion'],
  // 1.1.4 missing: open
  ['1.3.1', 'answered'],
  ['1.3.2', 'answered'],
  ['1.5.1', 'skipped'],
  ['4.6.3', 'answered'],
  ['9.9.9', 'answered'], // not a point of the framework: ignored
]);

describe('computeProgress', () => {
  const progress = computeProgress(FRAMEWORK, EXAMPLE);

  it('counts the whole framework (hand-computed)', () => {
    // done = 4 answered + 2 skipped = 6; 100 * 6 / 92 = 6.52 -> 7
    expect({ ...progress, phases: undefined }).toEqual({
      total: 92,
      open: 85,
      inDiscussion: 1,
      answered: 4,
      skipped: 2,
      done: 6,
      percentDone: 7,
      phases: undefined,
    });
  });

  it('counts per phase (hand-computed)', () => {
    expect(progress.phases.map(({ steps: _steps, ...counts }) => counts)).toEqual([
      // 100 * 5 / 21 = 23.8 -> 24
      {
        phaseId: 'orienteren',
        total: 21,
        open: 15,
        inDiscussion: 1,
        answered: 3,
        skipped: 2,
        done: 5,
        percentDone: 24,
      },
      {
        phaseId: 'initieren',
        total: 19,
        open: 19,
        inDiscussion: 0,
        answered: 0,
        skipped: 0,
        done: 0,
        percentDone: 0,
      },
      {
        phaseId: 'ontwerpen',
        total: 31,
        open: 31,
        inDiscussion: 0,
        answered: 0,
        skipped: 0,
        done: 0,
        percentDone: 0,
      },
      // 100 * 1 / 21 = 4.76 -> 5
      {
        phaseId: 'uitvoeren',
        total: 21,
        open: 20,
        inDiscussion: 0,
        answered: 1,
        skipped: 0,
        done: 1,
        percentDone: 5,
      },
    ]);
  });

  it('counts per step (hand-computed)', () => {
    const steps = progress.phases[0]?.steps ?? [];
    expect(steps.map((s) => s.stepId)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(steps[0]).toEqual({
      stepId: '1.1',
      total: 4,
      open: 1,
      inDiscussion: 1,
      answered: 1,
      skipped: 1,
      done: 2,
      percentDone: 50,
    });
    expect(steps[2]).toMatchObject({ stepId: '1.3', total: 2, answered: 2, done: 2, percentDone: 100 });
    expect(steps[4]).toMatchObject({
      stepId: '1.5',
      total: 5,
      open: 4,
      skipped: 1,
      done: 1,
      percentDone: 20,
    });
  });

  it('counts every point as open with an empty map', () => {
    const empty = computeProgress(FRAMEWORK, new Map());
    expect(empty).toMatchObject({ total: 92, open: 92, done: 0, percentDone: 0 });
  });

  it('rounds half up and reports 0 % for a step without points', () => {
    const tiny: FrameworkContent = {
      version: 'test',
      principles: [],
      successFactors: [],
      phases: [
        {
          id: 'orienteren',
          number: 1,
          title: 't',
          introduction: '',
          subSteps: [],
          steps: [
            {
              id: '1.1',
              number: 1,
              title: 's',
              consideration: '',
              principleIds: [],
              successFactorIds: [],
              discussionPoints: Array.from({ length: 8 }, (_, i) => ({ id: `1.1.${i + 1}`, text: 'p' })),
            },
            {
              id: '1.2',
              number: 2,
              title: 'e',
              consideration: '',
              principleIds: [],
              successFactorIds: [],
              discussionPoints: [],
            },
          ],
        },
      ],
    };
    // 1 of 8 done: 12.5 -> 13
    const result = computeProgress(tiny, new Map([['1.1.3', 'skipped']]));
    expect(result.percentDone).toBe(13);
    expect(result.phases[0]?.steps[1]).toMatchObject({ total: 0, done: 0, percentDone: 0 });
  });

  it('refuses an unknown status in the map', () => {
    expect(() => computeProgress(FRAMEWORK, new Map([['1.1.1', 'done' as PointStatus]]))).toThrow(
      /onbekende status/,
    );
  });

  it('keeps done + open + inDiscussion = total at every level for any status map', () => {
    const statusMap = fc
      .array(fc.tuple(fc.constantFrom(...listPointIds()), fc.constantFrom(...POINT_STATUSES)), {
        maxLength: 120,
      })
      .map((entries) => new Map<string, PointStatus>(entries));
    fc.assert(
      fc.property(statusMap, (statuses) => {
        const result = computeProgress(FRAMEWORK, statuses);
        const levels = [result, ...result.phases, ...result.phases.flatMap((p) => p.steps)];
        for (const level of levels) {
          expect(level.done + level.open + level.inDiscussion).toBe(level.total);
          expect(level.done).toBe(level.answered + level.skipped);
          expect(Number.isInteger(level.percentDone)).toBe(true);
          expect(level.percentDone).toBeGreaterThanOrEqual(0);
          expect(level.percentDone).toBeLessThanOrEqual(100);
        }
        expect(result.total).toBe(92);
        expect(result.phases.reduce((n, p) => n + p.answered, 0)).toBe(result.answered);
        for (const status of POINT_STATUSES) {
          const expected = listPointIds().filter((id) => (statuses.get(id) ?? 'open') === status).length;
          expect(filterPoints(FRAMEWORK, statuses, { status })).toHaveLength(expected);
        }
      }),
      { seed: 20220101, numRuns: 200 },
    );
  });
});

describe('filterPoints', () => {
  it('returns all 92 ids in seed order without a filter', () => {
    expect(filterPoints(FRAMEWORK, EXAMPLE, {})).toEqual(listPointIds());
  });

  it('filters on status, counting missing points as open', () => {
    expect(filterPoints(FRAMEWORK, EXAMPLE, { status: 'answered' })).toEqual([
      '1.1.1',
      '1.3.1',
      '1.3.2',
      '4.6.3',
    ]);
    expect(filterPoints(FRAMEWORK, EXAMPLE, { status: 'skipped' })).toEqual(['1.1.2', '1.5.1']);
    expect(filterPoints(FRAMEWORK, EXAMPLE, { status: 'open', stepId: '1.1' })).toEqual(['1.1.4']);
  });

  it('filters on phase and step, combined with status', () => {
    expect(filterPoints(FRAMEWORK, EXAMPLE, { phaseId: 'initieren' })).toHaveLength(19);
    expect(filterPoints(FRAMEWORK, EXAMPLE, { stepId: '3.5' })).toEqual(['3.5.1', '3.5.2', '3.5.3']);
    expect(filterPoints(FRAMEWORK, EXAMPLE, { phaseId: 'orienteren', status: 'answered' })).toEqual([
      '1.1.1',
      '1.3.1',
      '1.3.2',
    ]);
    expect(filterPoints(FRAMEWORK, EXAMPLE, { phaseId: 'uitvoeren', stepId: '1.1' })).toEqual([]);
    expect(
      filterPoints(FRAMEWORK, EXAMPLE, { status: undefined, phaseId: undefined, stepId: undefined }),
    ).toHaveLength(92);
  });
});
