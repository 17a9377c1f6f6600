import type { MapStage, Measurement } from '../graphql/types';

/**
 * What customers said, on the designed-emotion scale (-2..+2): NPS -100..100 and CSAT 0..100% map
 * linearly, CES (mean 1..7, higher = easier) around its midpoint 4.
 */
export function emotionOf(m: Measurement): number | null {
  const v = m.score.value;
  if (v === null) return null;
  switch (m.metric) {
    case 'NPS': return v / 50;
    case 'CSAT': return (v - 50) / 25;
    default: return (v - 4) / 1.5;
  }
}

/** A stage's measured emotion: the answer-weighted mean over its touchpoints' metrics, or null without answers. */
export function measuredEmotion(stage: MapStage): number | null {
  let weight = 0;
  let sum = 0;
  for (const tp of stage.touchpoints ?? []) {
    for (const m of tp.measurements ?? []) {
      const e = emotionOf(m);
      if (e !== null && m.n > 0) {
        weight += m.n;
        sum += e * m.n;
      }
    }
  }
  return weight === 0 ? null : Math.max(-2, Math.min(2, sum / weight));
}

/** A stage on the emotion curve: its designed emotion and the measured one. */
export interface StageEmotion { designed: number; measured: number | null }

// one object per stage object: a reorder keeps the stage objects, so unchanged neighbours compare equal
const emotions = new WeakMap<MapStage, StageEmotion>();

export function stageEmotion(stage: MapStage): StageEmotion {
  let known = emotions.get(stage);
  if (!known) {
    known = { designed: stage.designedEmotion, measured: measuredEmotion(stage) };
    emotions.set(stage, known);
  }
  return known;
}
