import { brusselsDate } from '@jobcoach/domain';
import { FORMAT_LOCALES, type Locale } from './locales.ts';

// Days travel as 'YYYY-MM-DD' (the API's format, and the value of <input type="date">) and are
// shown in each language's Belgian form, through Intl with the -BE locales:
// fr-BE 03/12/2026, nl-BE 3/12/2026, de-BE 03.12.2026, en-BE 03/12/2026.

/** Intl's Belgian form of each language: two-digit day and month, except nl-BE's d/m/yyyy. */
const DAY_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
  fr: { day: '2-digit', month: '2-digit', year: 'numeric' },
  nl: { day: 'numeric', month: 'numeric', year: 'numeric' },
  de: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: '2-digit', month: '2-digit', year: 'numeric' },
};

// The interface's language, set by LocaleProvider before it renders the screens.
let current: Locale = 'fr';

/** Called by LocaleProvider: the language formatDay and formatInstant use by default. */
export function setDateLocale(locale: Locale): void {
  current = locale;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
function dayFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    // The day is a calendar day: formatted at midnight UTC, in UTC, it never shifts.
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { ...DAY_OPTIONS[locale], timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format;
}

/** '2026-12-03' → '03/12/2026' (fr), '3/12/2026' (nl), '03.12.2026' (de); anything else as is. */
export function formatDay(iso: string | null | undefined, locale: Locale = current): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(day.getTime()) ? iso : dayFormat(locale).format(day);
}

/** An instant as Brussels local time: the day in the Belgian form, then hh:mm. */
export function formatInstant(instant: string | Date, locale: Locale = current): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return String(instant);
  const time = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(at);
  return `${formatDay(brusselsDate(at), locale)} ${time}`;
}

/** Today in Brussels, for the default value of a date field (the server has the last word). */
export function today(): string {
  return brusselsDate(new Date());
}
