import {
  type CadenceSettings,
  type ContactStatus,
  compareDates,
  contactStatus,
  daysBetween,
  type EmploymentPeriod,
  followUpEnd,
  minDate,
  type Phase,
  type PreHireClock,
  preHireClock,
} from '@jobcoach/domain';

/**
 * Where a person stands today, read through the domain's rules (cadence.ts, clock.ts): this
 * module only gathers their arguments from what the database holds.
 */
export interface PersonState {
  phase: Phase;
  phaseSince: string;
  preHireEntry: string | null;
  lastDirectContact: string | null;
}

/** Direct-contact cadence: the follow-up steps count from the start of the follow-up phase. */
export function cadenceOf(state: PersonState, today: string, settings: CadenceSettings): ContactStatus {
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
  today: string,
): PreHireClock | null {
  if (state.preHireEntry === null) return null;
  const readOn = state.phase === 'exited' ? minDate(state.phaseSince, today) : today;
  return preHireClock({ preHireEntry: state.preHireEntry, employments, today: readOn });
}

/**
 * The next limit that binds an active person: in pre-hire and hiring the earlier of the pre-hire
 * deadline and the 30-month overall limit; in follow-up the earlier of the follow-up end of the
 * current employment and the overall limit. Null outside active phases.
 */
export function bindingDeadline(
  state: PersonState,
  clock: PreHireClock | null,
  employments: readonly EmploymentPeriod[],
  today: string,
): { deadline: string; daysLeft: number } | null {
  if (clock === null) return null;
  let deadline: string;
  if (state.phase === 'pre_hire' || state.phase === 'hiring') {
    deadline = minDate(clock.deadline, clock.overallDeadline);
  } else if (state.phase === 'follow_up') {
    const current = employments
      .filter((e) => compareDates(e.start, today) <= 0)
      .toSorted((a, b) => compareDates(b.start, a.start))[0];
    deadline = current ? minDate(followUpEnd(current), clock.overallDeadline) : clock.overallDeadline;
  } else {
    return null;
  }
  return { deadline, daysLeft: Math.max(0, daysBetween(today, deadline)) };
}
