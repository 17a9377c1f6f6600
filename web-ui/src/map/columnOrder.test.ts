import { describe, expect, it } from 'vitest';
import type { MapStage } from '../graphql/types';
import { documentOrder } from './columnOrder';

const stage = (id: string, name = id) => ({ id, name, touchpoints: [] }) as unknown as MapStage;

describe('documentOrder', () => {
  it('keeps the earlier document order and gives each column its new place on screen', () => {
    const [a, b, c] = [stage('a'), stage('b'), stage('c')];
    expect(documentOrder([b, a, c], [a, b, c]).map(({ stage: s, index }) => [s.id, index])).toEqual([['a', 1], ['b', 0], ['c', 2]]);
  });

  it('leaves out removed stages, puts added ones last and shows every stage as it is now', () => {
    const renamed = stage('b', 'B renamed');
    const columns = documentOrder([stage('d'), renamed, stage('a')], [stage('a'), stage('b'), stage('c')]);
    expect(columns.map(({ stage: s, index }) => [s.id, index])).toEqual([['a', 2], ['b', 1], ['d', 0]]);
    expect(columns[1].stage).toBe(renamed);
  });
});
