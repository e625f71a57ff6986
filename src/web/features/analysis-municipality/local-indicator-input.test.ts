import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../api/analysis-municipality.ts';
import { ApiError } from '../../api/client.ts';
import {
  EMPTY,
  listBaseOptions,
  toFieldErrors,
  toLocalIndicatorInput,
  validateLocalIndicator,
  type Values,
} from './local-indicator-input.ts';

const FILLED: Values = {
  key: ' overlast_wijkpeiling ',
  title: ' Ervaren overlast ',
  definition: ' Uit de wijkpeiling. ',
  unit: '%',
  domain: 'safety',
  direction: 'higher_is_worse',
  kind: 'percentage',
  base: 'a_inw',
  municipalityCode: '',
};

const fieldError = (path: (string | number)[], message: string) => ({
  path: path.join('.'),
  segments: path,
  message,
});

describe('the browser checks of a local indicator', () => {
  it('names every required field of an empty form', () => {
    expect(validateLocalIndicator(EMPTY, false)).toEqual({
      key: 'Sleutel: vul een sleutel in, bijvoorbeeld overlast_wijkpeiling.',
      title: 'Titel: geef een titel van minstens 3 tekens.',
      unit: 'Eenheid: vul de eenheid in, bijvoorbeeld % of aantal.',
      domain: 'Domein: kies een domein (of Overig).',
      direction: 'Richting: kies of een hogere waarde gunstig is.',
      kind: 'Soort: kies aantal, percentage of gemiddelde.',
    });
    expect(validateLocalIndicator(FILLED, false)).toEqual({});
  });

  it('follows the server’s key rule: a letter first, then 1 to 63 of a-z, 0-9 and _', () => {
    const keyError = (key: string) => validateLocalIndicator({ ...FILLED, key }, false).key;
    for (const good of ['ab', 'overlast_2024', `a${'b'.repeat(63)}`])
      expect(keyError(good), good).toBeUndefined();
    for (const bad of [
      'a',
      '1overlast',
      '_x',
      'Overlast',
      'over-last',
      'overlast wijk',
      `a${'b'.repeat(64)}`,
    ])
      expect(keyError(bad), bad).toMatch(/^Sleutel: 2 tot 64 tekens/);
  });

  it('checks the municipality code only for the administrator', () => {
    expect(validateLocalIndicator({ ...FILLED, municipalityCode: '0344' }, true).municipalityCode).toMatch(
      /^Gemeentecode: GM gevolgd door vier cijfers/,
    );
    expect(validateLocalIndicator({ ...FILLED, municipalityCode: 'GM0344' }, true)).toEqual({});
    expect(validateLocalIndicator({ ...FILLED, municipalityCode: '0344' }, false)).toEqual({});
  });
});

describe('the request body', () => {
  it('trims, sends the base of a percentage and no municipality for a coordinator', () => {
    expect(toLocalIndicatorInput({ ...FILLED, municipalityCode: 'GM0307' }, false)).toEqual({
      key: 'overlast_wijkpeiling',
      title: 'Ervaren overlast',
      definition: 'Uit de wijkpeiling.',
      unit: '%',
      domain: 'safety',
      direction: 'higher_is_worse',
      kind: 'percentage',
      baseKeys: ['a_inw'],
    });
  });

  it('sends no base for a count, null for Overig, and the administrator’s municipality', () => {
    const body = toLocalIndicatorInput(
      { ...FILLED, kind: 'count', domain: 'overig', municipalityCode: ' GM0307 ' },
      true,
    );
    expect(body).toMatchObject({ kind: 'count', domain: null, municipalityCode: 'GM0307' });
    expect(body).not.toHaveProperty('baseKeys');
    expect(toLocalIndicatorInput({ ...FILLED, base: '' }, false)).not.toHaveProperty('baseKeys');
  });
});

describe('the server’s problem per field', () => {
  it('puts 400 field errors on their fields with the label, and unknown paths in the summary', () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid_input',
      title: 'Ongeldige invoer',
      detail: 'De basis noemt onbekende indicatoren.',
      errors: [
        fieldError(['baseKeys', 0], 'onbekende indicator a_xyz'),
        fieldError(['title'], 'minstens 3 tekens'),
        fieldError(['title'], 'te kort'),
        fieldError(['extra'], 'onbekend veld'),
      ],
    });
    expect(toFieldErrors(error)).toEqual({
      fields: { baseKeys: 'Basis: onbekende indicator a_xyz', title: 'Titel: minstens 3 tekens; te kort' },
      general: 'onbekend veld',
    });
  });

  it('puts a 409 on the key, with or without field errors', () => {
    const withIssue = new ApiError({
      status: 409,
      code: 'conflict',
      title: 'Conflict',
      detail: 'Er bestaat al een indicator a_inw.',
      errors: [fieldError(['key'], 'sleutel bestaat al')],
    });
    expect(toFieldErrors(withIssue)).toEqual({
      fields: { key: 'Sleutel: sleutel bestaat al' },
      general: null,
    });
    const bare = new ApiError({
      status: 409,
      code: 'conflict',
      title: 'Conflict',
      detail: 'Er bestaat al een indicator x.',
    });
    expect(toFieldErrors(bare)).toEqual({
      fields: { key: 'Sleutel: Er bestaat al een indicator x.' },
      general: null,
    });
  });

  it('tells a refusal or a failure without fields in the summary', () => {
    const forbidden = new ApiError({
      status: 403,
      code: 'forbidden',
      title: 'Geen toegang',
      detail: 'U kunt alleen indicatoren voor uw eigen gemeente toevoegen.',
    });
    expect(toFieldErrors(forbidden)).toEqual({
      fields: {},
      general: 'U kunt alleen indicatoren voor uw eigen gemeente toevoegen.',
    });
    expect(toFieldErrors(new Error('netwerk'))).toEqual({
      fields: {},
      general: 'Het toevoegen is mislukt. Probeer het opnieuw.',
    });
  });
});

describe('the base choices', () => {
  const indicator = (key: string, title: string, kind: Indicator['kind']) =>
    ({ key, title, kind }) as Indicator;

  it('offers counts only, inhabitants, households and dwellings first, then by title', () => {
    const options = listBaseOptions([
      indicator('p_huurw', 'Huurwoningen', 'percentage'),
      indicator('a_woning', 'Woningvoorraad', 'count'),
      indicator('a_bedv', 'Bedrijfsvestigingen', 'count'),
      indicator('a_inw', 'Aantal inwoners', 'count'),
      indicator('a_hh', 'Huishoudens totaal', 'count'),
      indicator('a_auto', 'Personenauto’s', 'count'),
    ]);
    expect(options.map((o) => o.value)).toEqual(['', 'a_inw', 'a_hh', 'a_woning', 'a_bedv', 'a_auto']);
    expect(options[1]?.label).toBe('Aantal inwoners (a_inw)');
  });
});
