/**
 * A made-up survey export for a journey's touchpoints, in the shape real exports have (one row per respondent, one
 * column per touchpoint, CSAT 1-5 with 0 for "not applicable", segment columns, an overall satisfaction): something
 * to try the import, the measured map, key drivers and alerts with before real answers exist. The same journey
 * always gets the same file (a seeded generator). Its patterns are there to be found: every fifth touchpoint from the
 * fourth disappoints, every third from the third weighs on whether a respondent is satisfied, and categories are now and
 * then spelled otherwise (case, spaces), as in hand-kept exports.
 */
export interface SampleExport {
  header: string[];
  rows: (string | number)[][];
}

/** Mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normally distributed number (Box-Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const pick = <T,>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];

export function sampleExport(touchpointNames: string[], respondents = 600, seed = 20261207, today = new Date()): SampleExport {
  const random = generator(seed);
  // per touchpoint: how good it is (mean CSAT) and how much it rides on the respondent's overall mood (its pull on satisfaction)
  const quality = touchpointNames.map((_, i) => (i % 5 === 3 ? 2.3 : 3.3 + random() * 1.1));
  const pull = touchpointNames.map((_, i) => (i % 3 === 2 ? 0.9 : 0.2));
  const header = ['ID', 'Date', 'Customer Type', 'Type of Travel', 'Class', ...touchpointNames, 'Satisfaction'];
  const rows: (string | number)[][] = [];
  for (let r = 0; r < respondents; r++) {
    const mood = normal(random);
    const day = new Date(today.getTime() - Math.floor(random() * 60) * 86_400_000).toISOString().slice(0, 10);
    const scores = touchpointNames.map((_, i) => (random() < 0.05 ? 0
      : Math.max(1, Math.min(5, Math.round(quality[i] + pull[i] * mood + 0.7 * normal(random))))));
    const rated = scores.map((score, i) => ({ score, pull: pull[i] })).filter((s) => s.score > 0);
    const felt = rated.reduce((sum, s) => sum + s.pull * (s.score - 3), 0) / Math.max(1, rated.reduce((sum, s) => sum + s.pull, 0));
    const satisfied = felt + 0.4 * normal(random) > 0.35;
    // categories spelled now and then as hand-kept exports spell them (the import takes them as one)
    const spelled = (value: string) => (random() < 0.1 ? pick(random, [value.toUpperCase(), ` ${value.toLowerCase()}`, `${value} `]) : value);
    rows.push([`S${String(r + 1).padStart(5, '0')}`, day, spelled(pick(random, ['Loyal Customer', 'disloyal Customer'])),
      spelled(pick(random, ['Business travel', 'Personal Travel'])), spelled(pick(random, ['Business', 'Eco', 'Eco Plus'])), ...scores,
      spelled(satisfied ? 'satisfied' : 'neutral or dissatisfied')]);
  }
  return { header, rows };
}
