import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireSession } from './auth/RequireSession';
import { JourneysPage } from './journeys/JourneysPage';
import { AppHeader } from './layout/AppHeader';
import { SurveyPage } from './survey/SurveyPage';
import { EnpsPage } from './enps/EnpsPage';
import { JourneyMapPage } from './map/JourneyMapPage';
import { ImportPage } from './import/ImportPage';

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
            <ImportPage />
          </RequireSession>
        }
      />
      <Route
        path="/enps"
        element={
          <RequireSession>
            <AppHeader />
            <EnpsPage />
          </RequireSession>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
