import { type CadenceSettings, type ContactStatus, contactStatus } from './cadence.ts';
import { daysBetween, type IsoDate, minDate } from './calendar.ts';
import { type EmploymentPeriod, type PreHireClock, preHireClock } from './clock.ts';
import type { FollowUpWindow } from './contracts/follow-up.ts';
import type { Phase } from './trajectory.ts';

/**
 * Where a person stands today: the cadence of direct contacts, the pre-hire clock and the limit that
 * binds next, from the few facts a person's row holds (composing cadence.ts and clock.ts).
 */
export interface PersonState {
  phase: Phase;
  phaseSince: IsoDate;
  preHireEntry: IsoDate | null;
  lastDirectContact: IsoDate | null;
}

/** Direct-contact cadence: the follow-up steps count from the start of the follow-up phase. */
export function cadenceOf(state: PersonState, today: IsoDate, settings: CadenceSettings): ContactStatus {
  return contactStatus({
    phase: state.phase,
    lastDirectContact: state.lastDirectContact,
    phaseStart: state.phaseSince,
    followUpStart: state.phase === 'follow_up' ? state.phaseSince : null,
    today,
    settings,
  });
}

/** The pre-hire clock once the person entered pre-hire; an exited trajectory is read on its exit day. */
export function clockOf(
  state: PersonState,
  employments: readonly EmploymentPeriod[],
  today: IsoDate,
): PreHireClock | null {
  if (state.preHireEntry === null) return null;
  const readOn = state.phase === 'exited' ? minDate(state.phaseSince, today) : today;
  return preHireClock({ preHireEntry: state.preHireEntry, employments, today: readOn });
}

/**
 * Which limit binds: the end of the 24 months of pre-hire (suspensions included), the end of the
 * 6 months of follow-up, the end of the employment before those 6 months (a CDD's planned end, an
 * end recorded early), or the overall 30-month limit.
 */
export const DEADLINE_KINDS = [
  'pre_hire_24_months',
  'follow_up_end',
  'contract_end',
  'overall_30_months',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * The next limit that binds an active person: in pre-hire and hiring the earlier of the pre-hire
 * deadline and the 30-month overall limit; in follow-up the earlier of the follow-up end of the
 * current employment (followUpWindow: 6 months from the start of the employment that opened it,
 * a CDD converted to CDI keeping its start) and the overall limit. Null outside active phases.
 * On a tie the overall limit is named: it is the one no new contract moves.
 */
export function bindingDeadline(
  state: PersonState,
  clock: PreHireClock | null,
  followUp: FollowUpWindow | null,
  today: IsoDate,
): { deadline: IsoDate; daysLeft: number; kind: DeadlineKind } | null {
  if (clock === null) return null;
  let deadline: IsoDate;
  let kind: DeadlineKind;
  if (state.phase === 'pre_hire' || state.phase === 'hiring') {
    deadline = minDate(clock.deadline, clock.overallDeadline);
    kind = deadline === clock.overallDeadline ? 'overall_30_months' : 'pre_hire_24_months';
  } else if (state.phase === 'follow_up') {
    deadline = followUp ? minDate(followUp.end, clock.overallDeadline) : clock.overallDeadline;
    kind =
      followUp === null || deadline === clock.overallDeadline
        ? 'overall_30_months'
        : followUp.end === followUp.limit
          ? 'follow_up_end'
          : 'contract_end';
  } else {
    return null;
  }
  return { deadline, daysLeft: Math.max(0, daysBetween(today, deadline)), kind };
}
