import { useTranslation } from 'react-i18next';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { DriverPoint } from './Dashboard';

const COLOURS: Record<string, string> = { FIX_FIRST: '#b3261e', KEEP_UP: '#1e6b3a', LOW_PRIORITY: '#8a93a3', POSSIBLE_OVERKILL: '#6b7fa8' };

/**
 * Importance (r with the overall outcome) against performance (0-100), coloured by quadrant (each journey
 * splits at its own medians): what to fix first is important and performing below the others.
 */
export function QuadrantChart({ points }: { points: DriverPoint[] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const quadrants = Object.keys(COLOURS);
  return (
    <div role="img" aria-label={t('dashboard.quadrantLabel', { count: points.length })}>
      <ResponsiveContainer width="100%" height={240}>
        <ScatterChart margin={{ top: 8, right: 12, bottom: 16, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="performance" name={t('dashboard.performance')} domain={[0, 100]} fontSize={11}
            label={{ value: t('dashboard.performance'), position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="number" dataKey="importance" name={t('dashboard.importance')} domain={[-1, 1]} fontSize={11} />
          <ZAxis range={[50, 50]} />
          <Tooltip formatter={(value: unknown) => number.format(Number(value))}
            labelFormatter={() => ''} />
          {quadrants.map((q) => (
            <Scatter key={q} name={t(`drawer.quadrants.${q}`)} data={points.filter((p) => p.quadrant === q)} fill={COLOURS[q]} isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
      <p className="muted small">{quadrants.map((q) => `${t(`drawer.quadrants.${q}`)}: ${points.filter((p) => p.quadrant === q).length}`).join(' · ')}</p>
    </div>
  );
}
