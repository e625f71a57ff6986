import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  ALTERNATIVE_ROUTES,
  ALTERNATIVE_ROUTE_LABELS,
  isIsoDate,
  isPhaseBeforeGo,
  selectCurrentDecision,
  validateDecision,
  type AlternativeRoute,
  type DecisionInput,
} from './decision.ts';

const TODAY = { today: '2024-05-15' };

function buildGo(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    outcome: 'go',
    decidedOn: '2024-05-14',
    decidedBy: 'College van B&W',
    rationale: 'Opstapeling van problemen in vijf domeinen, breed herkend.',
    alternativeRoutes: [],
    alternativeOther: null,
    followUpDate: null,
    ...overrides,
  };
}

function buildNoGo(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return buildGo({
    outcome: 'no_go',
    rationale: 'Sectoraal beleid volstaat voorlopig.',
    alternativeRoutes: ['strengthen_area_based_working'],
    followUpDate: '2025-05-14',
    ...overrides,
  });
}

function issuePaths(run: () => void): (string | number)[][] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input')
      return error.issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe('alternative routes', () => {
  it('has the routes of seed figure 4.2 with their Dutch labels', () => {
    expect(ALTERNATIVE_ROUTES.map((r) => ALTERNATIVE_ROUTE_LABELS[r])).toEqual([
      'Intensiveren sociaal beheer',
      'Intensiveren fysiek beheer',
      'Versterken wijkgericht werken',
      'Additioneel sectoraal beleid',
      'Stimuleren gemeenschapskracht',
      'Anders',
    ]);
  });
});

describe('validateDecision', () => {
  it('accepts a complete go and a complete no-go', () => {
    expect(issuePaths(() => validateDecision(buildGo(), TODAY))).toEqual([]);
    expect(issuePaths(() => validateDecision(buildNoGo(), TODAY))).toEqual([]);
    expect(issuePaths(() => validateDecision(buildGo({ decidedOn: TODAY.today }), TODAY))).toEqual([]);
  });

  it.each(['2024-05-16', '2024-02-30', '2023-02-29', '15-05-2024', '2024-5-1', ''])(
    'refuses decidedOn %j (future or not a real date)',
    (decidedOn) => {
      expect(issuePaths(() => validateDecision(buildGo({ decidedOn }), TODAY))).toEqual([['decidedOn']]);
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(issuePaths(() => validateDecision(buildGo({ decidedOn: '2024-02-29' }), TODAY))).toEqual([]);
  });

  it('requires who decided and a rationale of at least 10 non-blank characters', () => {
    expect(issuePaths(() => validateDecision(buildGo({ decidedBy: '  ' }), TODAY))).toEqual([['decidedBy']]);
    expect(issuePaths(() => validateDecision(buildGo({ rationale: 'a b c d e f g h i' }), TODAY))).toEqual([
      ['rationale'],
    ]);
    expect(issuePaths(() => validateDecision(buildGo({ rationale: 'abcdefghij' }), TODAY))).toEqual([]);
  });

  it('requires an alternative route and a follow-up date on a no-go', () => {
    expect(
      issuePaths(() => validateDecision(buildNoGo({ alternativeRoutes: [], followUpDate: null }), TODAY)),
    ).toEqual([['alternativeRoutes'], ['followUpDate']]);
  });

  it.each(['2024-05-14', '2024-05-01', '2025-13-01'])(
    'refuses follow-up date %s (not after decidedOn)',
    (date) => {
      expect(issuePaths(() => validateDecision(buildNoGo({ followUpDate: date }), TODAY))).toEqual([
        ['followUpDate'],
      ]);
    },
  );

  it('requires a description with route "other", and only then', () => {
    const routes: AlternativeRoute[] = ['other'];
    expect(issuePaths(() => validateDecision(buildNoGo({ alternativeRoutes: routes }), TODAY))).toEqual([
      ['alternativeOther'],
    ]);
    expect(
      issuePaths(() =>
        validateDecision(buildNoGo({ alternativeRoutes: routes, alternativeOther: 'Buurtbudget' }), TODAY),
      ),
    ).toEqual([]);
    expect(issuePaths(() => validateDecision(buildNoGo({ alternativeOther: 'Buurtbudget' }), TODAY))).toEqual(
      [['alternativeOther']],
    );
  });

  it('refuses unknown and duplicate routes', () => {
    const routes = [
      'additional_sectoral_policy',
      'more_money',
      'additional_sectoral_policy',
    ] as AlternativeRoute[];
    expect(issuePaths(() => validateDecision(buildNoGo({ alternativeRoutes: routes }), TODAY))).toEqual([
      ['alternativeRoutes', 1],
      ['alternativeRoutes', 2],
    ]);
  });

  it('refuses routes, a description and a follow-up date on a go', () => {
    const input = buildGo({
      alternativeRoutes: ['other'],
      alternativeOther: 'x',
      followUpDate: '2025-01-01',
    });
    expect(issuePaths(() => validateDecision(input, TODAY))).toEqual([
      ['alternativeRoutes'],
      ['alternativeOther'],
      ['followUpDate'],
    ]);
  });

  it('reports all issues at once', () => {
    const input = buildNoGo({
      decidedOn: '2030-01-01',
      decidedBy: '',
      rationale: 'kort',
      alternativeRoutes: ['other'],
      followUpDate: '2029-12-31',
    });
    expect(issuePaths(() => validateDecision(input, TODAY))).toEqual([
      ['decidedOn'],
      ['decidedBy'],
      ['rationale'],
      ['alternativeOther'],
      ['followUpDate'],
    ]);
  });

  it('refuses an unknown outcome and an invalid "today"', () => {
    expect(issuePaths(() => validateDecision(buildGo({ outcome: 'maybe' as 'go' }), TODAY))).toEqual([
      ['outcome'],
    ]);
    expect(issuePaths(() => validateDecision(buildGo(), { today: '2024-13-01' }))).toEqual([['today']]);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(['2024-01-31', '2000-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    expect(
      ['2024-04-31', '1900-02-29', '2024-00-10', '2024-01-00', '2024-01-01T00:00', 20240101].some(isIsoDate),
    ).toBe(false);
  });
});

describe('selectCurrentDecision', () => {
  it('returns undefined without decisions', () => {
    expect(selectCurrentDecision([])).toBeUndefined();
  });

  it('picks the latest by recordedAt whatever the input order', () => {
    const a = { id: 'a', recordedAt: '2024-01-10T09:00:00Z', supersedesId: null, outcome: 'no_go' as const };
    const b = { id: 'b', recordedAt: '2024-03-01T09:00:00Z', supersedesId: 'a', outcome: 'go' as const };
    const c = { id: 'c', recordedAt: '2024-02-01T09:00:00Z', supersedesId: 'a', outcome: 'no_go' as const };
    expect(selectCurrentDecision([a, b, c])?.id).toBe('b');
    expect(selectCurrentDecision([b, c, a])?.id).toBe('b');
    expect(selectCurrentDecision([b, c, a])?.outcome).toBe('go');
  });

  it('compares instants, not strings, across time zone offsets', () => {
    const utc = { id: 'z', recordedAt: '2024-01-10T10:00:00Z', supersedesId: null };
    const amsterdam = { id: 'a', recordedAt: '2024-01-10T12:00:00+01:00', supersedesId: 'z' }; // 11:00Z
    expect(selectCurrentDecision([amsterdam, utc])?.id).toBe('a');
  });

  it('on equal timestamps prefers the decision that supersedes the other', () => {
    const first = { id: 'z', recordedAt: '2024-01-10T10:00:00Z', supersedesId: null };
    const second = { id: 'a', recordedAt: '2024-01-10T10:00:00Z', supersedesId: 'z' };
    expect(selectCurrentDecision([first, second])?.id).toBe('a');
    expect(selectCurrentDecision([second, first])?.id).toBe('a');
  });

  it('refuses an unreadable timestamp', () => {
    expect(() => selectCurrentDecision([{ id: 'x', recordedAt: 'gisteren', supersedesId: null }])).toThrow(
      DomainError,
    );
  });
});

describe('isPhaseBeforeGo', () => {
  it('keeps every phase but orientation waiting until the decision in force is a go', () => {
    const phases = ['orienteren', 'initieren', 'ontwerpen', 'uitvoeren'] as const;
    expect(phases.map((p) => isPhaseBeforeGo(p, undefined))).toEqual([false, true, true, true]);
    expect(phases.map((p) => isPhaseBeforeGo(p, { outcome: 'no_go' }))).toEqual([false, true, true, true]);
    expect(phases.map((p) => isPhaseBeforeGo(p, { outcome: 'go' }))).toEqual([false, false, false, false]);
  });
});
