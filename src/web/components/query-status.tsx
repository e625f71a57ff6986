/** Loading and error states for data from the API. */
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { PageHeading } from './page-heading.tsx';

export function Loading({ what = 'gegevens' }: { what?: string }) {
  return (
    <Paragraph role="status" className="wk-loading">
      Bezig met laden van {what}…
    </Paragraph>
  );
}

/** The whole page failed to load: a 404 shows the not-found page, anything else a titled error. */
export function PageError({ error }: { error: unknown }) {
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  const isForbidden = isApiError(error) && error.status === 403;
  const title = isForbidden ? 'Geen toegang' : 'Er ging iets mis';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InlineError error={error} />
    </>
  );
}

/** A part of a page failed to load or save. */
export function InlineError({ error, headingLevel }: { error: unknown; headingLevel?: number }) {
  const detail = isApiError(error) ? error.detail : 'Er ging iets onverwachts mis. Probeer het opnieuw.';
  const title = isApiError(error) ? error.title : 'Er ging iets mis';
  return (
    <Alert type="error">
      {headingLevel ? (
        <Heading level={headingLevel} appearance="utrecht-heading-4">
          {title}
        </Heading>
      ) : null}
      <Paragraph>{detail}</Paragraph>
      {isApiError(error) && error.status === 401 ? (
        <Paragraph>
          Wat u hebt ingevuld staat nog op deze pagina.{' '}
          <a className="utrecht-link utrecht-link--html-a" href="/inloggen" target="_blank" rel="noopener">
            Log opnieuw in (opent in een nieuw tabblad)
          </a>{' '}
          en probeer het daarna hier opnieuw.
        </Paragraph>
      ) : null}
    </Alert>
  );
}
