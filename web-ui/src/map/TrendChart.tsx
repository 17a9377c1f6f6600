import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScoreTrendPoint } from '../graphql/types';

/**
 * One metric week by week: the score as a line inside its 95% interval as a band, or, for a single week
 * (a band needs two), as a point with an error bar (loaded with the drawer only).
 */
export function TrendChart({ points }: { points: ScoreTrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const dates = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }); // weeks are UTC dates
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const data = points.filter((p) => p.score.value !== null).map((p) => {
    const value = p.score.value!;
    const low = p.score.low ?? value;
    const high = p.score.high ?? value;
    // the band as an area, and as the error bar draws it: below and above the score
    return { week: dates.format(new Date(`${p.from}T00:00:00Z`)), value, band: [low, high], error: [value - low, high - value], n: p.n };
  });
  if (data.length === 0) return <p className="muted small">{t('drawer.noTrend')}</p>;
  return (
    <div className="trend-chart" role="img" aria-label={t('drawer.trendLabel', { metric: points[0].metric, count: data.length })}>
      <ResponsiveContainer width="100%" height={180}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" fontSize={11} />
          <YAxis fontSize={11} domain={['auto', 'auto']} />
          <Tooltip formatter={(value: unknown) => Array.isArray(value) ? value.map((v) => number.format(v)).join(' – ') : number.format(Number(value))} />
          {data.length > 1 && <Area dataKey="band" name={t('drawer.interval')} stroke="none" fill="#2f6f5e" fillOpacity={0.18} isAnimationActive={false} />}
          <Line dataKey="value" name={points[0].metric} stroke="#2f6f5e" strokeWidth={2} dot isAnimationActive={false}>
            {data.length === 1 && <ErrorBar dataKey="error" width={10} strokeWidth={1.5} stroke="#2f6f5e" isAnimationActive={false} />}
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
