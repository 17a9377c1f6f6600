import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNumberFormats } from '../i18n/formats';

/**
 * One point of a series: `value` inside its interval `low`..`high`. A point without a value is a gap in the
 * line; with a `gap` text it is marked on the axis as such (a hidden group), never drawn as a value.
 */
export interface IntervalPoint {
  key: string;
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  gap?: string;
}

/**
 * A score over time inside its interval: as a band, or as error bars where a band cannot be drawn (a point
 * with no neighbour to join, e.g. the only one or one between hidden ones). Imports the chart library: load it
 * lazily, so that it stays out of the main bundle.
 */
export function IntervalChart({ points, name, intervalName, label, height, domain = ['auto', 'auto'], format }: {
  points: IntervalPoint[]; name: string; intervalName: string; label: string; height: number;
  domain?: [number | 'auto', number | 'auto']; format?: (value: number) => string;
}) {
  const { number } = useNumberFormats();
  const shown = format ?? ((value: number) => number.format(value));
  const labels = new Map(points.map((p) => [p.key, p.label]));
  const data = points.map((p) => {
    if (p.value === null) return { key: p.key, value: null, band: null, error: null };
    const low = p.low ?? p.value;
    const high = p.high ?? p.value;
    // the interval as an area, and as the error bar draws it: below and above the value
    return { key: p.key, value: p.value, band: [low, high], error: [p.value - low, high - p.value] };
  });
  const valued = (i: number) => data[i] !== undefined && data[i].value !== null;
  const band = data.every((p, i) => p.value === null || valued(i - 1) || valued(i + 1));
  return (
    <div className="trend-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="key" fontSize={11} tickFormatter={(key: string) => labels.get(key) ?? key} />
          <YAxis fontSize={11} domain={domain} />
          <Tooltip labelFormatter={(key) => labels.get(String(key)) ?? String(key)}
            formatter={(value: unknown) => Array.isArray(value) ? value.map((v) => shown(Number(v))).join(' – ') : shown(Number(value))} />
          {points.filter((p) => p.value === null && p.gap).map((p) => (
            <ReferenceLine key={p.key} x={p.key} stroke="#8a94a6" strokeDasharray="4 4"
              label={{ value: p.gap, position: 'insideTop', fontSize: 11, fill: '#5b6474' }} />
          ))}
          {band && <Area dataKey="band" name={intervalName} stroke="none" fill="#2f6f5e" fillOpacity={0.18} isAnimationActive={false} />}
          <Line dataKey="value" name={name} stroke="#2f6f5e" strokeWidth={2} dot isAnimationActive={false}>
            {!band && <ErrorBar dataKey="error" width={10} strokeWidth={1.5} stroke="#2f6f5e" isAnimationActive={false} />}
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
