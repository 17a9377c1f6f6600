import type { JourneyMapResult, MapStage, MapTouchpoint } from '../graphql/types';
import type { StageTouchpointsChoice } from './MapEditing';

/** Where a touchpoint sits: its stage and 0-based place in it. */
export interface Place { stageId: string; position: number }

/** An edit that can be undone: it knows the state before and after, so its inverse is the same edit reversed. */
export type Op =
  | { kind: 'renameStage'; stageId: string; from: string; to: string }
  | { kind: 'reorderStages'; from: string[]; to: string[] }
  | { kind: 'moveTouchpoint'; id: string; name: string; from: Place; to: Place }
  | { kind: 'renameTouchpoint'; id: string; from: string; to: string }
  /** On the map (added, or restored with its id) or off it (deleted). */
  | { kind: 'touchpointPresence'; touchpoint: MapTouchpoint; place: Place; from: boolean; to: boolean }
  /**
   * On the map or off it: a removed stage's touchpoints went as {@code removal} says (moved to another stage or
   * deleted), and come back into it with it.
   */
  | { kind: 'stagePresence'; stage: MapStage; position: number; removal: StageTouchpointsChoice; from: boolean; to: boolean };

export function invert(op: Op): Op {
  return { ...op, from: op.to, to: op.from } as Op;
}

/** The map as it looks once {@code op} is applied (shown at once; the server's answer follows). */
export function applied(map: JourneyMapResult, op: Op): JourneyMapResult {
  const journey = map.journey;
  if (!journey) return map;
  let stages: MapStage[] = journey.stages;
  switch (op.kind) {
    case 'renameStage':
      stages = stages.map((s) => s.id === op.stageId ? { ...s, name: op.to } : s);
      break;
    case 'reorderStages':
      stages = op.to.map((sid) => stages.find((s) => s.id === sid)).filter((s): s is MapStage => !!s);
      break;
    case 'renameTouchpoint':
      stages = stages.map((s) => ({ ...s, touchpoints: s.touchpoints && s.touchpoints.map((tp) => tp.id === op.id ? { ...tp, name: op.to } : tp) }));
      break;
    case 'touchpointPresence':
      stages = without(stages, [op.touchpoint.id]);
      if (op.to) stages = stages.map((s) => s.id === op.place.stageId ? { ...s, touchpoints: inserted(s.touchpoints, op.place.position, [op.touchpoint]) } : s);
      break;
    case 'stagePresence': {
      const own = op.stage.touchpoints ?? [];
      stages = without(stages.filter((s) => s.id !== op.stage.id), own.map((tp) => tp.id));
      if (op.to) {
        stages = [...stages];
        stages.splice(Math.min(op.position, stages.length), 0, op.stage);
      } else if (op.removal.touchpoints === 'MOVE') {
        stages = stages.map((s) => s.id === op.removal.targetStageId ? { ...s, touchpoints: inserted(s.touchpoints, Infinity, own) } : s);
      }
      break;
    }
    case 'moveTouchpoint': {
      const moving = stages.flatMap((s) => s.touchpoints ?? []).find((tp) => tp.id === op.id);
      if (!moving) return map;
      stages = without(stages, [op.id]).map((s) => s.id === op.to.stageId ? { ...s, touchpoints: inserted(s.touchpoints, op.to.position, [moving]) } : s);
      break;
    }
  }
  return { ...map, journey: { ...journey, stages } };
}

/** The stages without these touchpoints. */
function without(stages: MapStage[], ids: string[]): MapStage[] {
  return stages.map((s) => s.touchpoints && s.touchpoints.some((tp) => ids.includes(tp.id))
    ? { ...s, touchpoints: s.touchpoints.filter((tp) => !ids.includes(tp.id)) } : s);
}

/** A stage's touchpoints with {@code added} at {@code position} (null: the stage's touchpoints are not known). */
function inserted(list: MapTouchpoint[] | null, position: number, added: MapTouchpoint[]): MapTouchpoint[] | null {
  if (!list) return list;
  const next = [...list];
  next.splice(Math.min(position, next.length), 0, ...added);
  return next;
}

/** Where a touchpoint is on the map now. */
export function placeOf(stages: MapStage[], touchpointId: string): Place | null {
  for (const stage of stages) {
    const position = (stage.touchpoints ?? []).findIndex((tp) => tp.id === touchpointId);
    if (position >= 0) return { stageId: stage.id, position };
  }
  return null;
}
