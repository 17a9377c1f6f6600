import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import trendDocument from '../graphql/enpsTrend.graphql?raw';
import { graphqlRequest } from '../graphql/client';
import type { Department, TrendPoint } from '../graphql/types';
import { useNumberFormats } from '../i18n/formats';
import { errorMessage } from '../journeys/errors';
import type { EnpsTrendQuery, EnpsTrendQueryVariables } from '../graphql/generated';

/** One group's eNPS across closed campaigns (the whole organisation for HR, or a department). */
export function TrendPanel({ departments, everyone }: { departments: Department[]; everyone: boolean }) {
  const { t, i18n } = useTranslation();
  const [department, setDepartment] = useState<string>(everyone ? '' : departments[0]?.code ?? '');
  const [points, setPoints] = useState<TrendPoint[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!everyone && !department) return;
    graphqlRequest<EnpsTrendQuery, EnpsTrendQueryVariables>(trendDocument, { department: department || null })
      .then((result) => { setPoints(result.enpsTrend); setError(null); })
      .catch((e) => setError(errorMessage(e, t)));
  }, [department, everyone, t]);

  const { number, signed } = useNumberFormats();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('enps.trend.title')}</h2>
      <label htmlFor="trend-group">{t('enps.results.group')}</label>
      <select id="trend-group" value={department} onChange={(e) => setDepartment(e.target.value)}>
        {everyone && <option value="">{t('enps.trend.everyone')}</option>}
        {departments.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
      </select>
      {error && <p className="error" role="alert">{error}</p>}
      {points.length === 0 ? <p className="muted">{t('enps.trend.empty')}</p> : (
        <ol className="trend">
          {points.map((p) => (
            <li key={p.campaignId}>
              <span>{p.campaignName}{p.closedAt && <span className="muted small"> · {dates.format(new Date(p.closedAt))}</span>}</span>
              <strong>{p.group.figures ? `${signed.format(p.group.figures.enps)} ±${number.format(p.group.figures.marginOfError)}`
                : p.group.hiddenRule === 'PROTECTS_SMALLER_GROUP' ? t('enps.results.hiddenComplement') : t('enps.dual.hidden')}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
