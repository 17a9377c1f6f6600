import { useTranslation } from 'react-i18next';
import { IntervalChart } from '../charts/IntervalChart';
import type { ScoreTrendPoint } from '../graphql/types';

/** One metric week by week inside its 95% interval (loaded with the drawer only: it brings the chart library). */
export function TrendChart({ points }: { points: ScoreTrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const dates = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }); // weeks are UTC dates
  // weeks without a score are left out, not shown as gaps
  const data = points.filter((p) => p.score.value !== null).map((p) => ({ key: p.from, label: dates.format(new Date(`${p.from}T00:00:00Z`)),
    value: p.score.value, low: p.score.low, high: p.score.high }));
  if (data.length === 0) return <p className="muted small">{t('drawer.noTrend')}</p>;
  return (
    <IntervalChart points={data} name={points[0].metric} intervalName={t('drawer.interval')} height={180}
      label={t('drawer.trendLabel', { metric: points[0].metric, count: data.length })} />
  );
}
