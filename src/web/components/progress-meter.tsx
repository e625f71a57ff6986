/** A labelled progress bar (native <progress>, so assistive technology reads the value). */
import { useId } from 'react';

export function ProgressMeter({
  label,
  done,
  total,
  percent,
}: {
  label: string;
  done: number;
  total: number;
  percent: number;
}) {
  const id = useId();
  return (
    <div className="wk-progress">
      <span id={id} className="wk-progress__label">
        {label}: {done} van {total} gesprekspunten afgerond ({percent}%)
      </span>
      <progress className="wk-progress__bar" aria-labelledby={id} max={total || 1} value={done} />
    </div>
  );
}
