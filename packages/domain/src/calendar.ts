/**
 * Calendar days as `YYYY-MM-DD` strings (Europe/Brussels calendar days, method.md §5).
 * Arithmetic runs on whole day numbers, never on instants: daylight-saving changes cannot shift a day.
 * Every function throws a RangeError on a malformed or impossible date (2024-02-30).
 */
export type IsoDate = string;

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Days in each month of a common year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/*
 * The rules compare and count the same days thousands of times per request (« Ma journée » reads
 * each person's contracts through several clocks): a day is read from its characters and turned
 * into a day number by arithmetic, without a regular expression, a Date, a memo or an object
 * (docs/performance.md).
 */

/** Where the eight digits of YYYY-MM-DD are. */
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/**
 * The digits of a real day written YYYY-MM-DD as one number, YYYYMMDD (20240229); -1 when `input`
 * is not a string of that shape (ASCII digits, ten characters) or not a real day.
 */
function digitsOf(input: unknown): number {
  if (typeof input !== 'string' || input.length !== 10) return -1;
  if (input.charCodeAt(4) !== 45 || input.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let k = 0; k < 8; k++) {
    const digit = input.charCodeAt(DIGIT_AT[k]!) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return isDay(yearOf(n), monthOf(n), dayOf(n)) ? n : -1;
}

// The parts of a YYYYMMDD number (at most 99,991,231: integer arithmetic on 32 bits).
const yearOf = (digits: number) => (digits / 10_000) | 0;
const monthOf = (digits: number) => ((digits / 100) | 0) % 100;
const dayOf = (digits: number) => digits % 100;

function isDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2024-02-29" → { year: 2024, month: 2, day: 29 }; null when malformed or not a real day. */
export function parseIsoDate(input: string): CalendarDay | null {
  const digits = digitsOf(input);
  return digits < 0 ? null : { year: yearOf(digits), month: monthOf(digits), day: dayOf(digits) };
}

export function isIsoDate(input: unknown): input is IsoDate {
  return digitsOf(input) >= 0;
}

/** Builds "YYYY-MM-DD" from its parts; throws when the parts are not a real day. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const whole = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day);
  if (!whole || year > 9999 || !isDay(year, month, day)) {
    throw new RangeError(`Not a calendar day: ${year}-${month}-${day}`);
  }
  return format(year, month, day);
}

/** "01" to "31": months and days as written. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

function format(year: number, month: number, day: number): IsoDate {
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

function notADay(date: unknown): RangeError {
  return new RangeError(`Not a YYYY-MM-DD calendar day: ${JSON.stringify(date)}`);
}

/** The YYYYMMDD digits of a real day; throws otherwise. */
function requireDigits(date: IsoDate): number {
  const digits = digitsOf(date);
  if (digits < 0) throw notADay(date);
  return digits;
}

/**
 * Days from 1970-01-01 to a checked day (proleptic Gregorian calendar, as Date's): the civil
 * calendar's days counted in 400-year eras of 146,097 days, the year starting in March so that
 * February's leap day comes last. Throws unless `date` is a real day written YYYY-MM-DD.
 */
export function dayNumber(date: IsoDate): number {
  const digits = requireDigits(date);
  const month = monthOf(digits);
  // Years 0 to 9999, counted from March: all positive, so integer division truncates as floor.
  const y = month <= 2 ? yearOf(digits) - 1 : yearOf(digits);
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + dayOf(digits) - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day of a day number (the inverse of dayNumber); throws outside years 1 to 9999. */
export function dayOfNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`Out of the calendar's years: ${year}`);
  return format(year, month, day);
}

/** 2024-02-28 + 2 days = 2024-03-01. Negative counts go back in time. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days expected, got ${days}`);
  return dayOfNumber(dayNumber(date) + days);
}

/**
 * Calendar months, the day clamped to the end of the target month:
 * 2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28; 2024-02-29 + 24 months = 2026-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months expected, got ${months}`);
  const digits = requireDigits(date);
  const index = yearOf(digits) * 12 + (monthOf(digits) - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toIsoDate(targetYear, targetMonth, Math.min(dayOf(digits), daysInMonth(targetYear, targetMonth)));
}

/** b − a in days: daysBetween('2024-01-01', '2024-01-31') = 30. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** −1 when a is before b, 0 on the same day, 1 when a is after b. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The latest of the given days. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let max = first;
  let maxDay = dayNumber(first);
  for (const d of rest) {
    const day = dayNumber(d);
    if (day > maxDay) {
      max = d;
      maxDay = day;
    }
  }
  return max;
}

/** The earliest of the given days. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let min = first;
  let minDay = dayNumber(first);
  for (const d of rest) {
    const day = dayNumber(d);
    if (day < minDay) {
      min = d;
      minDay = day;
    }
  }
  return min;
}

/**
 * Whole calendar months from a to b: the largest n with addMonths(a, n) ≤ b (0 when b is before a).
 * From 2024-01-31: 2024-02-29 is one month, 2024-02-28 is still zero.
 */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const from = requireDigits(a);
  const to = requireDigits(b);
  if (to < from) return 0;
  // The month of b reached on the day of a, or on that month's last day when it is shorter: if
  // that falls after b, the last whole month ends in the month before.
  const toYear = yearOf(to);
  const toMonth = monthOf(to);
  const months = (toYear - yearOf(from)) * 12 + (toMonth - monthOf(from));
  const reached = Math.min(dayOf(from), daysInMonth(toYear, toMonth));
  return reached > dayOf(to) ? months - 1 : months;
}

/**
 * Age in whole years on a given day. Someone born on 29 February turns one year older on
 * 1 March in common years.
 */
export function ageAt(birthDate: IsoDate, date: IsoDate): number {
  const birth = requireDigits(birthDate);
  const on = requireDigits(date);
  // YYYYMMDD numbers: the birthday of the year is reached when MMDD is.
  let age = yearOf(on) - yearOf(birth);
  if (on % 10_000 < birth % 10_000) age -= 1;
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
