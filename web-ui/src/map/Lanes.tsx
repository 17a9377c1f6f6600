import { useTranslation } from 'react-i18next';
import type { MapStage } from '../graphql/types';
import { measuredEmotion } from './emotion';

const y = (emotion: number) => 20 - emotion * 8; // -2..+2 onto 36..4 of a 40-high box

/**
 * The emotion lane of one stage: the designed curve (dashed) against the measured one (solid), each drawn
 * from the middle of the gap with the previous stage to the middle of the gap with the next, so the
 * columns together show one continuous line; the figures are written out too.
 */
export function EmotionLane({ stages, index }: { stages: MapStage[]; index: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const designed = stages.map((s) => s.designedEmotion);
  const measured = stages.map(measuredEmotion);
  const path = (values: (number | null)[]) => {
    const here = values[index];
    if (here === null) return null;
    const before = index > 0 ? values[index - 1] : null;
    const after = index < values.length - 1 ? values[index + 1] : null;
    const start = before === null ? `M50,${y(here)}` : `M0,${y((before + here) / 2)} L50,${y(here)}`;
    return `${start}${after === null ? '' : ` L100,${y((after + here) / 2)}`}`;
  };
  const d = path(designed);
  const m = path(measured);
  return (
    <div className="emotion-lane" data-testid="emotion">
      {/* styles as attributes, not classes: the PNG/PDF export copies attributes of SVG parts reliably */}
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
        <line x1="0" x2="100" y1="20" y2="20" stroke="#dde2ea" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {d && <path d={d} fill="none" stroke="#6b7fa8" strokeWidth={2} strokeDasharray="5 4" vectorEffect="non-scaling-stroke" />}
        {m && <path d={m} fill="none" stroke="#d9822b" strokeWidth={3} vectorEffect="non-scaling-stroke" />}
      </svg>
      <p className="small">
        <span className="key designed">{t('map.emotion.designed', { value: number.format(designed[index]) })}</span>{' · '}
        <span className="key measured">{measured[index] === null ? t('map.emotion.noMeasure')
          : t('map.emotion.measured', { value: number.format(measured[index]!) })}</span>
      </p>
    </div>
  );
}

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
