import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK, findPhase, findPoint, findStep, listPointIds } from './content.ts';

// The seed lives next to the repository: <repo>/../shared/seed (tests may read files, the core may not).
const SEED_PATH = fileURLToPath(new URL('../../../../shared/seed/000_28cc413844fe9fee.txt', import.meta.url));
const SEED = readFileSync(SEED_PATH, 'utf8');

/** Repairs line-end hyphenation ("voorge-\nschiedenis") and collapses whitespace, as content.ts does. */
function normalise(text: string): string {
  return text
    .replace(/(\p{L})[-–][ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
const SEED_NORMALISED = normalise(SEED);

// Counted by hand from the seed's tables (chapter 4), bullet by bullet: step id -> [title, points].
const STEPS_BY_HAND: [string, string, number][] = [
  ['1.1', 'Urgentie', 4],
  ['1.2', 'Grip op de opgaven', 5],
  ['1.3', 'Luisteren naar bewoners', 2],
  ['1.4', 'Stakeholders en belangen in beeld', 5],
  ['1.5', 'Besluitvorming: go/no go', 5],
  ['2.1', 'Lokale coalitie', 5],
  ['2.2', 'Visie op de toekomst van de wijk', 8],
  ['2.3', 'Lokaal contract', 3],
  ['2.4', 'Instrumenten en financiering', 3],
  ['3.1', 'Opstellen uitvoeringsprogramma', 5],
  ['3.2', 'Lange adem', 5],
  ['3.3', 'Bestuurskracht', 5],
  ['3.4', 'Burgerparticipatie', 4],
  ['3.5', 'Procesregie', 3],
  ['3.6', 'Teams formeren', 5],
  ['3.7', 'Monitoring en verantwoording', 4],
  ['4.1', 'Uitvoeren maatregelen en interventies', 3],
  ['4.2', 'Wendbare, lerende aanpak', 3],
  ['4.3', 'Participatie en communicatie', 4],
  ['4.4', 'Monitoring', 4],
  ['4.5', 'Vernieuwing uitvoeringsprogramma', 4],
  ['4.6', 'Evaluatie en nazorg', 3],
];

// The reference column as printed ("-> 3.3, 4.10"); "3.n" = principle n, "4.n" = success factor n.
const REFERENCES_AS_PRINTED: Record<string, string> = {
  '1.1': '4.1',
  '1.2': '4.1',
  '1.3': '4.6',
  '1.4': '4.1',
  '1.5': '',
  '2.1': '4.2',
  '2.2': '3.3, 4.3',
  '2.3': '4.2',
  '2.4': '3.6, 4.4',
  '3.1': '3.3, 4.4',
  '3.2': '4.5',
  '3.3': '3.4, 4.7',
  '3.4': '4.6',
  '3.5': '4.8',
  '3.6': '3.4, 4.9',
  '3.7': '4.10',
  '4.1': '4.4, 4.10',
  '4.2': '3.4, 4.10',
  '4.3': '4.6',
  '4.4': '4.10',
  '4.5': '4.4, 4.10',
  '4.6': '3.3, 4.1, 4.10',
};

const allSteps = () => FRAMEWORK.phases.flatMap((phase) => phase.steps);
const allPoints = () => allSteps().flatMap((step) => step.discussionPoints);

describe('FRAMEWORK content', () => {
  it('has version 2022.1 and the four phases of seed figure 4.1 in order', () => {
    expect(FRAMEWORK.version).toBe('2022.1');
    expect(FRAMEWORK.phases.map((p) => [p.id, p.number, p.title])).toEqual([
      ['orienteren', 1, 'Oriënteren en verkennen'],
      ['initieren', 2, 'Initiëren'],
      ['ontwerpen', 3, 'Ontwerpen'],
      ['uitvoeren', 4, 'Uitvoeren'],
    ]);
  });

  it('has 22 steps and 92 discussion points (5/4/7/6 steps, 21/19/31/21 points)', () => {
    expect(allSteps()).toHaveLength(22);
    expect(allPoints()).toHaveLength(92);
    expect(FRAMEWORK.phases.map((p) => p.steps.length)).toEqual([5, 4, 7, 6]);
    expect(FRAMEWORK.phases.map((p) => p.steps.reduce((n, s) => n + s.discussionPoints.length, 0))).toEqual([
      21, 19, 31, 21,
    ]);
  });

  it('has the step titles and per-step point counts counted by hand from the seed', () => {
    expect(allSteps().map((s) => [s.id, s.title, s.discussionPoints.length])).toEqual(STEPS_BY_HAND);
  });

  it('gives every phase, step and point an id that matches its position', () => {
    FRAMEWORK.phases.forEach((phase, p) => {
      expect(phase.number).toBe(p + 1);
      phase.steps.forEach((step, s) => {
        expect(step.number).toBe(s + 1);
        expect(step.id).toBe(`${p + 1}.${s + 1}`);
        step.discussionPoints.forEach((point, i) => {
          expect(point.id).toBe(`${p + 1}.${s + 1}.${i + 1}`);
        });
      });
    });
  });

  it('has unique ids', () => {
    const ids = [...allSteps().map((s) => s.id), ...allPoints().map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(FRAMEWORK.phases.map((p) => p.id)).size).toBe(4);
  });

  it('transcribes every discussion point verbatim from the seed', () => {
    const missing = allPoints().filter((point) => !SEED_NORMALISED.includes(point.text));
    expect(missing).toEqual([]);
  });

  it('matches the seed bullet for bullet: each point is one whole "•" bullet of chapter 4, in order', () => {
    const region = normalise(SEED.slice(SEED.indexOf('Stap Afweging Gesprekspunten')));
    const bullets = region
      .split('•')
      .slice(1)
      .map((b) => b.trim());
    expect(bullets).toHaveLength(92);
    // What follows the last bullet of a phase in the extracted text.
    const afterPhase = [
      '2. Initiëren',
      '3. Ontwerpen',
      'Zo kunnen samenwerkende partijen',
      'De zes uitgangspunten',
    ];
    let index = 0;
    FRAMEWORK.phases.forEach((phase, p) => {
      phase.steps.forEach((step, s) => {
        step.discussionPoints.forEach((point, i) => {
          const bullet = bullets[index++] ?? '';
          expect(bullet.startsWith(point.text), point.id).toBe(true);
          const rest = bullet.slice(point.text.length);
          const isLast = i === step.discussionPoints.length - 1;
          const next = phase.steps[s + 1]?.title ?? afterPhase[p];
          if (isLast) expect(rest.startsWith(` ${next}`), point.id).toBe(true);
          else expect(rest, point.id).toBe('');
        });
      });
    });
  });

  it('keeps the seed wording, typos included, and repairs line-end hyphenation', () => {
    expect(findPoint('1.1.1')?.point.text.startsWith('Is in de wijk is sprake van concentraties')).toBe(true);
    expect(findPoint('2.3.2')?.point.text).toBe(
      'Zijn in het lokaal contract uitgangspunten. ambities of prioriteiten vastgelegd voor de langjarige wijkaanpak?',
    );
    // "(bewoners)initiatieven \n\nactief zijn in de wijk?" wraps across a page break in the seed.
    expect(findPoint('1.4.3')?.point.text).toBe(
      'Is in beeld gebracht welke (culturele, religieuze of sportieve) verenigingen en informele ' +
        '(bewoners)initiatieven actief zijn in de wijk?',
    );
    expect(findPoint('3.3.5')?.point.text).toContain('langdurig inzet en commitment voor');
    expect(findPoint('1.1.1')?.point.text).toContain('achter-de-voordeur-problematiek');
    for (const point of allPoints()) {
      expect(point.text).not.toMatch(/\s{2}|\n|•/);
      expect(point.text).toBe(point.text.trim());
    }
  });

  it('transcribes titles and considerations from the seed, de-hyphenated', () => {
    for (const step of allSteps()) {
      expect(SEED_NORMALISED).toContain(step.consideration);
      expect(SEED_NORMALISED).toContain(step.title);
    }
    expect(findStep('1.5')?.step.title).toBe('Besluitvorming: go/no go');
    expect(findStep('3.1')?.step.title).toBe('Opstellen uitvoeringsprogramma');
    expect(findStep('2.4')?.step.consideration).toContain('Het In het lokaal contract kunnen intenties');
  });

  it('takes every sentence of each phase introduction from the seed', () => {
    for (const phase of FRAMEWORK.phases) {
      const sentences = phase.introduction.split(/\n\n|(?<=[.?])\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThan(3);
      for (const sentence of sentences) expect(SEED_NORMALISED).toContain(sentence);
    }
    expect(findPhase('orienteren')?.introduction).toContain('voorgeschiedenis van beleid');
    expect(findPhase('uitvoeren')?.introduction).toContain(
      'De stappen en aandachtspunten uit de oriëntatiefase',
    );
  });

  it('lists the sub-steps of each phase figure', () => {
    expect(FRAMEWORK.phases.map((p) => p.subSteps)).toEqual([
      ['Urgentie afwegen', 'Grip krijgen op de opgaven', 'Luisteren naar bewoners', 'Stakeholders in beeld'],
      [
        'Coalitie en bestuurlijke alliantie',
        'Van analyse naar visie',
        'Lokaal contract opstellen',
        'Instrumenten en financiering',
      ],
      [
        'Uitvoeringsprogramma',
        'Organisatiestructuur inrichten',
        'Participatiestructuur opzetten',
        'Teams samenstellen',
        'Monitoringstructuur',
      ],
      [
        'Uitvoeren maatregelen',
        'Monitoringen en actieonderzoek',
        'Leren en bijsturen',
        'Herziening programma',
        'Evaluatie en nazorg',
      ],
    ]);
    for (const label of FRAMEWORK.phases.flatMap((p) => p.subSteps)) expect(SEED).toContain(label);
  });

  it('maps the reference column exactly as printed ("3.n" principle n, "4.n" success factor n)', () => {
    const actual = Object.fromEntries(
      allSteps().map((step) => [
        step.id,
        [
          ...step.principleIds.map((id) => `3.${id.replace('principle-', '')}`),
          ...step.successFactorIds.map((id) => `4.${id.replace('success-factor-', '')}`),
        ].join(', '),
      ]),
    );
    expect(actual).toEqual(REFERENCES_AS_PRINTED);
    expect(findStep('4.6')).toMatchObject({
      step: { principleIds: ['principle-3'], successFactorIds: ['success-factor-1', 'success-factor-10'] },
    });
  });

  it('links only to principles and success factors that exist', () => {
    const principleIds = new Set(FRAMEWORK.principles.map((p) => p.id));
    const factorIds = new Set(FRAMEWORK.successFactors.map((f) => f.id));
    for (const step of allSteps()) {
      for (const id of step.principleIds) expect(principleIds).toContain(id);
      for (const id of step.successFactorIds) expect(factorIds).toContain(id);
    }
  });

  it('has the 6 principles of chapter 2 and the 10 success factors of chapter 3, with seed titles', () => {
    expect(FRAMEWORK.principles.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `principle-${n}`));
    expect(FRAMEWORK.successFactors.map((f) => f.id)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `success-factor-${n}`),
    );
    for (const p of FRAMEWORK.principles) expect(SEED_NORMALISED).toContain(`2.${p.number}. ${p.title}`);
    for (const f of FRAMEWORK.successFactors) expect(SEED_NORMALISED).toContain(`3.${f.number}. ${f.title}`);
    expect(FRAMEWORK.principles[2]?.title).toBe('Mens- en gebiedsgericht maatwerk');
    expect(FRAMEWORK.successFactors[9]?.title).toBe('Een wendbare, lerende aanpak');
  });

  it('gives every principle and success factor a Dutch summary of 2 to 4 sentences', () => {
    for (const item of [...FRAMEWORK.principles, ...FRAMEWORK.successFactors]) {
      const sentences = item.summary.split(/(?<=[.!?])\s+(?=[A-Z‘])/);
      expect(sentences.length, item.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, item.id).toBeLessThanOrEqual(4);
    }
  });

  it('is frozen, so no caller can change the shared content', () => {
    const step = FRAMEWORK.phases[0]?.steps[0];
    expect(Object.isFrozen(FRAMEWORK)).toBe(true);
    expect(Object.isFrozen(step?.discussionPoints)).toBe(true);
    expect(() => {
      (step as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });
});

describe('lookups', () => {
  it('finds a step with its phase', () => {
    const found = findStep('2.2');
    expect(found?.phase.id).toBe('initieren');
    expect(found?.step.title).toBe('Visie op de toekomst van de wijk');
    expect(findStep('2.9')).toBeUndefined();
    expect(findStep('')).toBeUndefined();
  });

  it('finds a point with its step and phase', () => {
    const found = findPoint('3.5.3');
    expect(found?.phase.id).toBe('ontwerpen');
    expect(found?.step.id).toBe('3.5');
    expect(found?.point.text).toBe(
      'Is er een communicatiestrategie om ook andere partijen te bereiken en te betrekken?',
    );
    expect(findPoint('3.5.4')).toBeUndefined();
    expect(findPoint('3.5')).toBeUndefined();
  });

  it('finds a phase by id', () => {
    expect(findPhase('ontwerpen')?.number).toBe(3);
    expect(findPhase('afronden')).toBeUndefined();
  });

  it('lists all 92 point ids in seed order', () => {
    const ids = listPointIds();
    expect(ids).toHaveLength(92);
    expect(ids.slice(0, 5)).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.2.1']);
    expect(ids.at(-1)).toBe('4.6.3');
    expect(ids).toEqual(allPoints().map((p) => p.id));
  });
});
