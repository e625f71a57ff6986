/**
 * Effects that are not expressed in euros, scored +, 0 or −. They are listed beside the figures
 * and never added up (Algemene MKBA-leidraad: a PM-post is weighed, not summed).
 */
import { Button, Paragraph } from '@utrecht/component-library-react';
import { createEmptyEffect, type AlternativeDraft, type EffectDraft } from './case-draft.ts';
import { EFFECT_SCORE_LABELS, effectSymbol, type EffectScore } from './cba-labels.ts';
import { effectFieldId } from './case-problems.ts';

const SCORES = Object.keys(EFFECT_SCORE_LABELS) as EffectScore[];

export function EffectsList({ effects }: { effects: readonly { label: string; score: string }[] }) {
  if (effects.length === 0)
    return <Paragraph className="wk-muted">Geen niet in geld uitgedrukte effecten opgegeven.</Paragraph>;
  return (
    <ul className="wk-cba-effects">
      {effects.map((effect, index) => {
        const score = (effect.score === '\u2212' ? '-' : effect.score) as EffectScore;
        return (
          <li key={`${effect.label}-${index}`} className="wk-cba-effects__item">
            <span
              className={`wk-cba-score wk-cba-score--${score === '-' ? 'min' : score === '+' ? 'plus' : 'nul'}`}
              aria-hidden="true"
            >
              {effectSymbol(score)}
            </span>{' '}
            {effect.label} <span className="wk-muted">({EFFECT_SCORE_LABELS[score] ?? score})</span>
          </li>
        );
      })}
    </ul>
  );
}

export function EffectsEditor({
  alt,
  alternative,
  onChange,
  errorOf,
}: {
  alt: number;
  alternative: AlternativeDraft;
  onChange: (next: AlternativeDraft) => void;
  errorOf: (fieldId: string) => string | undefined;
}) {
  const effects = alternative.effects;
  const setEffect = (index: number, effect: EffectDraft) =>
    onChange({ ...alternative, effects: effects.map((e, i) => (i === index ? effect : e)) });
  const add = () => {
    onChange({ ...alternative, effects: [...effects, createEmptyEffect()] });
    const index = effects.length;
    requestAnimationFrame(() => document.getElementById(effectFieldId(alt, index, 'label'))?.focus());
  };
  const remove = (index: number) => {
    onChange({ ...alternative, effects: effects.filter((_, i) => i !== index) });
    requestAnimationFrame(() => document.getElementById(`mkba-a${alt}-effect-toevoegen`)?.focus());
  };
  return (
    <div className="wk-cba-effects-editor">
      {effects.length === 0 ? (
        <Paragraph className="wk-muted">Nog geen niet in geld uitgedrukte effecten.</Paragraph>
      ) : (
        <ul className="wk-cba-effects">
          {effects.map((effect, index) => {
            const labelId = effectFieldId(alt, index, 'label');
            const scoreId = effectFieldId(alt, index, 'score');
            const labelError = errorOf(labelId);
            const scoreError = errorOf(scoreId);
            const name = effect.label.trim() || `effect ${index + 1}`;
            return (
              <li key={effect.key} className="wk-cba-effects__row">
                <label className="utrecht-form-label wk-visually-hidden" htmlFor={scoreId}>
                  Score: {name}
                </label>
                <select
                  id={scoreId}
                  className="utrecht-select utrecht-select--html-select wk-cba-effects__score"
                  value={effect.score}
                  aria-invalid={scoreError ? true : undefined}
                  onChange={(event) =>
                    setEffect(index, { ...effect, score: event.target.value as EffectScore })
                  }
                >
                  {SCORES.map((score) => (
                    <option key={score} value={score}>
                      {effectSymbol(score)} {EFFECT_SCORE_LABELS[score]}
                    </option>
                  ))}
                </select>
                <label className="utrecht-form-label wk-visually-hidden" htmlFor={labelId}>
                  Omschrijving effect {index + 1}
                </label>
                <input
                  id={labelId}
                  className={`utrecht-textbox utrecht-textbox--html-input wk-cba-effects__label${labelError ? ' utrecht-textbox--invalid' : ''}`}
                  value={effect.label}
                  autoComplete="off"
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={labelError ? `${labelId}-fout` : undefined}
                  onChange={(event) => setEffect(index, { ...effect, label: event.target.value })}
                />
                <Button appearance="subtle-button" onClick={() => remove(index)}>
                  Verwijderen<span className="wk-visually-hidden">: {name}</span>
                </Button>
                {labelError || scoreError ? (
                  <span id={`${labelId}-fout`} className="wk-cba-cell-error">
                    <span className="wk-visually-hidden">Fout: </span>
                    {[labelError, scoreError].filter(Boolean).join(' ')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Button
        id={`mkba-a${alt}-effect-toevoegen`}
        appearance="secondary-action-button"
        className="wk-no-print"
        onClick={add}
      >
        Effect toevoegen<span className="wk-visually-hidden"> aan {alternative.name}</span>
      </Button>
    </div>
  );
}
