import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';
import type { Names } from './types';

/** Dates, numbers and names in the chosen language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language as keyof Names;
  return useMemo(() => {
    const locale = localeOf(language);
    const day = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat(locale);
    return {
      language,
      /** A `YYYY-MM-DD` date. */
      date: (value: string) => day.format(new Date(`${value}T00:00:00Z`)),
      /** An instant. */
      dateTime: (value: string) => moment.format(new Date(value)),
      /** ISO weekday 1 (Monday) … 7. */
      weekday: (iso: number) => weekday.format(new Date(Date.UTC(2024, 0, iso))),
      /** A rate 0..1, or a dash when there is none yet. */
      percent: (rate: number | null | undefined) =>
        rate === null || rate === undefined ? '—' : percent.format(rate),
      number: (value: number) => number.format(value),
      name: (names: Names | undefined) => (names ? names[language] : ''),
    };
  }, [language]);
}

/** Today's date `YYYY-MM-DD` where the browser is (the centre's own devices). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
