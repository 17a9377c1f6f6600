import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { caseWording, weaknessReason, type WeaknessFigures } from './reasons';

const weak: WeaknessFigures = { metric: 'CSAT', status: 'WEAK', target: 80, gap: -1250.25, importance: 7,
  score: { value: 62.4, margin: 3.71, n: 1650 } };

describe('weakness reasons', () => {
  it('says why a touchpoint is weak from its figures, in each language with its number format', () => {
    expect(weaknessReason(weak, i18n.getFixedT('en'), new Intl.NumberFormat('en', { maximumFractionDigits: 1 })))
      .toBe('CSAT 62.4% (n=1,650, ±3.7) is below the target 80% by 1,250.3; importance 7');
    expect(weaknessReason(weak, i18n.getFixedT('zh-CN'), new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })))
      .toBe('CSAT 62.4%（n=1,650，±3.7）低于目标 80%，差 1,250.3；重要性 7');
    expect(weaknessReason({ ...weak, metric: 'NPS', gap: 4, importance: null, score: { value: 24, margin: null, n: 40 } },
      i18n.getFixedT('zh-TW'), new Intl.NumberFormat('zh-TW'))).toBe('NPS 24（n=40，±?）達到或高於目標 80，高出 4');
  });

  it('calls too few answers insufficient, never weak, and names a missing target', () => {
    const en = i18n.getFixedT('en');
    const number = new Intl.NumberFormat('en');
    expect(weaknessReason({ ...weak, status: 'INSUFFICIENT_DATA', gap: null, score: { value: 40, n: 1 } }, en, number))
      .toBe('Insufficient data: 1 answer, too few to judge');
    expect(weaknessReason({ ...weak, status: 'INSUFFICIENT_DATA', gap: null, score: { value: 40, n: 12 } }, en, number))
      .toBe('Insufficient data: 12 answers, too few to judge');
    expect(weaknessReason({ ...weak, status: 'NO_TARGET', target: null, gap: null }, i18n.getFixedT('zh-CN'), number))
      .toBe('此触点未设置 CSAT 目标');
  });
});

describe('case wording', () => {
  const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const base = { metric: 'CSAT' as const, title: 'Wifi: CSAT dropped', reason: 'CSAT fell …' };
  const none = { margin: null, threshold: null, previousScore: null, previousN: null, comment: null, answeredAt: null };

  it('words a drop and a detractor from their figures, and keeps the server’s words for an older case', () => {
    expect(caseWording({ ...base, finding: { ...none, kind: 'DROP', score: 60, n: 100, previousScore: 75, previousN: 1200, days: 30 } },
      'Wifi', i18n.getFixedT('zh-CN'), number, dates))
      .toEqual({ title: 'Wifi：CSAT 下降', reason: '与之前 30 天相比，CSAT 从 75%（n=1,200）降至 60%（n=100），超出误差范围' });
    expect(caseWording({ ...base, finding: { ...none, kind: 'DETRACTOR_COMMENT', score: 1, n: null, days: null, comment: 'No signal',
      answeredAt: '2026-11-30T08:00:00Z' } }, 'Wifi', i18n.getFixedT('en'), number, dates))
      .toEqual({ title: 'Wifi: detractor to follow up', reason: 'CSAT 1 with the comment “No signal” (Nov 30, 2026)' });
    expect(caseWording({ ...base, finding: null }, 'Wifi', i18n.getFixedT('zh-TW'), number, dates))
      .toEqual({ title: 'Wifi: CSAT dropped', reason: 'CSAT fell …' });
  });
});
