import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import trendDocument from '../graphql/enpsTrend.graphql?raw';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { TrendPoint } from '../graphql/types';
import { useDateFormats, useNumberFormats } from '../i18n/formats';
import { errorMessage } from '../journeys/errors';
import type { EnpsTrendQuery, EnpsTrendQueryVariables } from '../graphql/generated';
import { hiddenReason } from './hidden';

// the chart library loads only when a trend is shown
const IntervalChart = lazy(() => import('../charts/IntervalChart').then((m) => ({ default: m.IntervalChart })));

/** A group the trend can be shown for: a department by its code. */
export interface TrendGroup { code: string; name: string }

/** One group's eNPS across closed campaigns (the whole organisation for HR, or a department), in a card of its own. */
export function TrendPanel({ departments, everyone }: { departments: TrendGroup[]; everyone: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('enps.trend.title')}</h2>
      <EnpsTrend groups={departments} everyone={everyone} />
    </section>
  );
}

/**
 * The eNPS of the chosen group, campaign by campaign: a line inside its 95% margin of error, and the same
 * figures as a table (what screen readers read). A hidden campaign shows why, never a value. The group
 * first shown is everyone when allowed, else the first of {@code groups}; {@code campaignId} marks the campaign looked at.
 */
export function EnpsTrend({ groups, everyone, campaignId }: { groups: TrendGroup[]; everyone: boolean; campaignId?: string }) {
  const { t } = useTranslation();
  const selectId = useId();
  const [department, setDepartment] = useState<string>(everyone ? '' : groups[0]?.code ?? '');
  const [points, setPoints] = useState<TrendPoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!everyone && !department) return;
    let current = true;
    graphqlRequest<EnpsTrendQuery, EnpsTrendQueryVariables>(trendDocument, { department: department || null })
      .then((result) => { if (current) { setPoints(result.enpsTrend); setError(null); } })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
  }, [department, everyone, t]);

  const { number, signed } = useNumberFormats();
  const { date } = useDateFormats();
  const groupName = department ? groups.find((g) => g.code === department)?.name ?? department : t('enps.trend.everyone');
  const shown = (points ?? []).map((p) => ({ point: p, figures: p.group.hidden ? null : p.group.figures }));
  const visible = shown.filter((s) => s.figures).length;
  // eNPS cannot leave -100..100, so neither does the margin drawn around it
  const series = shown.map(({ point, figures }) => ({ key: point.campaignId, label: point.campaignName, value: figures?.enps ?? null,
    low: figures && Math.max(-100, figures.enps - figures.marginOfError), high: figures && Math.min(100, figures.enps + figures.marginOfError),
    gap: figures ? undefined : t('enps.trend.hiddenMark') }));
  return (
    <div className="enps-trend">
      <label htmlFor={selectId}>{t('enps.results.group')}</label>
      <select id={selectId} value={department} onChange={(e) => { setDepartment(e.target.value); setPoints(null); }}>
        {everyone && <option value="">{t('enps.trend.everyone')}</option>}
        {groups.map((g) => <option key={g.code} value={g.code}>{g.name}</option>)}
      </select>
      {error && <p className="error" role="alert">{error}</p>}
      {points === null && !error && <p className="muted small">{t('map.loading')}</p>}
      {points?.length === 0 && <p className="muted">{t('enps.trend.empty')}</p>}
      {points && points.length > 0 && (
        <>
          {visible > 0 && (
            <Suspense fallback={<p className="muted small">{t('map.loading')}</p>}>
              <IntervalChart height={220} domain={[-100, 100]} format={(v) => signed.format(v)} name={t('enps.results.enps')}
                intervalName={t('enps.trend.margin')} label={t('enps.trend.chartLabel', { group: groupName, count: visible })} points={series} />
            </Suspense>
          )}
          <table className="compact">
            <caption className="visually-hidden">{t('enps.trend.caption', { group: groupName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('enps.trend.campaign')}</th>
                <th scope="col">{t('enps.trend.closed')}</th>
                <th scope="col">{t('enps.results.enps')}</th>
                <th scope="col">{t('enps.trend.margin')}</th>
                <th scope="col">{t('enps.results.answered')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ point, figures }) => (
                <tr key={point.campaignId} data-testid="trend-row" aria-current={point.campaignId === campaignId ? 'true' : undefined}
                  className={figures ? undefined : 'hidden-group'}>
                  <th scope="row">
                    {point.campaignName}
                    {point.campaignId === campaignId && <span className="muted small"> · {t('enps.trend.thisCampaign')}</span>}
                  </th>
                  <td>{point.closedAt ? date.format(new Date(point.closedAt)) : '—'}</td>
                  {figures ? (
                    <>
                      <td><strong>{signed.format(figures.enps)}</strong></td>
                      <td>±{number.format(figures.marginOfError)}</td>
                    </>
                  ) : <td colSpan={2} className="muted">{hiddenReason(point.group, t)}</td>}
                  <td>{number.format(point.group.answered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
