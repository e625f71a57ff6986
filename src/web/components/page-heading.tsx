/**
 * Page titles and focus after navigation. A single-page app does not reload, so a screen reader
 * would not notice that the page changed: after every client-side navigation (not on the first
 * load, and not when only the query string changes) the new page's h1 receives focus, and the
 * document title names the page (WCAG 2.4.2, 2.4.3).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@utrecht/component-library-react';
import { useLocation } from 'react-router';

let focusPending = false;
let lastPath: string | null = null;

/** Rendered once by the layout: marks that the next page heading should take focus. */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  if (lastPath !== pathname) {
    focusPending = lastPath !== null;
    lastPath = pathname;
  }
}

export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} – Wijkkompas`;
  }, [title]);
}

export function PageHeading({
  children,
  title,
  preHeading,
}: {
  children: ReactNode;
  title: string;
  preHeading?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(title);
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
  }, []);
  return (
    <div className="wk-page-heading">
      {preHeading ? <p className="utrecht-pre-heading wk-pre-heading">{preHeading}</p> : null}
      <Heading level={1} ref={ref} tabIndex={-1} className="wk-focus-target">
        {children}
      </Heading>
    </div>
  );
}
