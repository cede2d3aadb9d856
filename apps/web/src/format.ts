import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';
import type { Schemas } from './api';

type Names = Schemas['CraftNamesView'];

/** The centre's clock: instants are read in it, wherever the reader's device is. */
export const CENTRE_TIME_ZONE = 'Asia/Almaty';

const centreClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: CENTRE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the centre's day `YYYY-MM-DD` and time `HH:mm`. */
export function centreDateTime(at: string | Date): { day: string; time: string } {
  const parts = Object.fromEntries(
    centreClock.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * Whether the browser really has the calendar names of a locale. Some builds (Debian's Chromium
 * among them) accept `kk-KZ` but print "2027 M02 1"; then the app's own month and weekday names
 * from the translations are used.
 */
function hasCalendarNames(locale: string): boolean {
  const sample = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2027, 1, 1)),
  );
  return !/\d/.test(sample);
}

/** Dates, numbers and names in the chosen language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as keyof Names;
  return useMemo(() => {
    const locale = localeOf(language);
    const intlNames = hasCalendarNames(locale);
    const months = t('format.months', { returnObjects: true }) as string[];
    const weekdays = t('format.weekdays', { returnObjects: true }) as string[];
    const dayFormat = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const shortDayFormat = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // Kazakh writes numbers as Russian does (1 200,5); browsers without Kazakh data do not.
    const numberLocale = language === 'kk' && !intlNames ? 'ru-RU' : locale;
    const number = new Intl.NumberFormat(numberLocale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

    /** A `YYYY-MM-DD` date. */
    const date = (value: string): string => {
      if (intlNames) return dayFormat.format(new Date(`${value}T00:00:00Z`));
      const [year, month, day] = value.split('-').map(Number) as [number, number, number];
      return t('format.date', { day, month: months[month - 1], year });
    };

    return {
      language,
      date,
      /** A `YYYY-MM-DD` date without the year, for columns: `7 Sept`, or `07.09`. */
      shortDate: (value: string) =>
        intlNames
          ? shortDayFormat.format(new Date(`${value}T00:00:00Z`))
          : `${value.slice(8, 10)}.${value.slice(5, 7)}`,
      /** An instant, in the centre's time zone. */
      dateTime: (value: string) => {
        const { day, time } = centreDateTime(value);
        return `${date(day)}, ${time}`;
      },
      /** ISO weekday 1 (Monday) … 7. */
      weekday: (iso: number) =>
        intlNames ? weekdayFormat.format(new Date(Date.UTC(2024, 0, iso))) : weekdays[iso - 1]!,
      /** A rate 0..1, or a dash when there is none yet. */
      percent: (rate: number | null | undefined) =>
        rate === null || rate === undefined ? '—' : percent.format(rate),
      number: (value: number) => number.format(value),
      name: (names: Names | undefined) => (names ? names[language] : ''),
    };
  }, [language, t]);
}

/** Today's date `YYYY-MM-DD` at the centre, wherever the reader's device is. */
export function localToday(): string {
  return centreDateTime(new Date()).day;
}
