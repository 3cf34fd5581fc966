import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  type IsoDate,
  parseIsoDate,
  toIsoDate,
} from '../calendar.ts';

/**
 * Entry cohorts for the longitudinal outcomes (issue "results"): the persons who entered pre-hire
 * in the same calendar quarter, followed from their entry up to the report's "today".
 */

/** A calendar quarter: key "2024-Q1", French label "2024 T1" (trimestre), first and last day. */
export interface Quarter {
  key: string;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

function requireDay(date: IsoDate) {
  const day = parseIsoDate(date);
  if (!day) throw new RangeError(`Not a calendar day: ${date}`);
  return day;
}

/** The calendar quarter a day falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = requireDay(date);
  const q = Math.floor((month - 1) / 3) + 1;
  const firstMonth = (q - 1) * 3 + 1;
  return {
    key: `${year}-Q${q}`,
    label: `${year} T${q}`,
    start: toIsoDate(year, firstMonth, 1),
    end: addDays(addMonths(toIsoDate(year, firstMonth, 1), 3), -1),
  };
}

/**
 * The cohorts a report over [from, to] shows: every quarter that overlaps the period, oldest
 * first. A cohort is always the whole quarter, even when the period starts or ends inside it, so
 * that a cohort's figures do not depend on where the period was cut. Empty when to < from.
 */
export function quartersOverlapping(from: IsoDate, to: IsoDate): Quarter[] {
  if (compareDates(to, from) < 0) return [];
  const quarters: Quarter[] = [];
  let current = quarterOf(from);
  while (compareDates(current.start, to) <= 0) {
    quarters.push(current);
    current = quarterOf(addMonths(current.start, 3));
  }
  return quarters;
}

/** Horizons (in calendar months after entry into pre-hire) of "a contract within N months". */
export const CONTRACT_HORIZONS_MONTHS = [3, 6, 12] as const;
/** Horizons (in calendar months after the first hiring) of "in employment N months after". */
export const EMPLOYMENT_HORIZONS_MONTHS = [6, 12] as const;

/**
 * Censoring: a person counts at a horizon of N months only once they could have been observed that
 * long, i.e. when start + N calendar months (addMonths: 31 January + 1 month = end of February)
 * is on or before today. The database applies the same rule (`date + interval 'N months'`, which
 * clamps to the month's end the same way).
 */
export function isObservedFor(start: IsoDate, months: number, today: IsoDate): boolean {
  return compareDates(addMonths(start, months), today) <= 0;
}

/** The day the practice indicators stand on: the period's last day, or today when earlier. */
export function practiceDay(to: IsoDate, today: IsoDate): IsoDate {
  return compareDates(to, today) <= 0 ? to : today;
}

/**
 * Weeks in the period [from, min(to, today)], both days included (7 days = 1 week); 0 when the
 * period has not begun.
 */
export function observedWeeks(from: IsoDate, to: IsoDate, today: IsoDate): number {
  const end = practiceDay(to, today);
  if (compareDates(end, from) < 0) return 0;
  return (daysBetween(from, end) + 1) / 7;
}
