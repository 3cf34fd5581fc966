import { compareDates, type IsoDate } from '../calendar.ts';
import { type ContractType, signingEffect } from '../contracts/contracts.ts';
import type { Phase } from '../trajectory.ts';
import type { Replay } from './replay.ts';

/**
 * A person's phase on a past day, read from their trajectory (the historical import, docs/import.md):
 * a row of the history is checked against the phase the person was in when it happened, as the
 * live action checks it against the phase the person is in today.
 */

/** One move of a trajectory: the day it happened and the phase it reached. */
export interface PhaseChange {
  date: IsoDate;
  to: Phase;
}

/**
 * A person's moves in the order they happened (by date; on one day, in the log's order). Before
 * the first move the person is in intake (a day before the referral reads as intake too: no
 * contract could be recorded then either).
 */
export type TrajectoryHistory = readonly PhaseChange[];

/** The moves a replay accepted, dated (a refused event and those after it are not moves). */
export function replayedMoves(replay: Replay): PhaseChange[] {
  return replay.steps.flatMap((step) => (step.ok ? [{ date: step.date, to: step.to }] : []));
}

/**
 * The phases the person was in on the day: the phase held when the day began, then each phase a
 * move reached that day, in order.
 */
export function phasesOn(history: TrajectoryHistory, date: IsoDate): Phase[] {
  let phase: Phase = 'intake';
  const reachedThatDay: Phase[] = [];
  for (const move of history) {
    const order = compareDates(move.date, date);
    if (order < 0) phase = move.to;
    else if (order === 0) reachedThatDay.push(move.to);
  }
  return [phase, ...reachedThatDay];
}

/** The phase the person was in at the end of the day (after that day's moves). */
export function phaseOn(history: TrajectoryHistory, date: IsoDate): Phase {
  return phasesOn(history, date).at(-1)!;
}

export type SigningInHistory = { ok: true; phase: Phase } | { ok: false; phase: Phase; message: string };

/**
 * Whether a contract fits the trajectory on the day it was signed: the live rule (`signingEffect`:
 * intake and exit refuse a contract, with its French message) applied to the person's phase on the
 * signing date instead of today's. On a day the person moved, any phase of that day will do — the
 * order of a signature and a move on the same day is not recorded, and the application accepts the
 * contract if it was entered first: signed the day the person entered pre-hire, or the day they
 * left, it is accepted; signed before the entry into pre-hire or after the exit, it is refused with
 * the message of the phase the person was in at the end of that day.
 */
export function signingInHistory(
  contract: { type: ContractType; signedOn: IsoDate; start: IsoDate },
  history: TrajectoryHistory,
  today: IsoDate,
): SigningInHistory {
  const phases = phasesOn(history, contract.signedOn);
  for (const phase of phases) {
    if (signingEffect(contract.type, phase, contract.start, today).ok) return { ok: true, phase };
  }
  const phase = phases.at(-1)!;
  const refusal = signingEffect(contract.type, phase, contract.start, today);
  return { ok: false, phase, message: refusal.ok ? '' : refusal.message };
}
