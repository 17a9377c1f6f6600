import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import drawerDocument from '../graphql/touchpointDrawer.graphql?raw';
import acknowledgeDocument from '../graphql/acknowledgeCase.graphql?raw';
import resolveDocument from '../graphql/resolveCase.graphql?raw';
import restoreDocument from '../graphql/restoreRevision.graphql?raw';
import { graphqlPartial, graphqlRequest, UnauthorizedError } from '../graphql/client';
import { useDateFormats } from '../i18n/formats';
import type { CaseSummary, Metric, TouchpointDrawerResult, Weakness } from '../graphql/types';
import { useSession } from '../auth/SessionContext';
import { canActOnAnswers, canEditJourneys } from '../auth/session';
import { errorMessage } from '../journeys/errors';
import { caseWording, weaknessReason } from './reasons';
import type {
  AcknowledgeCaseMutation, AcknowledgeCaseMutationVariables, ResolveCaseMutation, ResolveCaseMutationVariables,
  RestoreJourneyRevisionMutation, RestoreJourneyRevisionMutationVariables, TouchpointDrawerQuery, TouchpointDrawerQueryVariables,
} from '../graphql/generated';

const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/**
 * Everything about one touchpoint beside the map: its details, why it is weak (score, target, gap,
 * importance, n, margin), the weekly trend with its interval, its key-driver importance, its cases
 * (acknowledge, resolve with a note) and the journey's history with restore.
 */
/** A revision's operation ("ADD_STAGE", "RESTORE_REVISION 4", ...) in the user's language; an unknown one as stored. */
function operationLabel(operation: string, t: TFunction): string {
  const [code, ...rest] = operation.split(' ');
  return t(`drawer.operations.${code}`, { arg: rest.join(' '), defaultValue: operation });
}

export function TouchpointDrawer({ journeyId, touchpointId, days, weakness, reloads, onClose, onChanged }: {
  journeyId: string; touchpointId: string; days: number; weakness: Weakness | undefined; reloads: number;
  onClose: () => void; onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [data, setData] = useState<TouchpointDrawerResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const [unavailable, setUnavailable] = useState<string[]>([]);

  useEffect(() => {
    let current = true;
    // in part when a service is unavailable: what it did answer is shown, the rest said to be missing
    graphqlPartial<TouchpointDrawerQuery, TouchpointDrawerQueryVariables>(drawerDocument, { id: touchpointId, journeyId, days })
      .then(({ data: result, unavailable: missing }) => {
        if (!current) return;
        setData(result);
        setError(null);
        setUnavailable(missing);
      })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
  }, [touchpointId, journeyId, days, reloads, refreshes, t]);

  const drawer = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  // focus goes into the drawer when a card opens it (again when another card is opened into it), from that card's button
  useEffect(() => {
    const active = document.activeElement;
    // a browser that does not focus a clicked button (Safari) leaves the body focused: the card's button stands for it
    opener.current = active instanceof HTMLElement && active !== document.body && !drawer.current?.contains(active) ? active
      : document.querySelector<HTMLElement>(`[data-opens-drawer="${CSS.escape(touchpointId)}"]`) ?? opener.current;
    heading.current?.focus();
  }, [touchpointId]);
  // and back to it on close; only focus that left with the drawer: where the user put it meanwhile, it stays
  useEffect(() => () => {
    const active = document.activeElement;
    if ((active === null || active === document.body) && opener.current?.isConnected) opener.current.focus();
  }, []);

  useEffect(() => {
    const close = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);

  async function act<M, V extends object>(document: string, variables: V, mapChanged = false) {
    setError(null);
    try {
      await graphqlRequest<M, V>(document, variables);
      setRefreshes((n) => n + 1);
      if (mapChanged) onChanged();
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t));
    }
  }

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { dateTime: dates } = useDateFormats();
  const tp = data?.touchpoint;
  const cases = (data?.cases ?? []).filter((c) => c.touchpointId === touchpointId)
    .sort((a, b) => Number(a.status === 'RESOLVED') - Number(b.status === 'RESOLVED'));
  const drivers = (data?.keyDrivers ?? []).filter((d) => d.touchpointId === touchpointId);
  const metrics = [...new Set((tp?.trend ?? []).map((p) => p.metric))] as Metric[];
  const revisions = data?.journey?.revisions.nodes ?? [];
  return (
    <aside ref={drawer} className="drawer card" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="drawer">
      <div className="section-head">
        <h2 id="drawer-title" ref={heading} tabIndex={-1}>{tp?.name ?? t('map.loading')}</h2>
        <button type="button" onClick={onClose} aria-label={t('drawer.close')}>×</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {unavailable.length > 0 && <p role="status" className="partial small">{t('map.partial', { services: unavailable.join(', ') })}</p>}
      {tp && (
        <>
          {tp.description && <p>{tp.description}</p>}
          <dl className="facts">
            <dt>{t('drawer.channel')}</dt><dd>{t(`map.channels.${tp.channel}`, { defaultValue: tp.channel })}</dd>
            <dt>{t('drawer.owner')}</dt><dd>{tp.ownerTeam ?? '—'}</dd>
            <dt>{t('drawer.dimension')}</dt><dd>{tp.dimension ? t(`map.dimensions.${tp.dimension}`, { defaultValue: tp.dimension }) : '—'}</dd>
            <dt>{t('drawer.importance')}</dt><dd>{tp.importanceDerived ? t('drawer.derived') : tp.importance === null ? '—' : number.format(tp.importance)}</dd>
            <dt>{t('drawer.targets')}</dt><dd>{tp.targets.map((x) => `${x.metric} ${number.format(x.value)}`).join(', ') || '—'}</dd>
            {tp.expectation && <><dt>{t('drawer.expectation')}</dt><dd>{tp.expectation}</dd></>}
          </dl>
          {weakness && weakness.status !== 'OK' && (
            <section aria-labelledby="drawer-why">
              <h3 id="drawer-why">{weakness.status === 'WEAK' ? t('drawer.whyWeak') : weakness.status === 'NO_TARGET' ? t('drawer.notRated') : t('map.insufficient')}</h3>
              <p className="small">{weaknessReason(weakness, t, number)}</p>
              <dl className="facts">
                <dt>{t('drawer.score')}</dt><dd>{weakness.score.value === null ? '—' : number.format(weakness.score.value)}</dd>
                <dt>{t('drawer.target')}</dt><dd>{weakness.target === null ? '—' : number.format(weakness.target)}</dd>
                <dt>{t('drawer.gap')}</dt><dd>{weakness.gap === null ? '—' : number.format(weakness.gap)}</dd>
                <dt>{t('drawer.importance')}</dt><dd>{weakness.importance === null ? '—' : number.format(weakness.importance)}</dd>
                <dt>n</dt><dd>{number.format(weakness.score.n)}</dd>
                <dt>{t('drawer.margin')}</dt><dd>{weakness.score.margin === null ? '—' : `±${number.format(weakness.score.margin)}`}</dd>
              </dl>
            </section>
          )}
          {tp.painPoints.length > 0 && <><h3>{t('drawer.painPoints')}</h3><ul>{tp.painPoints.map((p) => <li key={p}>{p}</li>)}</ul></>}
          {tp.opportunities.length > 0 && <><h3>{t('drawer.opportunities')}</h3><ul>{tp.opportunities.map((p) => <li key={p}>{p}</li>)}</ul></>}
          <section aria-labelledby="drawer-trend">
            <h3 id="drawer-trend">{t('drawer.trend')}</h3>
            {tp.trend === null && <p className="error small">{t('map.metricsUnavailable')}</p>}
            {tp.trend?.length === 0 && <p className="muted small">{t('drawer.noTrend')}</p>}
            <Suspense fallback={<p className="muted small">{t('map.loading')}</p>}>
              {metrics.map((metric) => <TrendChart key={metric} points={(tp.trend ?? []).filter((p) => p.metric === metric)} />)}
            </Suspense>
          </section>
          <section aria-labelledby="drawer-driver">
            <h3 id="drawer-driver">{t('drawer.keyDriver')}</h3>
            {drivers.length === 0 && <p className="muted small">{t('drawer.noDriver')}</p>}
            {drivers.map((d) => (
              <p key={d.metric} className="small" data-testid="key-driver">
                {d.importance === null ? t('drawer.driverTooFew', { metric: d.metric, pairs: number.format(d.pairs) })
                  : t('drawer.driver', { metric: d.metric, r: number.format(d.importance), pairs: number.format(d.pairs), quadrant: t(`drawer.quadrants.${d.quadrant}`, { defaultValue: d.quadrant }) })}
              </p>
            ))}
          </section>
          <section aria-labelledby="drawer-cases">
            <h3 id="drawer-cases">{t('drawer.cases', { count: cases.length })}</h3>
            {cases.length === 0 && <p className="muted small">{t('drawer.noCases')}</p>}
            {cases.map((c) => (
              <CaseItem key={c.id} item={c} wording={caseWording(c, tp.name, t, number, dates)} canAct={canActOnAnswers(session)} dates={dates}
                onAcknowledge={(note) => act<AcknowledgeCaseMutation, AcknowledgeCaseMutationVariables>(acknowledgeDocument, { id: c.id, expectedVersion: c.version, note: note || null })}
                onResolve={(note) => act<ResolveCaseMutation, ResolveCaseMutationVariables>(resolveDocument, { id: c.id, expectedVersion: c.version, note })} />
            ))}
          </section>
          <section aria-labelledby="drawer-history">
            <h3 id="drawer-history">{t('drawer.history', { count: data?.journey?.revisions.totalCount ?? 0 })}</h3>
            <ol className="plain revisions">
              {revisions.map((r) => (
                <li key={r.number} data-testid="revision">
                  <span>#{r.number} {operationLabel(r.operation, t)}</span>{' '}
                  <span className="muted small">{r.actor} · <time dateTime={r.at}>{dates.format(new Date(r.at))}</time></span>
                  {canEditJourneys(session) && r.number !== data?.journey?.version && (
                    <button type="button" className="link small" aria-label={t('drawer.restore', { number: r.number })}
                      onClick={() => { if (window.confirm(t('drawer.confirmRestore', { number: r.number })))
                        void act<RestoreJourneyRevisionMutation, RestoreJourneyRevisionMutationVariables>(restoreDocument, { journeyId, number: r.number, expectedVersion: data!.journey!.version }, true); }}>
                      {t('drawer.restoreShort')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </aside>
  );
}

function CaseItem({ item, wording, canAct, dates, onAcknowledge, onResolve }: {
  item: CaseSummary; wording: { title: string; reason: string }; canAct: boolean; dates: Intl.DateTimeFormat;
  onAcknowledge: (note: string) => void; onResolve: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  return (
    <article className={`case case-${item.status.toLowerCase()}`} aria-label={wording.title} data-testid="case">
      <strong>{wording.title}</strong> <span className={`status status-${item.status.toLowerCase()}`}>{t(`drawer.caseStatus.${item.status}`)}</span>
      <p className="small">{wording.reason}</p>
      <p className="muted small">{t('drawer.caseDates', { owner: item.ownerTeam ?? '—', opened: dates.format(new Date(item.openedAt)), due: dates.format(new Date(item.dueAt)) })}</p>
      {item.resolutionNote && <p className="small"><strong>{t('drawer.resolution')}</strong> {item.resolutionNote}</p>}
      {canAct && item.status !== 'RESOLVED' && (
        <div className="case-actions">
          <label htmlFor={`note-${item.id}`} className="small">{t('drawer.note')}</label>
          <textarea id={`note-${item.id}`} rows={2} value={note} aria-invalid={noteMissing}
            onChange={(e) => { setNote(e.target.value); setNoteMissing(false); }} />
          {noteMissing && <p className="field-error">{t('drawer.noteRequired')}</p>}
          {item.status === 'OPEN' && <button type="button" onClick={() => onAcknowledge(note.trim())}>{t('drawer.acknowledge')}</button>}
          <button type="button" className="primary" onClick={() => {
            if (!note.trim()) { setNoteMissing(true); return; }
            onResolve(note.trim());
          }}>{t('drawer.resolve')}</button>
        </div>
      )}
    </article>
  );
}
