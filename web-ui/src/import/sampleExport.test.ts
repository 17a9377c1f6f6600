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
    // a touchpoint that weighs on satisfaction (every third from the third) rates higher among the satisfied
    const satisfiedRows = (yes: boolean) => sample.rows.filter((r) => (String(r.at(-1)).trim().toLowerCase() === 'satisfied') === yes);
    const meanOf = (rows: (string | number)[][], i: number) => mean(rows.map((r) => Number(r[5 + i])));
    expect(meanOf(satisfiedRows(true), 2)).toBeGreaterThan(meanOf(satisfiedRows(false), 2) + 0.5);
    // categories spelled otherwise now and then
    expect(sample.rows.some((r) => r[4] === 'BUSINESS' || r[4] === ' business' || r[4] === 'Business ')).toBe(true);
    // neither everyone nor no one is satisfied
    const satisfied = sample.rows.filter((r) => String(r.at(-1)).trim().toLowerCase() === 'satisfied').length / 600;
    expect(satisfied).toBeGreaterThan(0.2);
    expect(satisfied).toBeLessThan(0.8);
  });
});
