/** The routes of the web app (Dutch paths, as the user sees them). */
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { Layout } from './components/layout.tsx';
import { AreaProfilePage } from './features/analysis/area-profile-page.tsx';
import { EarlySignalsPage } from './features/analysis/early-signals-page.tsx';
import { IndicatorExplorerPage } from './features/analysis/indicator-explorer-page.tsx';
import { AccumulationPage } from './features/analysis-municipality/accumulation-page.tsx';
import { IMPORT_PATH } from './features/analysis-municipality/import-access.ts';
import { CbsImportPage } from './features/analysis-municipality/import-page.tsx';
import {
  LOCAL_INDICATORS_PATH,
  LocalIndicatorsPage,
} from './features/analysis-municipality/local-indicators-page.tsx';
import { MunicipalityMapPage } from './features/analysis-municipality/map-page.tsx';
import { MunicipalityRankingsPage } from './features/analysis-municipality/rankings-page.tsx';
import { ApproachOverviewPage } from './features/approaches/approach-overview-page.tsx';
import { ApproachesPage } from './features/approaches/approaches-page.tsx';
import { NewApproachPage } from './features/approaches/new-approach-page.tsx';
import { CbaCasePage } from './features/cba/cba-case-page.tsx';
import { CbaListPage } from './features/cba/cba-list-page.tsx';
import { PanelPage } from './features/panels/panel-page.tsx';
import { PanelsPage } from './features/panels/panels-page.tsx';
import { DecisionPage } from './features/decisions/decision-page.tsx';
import { StepPage } from './features/framework/step-page.tsx';
import { HistoryPage } from './features/history/history-page.tsx';
import {
  FrameworkStepPage,
  KnowledgeIndexPage,
  KnowledgeItemPage,
} from './features/knowledge/knowledge-pages.tsx';
import { LoginPage } from './features/session/login-page.tsx';
import { RequireSession } from './features/session/session.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route path="/kennis" element={<KnowledgeIndexPage />} />
        <Route path="/kennis/stappen/:stepId" element={<FrameworkStepPage />} />
        <Route path="/kennis/:itemId" element={<KnowledgeItemPage />} />
        <Route
          element={
            <RequireSession>
              <Outlet />
            </RequireSession>
          }
        >
          <Route index element={<ApproachesPage />} />
          <Route path="/aanpakken" element={<Navigate to="/" replace />} />
          <Route path="/aanpakken/nieuw" element={<NewApproachPage />} />
          <Route path="/aanpakken/:approachId" element={<ApproachOverviewPage />} />
          <Route path="/aanpakken/:approachId/besluit" element={<DecisionPage />} />
          <Route path="/aanpakken/:approachId/geschiedenis" element={<HistoryPage />} />
          <Route path="/aanpakken/:approachId/analyse" element={<AreaProfilePage />} />
          <Route path="/aanpakken/:approachId/analyse/indicatoren" element={<IndicatorExplorerPage />} />
          <Route
            path="/aanpakken/:approachId/analyse/indicatoren/:indicatorKey"
            element={<IndicatorExplorerPage />}
          />
          <Route path="/aanpakken/:approachId/analyse/signalen" element={<EarlySignalsPage />} />
          <Route path="/aanpakken/:approachId/analyse/kaart" element={<MunicipalityMapPage />} />
          <Route path="/aanpakken/:approachId/analyse/rangorde" element={<MunicipalityRankingsPage />} />
          <Route path="/aanpakken/:approachId/analyse/opstapeling" element={<AccumulationPage />} />
          <Route path={IMPORT_PATH} element={<CbsImportPage />} />
          <Route path={LOCAL_INDICATORS_PATH} element={<LocalIndicatorsPage />} />
          <Route path="/aanpakken/:approachId/mkba" element={<CbaListPage />} />
          <Route path="/aanpakken/:approachId/mkba/:caseId" element={<CbaCasePage />} />
          <Route path="/aanpakken/:approachId/burgerpanels" element={<PanelsPage />} />
          <Route path="/aanpakken/:approachId/burgerpanels/:panelId" element={<PanelPage />} />
          <Route path="/aanpakken/:approachId/cycli/:cycleNumber/stappen/:stepId" element={<StepPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
