import { useCallback, useEffect, useState } from 'react';

/**
 * Moves focus to an element that the current state change is about to render (a confirmation, a
 * conflict, a message): the effect runs after React committed that render, so the element exists.
 */
export function useFocusAfterRender(): (getElement: () => HTMLElement | null) => void {
  const [target, setTarget] = useState<{ getElement: () => HTMLElement | null } | null>(null);
  useEffect(() => {
    if (!target) return;
    target.getElement()?.focus();
    setTarget(null);
  }, [target]);
  return useCallback((getElement: () => HTMLElement | null) => setTarget({ getElement }), []);
}
