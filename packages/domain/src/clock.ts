import {
  addDays,
  addMonths,
  compareDates,
  dayNumber,
  dayOfNumber,
  daysBetween,
  type IsoDate,
  maxDate,
  minDate,
} from './calendar.ts';
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

/** Union of day intervals, sorted; overlapping or touching intervals become one. Empty ones vanish. */
export function mergeDayIntervals(intervals: readonly DayInterval[]): DayInterval[] {
  // On day numbers: each day is read once (« Ma journée » merges every person's CDDs).
  const spans: { start: number; end: number }[] = [];
  for (const i of intervals) {
    const start = dayNumber(i.start);
    const end = dayNumber(i.end);
    if (start <= end) spans.push({ start, end });
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged.map((m) => ({ start: dayOfNumber(m.start), end: dayOfNumber(m.end) }));
}

/** Number of days in the union of the intervals, each day counted once. */
export function countDays(intervals: readonly DayInterval[]): number {
  return daysIn(mergeDayIntervals(intervals));
}

/** The days of intervals already merged (disjoint). */
function daysIn(merged: readonly DayInterval[]): number {
  let days = 0;
  for (const i of merged) days += daysBetween(i.start, i.end) + 1;
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
  return mergeDayIntervals(
    employments
      .filter((e) => e.kind === 'cdd')
      .map((e) => ({
        start: maxDate(e.start, preHireEntry),
        end: e.end === null ? today : minDate(e.end, today),
      })),
  );
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
  const baseDeadline = addMonths(preHireEntry, PRE_HIRE_MAX_MONTHS);
  const elapsedDays = Math.max(0, daysBetween(preHireEntry, today) + 1);
  const intervals = suspensionIntervals(preHireEntry, employments, today);
  const suspendedDays = daysIn(intervals);
  const deadline = addDays(baseDeadline, suspendedDays);
  const overall = overallDeadline(preHireEntry);
  return {
    preHireEntry,
    baseDeadline,
    deadline,
    elapsedDays,
    suspendedDays,
    daysUsed: elapsedDays - suspendedDays,
    daysLeft: Math.max(0, daysBetween(today, deadline)),
    suspended: intervals.some((i) => compareDates(i.end, today) === 0),
    expired: compareDates(today, deadline) > 0,
    overallDeadline: overall,
    overallDaysLeft: Math.max(0, daysBetween(today, overall)),
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
