import { addDays, compareDates, daysBetween, type IsoDate } from './calendar.ts';
import type { FieldError } from './coachability.ts';
import { MY_DAY_WEEK_DAYS } from './myday.ts';
import { sortInPlace } from './sorting.ts';

/**
 * The coach's agenda (« Ma journée »): contacts and visits planned with a person, on a day and
 * optionally at a time. Times are wall-clock times in Europe/Brussels ('HH:MM'), the only time
 * zone the organisations work in; a plan without a time is an all-day item (as the dates planned
 * at a logged contact always were).
 */

/** The time zone every planned time is read in. */
export const AGENDA_TIME_ZONE = 'Europe/Brussels';

/** A plan's states: planned, done (a contact logged for it), cancelled. */
export const PLAN_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A planned duration, in minutes. */
export const PLAN_MIN_DURATION = 5;
export const PLAN_MAX_DURATION = 1440;
export const PLAN_PLACE_MAX = 200;

/** 'HH:MM' from 00:00 to 23:59. */
export const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && WALL_TIME_PATTERN.test(value);
}

/** Minutes since midnight of a wall-clock time 'HH:MM' (or 'HH:MM:SS' as the database reads it). */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export interface PlanInput {
  date: IsoDate;
  time: string | null;
  durationMinutes: number | null;
  place: string | null;
}

/**
 * Checks a plan before it is recorded: a valid time, a day not already past, a duration only with a
 * time (an all-day item has none), within bounds.
 */
export function validatePlan(p: PlanInput, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (p.time !== null && !isWallTime(p.time)) {
    errors.push({
      field: 'time',
      message: 'Heure invalide : indiquez une heure entre 00:00 et 23:59 (HH:MM).',
    });
  }
  if (compareDates(p.date, today) < 0) {
    errors.push({ field: 'date', message: 'La date prévue ne peut pas être passée.' });
  }
  if (p.durationMinutes !== null) {
    if (p.time === null) {
      errors.push({ field: 'durationMinutes', message: 'Une durée demande une heure de début.' });
    } else if (
      !Number.isInteger(p.durationMinutes) ||
      p.durationMinutes < PLAN_MIN_DURATION ||
      p.durationMinutes > PLAN_MAX_DURATION
    ) {
      errors.push({
        field: 'durationMinutes',
        message: `Durée invalide : entre ${PLAN_MIN_DURATION} et ${PLAN_MAX_DURATION} minutes.`,
      });
    }
  }
  if (p.place !== null && p.place.length > PLAN_PLACE_MAX) {
    errors.push({ field: 'place', message: `Le lieu compte au plus ${PLAN_PLACE_MAX} caractères.` });
  }
  return errors;
}

/** What the agenda needs to place an item. */
export interface AgendaEntry {
  date: IsoDate;
  /** 'HH:MM' (Europe/Brussels), or null for an all-day item. */
  time: string | null;
  /** A tie-break between items at the same moment (the person's name). */
  sortName: string;
}

export interface AgendaDay<T> {
  date: IsoDate;
  items: T[];
}

export interface Agenda<T> {
  /** Today's items: all-day items first, then by time. */
  today: T[];
  /** The next days of the week (after today, up to MY_DAY_WEEK_DAYS), each day with items, in order. */
  week: AgendaDay<T>[];
}

/** All-day items first, then by time, then by name. */
export function compareAgendaEntries(a: AgendaEntry, b: AgendaEntry): number {
  return (
    compareDates(a.date, b.date) ||
    (a.time === null ? -1 : 0) - (b.time === null ? -1 : 0) ||
    (a.time !== null && b.time !== null ? minutesOfDay(a.time) - minutesOfDay(b.time) : 0) ||
    a.sortName.localeCompare(b.sortName, 'fr')
  );
}

/** Sorts the planned items into today and the days of the week; earlier or later ones are left out. */
export function agendaOf<T extends AgendaEntry>(items: readonly T[], today: IsoDate): Agenda<T> {
  const weekEnd = addDays(today, MY_DAY_WEEK_DAYS);
  const sorted = sortInPlace(
    items.filter((i) => compareDates(i.date, today) >= 0 && compareDates(i.date, weekEnd) <= 0),
    compareAgendaEntries,
  );
  const week: AgendaDay<T>[] = [];
  for (const item of sorted) {
    if (item.date === today) continue;
    const last = week.at(-1);
    if (last && last.date === item.date) last.items.push(item);
    else week.push({ date: item.date, items: [item] });
  }
  return { today: sorted.filter((i) => i.date === today), week };
}

/** How many days a referral has waited since it was received. */
export function referralWaitingDays(receivedOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(receivedOn, today));
}

/** A postponed assessment's review date that has passed (it is due, and late). */
export function reviewPassed(reviewDate: IsoDate | null, today: IsoDate): boolean {
  return reviewDate !== null && compareDates(reviewDate, today) < 0;
}

/**
 * The title of a planned contact in the calendar feed, which leaves the application for a
 * calendar service: the person's first name and the initial of the last name, and the channel;
 * never the notes, the full name or anything about the person's situation.
 */
export function feedSummary(firstName: string, lastName: string, channelLabel: string): string {
  const initial = lastName.trim().charAt(0).toLocaleUpperCase('fr');
  return `${firstName.trim()}${initial ? ` ${initial}.` : ''} — ${channelLabel}`;
}
