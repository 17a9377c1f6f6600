import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import campaignsDocument from '../graphql/campaigns.graphql?raw';
import departmentsDocument from '../graphql/enpsDepartments.graphql?raw';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import { useDateFormats } from '../i18n/formats';
import type { Campaign, Department } from '../graphql/types';
import { useSession } from '../auth/SessionContext';
import { canRunEnps } from '../auth/session';
import { errorMessage } from '../journeys/errors';
import { CampaignDetail } from './CampaignDetail';
import { DepartmentsPanel } from './DepartmentsPanel';
import { TrendPanel } from './TrendPanel';
import { NewCampaignForm } from './NewCampaignForm';
import type { CampaignsQuery, CampaignsQueryVariables, EnpsDepartmentsQuery, EnpsDepartmentsQueryVariables } from '../graphql/generated';

const DUAL = 'dual-nps';

// the chart library loads only when someone opens dual NPS
const DualNpsPanel = lazy(() => import('./DualNpsPanel').then((m) => ({ default: m.DualNpsPanel })));

/** Employee NPS: campaigns and their results for HR admins (who also run them) and leaders. */
export function EnpsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const manage = canRunEnps(session);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, d] = await Promise.all([
        graphqlRequest<CampaignsQuery, CampaignsQueryVariables>(campaignsDocument),
        graphqlRequest<EnpsDepartmentsQuery, EnpsDepartmentsQueryVariables>(departmentsDocument),
      ]);
      setCampaigns(c.campaigns);
      setDepartments(d.departments);
      setError(null);
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const current = campaigns.find((c) => c.id === selected) ?? null;
  const { date: dates } = useDateFormats();
  return (
    <main className="enps">
      <div className="enps-side">
        <section className="card" aria-labelledby="campaigns-title">
          <h1 id="campaigns-title">{t('enps.title')}</h1>
          {error && <p className="error" role="alert">{error}</p>}
          {campaigns.length === 0 && !error && <p className="muted">{t('enps.noCampaigns')}</p>}
          <button type="button" className={selected === DUAL ? 'link selected' : 'link'} onClick={() => setSelected(DUAL)}>
            {t('enps.dual.open')}
          </button>
          <ul className="campaign-list">
            {campaigns.map((c) => (
              <li key={c.id}>
                <button type="button" className={c.id === selected ? 'link selected' : 'link'}
                  aria-current={c.id === selected ? 'true' : undefined} onClick={() => setSelected(c.id)}>
                  {c.name}
                </button>
                <span className={`badge status-${c.status.toLowerCase()}`}>{t(`enps.status.${c.status}`)}</span>
                <span className="muted small">{dates.format(new Date(c.createdAt))}</span>
              </li>
            ))}
          </ul>
        </section>
        {manage && <NewCampaignForm departments={departments} onCreated={(id) => { setSelected(id); void load(); }} />}
        {manage && <DepartmentsPanel departments={departments} onChanged={load} />}
      </div>
      {selected === DUAL ? (
        <div className="enps-main">
          <Suspense fallback={<p className="muted">{t('enps.dual.loading')}</p>}>
            <DualNpsPanel />
          </Suspense>
          {departments.length > 0 && <TrendPanel departments={departments} everyone={manage} />}
        </div>
      ) : current ? (
        <CampaignDetail key={`${current.id}-${current.version}`} campaign={current} departments={departments}
          manage={manage} onChanged={load} />
      ) : (
        <p className="muted">{t('enps.pick')}</p>
      )}
    </main>
  );
}
