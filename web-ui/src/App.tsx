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

/** A signed-in screen under the header; a screen loaded on first use shows a placeholder meanwhile. */
function SignedIn({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AppHeader />
      <Suspense fallback={<p role="status" className="muted">…</p>}>{children}</Suspense>
    </RequireSession>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/survey" element={<SurveyPage />} />
      <Route path="/" element={<SignedIn><JourneysPage /></SignedIn>} />
      <Route path="/journeys/:id" element={<SignedIn><JourneyMapPage /></SignedIn>} />
      <Route path="/journeys/:id/import" element={<SignedIn><ImportPage /></SignedIn>} />
      <Route path="/enps" element={<SignedIn><EnpsPage /></SignedIn>} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
