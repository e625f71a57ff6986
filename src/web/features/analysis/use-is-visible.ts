/** True once the element has come near the viewport: charts below the fold load only then. */
import { useEffect, useState, type RefObject } from 'react';

export function useIsVisible(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [isVisible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || isVisible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, isVisible]);
  return isVisible;
}
