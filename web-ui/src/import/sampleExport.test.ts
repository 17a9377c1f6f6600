import { describe, expect, it } from 'vitest';
import { sampleExport } from './sampleExport';

const TODAY = new Date('2026-12-07T12:00:00Z');
const names = Array.from({ length: 14 }, (_, i) => `Touchpoint ${i + 1}`);

describe('sample export', () => {
  it('is the same file for the same journey, shaped as real exports are, with patterns to find', () => {
    const sample = sampleExport(names, 600, 7, TODAY);
    expect(sampleExport(names, 600, 7, TODAY)).toEqual(sample);
    expect(sample.header).toEqual(['ID', 'Date', 'Customer Type', 'Type of Travel', 'Class', ...names, 'Satisfaction']);
    expect(sample.rows).toHaveLength(600);
    expect(new Set(sample.rows.map((r) => r[0])).size).toBe(600);
    const scores = (i: number) => sample.rows.map((r) => Number(r[5 + i]));
    const all = names.flatMap((_, i) => scores(i));
    expect(all.every((s) => Number.isInteger(s) && s >= 0 && s <= 5)).toBe(true);
    // some "not applicable" answers, as exports have them
    expect(all.filter((s) => s === 0).length / all.length).toBeGreaterThan(0.02);
    // within the last 60 days
    expect(sample.rows.every((r) => String(r[1]) <= '2026-12-07' && String(r[1]) >= '2026-10-08')).toBe(true);
    // a disappointing touchpoint (every fifth from the fourth) scores well below the others
    const mean = (values: number[]) => values.filter((v) => v > 0).reduce((a, b) => a + b, 0) / values.filter((v) => v > 0).length;
    expect(mean(scores(3))).toBeLessThan(mean(scores(0)) - 0.6);
    // neither everyone nor no one is satisfied
    const satisfied = sample.rows.filter((r) => r.at(-1) === 'satisfied').length / 600;
    expect(satisfied).toBeGreaterThan(0.2);
    expect(satisfied).toBeLessThan(0.8);
  });
});
