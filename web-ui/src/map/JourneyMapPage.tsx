import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import addStageDocument from '../graphql/addStage.graphql?raw';
import createTouchpointDocument from '../graphql/createTouchpoint.graphql?raw';
import deleteTouchpointDocument from '../graphql/deleteTouchpoint.graphql?raw';
import journeyChangedDocument from '../graphql/journeyChanged.graphql?raw';
import journeyMapDocument from '../graphql/journeyMap.graphql?raw';
import moveTouchpointDocument from '../graphql/moveTouchpoint.graphql?raw';
import renameStageDocument from '../graphql/renameStage.graphql?raw';
import reorderStagesDocument from '../graphql/reorderStages.graphql?raw';
import { GraphQLRequestError, graphqlRequest, UnauthorizedError } from '../graphql/client';
import { subscribe, type LiveStatus } from '../graphql/live';
import type { JourneyChangedEvent, JourneyMapResult, MapStage, MapTouchpoint, Measurement, Weakness } from '../graphql/types';
import { useSession } from '../auth/SessionContext';
import { canEditJourneys, canActOnAnswers } from '../auth/session';
import { errorMessage } from '../journeys/errors';
import { AddByName, InlineHeading, SortableStage, TouchpointActions } from './MapEditing';
import { MapExport } from './MapExport';
import { TouchpointDrawer } from './TouchpointDrawer';
import { EmotionLane, NotesLanes } from './Lanes';

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
  const { session } = useSession();
  const editable = canEditJourneys(session);
  const [map, setMap] = useState<JourneyMapResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [changedBy, setChangedBy] = useState<string | null>(null);
  const lastOwnEdit = useRef(0);
  const canvas = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [filters, setFilters] = useState<{ channel: string; ownerTeam: string; dimension: string }>({ channel: '', ownerTeam: '', dimension: '' });
  const closeDrawer = useCallback(() => setSelected(null), []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  useEffect(() => {
    let current = true;
    graphqlRequest<JourneyMapResult>(journeyMapDocument, { id, days })
      .then((result) => {
        if (!current) return;
        setMap(result);
        setError(null);
        setConflict(false);
        if (result.journey) journeyVersion.current = result.journey.version;
      })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
  }, [id, days, t, reloads]);

  // every applied change of this journey, by anyone, refreshes the map; others' changes are pointed out
  const username = session?.username;
  useEffect(() => subscribe<JourneyChangedEvent>(journeyChangedDocument, { id }, (event) => {
    const by = event.journeyChanged.changedBy;
    if (by !== username || Date.now() - lastOwnEdit.current > 5000) setChangedBy(by ?? '?');
    reload();
  }, setLive), [id, username, reload]);

  // this editor's own edits run one after the other, each on the version the previous one produced
  const journeyVersion = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());

  /**
   * Applies an edit; journey edits (stages) are based on the latest version this editor knows. An edit
   * another editor made first comes back as CONFLICT: it is explained, never forced through.
   */
  function edit(document: string, variables: (journeyVersion: number) => Record<string, unknown>, journeyEdit = false) {
    queue.current = queue.current.then(async () => {
      setError(null);
      try {
        const result = await graphqlRequest<Record<string, { version?: number }>>(document, variables(journeyVersion.current));
        lastOwnEdit.current = Date.now();
        const version = Object.values(result)[0]?.version;
        if (journeyEdit && typeof version === 'number') journeyVersion.current = version;
        reload();
      } catch (e) {
        if (e instanceof GraphQLRequestError && e.code === 'CONFLICT') setConflict(true);
        else if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t));
      }
    });
  }

  function stagesMoved(event: DragEndEvent, stages: MapStage[]) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const ids = stages.map((s) => s.id);
    const reordered = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    // shown at once; the server's answer (or a conflict) follows
    setMap((m) => m && m.journey ? { ...m, journey: { ...m.journey, stages: reordered.map((sid) => stages.find((s) => s.id === sid)!) } } : m);
    edit(reorderStagesDocument, (version) => ({ journeyId: id, expectedVersion: version, stageIds: reordered }), true);
  }

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const weakness = new Map<string, Weakness>();
  // the touchpoint's most severe finding speaks for it
  (map?.weakTouchpoints ?? []).forEach((w) => {
    const known = weakness.get(w.touchpointId);
    if (!known || (w.status === 'WEAK' && (known.status !== 'WEAK' || w.severity > known.severity))) weakness.set(w.touchpointId, w);
  });
  const journey = map?.journey;
  const all = (journey?.stages ?? []).flatMap((s) => s.touchpoints ?? []);
  const shown = (tp: MapTouchpoint) => (!filters.channel || tp.channel === filters.channel)
    && (!filters.ownerTeam || tp.ownerTeam === filters.ownerTeam) && (!filters.dimension || tp.dimension === filters.dimension);
  const options = (key: 'channel' | 'ownerTeam' | 'dimension') =>
    [...new Set(all.map((tp) => tp[key]).filter((v): v is string => !!v))].sort();
  const filtered = filters.channel || filters.ownerTeam || filters.dimension;
  return (
    <main className="journey-map">
      <div className="map-head">
        <div>
          <Link to="/">{t('map.back')}</Link>
          <h1>{journey?.name ?? (map ? t('map.notFound') : t('map.loading'))}</h1>
          {journey && canActOnAnswers(session) && <Link to={`/journeys/${id}/import`}>{t('import.open')}</Link>}
        </div>
        {journey && <MapExport canvas={canvas} name={journey.name} stages={journey.stages} weakness={weakness} days={days} />}
        <span className={`live live-${live}`} role="status" data-testid="live-status">{t(`map.live.${live}`)}</span>
        <label className="inline">
          <span>{t('map.window')}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((d) => <option key={d} value={d}>{t('map.lastDays', { count: d })}</option>)}
          </select>
        </label>
      </div>
      {journey && (
        <div className="map-filters" role="group" aria-label={t('map.filters.title')}>
          {(['channel', 'ownerTeam', 'dimension'] as const).map((key) => (
            <label key={key} className="inline">
              <span>{t(`map.filters.${key}`)}</span>
              <select value={filters[key]} onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value }))}>
                <option value="">{t('map.filters.all')}</option>
                {options(key).map((v) => <option key={v} value={v}>{key === 'channel' ? t(`map.channels.${v}`, { defaultValue: v }) : v}</option>)}
              </select>
            </label>
          ))}
          {filtered && (
            <span className="muted small" role="status">
              {t('map.filters.showing', { shown: all.filter(shown).length, total: all.length })}{' '}
              <button type="button" className="link" onClick={() => setFilters({ channel: '', ownerTeam: '', dimension: '' })}>
                {t('map.filters.clear')}
              </button>
            </span>
          )}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {changedBy && (
        <p className="notice" role="status" data-testid="changed-by">
          {t('map.live.changedBy', { name: changedBy })}{' '}
          <button type="button" className="link" onClick={() => setChangedBy(null)}>{t('map.live.dismiss')}</button>
        </p>
      )}
      {conflict && (
        <div className="conflict" role="alert">
          {t('map.edit.conflict')} <button type="button" onClick={reload}>{t('map.edit.reload')}</button>
        </div>
      )}
      {journey && (
        <DndContext sensors={sensors} collisionDetection={closestCenter}
          onDragEnd={(event) => stagesMoved(event, journey.stages)}>
          <SortableContext items={journey.stages.map((s) => s.id)} strategy={horizontalListSortingStrategy}>
            <div className="stages" role="list" aria-label={t('map.stages')} ref={canvas}>
              {journey.stages.map((stage) => (
                <SortableStage key={stage.id} stage={stage} editable={editable}>
                  <InlineHeading id={`stage-${stage.id}`} value={stage.name} editable={editable}
                    label={t('map.edit.renameStage', { name: stage.name })}
                    onSave={(name) => edit(renameStageDocument, (version) => ({ journeyId: id, stageId: stage.id,
                      expectedVersion: version, input: { name } }), true)} />
                  <EmotionLane stages={journey.stages} index={journey.stages.indexOf(stage)} />
                  {stage.touchpoints === null && <p className="error small">{t('map.touchpointsUnavailable')}</p>}
                  {(stage.touchpoints ?? []).filter(shown).map((tp) => (
                    <TouchpointCard key={tp.id} touchpoint={tp} weakness={weakness.get(tp.id)} number={number}
                      onOpen={() => setSelected(tp.id)}>
                      {editable && (
                        <TouchpointActions touchpoint={tp} stages={journey.stages}
                          onMove={(stageId) => edit(moveTouchpointDocument, () => ({ id: tp.id, expectedVersion: tp.version,
                            stageId, position: (journey.stages.find((s) => s.id === stageId)?.touchpoints ?? []).length }))}
                          onDelete={() => edit(deleteTouchpointDocument, () => ({ id: tp.id, expectedVersion: tp.version }))} />
                      )}
                    </TouchpointCard>
                  ))}
                  <NotesLanes stage={stage} />
                  {editable && (
                    <AddByName label={t('map.edit.addTouchpoint', { stage: stage.name })}
                      onAdd={(name) => edit(createTouchpointDocument, () => ({ journeyId: id, stageId: stage.id,
                        input: { name, channel: 'OTHER' } }))} />
                  )}
                </SortableStage>
              ))}
              {editable && (
                <div className="stage add-stage" role="listitem">
                  <AddByName label={t('map.edit.addStage')}
                    onAdd={(name) => edit(addStageDocument, (version) => ({ journeyId: id, expectedVersion: version, input: { name } }), true)} />
                </div>
              )}
            </div>
          </SortableContext>
        </DndContext>
      )}
      {selected && (
        <TouchpointDrawer journeyId={id} touchpointId={selected} days={days} weakness={weakness.get(selected)} reloads={reloads}
          onClose={closeDrawer} onChanged={reload} />
      )}
    </main>
  );
}

function TouchpointCard({ touchpoint, weakness, number, onOpen, children }: {
  touchpoint: MapTouchpoint; weakness: Weakness | undefined; number: Intl.NumberFormat; onOpen: () => void; children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const kind = severityClass(weakness);
  return (
    <article className={`touchpoint ${kind}`} data-testid="touchpoint-card" aria-label={touchpoint.name}
      title={weakness && weakness.status !== 'OK' ? weakness.reason : undefined}>
      <h3>
        <button type="button" className="link card-title" onClick={onOpen} aria-label={t('drawer.open', { name: touchpoint.name })}>
          {touchpoint.name}
        </button>
      </h3>
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
      {children}
    </article>
  );
}
