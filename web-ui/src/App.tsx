import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireSession } from './auth/RequireSession';
import { JourneysPage } from './journeys/JourneysPage';
import { AppHeader } from './layout/AppHeader';
import { SurveyPage } from './survey/SurveyPage';
import { JourneyMapPage } from './map/JourneyMapPage';

// screens most sessions never open load on first use
const EnpsPage = lazy(() => import('./enps/EnpsPage').then((m) => ({ default: m.EnpsPage })));
const ImportPage = lazy(() => import('./import/ImportPage').then((m) => ({ default: m.ImportPage })));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p role="status" className="muted">…</p>}>{children}</Suspense>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/survey" element={<SurveyPage />} />
      <Route
        path="/"
        element={
          <RequireSession>
            <AppHeader />
            <JourneysPage />
          </RequireSession>
        }
      />
      <Route
        path="/journeys/:id"
        element={
          <RequireSession>
            <AppHeader />
            <JourneyMapPage />
          </RequireSession>
        }
      />
      <Route
        path="/journeys/:id/import"
        element={
          <RequireSession>
            <AppHeader />
            <Later><ImportPage /></Later>
          </RequireSession>
        }
      />
      <Route
        path="/enps"
        element={
          <RequireSession>
            <AppHeader />
            <Later><EnpsPage /></Later>
          </RequireSession>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
