/**
 * The error summary at the top of a form (NL Design System / GOV.UK pattern): it receives focus
 * after a failed submit, names every problem and links to the field, which the link focuses.
 */
import { useEffect, useId, useRef } from 'react';
import { Alert, Heading, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

export interface SummaryError {
  /** The id of the field to focus; undefined for a problem that belongs to no field. */
  fieldId?: string | undefined;
  message: string;
}

export function focusField(fieldId: string): void {
  const element = document.getElementById(fieldId);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus();
}

export function ErrorSummary({
  errors,
  focusKey,
  headingLevel = 2,
  title = 'Er is iets niet goed ingevuld',
}: {
  errors: SummaryError[];
  /** Changes on every failed submit, so focus moves to the summary again. */
  focusKey: number;
  headingLevel?: number;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="wk-error-summary wk-focus-target"
    >
      <Heading level={headingLevel} id={headingId} appearance="utrecht-heading-3">
        {title}
      </Heading>
      <UnorderedList>
        {errors.map((error, index) => (
          <UnorderedListItem key={`${error.fieldId ?? 'form'}-${index}`}>
            {error.fieldId ? (
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(error.fieldId!);
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
