import type { ReactNode } from 'react';

/** Text for screen readers only (e.g. to make "Opslaan" buttons distinct: "Opslaan gesprekspunt 1.1.1"). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="wk-visually-hidden">{children}</span>;
}
