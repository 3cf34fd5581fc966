import { addMonths } from './days.ts';
import type { Random } from './prng.ts';

/**
 * One person's history up to the reference day, drawn from the method's process (method.md §4–§5):
 * intake and a coachability assessment, pre-hire (at most 24 months, employment days suspending
 * the clock), hiring, follow-up (6 months from the first day of an employment), exit with a reason;
 * CDD ends, dismissals and failed hirings send the person back to pre-hire.
 */

export type Phase = 'intake' | 'pre_hire' | 'hiring' | 'follow_up' | 'exited';
export type ContractType = 'cdi' | 'cdd' | 'interim' | 'art_60_7' | 'other_subsidised';
export type EndReason =
  | 'term_reached'
  | 'dismissal'
  | 'resignation'
  | 'abandonment'
  | 'trial_period_failed'
  | 'converted_to_cdi'
  | 'renewed';

export interface PlannedContract {
  type: ContractType;
  signed: number;
  start: number;
  plannedEnd: number | null;
  actualEnd: number | null;
  endReason: EndReason | null;
  /** Index (in the person's contracts) of the contract this one continues. */
  continues: number | null;
}

export interface PlannedEvent {
  day: number;
  transition: 'enter_pre_hire' | 'start_hiring' | 'start_follow_up' | 'return_to_pre_hire' | 'exit';
  from: Phase;
  to: Phase;
  reason: string | null;
  /**
   * Index (in the person's contracts) of the contract that made the move: its signature (hiring),
   * its first day (follow-up), its end (back to pre-hire). Null for a move recorded by hand.
   */
  contract: number | null;
}

export interface Assessment {
  on: number;
  decision: 'accepted' | 'postponed' | 'redirected';
  review: number | null;
}

/** A stretch of time in one phase, for the contacts (the cadence differs per phase). */
export interface Interval {
  from: number;
  to: number;
  kind: 'intake' | 'pre_hire' | 'follow_up';
}

export interface PersonPlan {
  referral: number;
  /** False: still unassigned in the organisation's intake queue. */
  assigned: boolean;
  assessments: Assessment[];
  events: PlannedEvent[];
  contracts: PlannedContract[];
  intervals: Interval[];
  phase: Phase;
  phaseSince: number;
  preHireEntry: number | null;
}

export interface TrajectoryParams {
  /** First and last day of the history. */
  start: number;
  end: number;
  /** Mean days of pre-hire before a hiring. */
  hireMeanDays: number;
}

const CONTRACT_TYPES: readonly (readonly [ContractType, number])[] = [
  ['cdd', 42],
  ['cdi', 26],
  ['interim', 22],
  ['art_60_7', 6],
  ['other_subsidised', 4],
];

export function planPerson(rnd: Random, p: TrajectoryParams): PersonPlan {
  const A = p.end;
  const referral = rnd.int(p.start, A);
  const plan: PersonPlan = {
    referral,
    assigned: true,
    assessments: [],
    events: [],
    contracts: [],
    intervals: [],
    phase: 'intake',
    phaseSince: referral,
    preHireEntry: null,
  };
  const phaseTo = (day: number, ev: Omit<PlannedEvent, 'day' | 'from' | 'contract'>, contract?: number) => {
    plan.events.push({ day, from: plan.phase, ...ev, contract: contract ?? null });
    plan.phase = ev.to;
    plan.phaseSince = day;
  };

  // Intake: an assessment within a few weeks; postponed persons are seen again at the review date.
  let assessed = referral + rnd.int(3, 30);
  if (assessed > A) {
    plan.assigned = rnd.chance(0.5);
    plan.intervals.push({ from: referral, to: A, kind: 'intake' });
    return plan;
  }
  let decision = rnd.weighted([
    ['accepted', 82],
    ['postponed', 9],
    ['redirected', 9],
  ] as const);
  for (;;) {
    const review = decision === 'postponed' ? assessed + rnd.int(30, 90) : null;
    plan.assessments.push({ on: assessed, decision, review });
    if (decision === 'accepted') break;
    if (decision === 'redirected') {
      const exit = assessed + rnd.int(0, 7);
      plan.intervals.push({ from: referral, to: Math.min(exit, A), kind: 'intake' });
      if (exit <= A) phaseTo(exit, { transition: 'exit', to: 'exited', reason: 'redirected' });
      return plan;
    }
    // Postponed: the review comes; then accepted, or the person leaves.
    if (review! > A) {
      plan.intervals.push({ from: referral, to: A, kind: 'intake' });
      return plan;
    }
    assessed = review!;
    decision = rnd.chance(0.65) ? 'accepted' : 'redirected';
  }
  const entry = assessed + rnd.int(0, 21);
  plan.intervals.push({ from: referral, to: Math.min(entry, A), kind: 'intake' });
  if (entry > A) return plan; // accepted, waiting to start
  plan.preHireEntry = entry;
  phaseTo(entry, { transition: 'enter_pre_hire', to: 'pre_hire', reason: null });

  const overallLimit = addMonths(entry, 30);
  const preHireLimitDays = addMonths(entry, 24) - entry;
  let used = 0; // pre-hire days used (employment days suspend the clock)
  let since = entry;
  for (;;) {
    const toHire = Math.round(rnd.exp(p.hireMeanDays)) + 7;
    const toLeave = Math.round(rnd.exp(1500));
    const timeLimit = Math.min(since + (preHireLimitDays - used), overallLimit);
    const next = Math.min(since + toHire, since + toLeave, timeLimit);
    if (next > A) {
      plan.intervals.push({ from: since, to: A, kind: 'pre_hire' });
      return plan;
    }
    plan.intervals.push({ from: since, to: next, kind: 'pre_hire' });
    if (next === timeLimit) {
      phaseTo(next, { transition: 'exit', to: 'exited', reason: 'time_limit_reached' });
      return plan;
    }
    if (next === since + toLeave) {
      phaseTo(next, {
        transition: 'exit',
        to: 'exited',
        reason: rnd.chance(0.8) ? 'left_voluntarily' : 'moved_away',
      });
      return plan;
    }
    // Hiring: a match confirmed, a contract signed, the job starts a few days later; now and then
    // the hiring falls through before any contract (recorded by hand, as the return is).
    used += next - since;
    const hired = next;
    if (rnd.chance(0.06)) {
      phaseTo(hired, { transition: 'start_hiring', to: 'hiring', reason: null });
      const back = hired + rnd.int(3, 20);
      if (back > A) return plan;
      phaseTo(back, { transition: 'return_to_pre_hire', to: 'pre_hire', reason: 'hiring_failed' });
      used += 0;
      since = back;
      continue;
    }
    const start = hired + rnd.int(0, 14);
    let type = rnd.weighted(CONTRACT_TYPES);
    let contract = newContract(rnd, type, hired, start, null);
    plan.contracts.push(contract);
    const signed = plan.contracts.length - 1;
    phaseTo(hired, { transition: 'start_hiring', to: 'hiring', reason: null }, signed);
    if (start > A) return plan; // signed, starting later: still in hiring
    phaseTo(start, { transition: 'start_follow_up', to: 'follow_up', reason: null }, signed);
    const followUpEnd = addMonths(start, 6);
    let backTo: number | null = null;
    for (;;) {
      const end = endOf(rnd, contract);
      if (end === null || end.day >= followUpEnd) {
        // Still employed at the end of follow-up: insertion consolidated.
        if (followUpEnd > A) {
          plan.intervals.push({ from: start, to: A, kind: 'follow_up' });
          return plan;
        }
        if (end && end.day <= A && rnd.chance(0.5)) {
          contract.actualEnd = end.day;
          contract.endReason = end.reason;
        }
        plan.intervals.push({ from: start, to: followUpEnd, kind: 'follow_up' });
        phaseTo(followUpEnd, { transition: 'exit', to: 'exited', reason: 'consolidated_insertion' });
        return plan;
      }
      if (end.day > A) {
        plan.intervals.push({ from: start, to: A, kind: 'follow_up' });
        return plan;
      }
      contract.actualEnd = end.day;
      contract.endReason = end.reason;
      if (end.reason === 'renewed' || end.reason === 'converted_to_cdi') {
        type = end.reason === 'converted_to_cdi' ? 'cdi' : contract.type;
        const index = plan.contracts.length - 1;
        contract = newContract(rnd, type, end.day - rnd.int(0, 10), end.day + 1, index);
        plan.contracts.push(contract);
        continue;
      }
      backTo = Math.min(end.day + 1, A);
      break;
    }
    plan.intervals.push({ from: start, to: backTo, kind: 'follow_up' });
    const why =
      contract.endReason === 'term_reached'
        ? 'cdd_ended'
        : contract.endReason === 'dismissal'
          ? 'dismissal'
          : 'follow_up_failed';
    phaseTo(
      backTo,
      { transition: 'return_to_pre_hire', to: 'pre_hire', reason: why },
      plan.contracts.length - 1,
    );
    since = backTo;
    if (since >= overallLimit) {
      phaseTo(since, { transition: 'exit', to: 'exited', reason: 'time_limit_reached' });
      return plan;
    }
  }
}

function newContract(
  rnd: Random,
  type: ContractType,
  signed: number,
  start: number,
  continues: number | null,
): PlannedContract {
  const fixed = type !== 'cdi' && !(type === 'other_subsidised' && rnd.chance(0.5));
  return {
    type,
    signed: Math.min(signed, start),
    start,
    // Interim contracts are short and often renewed week after week or month after month.
    plannedEnd: !fixed
      ? null
      : type === 'interim'
        ? start +
          rnd.weighted([
            [6, 3],
            [13, 2],
            [30, 2],
          ] as const)
        : start +
          rnd.weighted([
            [30, 2],
            [90, 3],
            [182, 3],
            [365, 2],
          ] as const) +
          rnd.int(0, 20),
    actualEnd: null,
    endReason: null,
    continues,
  };
}

/** When and why the contract ends (null: it runs on). */
function endOf(rnd: Random, c: PlannedContract): { day: number; reason: EndReason } | null {
  if (c.plannedEnd === null) {
    if (rnd.chance(0.14)) {
      return {
        day: c.start + rnd.int(5, 170),
        reason: rnd.weighted([
          ['dismissal', 5],
          ['resignation', 2],
          ['abandonment', 2],
          ['trial_period_failed', 3],
        ] as const),
      };
    }
    return null;
  }
  if (rnd.chance(c.type === 'interim' ? 0.02 : 0.08)) {
    const span = c.plannedEnd - c.start;
    return {
      day: c.start + rnd.int(0, Math.max(0, span - 1)),
      reason: rnd.weighted([
        ['dismissal', 4],
        ['abandonment', 3],
        ['trial_period_failed', 3],
      ] as const),
    };
  }
  const interim = c.type === 'interim';
  return {
    day: c.plannedEnd,
    reason: rnd.weighted([
      ['term_reached', interim ? 20 : 55],
      ['renewed', interim ? 75 : 30],
      ['converted_to_cdi', interim ? 5 : 15],
    ] as const),
  };
}
