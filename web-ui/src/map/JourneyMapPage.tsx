import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import journeyMapDocument from '../graphql/journeyMap.graphql?raw';
import { graphqlRequest, UnauthorizedError } from '../graphql/client';
import type { JourneyMapResult, MapTouchpoint, Measurement, Weakness } from '../graphql/types';
import { errorMessage } from '../journeys/errors';

const WINDOWS = [30, 90, 365];

/** How a score reads: NPS points, CSAT %, CES mean. */
function formatScore(m: Measurement, number: Intl.NumberFormat): string {
  if (m.score.value === null) return '—';
  const value = number.format(m.score.value);
  return m.metric === 'CSAT' ? `${value}%` : value;
}

/** Weak touchpoints by severity: the darker, the further below target it is and the more it matters. */
function severityClass(w: Weakness | undefined): string {
  if (!w) return '';
  if (w.status === 'INSUFFICIENT_DATA') return 'insufficient';
  if (w.status !== 'WEAK') return '';
  return w.severity >= 20 ? 'weak severe' : w.severity >= 8 ? 'weak' : 'weak mild';
}

/**
 * A journey as a map: stages as columns, their touchpoints as cards with what customers said (score, n,
 * margin) for the chosen window; weak touchpoints are highlighted with the reason, too-small samples are
 * marked as insufficient data, never as weak.
 */
export function JourneyMapPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [days, setDays] = useState(90);
  const [map, setMap] = useState<JourneyMapResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    graphqlRequest<JourneyMapResult>(journeyMapDocument, { id, days })
      .then((result) => { if (current) { setMap(result); setError(null); } })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
  }, [id, days, t]);

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const weakness = new Map<string, Weakness>();
  // the touchpoint's most severe finding speaks for it
  (map?.weakTouchpoints ?? []).forEach((w) => {
    const known = weakness.get(w.touchpointId);
    if (!known || (w.status === 'WEAK' && (known.status !== 'WEAK' || w.severity > known.severity))) weakness.set(w.touchpointId, w);
  });
  const journey = map?.journey;
  return (
    <main className="journey-map">
      <div className="map-head">
        <div>
          <Link to="/">{t('map.back')}</Link>
          <h1>{journey?.name ?? (map ? t('map.notFound') : t('map.loading'))}</h1>
        </div>
        <label className="inline">
          <span>{t('map.window')}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((d) => <option key={d} value={d}>{t('map.lastDays', { count: d })}</option>)}
          </select>
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {journey && (
        <div className="stages" role="list" aria-label={t('map.stages')}>
          {journey.stages.map((stage) => (
            <section key={stage.id} className="stage" role="listitem" aria-labelledby={`stage-${stage.id}`}>
              <h2 id={`stage-${stage.id}`}>{stage.name}</h2>
              {stage.touchpoints === null && <p className="error small">{t('map.touchpointsUnavailable')}</p>}
              {(stage.touchpoints ?? []).map((tp) => (
                <TouchpointCard key={tp.id} touchpoint={tp} weakness={weakness.get(tp.id)} number={number} />
              ))}
            </section>
          ))}
        </div>
      )}
    </main>
  );
}

function TouchpointCard({ touchpoint, weakness, number }: {
  touchpoint: MapTouchpoint; weakness: Weakness | undefined; number: Intl.NumberFormat;
}) {
  const { t } = useTranslation();
  const kind = severityClass(weakness);
  return (
    <article className={`touchpoint ${kind}`} data-testid="touchpoint-card" aria-label={touchpoint.name}
      title={weakness && weakness.status !== 'OK' ? weakness.reason : undefined}>
      <h3>{touchpoint.name}</h3>
      <p className="muted small">
        {t(`map.channels.${touchpoint.channel}`, { defaultValue: touchpoint.channel })}
        {touchpoint.ownerTeam && ` · ${touchpoint.ownerTeam}`}
      </p>
      <div className="badges">
        {touchpoint.measurements === null && <span className="error small">{t('map.metricsUnavailable')}</span>}
        {(touchpoint.measurements ?? []).map((m) => (
          <span key={m.metric} className="badge metric" data-testid="measurement">
            <strong>{m.metric} {formatScore(m, number)}</strong>
            {m.score.margin !== null && <span> ±{number.format(m.score.margin)}</span>}
            <span className="muted"> n={m.n}</span>
          </span>
        ))}
        {touchpoint.measurements?.length === 0 && <span className="muted small">{t('map.noAnswers')}</span>}
      </div>
      {weakness?.status === 'WEAK' && <p className="weak-reason small"><strong>{t('map.weak')}</strong> {weakness.reason}</p>}
      {weakness?.status === 'INSUFFICIENT_DATA' && (touchpoint.measurements ?? []).length > 0 && (
        <p className="muted small">{t('map.insufficient')}</p>
      )}
    </article>
  );
}
