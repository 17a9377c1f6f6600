import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import openCasesDocument from '../graphql/openCases.graphql?raw';
import { graphqlPartial, graphqlRequest, UnauthorizedError } from '../graphql/client';
import { useNumberFormats } from '../i18n/formats';
import type { Journey, Metric } from '../graphql/types';
import { errorMessage } from './errors';
import { dashboardQuery, type DashboardQuery, type DashboardQueryVariables } from './dashboardQuery';
import { weaknessReason, type WeaknessFigures } from '../map/reasons';
import type { OpenCasesQuery, OpenCasesQueryVariables } from '../graphql/generated';

const QuadrantChart = lazy(() => import('./QuadrantChart').then((m) => ({ default: m.QuadrantChart })));

export interface WeakRow { journey: Journey; touchpointId: string; name: string | null; metric: Metric; severity: number; figures: WeaknessFigures }
export interface DriverPoint { journey: string; name: string; importance: number; performance: number; quadrant: string }

const JOURNEYS = 10;

/**
 * Home: the weakest touchpoints across the latest journeys, open cases per owning team, and the
 * importance x performance quadrant of their touchpoints.
 */
export function Dashboard({ journeys }: { journeys: Journey[] }) {
  const { t } = useTranslation();
  const [weak, setWeak] = useState<WeakRow[] | null>(null);
  const [drivers, setDrivers] = useState<DriverPoint[]>([]);
  const [cases, setCases] = useState<{ team: string; open: number; overdue: number }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = journeys.slice(0, JOURNEYS);
  const key = shown.map((j) => j.id).join(',');

  useEffect(() => {
    if (shown.length === 0) { setWeak([]); return; }
    let current = true;
    const { document, variables } = dashboardQuery(shown.map((j) => j.id));
    // partial: a journey whose findings metrics-service cannot give leaves the others on the dashboard
    graphqlPartial<DashboardQuery, DashboardQueryVariables>(document, variables)
      .then(({ data: result }) => {
        if (!current) return;
        const rows: WeakRow[] = [];
        const points: DriverPoint[] = [];
        shown.forEach((journey, i) => {
          const names = new Map<string, string>();
          (result[`w${i}`] ?? []).forEach((w) => {
            if (w.name) names.set(w.touchpointId, w.name);
            if (w.status === 'WEAK') rows.push({ journey, touchpointId: w.touchpointId, name: w.name, metric: w.metric, severity: w.severity, figures: w });
          });
          (result[`k${i}`] ?? []).forEach((d) => {
            if (d.importance !== null && d.performance !== null) {
              points.push({ journey: journey.name, name: names.get(d.touchpointId) ?? d.touchpointId, importance: d.importance,
                performance: d.performance, quadrant: d.quadrant });
            }
          });
        });
        setWeak(rows.sort((a, b) => b.severity - a.severity).slice(0, 8));
        setDrivers(points);
      })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
    // the journeys' ids (key) decide what to ask for, not the list object
  }, [key, t]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    graphqlRequest<OpenCasesQuery, OpenCasesQueryVariables>(openCasesDocument)
      .then((result) => {
        const teams = new Map<string, { open: number; overdue: number }>();
        const now = Date.now();
        [...(result.open ?? []), ...(result.acknowledged ?? [])].forEach((c) => {
          const team = teams.get(c.ownerTeam ?? '') ?? { open: 0, overdue: 0 };
          team.open += 1;
          if (Date.parse(c.dueAt) < now) team.overdue += 1;
          teams.set(c.ownerTeam ?? '', team);
        });
        setCases([...teams.entries()].map(([team, n]) => ({ team, ...n })).sort((a, b) => b.open - a.open));
      })
      .catch((e) => { if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
  }, [t]);

  const { number } = useNumberFormats();
  return (
    <section className="card dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{t('dashboard.title')}</h2>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="dashboard-grid">
        <div>
          <h3>{t('dashboard.weakest', { count: shown.length })}</h3>
          {weak === null && <p className="muted small">{t('map.loading')}</p>}
          {weak?.length === 0 && <p className="muted small">{t('dashboard.noWeak')}</p>}
          <ol className="weakest" data-testid="weakest">
            {(weak ?? []).map((w) => (
              <li key={`${w.journey.id}-${w.touchpointId}-${w.metric}`}>
                <Link to={`/journeys/${w.journey.id}`}><strong>{w.name ?? w.touchpointId}</strong></Link>{' '}
                <span className="muted small">{w.journey.name} · {t('dashboard.severity', { value: number.format(w.severity) })}</span>
                <div className="small">{weaknessReason(w.figures, t, number)}</div>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h3>{t('dashboard.cases')}</h3>
          {cases === null && <p className="muted small">{t('map.loading')}</p>}
          {cases?.length === 0 && <p className="muted small">{t('dashboard.noCases')}</p>}
          {cases && cases.length > 0 && <table className="compact" data-testid="cases-by-team">
            <thead><tr><th scope="col">{t('dashboard.team')}</th><th scope="col">{t('dashboard.open')}</th><th scope="col">{t('dashboard.overdue')}</th></tr></thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.team}><td>{c.team || t('dashboard.unassigned')}</td><td>{c.open}</td><td className={c.overdue ? 'error' : ''}>{c.overdue}</td></tr>
              ))}
            </tbody>
          </table>}
        </div>
        <div className="quadrant">
          <h3>{t('dashboard.quadrant')}</h3>
          {drivers.length === 0 ? <p className="muted small">{t('dashboard.noDrivers')}</p> : (
            <Suspense fallback={<p className="muted small">{t('map.loading')}</p>}>
              <QuadrantChart points={drivers} />
            </Suspense>
          )}
        </div>
      </div>
    </section>
  );
}
