import { compareDates, type IsoDate } from '../calendar.ts';
import {
  checkTransition,
  findTransition,
  PHASE_LABELS,
  type Phase,
  type TransitionId,
} from '../trajectory.ts';

/**
 * Replaying a trajectory from its recorded events (the historical import, docs/import.md): the
 * same table of transitions as the live moves (trajectory.ts), so an imported history obeys the
 * method exactly as one entered day by day. Each event is checked from the phase the earlier
 * events reached, on or after that phase's start, never in the future; the first refused event
 * stops the replay (what follows it depends on it).
 */

export interface TrajectoryState {
  phase: Phase;
  /** First day of the current phase (the referral date while in intake). */
  since: IsoDate;
  /** First entry into pre-hire: the start of the 24- and 30-month clocks; kept on a return. */
  preHireEntry: IsoDate | null;
  trustContractSignedOn: IsoDate | null;
}

export interface HistoryEvent {
  transitionId: TransitionId;
  /** The transition's fields as the live move takes them (date, returnReason, exitReason…). */
  fields: Readonly<Record<string, unknown>>;
}

export type ReplayStep =
  | { ok: true; from: Phase; to: Phase; date: IsoDate }
  | { ok: false; field: string; message: string };

export interface Replay {
  /** One result per event replayed; stops after the first refusal. */
  steps: ReplayStep[];
  /** The state after the last accepted event. */
  state: TrajectoryState;
  /** Index of the refused event, or null when every event was accepted. */
  failedAt: number | null;
}

/** The state of a person just referred: intake since the referral date. */
export function intakeState(referralDate: IsoDate): TrajectoryState {
  return { phase: 'intake', since: referralDate, preHireEntry: null, trustContractSignedOn: null };
}

export function replayTrajectory(
  start: TrajectoryState,
  events: readonly HistoryEvent[],
  today: IsoDate,
): Replay {
  let state = { ...start };
  const steps: ReplayStep[] = [];
  for (const [index, event] of events.entries()) {
    const check = checkTransition({
      from: state.phase,
      transitionId: event.transitionId,
      role: 'coordinator',
      fields: event.fields,
      today,
      phaseStart: state.since,
    });
    if (!check.ok) {
      const since = state.since.split('-').reverse().join('/');
      let field: string =
        check.code === 'not_allowed' || check.code === 'guard' ? 'transitionId' : check.field;
      let message = check.message;
      if (check.code === 'not_allowed') {
        const allowed = check.allowed.map((id) => `« ${findTransition(id)!.label} »`).join(', ');
        message = `« ${findTransition(event.transitionId)?.label ?? event.transitionId} » n’est pas possible depuis la phase « ${PHASE_LABELS[state.phase]} » atteinte le ${since}${allowed ? ` (possibles : ${allowed})` : ''} : les événements d’une personne suivent l’ordre du parcours.`;
      } else if (
        check.code !== 'guard' &&
        check.field === 'date' &&
        compareDates(String(event.fields.date), state.since) < 0
      ) {
        field = 'date';
        message = `La date précède le début de la phase « ${PHASE_LABELS[state.phase]} » atteinte par les événements précédents (le ${since}) : les événements d’une personne se suivent dans le temps.`;
      }
      steps.push({ ok: false, field, message });
      return { steps, state, failedAt: index };
    }
    const date = event.fields.date as IsoDate;
    const next: TrajectoryState = { ...state, phase: check.to, since: date };
    if (event.transitionId === 'enter_pre_hire') {
      next.preHireEntry = state.preHireEntry ?? date;
      next.trustContractSignedOn = String(event.fields.trustContractSignedOn);
    }
    steps.push({ ok: true, from: state.phase, to: check.to, date });
    state = next;
  }
  return { steps, state, failedAt: null };
}
