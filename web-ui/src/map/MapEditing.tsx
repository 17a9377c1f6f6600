import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore, type KeyboardEvent,
  type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { MapStage, MapTouchpoint } from '../graphql/types';

// dnd-kit draws its sortables again on every step of any drag: what they show is worked out by their
// (memoised) parents and handed in, so that those renders stay small

/** What dnd-kit says of a stage's drag: its column takes it (node, handle, offset while dragged). */
type StageDrag = Pick<ReturnType<typeof useSortable>, 'attributes' | 'listeners' | 'setNodeRef' | 'transform' | 'transition' | 'isDragging'>;

/**
 * Stages and cards are dragged in two drag contexts: dnd-kit draws every sortable of a context again when a
 * drag starts and ends, and a stage drag had drawn the map's cards with it (most of a drop's script). A
 * column holds its cards, so its sortable cannot sit in the stages' context in the tree: a {@link StageDragBinding}
 * there publishes the stage's drag here and the column ({@link SortableStage}, in the cards' context) reads it.
 */
export class StageDrags {
  private readonly drags = new Map<string, StageDrag>();
  private readonly listeners = new Map<string, Set<() => void>>();

  get(id: string): StageDrag | undefined { return this.drags.get(id); }

  publish(id: string, drag: StageDrag | undefined) {
    if (drag) this.drags.set(id, drag); else this.drags.delete(id);
    this.listeners.get(id)?.forEach((listener) => listener());
  }

  subscribe(id: string, listener: () => void): () => void {
    const listeners = this.listeners.get(id) ?? new Set();
    this.listeners.set(id, listeners.add(listener));
    return () => { listeners.delete(listener); };
  }
}

export const StageDragsContext = createContext(new StageDrags());

/** A stage's sortable in the stages' drag context; its column draws what it publishes. */
export function StageDragBinding({ id, editable }: { id: string; editable: boolean }) {
  const drags = useContext(StageDragsContext);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: !editable,
    animateLayoutChanges: noLayoutAnimation });
  useLayoutEffect(() => drags.publish(id, { attributes, listeners, setNodeRef, transform, transition, isDragging }),
    [drags, id, attributes, listeners, setNodeRef, transform, transition, isDragging]);
  useLayoutEffect(() => () => drags.publish(id, undefined), [drags, id]);
  return null;
}

/**
 * A stage column that can be dragged (pointer or keyboard: focus the handle, Space, arrows, Space). A dropped
 * column is where it was dragged to, so its layout change is not animated (which would measure the map in
 * the middle of the drop).
 */
export function SortableStage({ stage, order, editable, label, children }: {
  stage: MapStage; order: number; editable: boolean; label: string; children: ReactNode;
}) {
  const drags = useContext(StageDragsContext);
  const subscribe = useCallback((listener: () => void) => drags.subscribe(stage.id, listener), [drags, stage.id]);
  const drag = useSyncExternalStore(subscribe, () => drags.get(stage.id));
  return (
    <section ref={drag?.setNodeRef} className={drag?.isDragging ? 'stage dragging' : 'stage'} role="listitem"
      aria-labelledby={`stage-${stage.id}`} data-testid="stage"
      style={{ order, transform: CSS.Translate.toString(drag?.transform ?? null), transition: drag?.transition }}>
      {editable && (
        <button type="button" className="drag-handle" aria-label={label} {...drag?.attributes} {...drag?.listeners}>⠿</button>
      )}
      {children}
    </section>
  );
}

const noLayoutAnimation = () => false;

/**
 * A heading that turns into an input with its rename button (or a click on the name, unless the heading
 * shows {@code children} instead, e.g. a button of its own); Enter saves, Escape cancels. The button sits
 * beside the heading so the heading keeps the name. {@code onSave} gets the draft and the name the editing
 * started from: a live update may have renamed it meanwhile, which the draft would otherwise overwrite unseen.
 */
export function InlineHeading({ id, value, label, editable, onSave, level = 2, children }: {
  id?: string; value: string; label: string; editable: boolean; onSave: (value: string, startedFrom: string) => void; level?: 2 | 3;
  children?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [startedFrom, setStartedFrom] = useState(value);
  const start = () => { setDraft(value); setStartedFrom(value); setEditing(true); };
  if (!editing) {
    const Heading = level === 2 ? 'h2' : 'h3';
    return (
      <div className="stage-head">
        <Heading id={id} onClick={editable && !children ? start : undefined}>{children ?? value}</Heading>
        {editable && <button type="button" className="icon" aria-label={label} onClick={start}>✎</button>}
      </div>
    );
  }
  function key(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      setEditing(false);
      if (draft.trim() && draft.trim() !== startedFrom) onSave(draft.trim(), startedFrom);
    } else if (e.key === 'Escape') {
      setEditing(false);
    }
  }
  return <input aria-label={label} value={draft} autoFocus maxLength={200} onChange={(e) => setDraft(e.target.value)}
    onKeyDown={key} onBlur={() => setEditing(false)} />;
}

/** A touchpoint card that can be dragged within its stage or onto another (pointer, or keyboard on its handle). */
export function SortableTouchpoint({ touchpoint, stageId, editable, label, children }: {
  touchpoint: MapTouchpoint; stageId: string; editable: boolean; label: string; children: ReactNode;
}) {
  const data = useMemo(() => ({ type: 'touchpoint', stageId }), [stageId]);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: touchpoint.id, disabled: !editable, data });
  return (
    <div ref={setNodeRef} className={isDragging ? 'sortable-touchpoint dragging' : 'sortable-touchpoint'}
      style={{ transform: CSS.Translate.toString(transform), transition }}>
      {editable && (
        <button type="button" className="drag-handle touchpoint-handle" aria-label={label}
          {...attributes} {...listeners}>⠿</button>
      )}
      {children}
    </div>
  );
}

/** A stage's touchpoints, sortable; the area also takes drops at its end (and into an empty stage). */
export function StageDropArea({ stage, children }: { stage: MapStage; children: ReactNode }) {
  const data = useMemo(() => ({ type: 'stage-drop', stageId: stage.id }), [stage.id]);
  const { setNodeRef, isOver } = useDroppable({ id: `drop-${stage.id}`, data });
  const items = useMemo(() => (stage.touchpoints ?? []).map((tp) => tp.id), [stage.touchpoints]);
  return (
    <SortableContext items={items} strategy={verticalListSortingStrategy}>
      <div ref={setNodeRef} className={isOver ? 'stage-touchpoints over' : 'stage-touchpoints'}>{children}</div>
    </SortableContext>
  );
}

/** A small form: a name, then Enter or the button adds the thing. */
export function AddByName({ label, onAdd }: { label: string; onAdd: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form className="add-by-name" onSubmit={(e) => { e.preventDefault(); if (name.trim()) { onAdd(name.trim()); setName(''); } }}>
      <input aria-label={label} placeholder={label} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" aria-label={label}>+</button>
    </form>
  );
}

/** The map's stages in their order, for the move-to menus (a context, so that a reorder redraws the menus only). */
export const StagesContext = createContext<MapStage[]>([]);

/** Move a touchpoint to another stage (keyboard-friendly), or delete it after a confirmation. */
export function TouchpointActions({ touchpoint, onMove, onDelete }: {
  touchpoint: MapTouchpoint; onMove: (stageId: string) => void; onDelete: () => void;
}) {
  const { t } = useTranslation();
  const stages = useContext(StagesContext);
  return (
    <div className="touchpoint-actions">
      <select aria-label={t('map.edit.moveTouchpoint', { name: touchpoint.name })} value=""
        onChange={(e) => e.target.value && onMove(e.target.value)}>
        <option value="">{t('map.edit.moveTo')}</option>
        {stages.filter((s) => !(s.touchpoints ?? []).some((tp) => tp.id === touchpoint.id))
          .map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <button type="button" className="link small" aria-label={t('map.edit.deleteTouchpoint', { name: touchpoint.name })}
        onClick={() => { if (window.confirm(t('map.edit.confirmDelete', { name: touchpoint.name }))) onDelete(); }}>
        {t('map.edit.delete')}
      </button>
    </div>
  );
}

/** What happens to the touchpoints of a stage that is deleted: moved to another stage, or deleted with it. */
export type StageTouchpointsChoice = { touchpoints?: 'MOVE' | 'DELETE'; targetStageId?: string };

/**
 * Deletes a stage after a confirmation. A stage with touchpoints first asks whether they move to another
 * stage (the default, when there is one) or are deleted with it.
 */
export function DeleteStage({ stage, onDelete }: { stage: MapStage; onDelete: (choice: StageTouchpointsChoice) => void }) {
  const { t } = useTranslation();
  const stages = useContext(StagesContext);
  const [open, setOpen] = useState(false);
  const others = stages.filter((s) => s.id !== stage.id);
  const [choice, setChoice] = useState<'MOVE' | 'DELETE'>('MOVE');
  const [target, setTarget] = useState('');
  const count = (stage.touchpoints ?? []).length;
  const label = t('map.edit.deleteStage', { name: stage.name });
  if (!open) {
    return <button type="button" className="link small" aria-label={label} onClick={() => setOpen(true)}>{t('map.edit.delete')}</button>;
  }
  const moving = choice === 'MOVE' && others.length > 0;
  return (
    <form className="delete-stage" role="group" aria-label={label} onSubmit={(e) => {
      e.preventDefault();
      setOpen(false);
      onDelete(count === 0 ? {} : moving ? { touchpoints: 'MOVE', targetStageId: target || others[0].id } : { touchpoints: 'DELETE' });
    }}>
      <p className="small">{count === 0 ? t('map.edit.confirmDeleteStage', { name: stage.name })
        : t('map.edit.stageHasTouchpoints', { name: stage.name, count })}</p>
      {count > 0 && (
        <fieldset>
          <legend className="small">{t('map.edit.stageTouchpoints')}</legend>
          {others.length > 0 && (
            <label className="small">
              <input type="radio" name={`touchpoints-${stage.id}`} checked={moving} onChange={() => setChoice('MOVE')} />
              {' '}{t('map.edit.moveTouchpointsTo', { count })}{' '}
              <select aria-label={t('map.edit.moveTouchpointsTarget', { name: stage.name })} value={target || others[0].id}
                onChange={(e) => { setTarget(e.target.value); setChoice('MOVE'); }}>
                {others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
          )}
          <label className="small">
            <input type="radio" name={`touchpoints-${stage.id}`} checked={!moving} onChange={() => setChoice('DELETE')} />
            {' '}{t('map.edit.deleteTouchpointsToo', { count })}
          </label>
        </fieldset>
      )}
      <button type="submit">{t('map.edit.confirmDeleteStageButton')}</button>{' '}
      <button type="button" className="link" onClick={() => setOpen(false)}>{t('map.edit.cancel')}</button>
    </form>
  );
}
