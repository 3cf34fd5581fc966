/**
 * Calendar days as `YYYY-MM-DD` strings (Europe/Brussels calendar days, method.md §5).
 * Arithmetic runs on UTC midnights so daylight-saving changes never shift a day.
 * Every function throws a RangeError on a malformed or impossible date (2024-02-30).
 */
export type IsoDate = string;

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2024-02-29" → { year: 2024, month: 2, day: 29 }; null when malformed or not a real day. */
export function parseIsoDate(input: string): CalendarDay | null {
  const match = ISO_DATE.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(input: unknown): input is IsoDate {
  return typeof input === 'string' && parseIsoDate(input) !== null;
}

/** Builds "YYYY-MM-DD" from its parts; throws when the parts are not a real day. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || !parseIsoDate(iso)) {
    throw new RangeError(`Not a calendar day: ${year}-${month}-${day}`);
  }
  return iso;
}

/**
 * The days already checked, with their UTC midnight: the rules compare and count the same few
 * thousand days over and over (« Ma journée » reads each person's contracts through several
 * clocks), and checking a day is most of what comparing two costs. Only valid days are kept; the
 * memo is emptied when it grows past a bound, so it never holds more than a few hundred kilobytes.
 */
const checked = new Map<string, { day: CalendarDay; ms: number }>();
const CHECKED_MAX = 20_000;

function checkedDay(date: IsoDate): { day: CalendarDay; ms: number } {
  const known = checked.get(date);
  if (known) return known;
  const parsed = typeof date === 'string' ? parseIsoDate(date) : null;
  if (!parsed) throw new RangeError(`Not a YYYY-MM-DD calendar day: ${JSON.stringify(date)}`);
  const d = new Date(0);
  d.setUTCFullYear(parsed.year, parsed.month - 1, parsed.day);
  const entry = { day: Object.freeze(parsed), ms: d.getTime() };
  if (checked.size >= CHECKED_MAX) checked.clear();
  checked.set(date, entry);
  return entry;
}

function requireDay(date: IsoDate): CalendarDay {
  return checkedDay(date).day;
}

function toUtcMs(date: IsoDate): number {
  return checkedDay(date).ms;
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  // A UTC midnight is always a real day: no need to check it again (toIsoDate checks its parts).
  if (year < 1 || year > 9999) throw new RangeError(`Out of the calendar's years: ${year}`);
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 2024-02-28 + 2 days = 2024-03-01. Negative counts go back in time. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days expected, got ${days}`);
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/**
 * Calendar months, the day clamped to the end of the target month:
 * 2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28; 2024-02-29 + 24 months = 2026-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months expected, got ${months}`);
  const { year, month, day } = requireDay(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** b − a in days: daysBetween('2024-01-01', '2024-01-31') = 30. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / MS_PER_DAY);
}

/** −1 when a is before b, 0 on the same day, 1 when a is after b. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  requireDay(a);
  requireDay(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The latest of the given days. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  requireDay(first);
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

/** The earliest of the given days. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  requireDay(first);
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

/**
 * Whole calendar months from a to b: the largest n with addMonths(a, n) ≤ b (0 when b is before a).
 * From 2024-01-31: 2024-02-29 is one month, 2024-02-28 is still zero.
 */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (compareDates(b, a) < 0) return 0;
  const from = requireDay(a);
  const to = requireDay(b);
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  while (n > 0 && compareDates(addMonths(a, n), b) > 0) n -= 1;
  return n;
}

/**
 * Age in whole years on a given day. Someone born on 29 February turns one year older on
 * 1 March in common years.
 */
export function ageAt(birthDate: IsoDate, date: IsoDate): number {
  const birth = requireDay(birthDate);
  const on = requireDay(date);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/**
 * The Europe/Brussels calendar day of an instant. For the edges of the system (server, web app)
 * that must turn "now" into the `today` argument every rule takes; rules never read the clock.
 */
export function brusselsDate(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(part('year'), part('month'), part('day'));
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

/**
 * Belgium's ten public holidays of a year (loi du 4 janvier 1974): New Year, Easter Monday, Labour
 * Day, Ascension, Whit Monday, the National Day, the Assumption, All Saints, the Armistice and
 * Christmas. Regional and community days (27 September…) are not days off by law: not listed.
 */
export function belgianPublicHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  return [
    toIsoDate(year, 1, 1),
    addDays(easter, 1),
    toIsoDate(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    toIsoDate(year, 7, 21),
    toIsoDate(year, 8, 15),
    toIsoDate(year, 11, 1),
    toIsoDate(year, 11, 11),
    toIsoDate(year, 12, 25),
  ].sort();
}

/** Monday to Friday, and not a Belgian public holiday. */
export function isBelgianWorkingDay(date: IsoDate): boolean {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Invalid date: ${date}`);
  const weekday = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !belgianPublicHolidays(parsed.year).includes(date);
}
