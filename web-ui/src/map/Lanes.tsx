import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapStage, Measurement } from '../graphql/types';
import type { StageEmotion } from './emotion';
import { formatScore } from './reasons';

const y = (emotion: number) => 20 - emotion * 8; // -2..+2 onto 36..4 of a 40-high box

/**
 * The emotion lane of one stage: the designed curve (dashed) against the measured one (solid), each drawn
 * from the middle of the gap with the previous stage to the middle of the gap with the next, so the
 * columns together show one continuous line; the figures are written out too. Memoised on the stage and its
 * neighbours: a reorder redraws the lanes next to the stages that moved only.
 */
export const EmotionLane = memo(function EmotionLane({ before, here, after }: {
  before: StageEmotion | null; here: StageEmotion; after: StageEmotion | null;
}) {
  const { t, i18n } = useTranslation();
  const number = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    [i18n.language]);
  const path = (value: (e: StageEmotion) => number | null) => {
    const at = value(here);
    if (at === null) return null;
    const previous = before && value(before);
    const next = after && value(after);
    const start = previous === null ? `M50,${y(at)}` : `M0,${y((previous + at) / 2)} L50,${y(at)}`;
    return `${start}${next === null ? '' : ` L100,${y((next + at) / 2)}`}`;
  };
  const d = path((e) => e.designed);
  const m = path((e) => e.measured);
  return (
    <div className="emotion-lane" data-testid="emotion">
      {/* styles as attributes, not classes: the PNG/PDF export copies attributes of SVG parts reliably */}
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
        <line x1="0" x2="100" y1="20" y2="20" stroke="#dde2ea" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {d && <path d={d} fill="none" stroke="#6b7fa8" strokeWidth={2} strokeDasharray="5 4" vectorEffect="non-scaling-stroke" />}
        {m && <path d={m} fill="none" stroke="#d9822b" strokeWidth={3} vectorEffect="non-scaling-stroke" />}
      </svg>
      <p className="small">
        <span className="key designed">{t('map.emotion.designed', { value: number.format(here.designed) })}</span>{' · '}
        <span className="key measured">{here.measured === null ? t('map.emotion.noMeasure')
          : t('map.emotion.measured', { value: number.format(here.measured) })}</span>
      </p>
    </div>
  );
});

/** Pain points and opportunities of a stage's touchpoints, each saying which touchpoint it belongs to. */
export function NotesLanes({ stage }: { stage: MapStage }) {
  const { t } = useTranslation();
  const lane = (kind: 'painPoints' | 'opportunities') => {
    const items = (stage.touchpoints ?? []).flatMap((tp) => tp[kind].map((text) => ({ text, touchpoint: tp.name })));
    if (items.length === 0) return null;
    return (
      <section className={`lane ${kind}`} aria-label={t(`map.lanes.${kind}`, { stage: stage.name })}>
        <h3 className="small">{t(`map.lanes.${kind}Short`)}</h3>
        <ul>{items.map((item, i) => <li key={i}>{item.text} <span className="muted">({item.touchpoint})</span></li>)}</ul>
      </section>
    );
  };
  return <>{lane('painPoints')}{lane('opportunities')}</>;
}

/** One metric's figure with its margin, and what it counts ({@code count}: n of a touchpoint, answers of a stage). */
export function MeasurementBadge({ measurement: m, number, count }: { measurement: Measurement; number: Intl.NumberFormat; count: ReactNode }) {
  return (
    <span className="badge metric" data-testid="measurement">
      <strong>{m.metric} {m.score.value === null ? '—' : formatScore(m.metric, m.score.value, number)}</strong>
      {m.score.margin !== null && <span> ±{number.format(m.score.margin)}</span>}
      <span className="muted"> {count}</span>
    </span>
  );
}

/** The measurements lane of a stage: its touchpoints' answers pooled per metric, so a stage reads at a glance. */
export const StageMeasurementsLane = memo(function StageMeasurementsLane({ stage, number }: { stage: MapStage; number: Intl.NumberFormat }) {
  const { t } = useTranslation();
  // a stage nobody answered for says nothing here: its cards say so already
  if (stage.measurements === undefined || stage.measurements?.length === 0) return null;
  return (
    <section className="lane measured" aria-label={t('map.lanes.measured', { stage: stage.name })} data-testid="stage-measurements">
      <h3 className="small">{t('map.lanes.measuredShort')}</h3>
      {stage.measurements === null && <p className="error small">{t('map.metricsUnavailable')}</p>}
      {!!stage.measurements?.length && (
        <div className="badges">
          {stage.measurements.map((m) => (
            <MeasurementBadge key={m.metric} measurement={m} number={number}
              count={t('map.lanes.pooled', { n: number.format(m.n), count: m.touchpoints })} />
          ))}
        </div>
      )}
    </section>
  );
});
