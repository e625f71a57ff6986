/** The page frame: skip link, header with the user and logout, main navigation, content, footer. */
import {
  Button,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../api/queries.ts';
import { canImportData, IMPORT_PATH } from '../features/analysis-municipality/import-access.ts';
import { useLogout } from '../features/session/session.tsx';
import { AppLink } from './app-link.tsx';
import { useRouteFocus } from './page-heading.tsx';
import { ROLE_LABELS } from './format.ts';

function UserBlock() {
  const session = useSession();
  const logout = useLogout();
  if (!session.data) {
    return session.isPending ? null : (
      <AppLink to="/inloggen" className="wk-header__login">
        Inloggen
      </AppLink>
    );
  }
  const { user } = session.data;
  return (
    <div className="wk-header__user">
      <p className="wk-header__identity">
        <span className="wk-visually-hidden">Ingelogd als </span>
        <span className="wk-header__name">{user.name}</span>
        <span className="wk-header__organisation">
          {user.organisation.name} · {ROLE_LABELS[user.role] ?? user.role}
        </span>
      </p>
      <Button
        appearance="secondary-action-button"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        className="wk-no-print"
      >
        Uitloggen
      </Button>
    </div>
  );
}

export function Layout() {
  useRouteFocus();
  const session = useSession();
  return (
    <div className="wk-app">
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <PageHeader className="wk-header">
        <div className="wk-header__bar">
          <Link to="/" className="wk-brand">
            <span className="wk-brand__mark" aria-hidden="true" />
            <span className="wk-brand__text">
              <span className="wk-brand__name">Wijkkompas</span>
              <span className="wk-brand__tagline">Samen werken aan leefbare en veilige wijken</span>
            </span>
          </Link>
          <UserBlock />
        </div>
        <nav aria-label="Hoofdmenu" className="wk-main-nav wk-no-print">
          <ul className="wk-main-nav__list">
            {session.data ? (
              <li>
                <NavLink to="/" end className="wk-main-nav__link">
                  Wijkaanpakken
                </NavLink>
              </li>
            ) : null}
            {canImportData(session.data?.user) ? (
              <li>
                <NavLink to={IMPORT_PATH} className="wk-main-nav__link">
                  CBS-cijfers
                </NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/kennis" className="wk-main-nav__link">
                Kennisbank
              </NavLink>
            </li>
          </ul>
        </nav>
      </PageHeader>
      <PageContent className="wk-content">
        <main id="inhoud" tabIndex={-1} className="wk-main">
          <Outlet />
        </main>
      </PageContent>
      <PageFooter className="wk-footer">
        <div className="wk-footer__inner">
          <Paragraph>
            Wijkkompas is open-sourcesoftware (EUPL-1.2) voor een gebiedsgerichte aanpak van leefbaarheid en
            veiligheid, gebaseerd op het afwegingskader van het Programma Leefbaarheid en Veiligheid (2022).
          </Paragraph>
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a wk-footer__link" href="/api/v1/openapi.json">
              Open API (OpenAPI-document)
            </a>
          </Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
