import type { TFunction } from 'i18next';
import type { CaseSummary, Metric } from '../graphql/types';

/** What a weakness reason is made of: the server's figures (its own `reason` text is English only). */
export interface WeaknessFigures {
  metric: Metric;
  status: 'WEAK' | 'OK' | 'INSUFFICIENT_DATA' | 'NO_TARGET';
  target: number | null;
  gap: number | null;
  importance: number | null;
  score: { value: number | null; margin?: number | null; n: number };
}

/** A score in its metric's unit: CSAT is a share of satisfied answers (%), NPS and CES are plain figures. */
export function formatScore(metric: Metric, value: number, number: Intl.NumberFormat): string {
  const formatted = number.format(value);
  return metric === 'CSAT' ? `${formatted}%` : formatted;
}

/** Why a touchpoint is (not) weak, in the user's language and number format, from the figures. */
export function weaknessReason(w: WeaknessFigures, t: TFunction, number: Intl.NumberFormat): string {
  if (w.status === 'NO_TARGET') return t('reasons.noTarget', { metric: w.metric });
  if (w.status === 'INSUFFICIENT_DATA' || w.score.value === null || w.target === null || w.gap === null) {
    return t('reasons.insufficient', { count: w.score.n, n: number.format(w.score.n) });
  }
  const reason = t(w.gap < 0 ? 'reasons.below' : 'reasons.atOrAbove', {
    metric: w.metric,
    score: formatScore(w.metric, w.score.value, number),
    n: number.format(w.score.n),
    margin: w.score.margin == null ? '?' : number.format(w.score.margin),
    target: formatScore(w.metric, w.target, number),
    gap: number.format(Math.abs(w.gap)),
  });
  return w.importance === null ? reason : `${reason}${t('reasons.importance', { importance: w.importance })}`;
}

/**
 * A case's title and reason in the user's language, from the figures that opened it; the server's English
 * wording for a case opened before they were kept.
 */
export function caseWording(c: Pick<CaseSummary, 'metric' | 'finding' | 'title' | 'reason'>, touchpoint: string, t: TFunction,
  number: Intl.NumberFormat, dates: Intl.DateTimeFormat): { title: string; reason: string } {
  const f = c.finding;
  if (!f || f.score === null) return { title: c.title, reason: c.reason };
  const score = (value: number) => formatScore(c.metric, value, number);
  const n = (value: number | null) => (value === null ? '?' : number.format(value));
  const title = t(`cases.titles.${f.kind}`, { name: touchpoint, metric: c.metric, threshold: f.threshold === null ? '' : score(f.threshold) });
  switch (f.kind) {
    case 'BELOW_TARGET':
      return { title, reason: t('cases.reasons.BELOW_TARGET', { metric: c.metric, score: score(f.score), n: n(f.n),
        margin: f.margin === null ? '?' : number.format(f.margin), threshold: f.threshold === null ? '?' : score(f.threshold), count: f.days ?? 0 }) };
    case 'DROP':
      return { title, reason: t('cases.reasons.DROP', { metric: c.metric, from: f.previousScore === null ? '?' : score(f.previousScore),
        fromN: n(f.previousN), to: score(f.score), toN: n(f.n), count: f.days ?? 0 }) };
    default:
      return { title, reason: t('cases.reasons.DETRACTOR_COMMENT', { metric: c.metric, score: number.format(f.score),
        comment: f.comment ?? '', at: f.answeredAt ? dates.format(new Date(f.answeredAt)) : '?' }) };
  }
}
