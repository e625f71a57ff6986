import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/app-link.tsx';
import { PageHeading } from '../components/page-heading.tsx';

/** Shown for unknown addresses and for anything the API reports as not found (or not visible). */
export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Pagina niet gevonden">Pagina niet gevonden</PageHeading>
      <Paragraph lead>Deze pagina bestaat niet, of u heeft er geen toegang toe.</Paragraph>
      <Paragraph>
        Controleer het adres, of ga naar <AppLink to="/">het overzicht van wijkaanpakken</AppLink> of de{' '}
        <AppLink to="/kennis">kennisbank</AppLink>.
      </Paragraph>
    </>
  );
}
