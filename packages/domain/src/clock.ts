import { addMonths, dayNumber, dayOfNumber, type IsoDate, minDate } from './calendar.ts';
import { sortInPlace } from './sorting.ts';
import type { ContractKind } from './trajectory.ts';

/**
 * The method's clocks (method.md §5).
 * - Pre-hire (pré-embauche): at most 24 calendar months from entry into pre-hire; every day under a
 *   CDD from that entry on suspends the clock, so the deadline moves by one day per CDD day.
 * - Follow-up (suivi en entreprise): at most 6 calendar months from the start of each employment.
 * - Whole process: at most 30 calendar months from entry into pre-hire. This overall limit is NOT
 *   suspended by CDD periods ("whole process at most 30 months"), so it may fall before a pre-hire
 *   deadline that CDDs pushed back: both are shown, the earlier one binds.
 * Days are counted inclusive of both ends: a CDD from 2024-06-01 to 2024-08-31 is 92 days.
 */
export const PRE_HIRE_MAX_MONTHS = 24;
export const FOLLOW_UP_MAX_MONTHS = 6;
export const OVERALL_MAX_MONTHS = 30;

/** A job held by the person; `end` is the last day worked, null while it runs (or is open-ended). */
export interface EmploymentPeriod {
  kind: ContractKind;
  start: IsoDate;
  end: IsoDate | null;
}

/** A run of whole days, both ends included. */
export interface DayInterval {
  start: IsoDate;
  end: IsoDate;
}

/** A run of whole days as day numbers (calendar.ts dayNumber), both ends included. */
interface DaySpan {
  start: number;
  end: number;
}

/** Union of spans, sorted; overlapping or touching spans become one. Empty ones vanish. */
function mergeSpans(spans: DaySpan[]): DaySpan[] {
  sortInPlace(spans, (a, b) => a.start - b.start);
  const merged: DaySpan[] = [];
  for (const span of spans) {
    if (span.start > span.end) continue;
    const last = merged.at(-1);
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}

/** Union of day intervals, sorted; overlapping or touching intervals become one. Empty ones vanish. */
export function mergeDayIntervals(intervals: readonly DayInterval[]): DayInterval[] {
  return mergeSpans(intervals.map((i) => ({ start: dayNumber(i.start), end: dayNumber(i.end) }))).map(
    (m) => ({ start: dayOfNumber(m.start), end: dayOfNumber(m.end) }),
  );
}

/** Number of days in the union of the intervals, each day counted once. */
export function countDays(intervals: readonly DayInterval[]): number {
  return daysIn(mergeSpans(intervals.map((i) => ({ start: dayNumber(i.start), end: dayNumber(i.end) }))));
}

/** The days of spans already merged (disjoint). */
function daysIn(merged: readonly DaySpan[]): number {
  let days = 0;
  for (const span of merged) days += span.end - span.start + 1;
  return days;
}

/**
 * The CDD days that suspend the pre-hire clock: days under a CDD from pre-hire entry through today,
 * a running CDD counting up to today, overlapping CDDs counted once. Other contracts never suspend.
 */
export function suspensionIntervals(
  preHireEntry: IsoDate,
  employments: readonly EmploymentPeriod[],
  today: IsoDate,
): DayInterval[] {
  return suspensionSpans(dayNumber(preHireEntry), employments, dayNumber(today)).map((m) => ({
    start: dayOfNumber(m.start),
    end: dayOfNumber(m.end),
  }));
}

/** The same on day numbers (« Ma journée » reads every person's clock: each day is read once). */
function suspensionSpans(entry: number, employments: readonly EmploymentPeriod[], today: number) {
  const spans: DaySpan[] = [];
  for (const e of employments) {
    if (e.kind !== 'cdd') continue;
    spans.push({
      start: Math.max(dayNumber(e.start), entry),
      end: e.end === null ? today : Math.min(dayNumber(e.end), today),
    });
  }
  return mergeSpans(spans);
}

export interface PreHireClockInput {
  preHireEntry: IsoDate;
  employments: readonly EmploymentPeriod[];
  /** The day the clock is read; for an exited trajectory, pass the exit date. */
  today: IsoDate;
}

export interface PreHireClock {
  preHireEntry: IsoDate;
  /** Entry + 24 months, before any suspension. */
  baseDeadline: IsoDate;
  /** Entry + 24 months + suspended days: the last day of pre-hire. */
  deadline: IsoDate;
  /** Days from entry through today, both included (0 before entry). */
  elapsedDays: number;
  /** CDD days within the elapsed days (never more than elapsedDays). */
  suspendedDays: number;
  /** elapsedDays − suspendedDays. */
  daysUsed: number;
  /** Days after today up to the deadline (0 on the deadline and after, never negative). */
  daysLeft: number;
  /** True when a CDD covers today. */
  suspended: boolean;
  /** True once today is after the deadline. */
  expired: boolean;
  /** Entry + 30 months, never suspended. */
  overallDeadline: IsoDate;
  /** Days after today up to the overall deadline, never negative. */
  overallDaysLeft: number;
}

/**
 * Reads the pre-hire clock. While today ≤ deadline, daysUsed + daysLeft equals the days from entry to
 * baseDeadline, both included. Example: entry 2024-01-15, CDD 2024-06-01 → 2024-08-31 (92 days):
 * deadline 2026-01-15 + 92 days = 2026-04-17.
 */
export function preHireClock({ preHireEntry, employments, today }: PreHireClockInput): PreHireClock {
  const entry = dayNumber(preHireEntry);
  const now = dayNumber(today);
  const baseDeadline = addMonths(preHireEntry, PRE_HIRE_MAX_MONTHS);
  const elapsedDays = Math.max(0, now - entry + 1);
  const spans = suspensionSpans(entry, employments, now);
  const suspendedDays = daysIn(spans);
  const deadline = dayNumber(baseDeadline) + suspendedDays;
  const overall = overallDeadline(preHireEntry);
  return {
    preHireEntry,
    baseDeadline,
    deadline: dayOfNumber(deadline),
    elapsedDays,
    suspendedDays,
    daysUsed: elapsedDays - suspendedDays,
    daysLeft: Math.max(0, deadline - now),
    suspended: spans.some((span) => span.end === now),
    expired: now > deadline,
    overallDeadline: overall,
    overallDaysLeft: Math.max(0, dayNumber(overall) - now),
  };
}

/**
 * Last day of follow-up for one employment: start + 6 calendar months, and not beyond the end of the
 * employment (a CDD's end, or the end of a contract that stopped: the person is then back in pre-hire).
 */
export function followUpEnd(period: EmploymentPeriod): IsoDate {
  const limit = addMonths(period.start, FOLLOW_UP_MAX_MONTHS);
  return period.end === null ? limit : minDate(limit, period.end);
}

/** Last day of the whole process: pre-hire entry + 30 calendar months, not suspended. */
export function overallDeadline(preHireEntry: IsoDate): IsoDate {
  return addMonths(preHireEntry, OVERALL_MAX_MONTHS);
}
