import type { JourneyMapResult, MapStage } from '../graphql/types';

/** Where a touchpoint sits: its stage and 0-based place in it. */
export interface Place { stageId: string; position: number }

/** An edit that can be undone: it knows the state before and after, so its inverse is the same edit reversed. */
export type Op =
  | { kind: 'renameStage'; stageId: string; from: string; to: string }
  | { kind: 'reorderStages'; from: string[]; to: string[] }
  | { kind: 'moveTouchpoint'; id: string; name: string; from: Place; to: Place }
  | { kind: 'renameTouchpoint'; id: string; from: string; to: string };

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
    case 'moveTouchpoint': {
      const moving = stages.flatMap((s) => s.touchpoints ?? []).find((tp) => tp.id === op.id);
      if (!moving) return map;
      stages = stages.map((s) => ({ ...s, touchpoints: s.touchpoints && s.touchpoints.filter((tp) => tp.id !== op.id) }));
      stages = stages.map((s) => {
        if (s.id !== op.to.stageId || !s.touchpoints) return s;
        const list = [...s.touchpoints];
        list.splice(Math.min(op.to.position, list.length), 0, moving);
        return { ...s, touchpoints: list };
      });
      break;
    }
  }
  return { ...map, journey: { ...journey, stages } };
}

/** Where a touchpoint is on the map now. */
export function placeOf(stages: MapStage[], touchpointId: string): Place | null {
  for (const stage of stages) {
    const position = (stage.touchpoints ?? []).findIndex((tp) => tp.id === touchpointId);
    if (position >= 0) return { stageId: stage.id, position };
  }
  return null;
}
