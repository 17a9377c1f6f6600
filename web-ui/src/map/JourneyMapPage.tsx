import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { closestCorners, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors,
  type CollisionDetection, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import addStageDocument from '../graphql/addStage.graphql?raw';
import createTouchpointDocument from '../graphql/createTouchpoint.graphql?raw';
import journeyChangedDocument from '../graphql/journeyChanged.graphql?raw';
import journeyMapDocument from '../graphql/journeyMap.graphql?raw';
import { graphqlPartial, requestError, UnauthorizedError } from '../graphql/client';
import { subscribe, type LiveStatus } from '../graphql/live';
import type { JourneyMapResult, MapStage, MapTouchpoint, Weakness } from '../graphql/types';
import { useSession } from '../auth/SessionContext';
import { canActOnAnswers, canEditJourneys } from '../auth/session';
import { errorMessage } from '../journeys/errors';
import { AddByName, DeleteStage, InlineHeading, SortableStage, SortableTouchpoint, StageDragBinding, StageDrags, StageDragsContext,
  StageDropArea, StagesContext, TouchpointActions, type StageTouchpointsChoice } from './MapEditing';
import { ChannelIcon } from './ChannelIcon';
import { MapExport } from './MapExport';
import { weaknessReason } from './reasons';
import { TouchpointDrawer } from './TouchpointDrawer';
import { EmotionLane, MeasurementBadge, NotesLanes, StageMeasurementsLane } from './Lanes';
import { stageEmotion, type StageEmotion } from './emotion';
import { documentOrder } from './columnOrder';
import { placeOf, type Op, type Place } from './editOps';
import { useMapEditor } from './useMapEditor';
import type { AddStageMutation, CreateTouchpointMutation, JourneyChangedSubscription, JourneyMapQuery, JourneyMapQueryVariables } from '../graphql/generated';

const WINDOWS = [30, 90, 365];
/** How long after this editor's last edit (or its echo) the map is loaded again to settle on the server's state. */
const SETTLE_MS = 1000;

/** Weak touchpoints by severity: the darker, the further below target it is and the more it matters. */
function severityClass(w: Weakness | undefined): string {
  if (!w) return '';
  if (w.status === 'INSUFFICIENT_DATA') return 'insufficient';
  if (w.status !== 'WEAK') return '';
  return w.severity >= 20 ? 'weak severe' : w.severity >= 8 ? 'weak' : 'weak mild';
}

/**
 * Columns: the stage whose middle is horizontally nearest to the dragged one's. Heights are left out: they
 * differ with the cards, and a tall column would otherwise stay nearest to itself.
 */
const closestColumn: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers }) => {
  const middle = collisionRect.left + collisionRect.width / 2;
  return droppableContainers.flatMap((container) => {
    const rect = droppableRects.get(container.id);
    return rect ? [{ id: container.id, data: { droppableContainer: container, value: Math.abs(rect.left + rect.width / 2 - middle) } }] : [];
  }).sort((a, b) => a.data.value - b.data.value);
};

/** Where a dropped touchpoint goes: before the touchpoint it was dropped on, or at the end of a stage. */
function dropPlace(stages: MapStage[], event: DragEndEvent): Place | null {
  const over = event.over;
  if (!over) return null;
  const data = over.data.current;
  if (data?.type === 'touchpoint') return placeOf(stages, String(over.id));
  if (data?.type === 'stage-drop') {
    const stage = stages.find((s) => s.id === data.stageId);
    const moving = placeOf(stages, String(event.active.id));
    const length = (stage?.touchpoints ?? []).length;
    return { stageId: data.stageId, position: moving?.stageId === data.stageId ? length - 1 : length };
  }
  return null;
}

/**
 * A journey as a map: stages as columns, their touchpoints as cards with what customers said (score, n,
 * margin) for the chosen window; weak touchpoints are highlighted with the reason, too-small samples are
 * marked as insufficient data, never as weak. Designers edit it in place (drag and drop, inline names,
 * undo/redo); every change, whoever made it, reaches the map live.
 */
export function JourneyMapPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [days, setDays] = useState(90);
  const { session } = useSession();
  const editable = canEditJourneys(session);
  const [map, setMap] = useState<JourneyMapResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // a refused stale edit: explained, with a reload, and a re-apply on the new version when it can be redone
  const [conflict, setConflict] = useState<{ refused: Op | null } | null>(null);
  const [reloads, setReloads] = useState(0);
  // after this editor's own edits the map is already as the server has it: it is loaded again once they
  // pause (one load for a burst of edits and their echoes), not while the browser is drawing the edit;
  // a load made meanwhile for another reason stands for it
  const settleTimer = useRef<number | undefined>(undefined);
  const reload = useCallback(() => {
    window.clearTimeout(settleTimer.current);
    setReloads((n) => n + 1);
  }, []);
  const settle = useCallback(() => {
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(reload, SETTLE_MS);
  }, [reload]);
  useEffect(() => () => window.clearTimeout(settleTimer.current), []);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [changedBy, setChangedBy] = useState<string | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [filters, setFilters] = useState<{ channel: string; ownerTeam: string; dimension: string }>({ channel: '', ownerTeam: '', dimension: '' });
  const closeDrawer = useCallback(() => setSelected(null), []);
  // segment filter: attribute -> value (the measurements and weaknesses of those respondents only)
  const [segment, setSegment] = useState<Record<string, string>>({});
  const segmentKey = JSON.stringify(segment);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [stageDrags] = useState(() => new StageDrags());
  const editor = useMapEditor({ journeyId: id, setMap, reload, settle, onConflict: (refused) => setConflict({ refused }),
    onError: (e) => setError(errorMessage(e, t)) });
  const { known, lastOwnEdit, applying } = editor;

  // services that did not answer the last load: their fields are null (the cards say so), the rest of the map is shown
  const [unavailable, setUnavailable] = useState<string[]>([]);
  const loadMap = useCallback(async () => {
    const filter = Object.entries(JSON.parse(segmentKey) as Record<string, string>).map(([attribute, value]) => ({ attribute, value }));
    const { data, failures, unavailable: missing } = await graphqlPartial<JourneyMapQuery, JourneyMapQueryVariables>(
      journeyMapDocument, { id, days, segment: filter.length ? filter : null });
    // without the journey itself there is no map to show: that failure is the page's error
    if (!data.journey && failures.length > 0) throw requestError({ errors: failures }, 200);
    setUnavailable(missing);
    return data;
  }, [id, days, segmentKey]);

  useEffect(() => {
    let current = true;
    const edits = applying.current;
    loadMap()
      .then((result) => {
        if (!current) return;
        // an edit shown while this was loading may be missing from it: load again rather than undo it on screen
        if (applying.current !== edits) { reload(); return; }
        known(result);
        setMap(result);
        setError(null);
      })
      .catch((e) => { if (current && !(e instanceof UnauthorizedError)) setError(errorMessage(e, t)); });
    return () => { current = false; };
  }, [loadMap, t, reloads, known, applying, reload]);

  /** The refused edit again, on the journey as it is now. */
  async function reapply(op: Op) {
    setConflict(null);
    try {
      const result = await loadMap();
      known(result);
      setMap(result);
      editor.change(op);
    } catch (e) {
      if (!(e instanceof UnauthorizedError)) setError(errorMessage(e, t));
    }
  }

  // every applied change of this journey, by anyone, refreshes the map; others' changes are pointed out
  const username = session?.username;
  useEffect(() => subscribe<JourneyChangedSubscription>(journeyChangedDocument, { id }, (event) => {
    const by = event.journeyChanged.changedBy;
    if (by === username && Date.now() - lastOwnEdit.current <= 5000) { settle(); return; }
    setChangedBy(by ?? '?');
    reload();
  }, setLive), [id, username, reload, settle, lastOwnEdit]);

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes (not while typing in a field)
  const { undo, redo } = editor;
  useEffect(() => {
    if (!editable) return undefined;
    const keys = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!(e.ctrlKey || e.metaKey) || target?.closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); } else if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [editable, undo, redo]);

  /** A drop that moves something: its keyboard handle blurred first. */
  function moves(event: DragEndEvent): boolean {
    const { active, over } = event;
    if (!over || active.id === over.id) return false;
    // a keyboard drop of a card moves its focused handle in the document (a stage's column moves there in the
    // deferred render after): blurred first, React does not restore focus in the drop (which reads every
    // ancestor's scroll position, a forced layout of the whole map); dnd-kit refocuses it next frame
    if (event.activatorEvent instanceof KeyboardEvent && document.activeElement instanceof HTMLElement) document.activeElement.blur();
    return true;
  }

  function stageDropped(event: DragEndEvent, stages: MapStage[]) {
    if (!moves(event)) return;
    const ids = stages.map((s) => s.id);
    editor.change({ kind: 'reorderStages', from: ids, to: arrayMove(ids, ids.indexOf(String(event.active.id)), ids.indexOf(String(event.over!.id))) });
  }

  function touchpointDropped(event: DragEndEvent, stages: MapStage[]) {
    if (!moves(event)) return;
    const { active } = event;
    const from = placeOf(stages, String(active.id));
    const to = dropPlace(stages, event);
    const moving = stages.flatMap((s) => s.touchpoints ?? []).find((tp) => tp.id === active.id);
    if (from && to && moving && (from.stageId !== to.stageId || from.position !== to.position)) {
      editor.change({ kind: 'moveTouchpoint', id: moving.id, name: moving.name, from, to });
    }
  }

  const describe = (op: Op) => {
    switch (op.kind) {
      case 'renameStage': return t('map.history.renameStage', { from: op.from, to: op.to });
      case 'renameTouchpoint': return t('map.history.renameTouchpoint', { from: op.from, to: op.to });
      case 'reorderStages': return t('map.history.reorderStages');
      case 'moveTouchpoint': return t('map.history.moveTouchpoint', { name: op.name });
      case 'touchpointPresence': return t(op.to ? 'map.history.addTouchpoint' : 'map.history.deleteTouchpoint', { name: op.touchpoint.name });
      case 'stagePresence': return t(op.to ? 'map.history.addStage' : 'map.history.deleteStage', { name: op.stage.name });
    }
  };

  // kept from render to render unless they change, so that the cards (memoised) are not drawn again
  const number = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }), [i18n.language]);
  const weakTouchpoints = map?.weakTouchpoints;
  const weakness = useMemo(() => {
    const found = new Map<string, Weakness>();
    // the touchpoint's most severe finding speaks for it; a metric without a target only when nothing else does
    (weakTouchpoints ?? []).forEach((w) => {
      const known = found.get(w.touchpointId);
      if (!known || (known.status === 'NO_TARGET' && w.status !== 'NO_TARGET')
        || (w.status === 'WEAK' && (known.status !== 'WEAK' || w.severity > known.severity))) found.set(w.touchpointId, w);
    });
    return found;
  }, [weakTouchpoints]);
  const journey = map?.journey;
  // what follows a change of the stages once it is on screen, in a deferred render: the move-to menus and
  // stage choices, and the order of the columns in the document (reading and tab order). Until then the columns
  // stand in their new order by CSS order, so that a reorder's frame moves column layers rather than building a
  // moved column again (its layout, paint and raster were most of a drop).
  const laterStages = useDeferredValue(journey?.stages ?? NO_STAGES);
  const columns = useMemo(() => documentOrder(journey?.stages ?? NO_STAGES, laterStages), [journey?.stages, laterStages]);
  // what the cards do, through one object that stays the same: it reads the editor and the stages of the last render
  const latest = useRef({ editor, stages: [] as MapStage[] });
  useLayoutEffect(() => { latest.current = { editor, stages: journey?.stages ?? [] }; });
  /** A rename, unless the name was changed by someone else while it was being typed: that is a conflict to explain. */
  const renamed = useCallback((op: Op & { from: string }, startedFrom: string) => {
    if (op.from === startedFrom) latest.current.editor.change(op);
    else setConflict({ refused: op });
  }, []);
  const cardActions = useMemo<CardActions>(() => ({
    open: (tp) => setSelected(tp.id),
    rename: (tp, name, startedFrom) => renamed({ kind: 'renameTouchpoint', id: tp.id, from: tp.name, to: name }, startedFrom),
    move: (tp, stageId) => {
      const { editor: current, stages } = latest.current;
      current.change({ kind: 'moveTouchpoint', id: tp.id, name: tp.name, from: placeOf(stages, tp.id)!,
        to: { stageId, position: (stages.find((s) => s.id === stageId)?.touchpoints ?? []).length } });
    },
    remove: (tp) => latest.current.editor.change({ kind: 'touchpointPresence', touchpoint: tp, place: placeOf(latest.current.stages, tp.id)!,
      from: true, to: false }),
  }), [renamed]);
  const stageActions = useMemo<StageActions>(() => ({
    rename: (stage, name, startedFrom) => renamed({ kind: 'renameStage', stageId: stage.id, from: stage.name, to: name }, startedFrom),
    remove: (stage, removal) => latest.current.editor.change({ kind: 'stagePresence', stage,
      position: latest.current.stages.findIndex((s) => s.id === stage.id), removal, from: true, to: false }),
    addTouchpoint: (stage, name) => latest.current.editor.create<CreateTouchpointMutation['createTouchpoint']>(createTouchpointDocument,
      () => ({ journeyId: id, stageId: stage.id, input: { name, channel: 'OTHER' } }), undefined,
      (tp) => ({ kind: 'touchpointPresence', touchpoint: { ...tp, measurements: [] },
        place: { stageId: stage.id, position: Number.MAX_SAFE_INTEGER }, from: false, to: true })),
  }), [id, renamed]);
  const all = (journey?.stages ?? []).flatMap((s) => s.touchpoints ?? []);
  const shown = useCallback((tp: MapTouchpoint) => (!filters.channel || tp.channel === filters.channel)
    && (!filters.ownerTeam || tp.ownerTeam === filters.ownerTeam) && (!filters.dimension || tp.dimension === filters.dimension), [filters]);
  const options = (key: 'channel' | 'ownerTeam' | 'dimension') =>
    [...new Set(all.map((tp) => tp[key]).filter((v): v is string => !!v))].sort();
  const filtered = filters.channel || filters.ownerTeam || filters.dimension;
  const lastUndo = editor.history.undo.at(-1);
  const lastRedo = editor.history.redo.at(-1);
  return (
    <main className="journey-map">
      <div className="map-head">
        <div>
          <Link to="/">{t('map.back')}</Link>
          <h1>{journey?.name ?? (map ? t('map.notFound') : t('map.loading'))}</h1>
          {journey && canActOnAnswers(session) && <Link to={`/journeys/${id}/import`}>{t('import.open')}</Link>}
        </div>
        {journey && editable && (
          <div className="history-buttons" role="group" aria-label={t('map.history.title')}>
            <button type="button" disabled={!lastUndo} onClick={editor.undo}
              aria-label={lastUndo ? t('map.history.undo', { what: describe(lastUndo) }) : t('map.history.nothingToUndo')}>↶ {t('map.history.undoShort')}</button>
            <button type="button" disabled={!lastRedo} onClick={editor.redo}
              aria-label={lastRedo ? t('map.history.redo', { what: describe(lastRedo) }) : t('map.history.nothingToRedo')}>↷ {t('map.history.redoShort')}</button>
          </div>
        )}
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
                {options(key).map((v) => <option key={v} value={v}>{key === 'ownerTeam' ? v : t(`map.${key === 'channel' ? 'channels' : 'dimensions'}.${v}`, { defaultValue: v })}</option>)}
              </select>
            </label>
          ))}
          {(map?.segments ?? []).map(({ attribute, values }) => (
            <label key={attribute} className="inline">
              <span>{attribute}</span>
              <select value={segment[attribute] ?? ''} aria-label={t('map.filters.segment', { attribute })}
                onChange={(e) => setSegment((f) => {
                  const next = { ...f };
                  if (e.target.value) next[attribute] = e.target.value; else delete next[attribute];
                  return next;
                })}>
                <option value="">{t('map.filters.everyone')}</option>
                {values.map((v) => <option key={v} value={v}>{v}</option>)}
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
      {unavailable.length > 0 && <p className="partial" role="status">{t('map.partial', { services: unavailable.join(', ') })}</p>}
      {changedBy && (
        <p className="notice" role="status" data-testid="changed-by">
          {t('map.live.changedBy', { name: changedBy })}{' '}
          <button type="button" className="link" onClick={() => setChangedBy(null)}>{t('map.live.dismiss')}</button>
        </p>
      )}
      {conflict && (
        <div className="conflict" role="alert">
          {t('map.edit.conflict')} <button type="button" onClick={() => { setConflict(null); reload(); }}>{t('map.edit.reload')}</button>
          {conflict.refused && (
            <> <button type="button" onClick={() => reapply(conflict.refused!)}
              aria-label={t('map.edit.reapply', { what: describe(conflict.refused) })}>{t('map.edit.reapplyShort')}</button></>
          )}
        </div>
      )}
      {journey && (
        <StagesContext.Provider value={laterStages}>
        <StageDragsContext.Provider value={stageDrags}>
        <DndContext sensors={sensors} collisionDetection={closestColumn} onDragEnd={(event) => stageDropped(event, journey.stages)}>
          <SortableContext items={journey.stages.map((s) => s.id)} strategy={horizontalListSortingStrategy}>
            {journey.stages.map((stage) => <StageDragBinding key={stage.id} id={stage.id} editable={editable} />)}
          </SortableContext>
        </DndContext>
        <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={(event) => touchpointDropped(event, journey.stages)}>
          <div className="stages" role="list" aria-label={t('map.stages')} ref={canvas}>
            {columns.map(({ stage, index }) => (
              <StageColumn key={stage.id} stage={stage} order={index} editable={editable} weakness={weakness} number={number}
                shown={shown} cardActions={cardActions} stageActions={stageActions}
                before={index > 0 ? stageEmotion(journey.stages[index - 1]) : null}
                after={index < journey.stages.length - 1 ? stageEmotion(journey.stages[index + 1]) : null} />
            ))}
            {editable && (
              <div className="stage add-stage" role="listitem" style={{ order: journey.stages.length }}>
                <AddByName label={t('map.edit.addStage')}
                  onAdd={(name) => {
                    const before = journey.stages.map((s) => s.id);
                    editor.create<AddStageMutation['addStage']>(addStageDocument, (expectedVersion) => ({ journeyId: id,
                      expectedVersion, input: { name } }), 'journey', (answer) => {
                      const added = answer.stages.filter((s) => !before.includes(s.id)).at(-1);
                      return added ? { kind: 'stagePresence', stage: { ...added, touchpoints: [] }, position: answer.stages.indexOf(added),
                        removal: {}, from: false, to: true } : null;
                    });
                  }} />
              </div>
            )}
          </div>
        </DndContext>
        </StageDragsContext.Provider>
        </StagesContext.Provider>
      )}
      {selected && (
        <TouchpointDrawer journeyId={id} touchpointId={selected} days={days} weakness={weakness.get(selected)} reloads={reloads}
          onClose={closeDrawer} onChanged={reload} />
      )}
    </main>
  );
}

const NO_STAGES: MapStage[] = [];

interface CardActions {
  open: (tp: MapTouchpoint) => void;
  rename: (tp: MapTouchpoint, name: string, startedFrom: string) => void;
  move: (tp: MapTouchpoint, stageId: string) => void;
  remove: (tp: MapTouchpoint) => void;
}

interface StageActions {
  rename: (stage: MapStage, name: string, startedFrom: string) => void;
  remove: (stage: MapStage, removal: StageTouchpointsChoice) => void;
  addTouchpoint: (stage: MapStage, name: string) => void;
}

/**
 * A stage column: name, emotion lane, cards, notes and edit controls. Memoised: a reorder keeps the stage
 * objects, so only the columns whose neighbours changed (their emotion line) are drawn again.
 */
const StageColumn = memo(function StageColumn({ stage, order, editable, weakness, number, shown, cardActions, stageActions, before, after }: {
  stage: MapStage; order: number; editable: boolean; weakness: Map<string, Weakness>; number: Intl.NumberFormat; shown: (tp: MapTouchpoint) => boolean;
  cardActions: CardActions; stageActions: StageActions; before: StageEmotion | null; after: StageEmotion | null;
}) {
  const { t } = useTranslation();
  return (
    <SortableStage stage={stage} order={order} editable={editable} label={t('map.edit.moveStage', { name: stage.name })}>
      <InlineHeading id={`stage-${stage.id}`} value={stage.name} editable={editable}
        label={t('map.edit.renameStage', { name: stage.name })} onSave={(name, startedFrom) => stageActions.rename(stage, name, startedFrom)} />
      {editable && <DeleteStage stage={stage} onDelete={(removal) => stageActions.remove(stage, removal)} />}
      <EmotionLane before={before} here={stageEmotion(stage)} after={after} />
      <StageMeasurementsLane stage={stage} number={number} />
      {stage.touchpoints === null && <p className="error small">{t('map.touchpointsUnavailable')}</p>}
      <StageDropArea stage={stage}>
        {(stage.touchpoints ?? []).filter(shown).map((tp) => (
          <MapCard key={tp.id} touchpoint={tp} stageId={stage.id} weakness={weakness.get(tp.id)} number={number}
            editable={editable} actions={cardActions} />
        ))}
      </StageDropArea>
      <NotesLanes stage={stage} />
      {editable && <AddByName label={t('map.edit.addTouchpoint', { stage: stage.name })} onAdd={(name) => stageActions.addTouchpoint(stage, name)} />}
    </SortableStage>
  );
});

/**
 * A touchpoint on the map with its drag handle and edit controls. Memoised: a reorder or a move keeps the
 * touchpoint objects, so only the columns are drawn again (the move-to menus follow the stages by context).
 */
const MapCard = memo(function MapCard({ touchpoint, stageId, weakness, number, editable, actions }: {
  touchpoint: MapTouchpoint; stageId: string; weakness: Weakness | undefined; number: Intl.NumberFormat; editable: boolean;
  actions: CardActions;
}) {
  const { t } = useTranslation();
  return (
    <SortableTouchpoint touchpoint={touchpoint} stageId={stageId} editable={editable} label={t('map.edit.dragTouchpoint', { name: touchpoint.name })}>
      <TouchpointCard touchpoint={touchpoint} weakness={weakness} number={number} editable={editable}
        onOpen={() => actions.open(touchpoint)} onRename={(name, startedFrom) => actions.rename(touchpoint, name, startedFrom)}>
        {editable && <TouchpointActions touchpoint={touchpoint} onMove={(to) => actions.move(touchpoint, to)}
          onDelete={() => actions.remove(touchpoint)} />}
      </TouchpointCard>
    </SortableTouchpoint>
  );
});

function TouchpointCard({ touchpoint, weakness, number, editable, onOpen, onRename, children }: {
  touchpoint: MapTouchpoint; weakness: Weakness | undefined; number: Intl.NumberFormat; editable: boolean;
  onOpen: () => void; onRename: (name: string, startedFrom: string) => void; children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const kind = severityClass(weakness);
  const reason = weakness && weakness.status !== 'OK' ? weaknessReason(weakness, t, number) : undefined;
  return (
    <article className={`touchpoint ${kind}`} data-testid="touchpoint-card" aria-label={touchpoint.name}
      title={reason}>
      <InlineHeading level={3} value={touchpoint.name} editable={editable} label={t('map.edit.renameTouchpoint', { name: touchpoint.name })}
        onSave={onRename}>
        <button type="button" className="link card-title" onClick={onOpen} aria-label={t('drawer.open', { name: touchpoint.name })}
          data-opens-drawer={touchpoint.id}>
          {touchpoint.name}
        </button>
      </InlineHeading>
      <p className="muted small">
        <ChannelIcon channel={touchpoint.channel} />
        {t(`map.channels.${touchpoint.channel}`, { defaultValue: touchpoint.channel })}
        {touchpoint.ownerTeam && ` · ${touchpoint.ownerTeam}`}
        {touchpoint.dimension && ` · ${t(`map.dimensions.${touchpoint.dimension}`, { defaultValue: touchpoint.dimension })}`}
      </p>
      <div className="badges">
        {touchpoint.measurements === null && <span className="error small">{t('map.metricsUnavailable')}</span>}
        {(touchpoint.measurements ?? []).map((m) => (
          <MeasurementBadge key={m.metric} measurement={m} number={number} count={`n=${number.format(m.n)}`} />
        ))}
        {touchpoint.measurements?.length === 0 && <span className="muted small">{t('map.noAnswers')}</span>}
      </div>
      {weakness?.status === 'WEAK' && <p className="weak-reason small"><strong>{t('map.weak')}</strong> {reason}</p>}
      {weakness?.status === 'INSUFFICIENT_DATA' && (touchpoint.measurements ?? []).length > 0 && (
        <p className="muted small">{t('map.insufficient')}</p>
      )}
      {children}
    </article>
  );
}
