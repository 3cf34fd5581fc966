import type { OrganisationSettings } from '@jobcoach/contract';
import {
  bindingDeadline,
  type ContractDays,
  cadenceOf,
  cadenceWithFrequency,
  clockOf,
  currentFrequency,
  type FollowUpFrequency,
  type PersonState,
  type Phase,
} from '@jobcoach/domain';
import { employmentRules, type HandEnteredPeriod } from '../persons/employment.ts';

/** What « Ma journée » reads of a person's line to judge where the person stands. */
export interface StandingLine {
  phase: string;
  phase_since: string;
  pre_hire_entry: string | null;
  last_direct_contact: string | null;
  employment_periods: readonly HandEnteredPeriod[];
}

/** What it reads of a contract: its days and type, and the frequency its arrangement agreed. */
export type StandingContract = ContractDays & { frequency: FollowUpFrequency | null };

/**
 * A person's standing today, read through the domain's rules (person-status.ts): the cadence of
 * direct contacts (set by the follow-up arrangement of the contracts) and the limit that binds the
 * person. « Ma journée » and the team overview both read a person through this one function, so that
 * the counts of the overview are those of each coach's day.
 */
export function personStanding(
  line: StandingLine,
  contracts: readonly StandingContract[],
  cadenceSettings: OrganisationSettings['cadence'],
  today: string,
) {
  const state: PersonState = {
    phase: line.phase as Phase,
    phaseSince: line.phase_since,
    preHireEntry: line.pre_hire_entry,
    lastDirectContact: line.last_direct_contact,
  };
  // The clocks read the contracts and the hand-entered periods; the arrangement sets the cadence.
  const employment = employmentRules(contracts, line.employment_periods, today);
  const cadence = cadenceOf(state, today, cadenceWithFrequency(cadenceSettings, currentFrequency(contracts)));
  const limit = bindingDeadline(
    state,
    clockOf(state, employment.clockPeriods, today),
    employment.window,
    today,
  );
  return { state, employment, cadence, limit };
}
