import { describe, expect, it } from 'vitest';
import type { Observation } from '../analysis/observation.ts';
import { isDomainError } from '../errors.ts';
import { checkLocalIndicatorValues, listForbiddenLocalKeys } from './check-local-indicators.ts';

const owners = new Map([
  ['overlast_a', 'GM0001'],
  ['tevreden_b', 'GM0002'],
]);

function at(regionCode: string, indicatorKey: string, sourceRow: number | null): Observation {
  return {
    regionCode,
    indicatorKey,
    year: 2024,
    value: 1,
    status: 'ok',
    sourceRow,
    sourceColumn: indicatorKey,
  };
}

function problemsOf(run: () => void): { path: (string | number)[]; message: string }[] {
  try {
    run();
  } catch (error) {
    if (isDomainError(error) && error.code === 'import_failed')
      return error.issues.map((i) => ({ path: i.path, message: i.message }));
    throw error;
  }
  throw new Error('expected import_failed');
}

const ownCoordinator = { municipalityCode: 'GM0001', isAdmin: false };
const otherCoordinator = { municipalityCode: 'GM0002', isAdmin: false };
const admin = { municipalityCode: null, isAdmin: true };

describe('values of a local indicator', () => {
  it('may be written by its own municipality, the administrator and a trusted operator, for the gemeente, its wijken and buurten', () => {
    const observations = [
      at('GM0001', 'overlast_a', 2),
      at('WK000101', 'overlast_a', 3),
      at('BU00010101', 'overlast_a', 4),
      at('BU00020101', 'a_inw', 5),
    ];
    for (const importer of [ownCoordinator, admin, null]) {
      expect(() =>
        checkLocalIndicatorValues({ fileName: 'peiling.csv', observations, owners, importer }),
      ).not.toThrow();
    }
  });

  it('refuses another municipality once per column, without naming the owner', () => {
    const observations = [
      at('BU00020101', 'a_inw', 2),
      at('BU00020101', 'overlast_a', 2),
      at('BU00010101', 'overlast_a', 3),
      at('BU00020102', 'tevreden_b', 3),
    ];
    const problems = problemsOf(() =>
      checkLocalIndicatorValues({
        fileName: 'peiling.csv',
        observations,
        owners,
        importer: otherCoordinator,
      }),
    );
    expect(problems).toEqual([
      {
        path: ['peiling.csv', 2, 'overlast_a'],
        message:
          'kolom overlast_a, rij 2: overlast_a is een eigen indicator van een andere gemeente; alleen die gemeente en de platformbeheerder kunnen er waarden voor importeren',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('GM0001');
  });

  it('refuses every row outside the owner, also from the administrator and for an empty cell', () => {
    const observations: Observation[] = [
      at('NL00', 'overlast_a', 2),
      at('GM0001', 'overlast_a', 3),
      { ...at('BU00020101', 'overlast_a', 4), value: null, status: 'missing' },
      at('BU00020101', 'a_inw', 4),
    ];
    for (const importer of [admin, ownCoordinator, null]) {
      const problems = problemsOf(() =>
        checkLocalIndicatorValues({ fileName: 'kwb-2024.csv', observations, owners, importer }),
      );
      expect(problems.map((p) => p.path)).toEqual([
        ['kwb-2024.csv', 2, 'overlast_a'],
        ['kwb-2024.csv', 4, 'overlast_a'],
      ]);
      expect(problems[1]?.message).toBe(
        'kolom overlast_a, rij 4: BU00020101 ligt niet in GM0001, de gemeente van eigen indicator overlast_a; waarden alleen voor haar eigen gebieden',
      );
    }
  });

  it('lists the local indicators an importer may not write at all', () => {
    expect(listForbiddenLocalKeys(owners, ownCoordinator)).toEqual(['tevreden_b']);
    expect(listForbiddenLocalKeys(owners, { municipalityCode: null, isAdmin: false })).toEqual([
      'overlast_a',
      'tevreden_b',
    ]);
    expect(listForbiddenLocalKeys(owners, admin)).toEqual([]);
    expect(listForbiddenLocalKeys(owners, null)).toEqual([]);
  });
});
