import type { MapStage } from '../graphql/types';

/**
 * The stages as the document holds them: in their earlier order ({@code later}, a deferred value), each with
 * its place on screen; stages added since come last. All as they are now.
 */
export function documentOrder(stages: MapStage[], later: MapStage[]): { stage: MapStage; index: number }[] {
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const kept = later.filter((s) => index.has(s.id)).map((s) => s.id);
  const held = new Set(kept);
  return [...kept, ...stages.filter((s) => !held.has(s.id)).map((s) => s.id)]
    .map((id) => ({ stage: stages[index.get(id)!], index: index.get(id)! }));
}
