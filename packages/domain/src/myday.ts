import { addDays, compareDates, dayNumber, type IsoDate } from './calendar.ts';
import type { CoachabilityDecision } from './coachability.ts';
import { sortInPlace } from './sorting.ts';
import type { Phase } from './trajectory.ts';

/**
 * « Ma journée » (MyDay): what a coach should look at today, as lists chosen and ordered by these
 * rules. The server gathers each person's standing (person-status.ts: cadence, binding deadline)
 * and this module decides which list a person belongs to and in what order.
 */

/** A limit is shown among « Échéances » when it falls within this many days. */
export const DEADLINE_HORIZON_DAYS = 60;

/** « Cette semaine »: today and the seven days after (a rolling week, so Sunday shows the next days). */
export const MY_DAY_WEEK_DAYS = 7;

/** What the lists read about one person. */
export interface MyDayEntry {
  phase: Phase;
  /** Whether the next direct contact is overdue (cadence.ts). */
  overdue: boolean;
  daysOverdue: number;
  /** The date the cadence expects the next direct contact. */
  dueDate: IsoDate | null;
  /** The next limit that binds the person (person-status.ts bindingDeadline), and its days left. */
  deadline: IsoDate | null;
  daysLeft: number | null;
  /** The next contact: the date the coach planned, else the date the cadence expects. */
  plannedOn: IsoDate | null;
  /** Intake: the latest assessment's decision and review date, and when the referral arrived. */
  decision: CoachabilityDecision | null;
  reviewDate: IsoDate | null;
  referralReceivedOn: IsoDate;
}

export interface MyDayLists<T> {
  /** Direct contact overdue, the longest overdue first. */
  overdue: T[];
  /** A limit within DEADLINE_HORIZON_DAYS, the nearest first. */
  deadlines: T[];
  /** Contacts planned (or expected) this week for persons not overdue, by date. */
  plannedThisWeek: T[];
  /** Referrals to assess: no decision yet, or postponed with a review date reached; oldest first. */
  referralsWaiting: T[];
  /** Accepted, waiting for a place in pre-hire; oldest referral first. */
  waitingList: T[];
  /** In follow-up with a contact due this week or overdue, by due date. */
  followUpsDue: T[];
}

/** The end of « this week » in « Ma journée ». */
export function myDayWeekEnd(today: IsoDate): IsoDate {
  return addDays(today, MY_DAY_WEEK_DAYS);
}

/** Sorts the persons of « Ma journée » into its lists (an exited person is in none). */
export function myDayLists<T extends MyDayEntry>(entries: readonly T[], today: IsoDate): MyDayLists<T> {
  // Today and the week's end read once as day numbers, each person's days once per list.
  const now = dayNumber(today);
  const weekEnd = now + MY_DAY_WEEK_DAYS;
  const live = entries.filter((e) => e.phase !== 'exited');
  const pick = (keep: (e: T) => boolean, order: (a: T, b: T) => number) =>
    sortInPlace(live.filter(keep), order);
  const byReferral = (a: T, b: T) => compareDates(a.referralReceivedOn, b.referralReceivedOn);
  return {
    overdue: pick(
      (e) => e.overdue,
      (a, b) => b.daysOverdue - a.daysOverdue,
    ),
    deadlines: pick(
      (e) => e.daysLeft !== null && e.daysLeft <= DEADLINE_HORIZON_DAYS,
      (a, b) => compareDates(a.deadline!, b.deadline!),
    ),
    plannedThisWeek: pick(
      (e) => !e.overdue && e.plannedOn !== null && within(dayNumber(e.plannedOn), now, weekEnd),
      (a, b) => compareDates(a.plannedOn!, b.plannedOn!),
    ),
    referralsWaiting: pick(
      (e) =>
        e.phase === 'intake' &&
        (e.decision === null ||
          (e.decision === 'postponed' && e.reviewDate !== null && dayNumber(e.reviewDate) <= now)),
      byReferral,
    ),
    waitingList: pick((e) => e.phase === 'intake' && e.decision === 'accepted', byReferral),
    followUpsDue: pick(
      (e) => e.phase === 'follow_up' && e.dueDate !== null && dayNumber(e.dueDate) <= weekEnd,
      (a, b) => compareDates(a.dueDate!, b.dueDate!),
    ),
  };
}

const within = (day: number, from: number, to: number) => day >= from && day <= to;

/** The next contact shown: the one the coach planned when it is not past, else the cadence's date. */
export function nextContactOn(
  planned: IsoDate | null,
  cadenceDue: IsoDate | null,
  today: IsoDate,
): IsoDate | null {
  return planned && compareDates(planned, today) >= 0 ? planned : cadenceDue;
}
