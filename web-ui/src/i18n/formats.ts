import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Figures in the user's locale: `number` for scores, margins and counts, `signed` for NPS-like values (+12, −3). */
export function useNumberFormats(): { number: Intl.NumberFormat; signed: Intl.NumberFormat } {
  const { i18n } = useTranslation();
  return useMemo(() => ({
    number: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }),
    signed: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  }), [i18n.language]);
}

/** Dates in the user's locale: `date` for days (a campaign's close), `dateTime` for moments (a revision, a case). */
export function useDateFormats(): { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat } {
  const { i18n } = useTranslation();
  return useMemo(() => ({
    date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }),
    dateTime: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
  }), [i18n.language]);
}
